import type { Language } from '@kollega/domain';
import { convertNumberWords, convertOrdinals, joinBloodPressure } from './numbers';
import { restoreSpokenAbbreviations } from './spoken-abbreviations';
import { COMMON_WORDS } from './common-words';

/** Letters and digits of any script: the word characters of Norwegian (æ, ø, å) and English. */
const WORD_CHARACTER = '[\\p{L}\\p{N}]';

/**
 * A case-insensitive, Unicode-aware regular expression that matches `body` as whole words
 * (JavaScript's `\b` does not treat æ/ø/å as word characters).
 */
export function wordPattern(body: string, flags = 'giu'): RegExp {
  // stateless (non-global) patterns are compiled once and shared
  const cacheable = !flags.includes('g') && !flags.includes('y');
  const key = `${flags}/${body}`;
  if (cacheable) {
    const cached = PATTERN_CACHE.get(key);
    if (cached) return cached;
  }
  // a match that ends in a space or punctuation (bodies ending in " " or a look-ahead) needs no boundary
  // a body that opens with a space, punctuation, an anchor or a look-around sets its own start
  const ownStart = /^(?:[\s,.;:^]|\(\?<?[=!])/u.test(body);
  const pattern = new RegExp(
    `${ownStart ? '' : `(?<!${WORD_CHARACTER})`}(?:${body})(?:(?<=[\\s,.;:!?])|(?!${WORD_CHARACTER}))`,
    flags,
  );
  if (cacheable) {
    if (PATTERN_CACHE.size > 2000) PATTERN_CACHE.clear();
    PATTERN_CACHE.set(key, pattern);
  }
  return pattern;
}

const PATTERN_CACHE = new Map<string, RegExp>();

/** True when `body` occurs in `text` as whole words (case-insensitive). */
export function hasWords(text: string, body: string): boolean {
  return wordPattern(body, 'iu').test(text);
}

/** Lower-case word tokens of a text. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Counts the words of a text. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Collapses runs of whitespace and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Upper-cases the first letter. */
export function capitalize(text: string): string {
  const trimmed = text.trimStart();
  return trimmed.length === 0 ? trimmed : trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/** Words that speech recognisers split in two, as the stems that must span the split ("milli gram"). */
const SPLIT_STEMS: Record<Language, readonly string[]> = {
  nb: [
    'milligram',
    'mikrogram',
    'millimol',
    'milliliter',
    'mikromol',
    'streptokokk',
    'stafylokokk',
    'pneumokokk',
    'antibiotika',
    'penicillin',
    'paracetamol',
    'blodtrykk',
    'hemoglobin',
    'kolesterol',
    'ultralyd',
    'røntgen',
    'fysioterapeut',
    'spirometri',
    'elektrokardiogram',
    'kardiolog',
    'gynekolog',
    'nevrolog',
    'ortoped',
    'legevakt',
    'sykmelding',
    'henvisning',
  ],
  en: [
    'milligram',
    'microgram',
    'millimol',
    'milliliter',
    'streptococ',
    'staphylococ',
    'antibiotic',
    'ultrasound',
  ],
};

const STEM_INDEX = new Map<Language, Map<string, string[]>>();

function stemIndex(language: Language): Map<string, string[]> {
  let index = STEM_INDEX.get(language);
  if (!index) {
    index = new Map();
    for (const stem of SPLIT_STEMS[language]) {
      const key = stem.slice(0, 3);
      index.set(key, [...(index.get(key) ?? []), stem]);
    }
    STEM_INDEX.set(language, index);
  }
  return index;
}

/** Joins words a recogniser split ("milli gram" → "milligram", "strepto kokker" → "streptokokker"). */
export function joinSplitWords(text: string, language: Language): string {
  const index = stemIndex(language);
  const words = text.split(' ');
  const out: string[] = [];
  for (let position = 0; position < words.length; position += 1) {
    const first = words[position] ?? '';
    const second = words[position + 1];
    if (second !== undefined && /^\p{L}+$/u.test(first) && /^\p{L}+/u.test(second)) {
      const firstLower = first.toLowerCase();
      const joined = `${firstLower}${second.toLowerCase()}`;
      const candidates = index.get(joined.slice(0, 3));
      const bothCommon = COMMON_WORDS.has(firstLower) && COMMON_WORDS.has(second.toLowerCase());
      if (
        candidates &&
        !bothCommon &&
        candidates.some(
          (stem) =>
            joined.startsWith(stem) && stem.length > firstLower.length && !firstLower.startsWith(stem),
        )
      ) {
        out.push(`${first}${second}`);
        position += 1;
        continue;
      }
    }
    out.push(first);
  }
  return out.join(' ');
}

/**
 * Puts spoken text into a form the rules read: Unicode NFC, stage directions in parentheses removed,
 * spelled abbreviations restored ("ce er pe" → CRP), split words joined, numbers as digits
 * ("trettiåtte komma ni" → 38,9) and blood pressure as "148/92". Case is kept.
 */
export function normalizeSpokenText(text: string, language: Language): string {
  let result = text.normalize('NFC');
  result = result.replace(/\([^)]*\)/g, ' ');
  result = result.replace(/[«»“”"]/g, '');
  result = result.replace(/\u2014|\u2013(?=\s|$)/g, ' — ');
  result = result.replace(/\s+/g, ' ');
  // "g" tokens the English ACI transcripts carry ("ca n't", "do n't")
  if (language === 'en')
    result = result.replace(
      /\b(ca|do|does|did|is|are|was|were|would|could|should|wo|have|has|had) n't\b/gi,
      "$1n't",
    );
  result = restoreSpokenAbbreviations(result, language);
  result = joinSplitWords(result, language);
  result = convertNumberWords(result, language);
  result = convertOrdinals(result, language);
  result = joinBloodPressure(result);
  return collapseWhitespace(result);
}

/**
 * Splits a turn into sentences on end punctuation, ellipses and dashes. Lower-case recogniser output
 * without punctuation comes back as one sentence; `splitRunOnSentence` splits it further.
 */
export function splitSentences(text: string): string[] {
  return text
    .split(
      /(?<=[.!?])(?<!(?:^|\s)(?:ca|dr|kl|ev|nr|mr|mrs|ms|vs|st|bl\.a|f\.eks|dvs|osv|pga|iflg)\.)\s+|\s*\.\.\.+\s*|\s*…\s*|\s+—\s*/iu,
    )
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}
