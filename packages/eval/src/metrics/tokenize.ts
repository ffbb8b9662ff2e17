/**
 * Tokenizers with the exact definitions of the official scorer (/work/shared/tools/score.mjs),
 * so that figures from `kollega eval` and from score.mjs can be compared.
 */

/** A function that turns text into lower-case word tokens. */
export type Tokenizer = (text: string) => string[];

/** Names of the two tokenizers: `unicode` keeps æ, ø, å and other letters; `ascii` keeps a–z and 0–9 only. */
export const TOKENIZER_NAMES = ['unicode', 'ascii'] as const;
/** A tokenizer name; see `TOKENIZER_NAMES`. */
export type TokenizerName = (typeof TOKENIZER_NAMES)[number];

/** Lower-cases, NFC-normalises and splits on anything that is not a letter or a digit (score.mjs `--tokenizer unicode`). */
export function tokenizeUnicode(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
}

/** Lower-cases and splits on anything outside a–z and 0–9 (score.mjs default; splits "høyre" into "h", "yre"). */
export function tokenizeAscii(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
}

/** The tokenizer with this name. */
export function selectTokenizer(name: TokenizerName): Tokenizer {
  return name === 'ascii' ? tokenizeAscii : tokenizeUnicode;
}

/** Number of whitespace-separated words (score.mjs `words`, used for the length ratio). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
