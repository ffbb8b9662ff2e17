/**
 * Small text helpers of the verifier: word boundaries that understand æ/ø/å, accent folding, a light
 * stemmer for Norwegian Bokmål and English, and a stable hash for ids. The verifier keeps its own
 * normalisation so it can check notes from any engine without depending on the note writer's code.
 */
import type { Language } from '@kollega/domain';

const LETTER_OR_DIGIT = '[\\p{L}\\p{N}]';

/**
 * A case-insensitive regular expression for `body` as whole words (letters incl. æøå count as word characters).
 * Not global, so `test` has no state; use `globalWordRegExp` for `matchAll` and `replace`.
 */
export function wordRegExp(body: string): RegExp {
  return new RegExp(`(?<!${LETTER_OR_DIGIT})(?:${body})(?!${LETTER_OR_DIGIT})`, 'iu');
}

/** The global variant of `wordRegExp`, for `matchAll` and `replace`. */
export function globalWordRegExp(body: string): RegExp {
  return new RegExp(`(?<!${LETTER_OR_DIGIT})(?:${body})(?!${LETTER_OR_DIGIT})`, 'giu');
}

/** Lower case with accents folded (é → e, ü → u) but æ, ø and å kept. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[éèêë]/g, 'e')
    .replace(/[áàâä]/g, 'a')
    .replace(/[óòôö]/g, 'o')
    .replace(/[úùûü]/g, 'u')
    .replace(/[íìîï]/g, 'i')
    .replace(/ç/g, 'c')
    .replace(/ñ/g, 'n')
    .replace(/[’‘`´]/g, "'");
}

/** Spelling fold used for drug names and fuzzy matching: c/k, x/ks, ph/f, th/t, y/i, qu/kv, doubled letters. */
export function foldSpelling(word: string): string {
  return foldText(word)
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/qu/g, 'kv')
    .replace(/x/g, 'ks')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/y/g, 'i')
    .replace(/z/g, 's')
    .replace(/w/g, 'v')
    .replace(/([a-zæøå])\1+/g, '$1')
    .replace(/[^a-zæøå0-9]/g, '');
}

const NB_SUFFIXES = [
  'hetene',
  'elsene',
  'ingene',
  'heten',
  'heter',
  'elsen',
  'elser',
  'ingen',
  'ingene',
  'ende',
  'erte',
  'ene',
  'ane',
  'het',
  'else',
  'ing',
  'inga',
  'ert',
  'ede',
  'ete',
  'er',
  'en',
  'et',
  'te',
  'a',
  'e',
  's',
];

const EN_SUFFIXES = [
  'ations',
  'ation',
  'ingly',
  'ness',
  'ment',
  'ings',
  'ing',
  'ies',
  'ied',
  'ed',
  'es',
  'ly',
  'al',
  's',
  'e',
  'y',
];

/**
 * Light stemmer: strips the first listed inflection suffix that leaves at least four letters (three for a
 * one-letter ending), then a doubled final
 * consonant. Both sides of a comparison go through the same stemmer, so over-stemming is harmless.
 */
export function stemWord(word: string, language: Language): string {
  const folded = foldText(word);
  if (folded.length <= 3 || /\d/.test(folded)) return folded;
  const suffixes = language === 'nb' ? NB_SUFFIXES : EN_SUFFIXES;
  let stem = folded;
  for (const suffix of suffixes) {
    // English "y" after a vowel is part of the stem ("play", "x-ray", "kidney"), as its inflections keep it
    // ("played", "x-rays", "kidneys"); after a consonant it is an ending ("itchy" → "itch").
    if (language === 'en' && suffix === 'y' && /[aeiou]y$/.test(folded)) continue;
    // A longer ending must leave four letters ("hoste" → "host", not "hos").
    const minimum = suffix.length === 1 ? 3 : 4;
    if (folded.endsWith(suffix) && folded.length - suffix.length >= minimum) {
      stem = folded.slice(0, folded.length - suffix.length);
      break;
    }
  }
  return stem.replace(/([bdfgklmnprstv])\1$/, '$1');
}

/** Edit distance with an early exit above `limit` (returns limit + 1 then). */
export function editDistance(left: string, right: string, limit = 3): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    let best = row;
    for (let column = 1; column <= right.length; column += 1) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      const value = Math.min(
        (previous[column] ?? 0) + 1,
        (current[column - 1] ?? 0) + 1,
        (previous[column - 1] ?? 0) + cost,
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[right.length] ?? limit + 1;
}

/** A short stable hash (FNV-1a, 32 bit, hex) for ids that must survive a re-verification. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Upper-cases the first letter. */
export function capitalizeFirst(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
