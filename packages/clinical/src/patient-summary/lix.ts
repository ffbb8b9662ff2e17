/**
 * LIX (läsbarhetsindex, C.-H. Björnsson 1968): words per sentence + 100 × long words / words, where a long
 * word has more than six letters. Under 30 is very easy, 30–40 easy (children's and popular texts), 40–50
 * average (newspapers), over 50 hard (official and academic texts). Kollega's patient texts aim at ≤ 40.
 */

/** The parts of a LIX computation, for display ("LIX 34: 7,1 ord per setning, 27 % lange ord"). */
export interface LixResult {
  lix: number;
  words: number;
  sentences: number;
  longWords: number;
}

/** Letters of a word (digits and punctuation do not count towards the six-letter limit). */
function letterCount(word: string): number {
  return (word.match(/\p{L}/gu) ?? []).length;
}

/**
 * Words: runs of letters or digits (with inner hyphens, apostrophes or decimal commas). A number such as
 * "38,6" or "660" counts as one word.
 */
function listWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * Sentences: text ended by `.`, `!`, `?` or `:` (Björnsson counts colons), and every non-empty line
 * (a heading or list item without end punctuation is a sentence of its own). A full stop between digits
 * ("1.5") does not end a sentence.
 */
function countSentences(text: string): number {
  let count = 0;
  for (const line of text.split(/\n+/)) {
    const parts = line.split(/(?<!\p{N})[.!?:]+(?!\p{N})|(?<=\p{N})[.!?:]+(?=\s|$)/u);
    count += parts.filter((part) => /[\p{L}\p{N}]/u.test(part)).length;
  }
  return count;
}

/** Computes LIX of a text; 0 for a text without words. Rounded to one decimal. */
export function computeLix(text: string): LixResult {
  const words = listWords(text);
  const sentences = Math.max(1, countSentences(text));
  if (words.length === 0) return { lix: 0, words: 0, sentences: 0, longWords: 0 };
  const longWords = words.filter((word) => letterCount(word) > 6).length;
  const lix = words.length / sentences + (100 * longWords) / words.length;
  return { lix: Math.round(lix * 10) / 10, words: words.length, sentences, longWords };
}
