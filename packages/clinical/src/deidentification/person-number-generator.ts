import type { PersonNumberType } from './person-number';
import { checkDigitRemainder, firstCheckWeights, secondCheckWeights } from './person-number';

/** Which checksum rule a generated number must satisfy. */
export type PersonNumberRule = 'classic' | '2032-only';

/** Options for `generatePersonNumber`. */
export interface GeneratePersonNumberOptions {
  type?: PersonNumberType;
  /**
   * `classic`: valid under the classic rule (and therefore also under the 2032 rule);
   * `2032-only`: valid only under the 2032 rule ((S + K1) mod 11 ∈ {1,2,3}).
   */
  rule?: PersonNumberRule;
  /** Random source in [0, 1); pass a seeded one for reproducible tests. */
  random?: () => number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** A small seeded random source (mulberry32) for reproducible synthetic identifiers. */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(random: () => number, count: number): number {
  return Math.min(count - 1, Math.floor(random() * count));
}

/**
 * Generates a synthetic person number (fødselsnummer, D-nummer or H-nummer) that passes the chosen
 * checksum rule. For tests and evaluations only: never use it to make identifiers for real people.
 */
export function generatePersonNumber(options: GeneratePersonNumberOptions = {}): string {
  const random = options.random ?? Math.random;
  const type = options.type ?? 'fodselsnummer';
  const rule = options.rule ?? 'classic';
  for (;;) {
    const month = pick(random, 12) + 1;
    const day = pick(random, DAYS_IN_MONTH[month - 1] ?? 28) + 1;
    const year = pick(random, 100);
    const individual = pick(random, 1000);
    const writtenDay = type === 'd-nummer' ? day + 40 : day;
    const writtenMonth = type === 'h-nummer' ? month + 40 : month;
    const base = [
      Math.floor(writtenDay / 10),
      writtenDay % 10,
      Math.floor(writtenMonth / 10),
      writtenMonth % 10,
      Math.floor(year / 10),
      year % 10,
      Math.floor(individual / 100),
      Math.floor(individual / 10) % 10,
      individual % 10,
    ];
    const withoutFirst = checkDigitRemainder(base, firstCheckWeights(), 0);
    const allowedRemainders = rule === 'classic' ? [0] : [1, 2, 3];
    const firstCandidates = allowedRemainders
      .map((remainder) => (remainder - withoutFirst + 11) % 11)
      .filter((check) => check <= 9);
    const firstCheck = firstCandidates[pick(random, firstCandidates.length)];
    if (firstCheck === undefined) continue;
    const withFirst = [...base, firstCheck];
    const secondCheck = (11 - checkDigitRemainder(withFirst, secondCheckWeights(), 0)) % 11;
    if (secondCheck === 10) continue;
    return [...withFirst, secondCheck].join('');
  }
}

/**
 * Makes a number invalid under both checksum rules by changing its last check digit (K2 is the same
 * in both rules, so any other K2 fails both).
 */
export function corruptPersonNumber(value: string, random: () => number = Math.random): string {
  const last = Number(value.at(-1));
  const offset = pick(random, 9) + 1;
  return value.slice(0, -1) + String((last + offset) % 10);
}
