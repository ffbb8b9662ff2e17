import { describe, expect, it } from 'vitest';
import { computeRouge } from './rouge';
import { tokenizeAscii } from './tokenize';

// Expected values are worked out by hand from the rouge-score definitions:
// F1 = 2PR / (P + R), P = overlap / prediction count, R = overlap / reference count.
describe('computeRouge', () => {
  it('counts unigrams, bigrams and the LCS', () => {
    // unigrams: overlap {a, b} = 2, P = 2/4, R = 2/3 → F = 4/7
    // bigrams: prediction {a b, b c, c d}, reference {a b, b e}; overlap 1, P = 1/3, R = 1/2 → F = 2/5
    // LCS "a b" = 2 → 4/7
    const scores = computeRouge('a b c d', 'a b e');
    expect(scores.rouge1).toBeCloseTo(4 / 7, 10);
    expect(scores.rouge2).toBeCloseTo(2 / 5, 10);
    expect(scores.rougeL).toBeCloseTo(4 / 7, 10);
  });

  it('uses the longest common subsequence, not a contiguous run', () => {
    // LCS of "a x b y c" and "a b c z" is "a b c" = 3; P = 3/5, R = 3/4 → F = 2/3
    expect(computeRouge('a x b y c', 'a b c z').rougeL).toBeCloseTo(2 / 3, 10);
  });

  it('clips repeated tokens to their count in the reference', () => {
    // "the" ×3 against ×1: overlap 1, P = 1/3, R = 1/2 → F = 2/5
    expect(computeRouge('the the the', 'the cat').rouge1).toBeCloseTo(2 / 5, 10);
  });

  it('computes ROUGE-Lsum as union LCS over newline-separated lines', () => {
    // One sequence: LCS("a b c d", "c d a b") = 2 → F = 1/2.
    // Lines "a b" and "c d" each match half of the reference line; their union covers all 4 tokens → F = 1.
    const scores = computeRouge('a b\nc d', 'c d a b');
    expect(scores.rougeL).toBeCloseTo(0.5, 10);
    expect(scores.rougeLsum).toBeCloseTo(1, 10);
  });

  it('keeps æ, ø and å so Norwegian words match whole', () => {
    // [høyre, øre, rødt] vs [venstre, øre, rødt]: unigram overlap 2/3; bigram overlap {øre rødt} 1/2
    const scores = computeRouge('Høyre øre rødt', 'venstre øre rødt.');
    expect(scores.rouge1).toBeCloseTo(2 / 3, 10);
    expect(scores.rouge2).toBeCloseTo(1 / 2, 10);
  });

  it('matches score.mjs when given its ascii tokenizer, which breaks words at ø', () => {
    // ascii: [h, yre, re, r, dt] vs [venstre, re, r, dt]: overlap {re, r, dt} = 3, P = 3/5, R = 3/4 → F = 2/3
    expect(computeRouge('Høyre øre rødt', 'venstre øre rødt', tokenizeAscii).rouge1).toBeCloseTo(2 / 3, 10);
  });

  it('scores 0 for an empty prediction or reference instead of throwing', () => {
    expect(computeRouge('', 'a b')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0, rougeLsum: 0 });
    expect(computeRouge('a b', ' ... ')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0, rougeLsum: 0 });
  });

  it('scores 0 for ROUGE-2 when one side has a single token', () => {
    expect(computeRouge('hoste', 'hoste').rouge2).toBe(0);
    expect(computeRouge('hoste', 'hoste').rouge1).toBe(1);
  });
});
