import { l as scoreRougeL, n as scoreRougeN } from 'js-rouge';
import type { Tokenizer } from './tokenize';
import { tokenizeUnicode } from './tokenize';

/** ROUGE F1 scores in [0, 1] (rouge-score definitions, no stemming). */
export interface RougeScores {
  /** Unigram overlap F1. */
  rouge1: number;
  /** Bigram overlap F1. */
  rouge2: number;
  /** Longest common subsequence F1 over the whole text as one sequence. */
  rougeL: number;
  /** Summary-level LCS F1: union LCS over lines (sentences split on newlines). */
  rougeLsum: number;
}

const wholeText = (text: string): string[] => [text];
const linesOf = (text: string): string[] => text.split('\n');

/**
 * ROUGE-1/2/L/Lsum F1 of a prediction against a reference, with the definitions of score.mjs.
 * js-rouge does the counting; we pass the scorer's tokenizer (which keeps æ, ø, å) and choose the
 * segmentation ourselves: one segment for ROUGE-N and ROUGE-L, newline-separated lines for ROUGE-Lsum
 * (js-rouge's own `l()` is summary-level LCS over its English sentence splitter, which score.mjs does not use).
 * Empty text on either side scores 0 (js-rouge throws on empty input; score.mjs returns 0).
 */
export function computeRouge(
  prediction: string,
  reference: string,
  tokenize: Tokenizer = tokenizeUnicode,
): RougeScores {
  if (tokenize(prediction).length === 0 || tokenize(reference).length === 0)
    return { rouge1: 0, rouge2: 0, rougeL: 0, rougeLsum: 0 };
  return {
    rouge1: scoreRougeN(prediction, reference, { n: 1, tokenizer: tokenize }),
    rouge2: scoreRougeN(prediction, reference, { n: 2, tokenizer: tokenize }),
    rougeL: scoreRougeL(prediction, reference, { tokenizer: tokenize, segmenter: wholeText }),
    rougeLsum: scoreRougeL(prediction, reference, { tokenizer: tokenize, segmenter: linesOf }),
  };
}
