import type { RecordPassage } from './record-types';
import { findDates } from './norwegian-dates';

/** A four-digit year on its own (not part of a date or a number). */
export const YEAR_PATTERN = /(?<![\d.,/-])(19\d{2}|20\d{2})(?![\d,/-]|\.\d)/u;

/** The date a sentence is about, and how precise it is. */
export interface SentenceDate {
  date?: string;
  /** `day` for a full date (the sentence's or its passage's); `year` when the sentence names only a year. */
  precision: 'day' | 'year';
}

/**
 * The date a sentence of a passage is about: a full date in the sentence; else a year it names that differs
 * from the passage's ("HbA1c var 61 i 2012" in a 2024 note), dated mid-year and marked imprecise; else the
 * passage's own date.
 */
export function dateOfSentence(sentence: string, passage: RecordPassage): SentenceDate {
  const full = findDates(sentence)[0];
  if (full !== undefined) return { date: full.iso, precision: 'day' };
  const year = YEAR_PATTERN.exec(sentence)?.[1];
  if (year !== undefined && year !== passage.date?.slice(0, 4))
    return { date: `${year}-07-01`, precision: 'year' };
  return passage.date === undefined ? { precision: 'day' } : { date: passage.date, precision: 'day' };
}
