import { findDrugMentions as findLanguageDrugMentions, type DrugMention } from '../language/drugs';
import { normalizeSpokenText } from '../language/text';

/**
 * The one place the decision-support code reaches into the shared language helpers
 * (clinical/language: spoken numbers as digits, FEST drug names with spelling variants).
 * Keeping the dependency here means a change of those helpers touches one file.
 */

/** A drug named in a text; see clinical/language/drugs. */
export type { DrugMention };

/**
 * Puts Norwegian spoken text into the form the rules read: numbers as digits ("seks hundre og seksti" → 660,
 * "trettiåtte komma ni" → 38,9), spelled abbreviations restored ("ce er pe" → CRP), blood pressure as 148/92,
 * and split units joined ("milli gram" → milligram). Case is kept.
 */
export function prepareSpokenText(text: string): string {
  const normalized = normalizeSpokenText(text, 'nb');
  return normalized.replace(/\bmilli ?gram\b/giu, 'milligram').replace(/\bmikro ?gram\b/giu, 'mikrogram');
}

const DRUG_CACHE_LIMIT = 2000;
const drugCache = new Map<string, DrugMention[]>();

/**
 * Finds FEST drug names (substances, brands, misspellings one edit away, split forms) in a prepared text.
 * The same sentence is read by several rules, so results are kept for the most recent texts.
 */
export function findDrugMentions(text: string): DrugMention[] {
  const cached = drugCache.get(text);
  if (cached) return cached;
  const mentions = findLanguageDrugMentions(text);
  if (drugCache.size >= DRUG_CACHE_LIMIT) drugCache.clear();
  drugCache.set(text, mentions);
  return mentions;
}

/** Letters and digits of Norwegian words (JavaScript's `\b` does not treat æ/ø/å as word characters). */
const WORD_CHARACTER = '[\\p{L}\\p{N}]';

/** A case-insensitive, Unicode-aware pattern that matches `body` as whole words only. */
export function wordRegExp(body: string, flags = 'iu'): RegExp {
  return new RegExp(`(?<!${WORD_CHARACTER})(?:${body})(?!${WORD_CHARACTER})`, flags);
}

/** A pattern that matches `body` at the start of a word (Norwegian inflection and compounds after it). */
export function wordStartRegExp(body: string, flags = 'iu'): RegExp {
  return new RegExp(`(?<!${WORD_CHARACTER})(?:${body})`, flags);
}

/** Parses a Norwegian decimal ("38,6" or "38.6") to a number. */
export function parseDecimal(text: string): number {
  return Number(text.replace(',', '.'));
}
