/** Formats a fraction as a Norwegian percentage with one decimal ("45,3 %"); "–" for null. */
export function formatPercent(value: number | null | undefined): string {
  return typeof value === 'number' ? `${(value * 100).toFixed(1).replace('.', ',')} %` : '–';
}

/** Formats a number with the given decimals and a decimal comma; "–" for null. */
export function formatNumber(value: number | null | undefined, decimals = 2): string {
  return typeof value === 'number' ? value.toFixed(decimals).replace('.', ',') : '–';
}

/** Formats milliseconds as "0,4 ms", "850 ms" or "2,4 s"; "–" for null. */
export function formatDuration(milliseconds: number | null | undefined): string {
  if (typeof milliseconds !== 'number') return '–';
  if (milliseconds < 10) return `${milliseconds.toFixed(1).replace('.', ',')} ms`;
  return milliseconds < 1000
    ? `${Math.round(milliseconds)} ms`
    : `${(milliseconds / 1000).toFixed(1).replace('.', ',')} s`;
}
