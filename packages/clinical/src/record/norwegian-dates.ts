/**
 * Dates as Norwegian records write them: `12.03.2024`, `12.3.24`, `2024-03-12`, `12. mars 2024`, `12 mar. 2024`.
 * Only full calendar dates are read; a month or year alone is left alone (it dates nothing precisely).
 */

/** A date found in a text, as an ISO date (YYYY-MM-DD), with where it was found. */
export interface DateMention {
  iso: string;
  index: number;
  length: number;
}

const MONTHS: Record<string, number> = {
  januar: 1,
  jan: 1,
  februar: 2,
  feb: 2,
  mars: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mai: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  desember: 12,
  des: 12,
};

const NUMERIC = /(?<![\d.,/])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d|[.,]\d)/g;
const ISO = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])/g;
const WORDS = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,2})\\.?\\s+(${Object.keys(MONTHS)
    .sort((left, right) => right.length - left.length)
    .join('|')})\\.?\\s+(\\d{4})(?!\\d)`,
  'giu',
);

function toIso(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A two-digit year: 00–49 is 20xx, 50–99 is 19xx (records of living patients). */
function fullYear(text: string): number {
  const value = Number(text);
  if (text.length === 4) return value;
  return value < 50 ? 2000 + value : 1900 + value;
}

/** All full dates in a text, left to right. */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const match of text.matchAll(NUMERIC)) {
    const iso = toIso(fullYear(match[3] ?? ''), Number(match[2]), Number(match[1]));
    if (iso !== undefined) found.push({ iso, index: match.index, length: match[0].length });
  }
  for (const match of text.matchAll(ISO)) {
    const iso = toIso(Number(match[1]), Number(match[2]), Number(match[3]));
    if (iso !== undefined) found.push({ iso, index: match.index, length: match[0].length });
  }
  for (const match of text.matchAll(WORDS)) {
    const month = MONTHS[(match[2] ?? '').toLowerCase()];
    if (month === undefined) continue;
    const iso = toIso(Number(match[3]), month, Number(match[1]));
    if (iso !== undefined) found.push({ iso, index: match.index, length: match[0].length });
  }
  return found.sort((left, right) => left.index - right.index);
}

/** The ISO date part (YYYY-MM-DD) of an ISO date or date-time, or undefined when it is not one. */
export function toIsoDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (match) return toIso(Number(match[1]), Number(match[2]), Number(match[3]));
  const year = /^(\d{4})(?:-(\d{2}))?$/.exec(value.trim());
  if (year) return toIso(Number(year[1]), Number(year[2] ?? '1'), 1);
  return undefined;
}

/** An ISO date as Norwegians write it: `2024-03-12` → `12.03.2024`. Other text is returned unchanged. */
export function formatNorwegianDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}
