/** Arithmetic mean of the numbers; null for none. Nulls are left out. */
export function mean(values: ReadonlyArray<number | null | undefined>): number | null {
  const numbers = values.filter(
    (value): value is number => typeof value === 'number' && Number.isFinite(value),
  );
  return numbers.length === 0 ? null : numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
}

/**
 * The value at `fraction` (0..1) of the sorted numbers, by the nearest-rank rule `floor(fraction × n)`
 * clamped to the last index; for 0.5 this is score.mjs's median (the upper median for even counts).
 */
export function quantile(values: ReadonlyArray<number | null | undefined>, fraction: number): number | null {
  const numbers = values
    .filter((value): value is number => typeof value === 'number' && Number.isFinite(value))
    .sort((a, b) => a - b);
  if (numbers.length === 0) return null;
  const index = Math.min(numbers.length - 1, Math.floor(fraction * numbers.length));
  return numbers[index] ?? null;
}

/** Sum of the numbers; nulls count as 0. */
export function sum(values: ReadonlyArray<number | null | undefined>): number {
  return values.reduce<number>((total, value) => total + (typeof value === 'number' ? value : 0), 0);
}

/** numerator / denominator, or null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
