import type { Language } from '@kollega/domain';
import { expandShorthand } from './expand-shorthand';

/**
 * Sentence handling for patient text: splitting note statements into sentences (without splitting after
 * abbreviations such as "h." or "ca."), removing conversational filler, and splitting long sentences at their
 * clause boundaries so that a patient can read them.
 */

/** Abbreviations whose full stop does not end a sentence even before a capital letter. */
const NON_FINAL_ABBREVIATIONS = new Set([
  'h',
  'v',
  'hø',
  've',
  'dx',
  'ca',
  'kl',
  'dr',
  'pr',
  'nr',
  'ev',
  'evt',
  'tbl',
  'tabl',
  'henv',
  'mikst',
  'inj',
  'ktr',
  'pga',
  'ift',
  'mht',
  'tidl',
  'bl.a',
  'f.eks',
  'st.p',
  'obs',
  'mr',
  'mrs',
  'ms',
  'vs',
  'approx',
  'e.g',
  'i.e',
]);

/** Splits a statement into sentences at `.`, `!` or `?` followed by a capital letter or digit. */
export function splitIntoSentences(text: string): string[] {
  const sentences: string[] = [];
  const boundary = /([.!?])\s+(?=[\p{Lu}\p{N}«"])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = (match.index ?? 0) + 1;
    const before = text.slice(start, end - 1);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
    if (match[1] === '.' && NON_FINAL_ABBREVIATIONS.has(lastWord)) continue;
    sentences.push(text.slice(start, end).trim());
    start = end;
  }
  sentences.push(text.slice(start).trim());
  return sentences.filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}

const FILLER_START =
  /^(?:ja|jo|nei|ok|okei|okay|mm|ehm|eh|altså|vel|yes|no|well|so|um|uh)\s*[,.!]\s*(?=[\p{L}\p{N}])/iu;
const FILLER_ONLY =
  /^(?:ja|jo|nei|ok|okei|okay|mm|ehm|eh|takk|hei|ha det|yes|no|okay|thanks|hello|bye)[\s,.!]*$/iu;

/** Capitalises the first letter and makes sure the sentence ends with punctuation. */
export function finishSentence(text: string): string {
  const trimmed = text
    .trim()
    .replace(/[,;–-]+$/u, '')
    .trim();
  if (trimmed === '') return '';
  const capitalized = trimmed.charAt(0).toLocaleUpperCase('nb') + trimmed.slice(1);
  return /[.!?:]$/u.test(capitalized) ? capitalized : `${capitalized}.`;
}

/** Word count of a sentence (letters and digits). */
export function countSentenceWords(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** Sentences longer than this are split at clause boundaries. */
const LONG_SENTENCE_WORDS = 14;

/**
 * Splits a long sentence at ", og"/", men"/";" (", and"/", but" in English). "og"/"and" is dropped; "men"/"but"
 * starts the next sentence. Short parts (under four words) stay joined to keep the meaning intact.
 */
export function splitLongSentence(text: string, language: Language): string[] {
  if (countSentenceWords(text) <= LONG_SENTENCE_WORDS) return [text];
  const separator =
    language === 'nb'
      ? /;\s+|,\s+(?:og|så)\s+(?=\p{L})|,\s+(?=men\s)/giu
      : /;\s+|,\s+(?:and|so)\s+(?=\p{L})|,\s+(?=but\s)/giu;
  const parts = text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length < 2 || parts.some((part) => countSentenceWords(part) < 4)) return [text];
  return parts.map(finishSentence);
}

/** Rewrites the start of a statement into patient wording ("Ny kontakt ved …" → "Ta kontakt igjen ved …"). */
function rewriteOpening(text: string, language: Language): string {
  if (language === 'nb') {
    return text
      .replace(/^ny kontakt(?= (?:ved|hvis|dersom|om)\b)/iu, 'Ta kontakt igjen')
      .replace(/^113(?= (?:ved|hvis|dersom)\b)/u, 'Ring 113')
      .replace(/^legevakt(?:en)?(?= (?:ved|hvis|dersom)\b)/iu, 'Kontakt legevakten')
      .replace(/^resept(?!\s+på)\s+/iu, 'Resept på ');
  }
  return text.replace(/^rtc\b/iu, 'Come back').replace(/^return precautions:?\s*/iu, '');
}

/**
 * Turns one note statement into patient sentences: split, shorthand expanded, filler and questions removed,
 * long sentences split, each finished with a capital letter and end punctuation.
 */
export function toPatientSentences(statementText: string, language: Language): string[] {
  const result: string[] = [];
  for (const raw of splitIntoSentences(statementText)) {
    if (FILLER_ONLY.test(raw.trim())) continue;
    if (/\?\s*$/u.test(raw)) continue;
    const withoutFiller = raw.trim().replace(FILLER_START, '');
    const expanded = rewriteOpening(expandShorthand(withoutFiller, language), language);
    const finished = finishSentence(expanded);
    if (finished === '' || FILLER_ONLY.test(finished)) continue;
    result.push(...splitLongSentence(finished, language));
  }
  return result;
}
