/**
 * Phrase words of the lexicon ("weight loss" → one word): their first part alone is a modifier, so the phrase is said
 * only whole. "Weight gain" in the talk is no evidence of weight loss (synthetic consultations).
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: a phrase word is not said by its modifier alone', () => {
  const lines = [
    'D: okay so how have you been feeling since the last visit',
    'P: um pretty good overall i think',
    'D: okay and any weight gain or swelling in your ankles lately ?',
    'P: uh a little bit of weight gain over the holidays but nothing big maybe three pounds',
    'D: okay and any trouble sleeping',
    'P: no i sleep fine',
  ];

  it('"Reports weight loss" where the talk says only weight gain is not supported', () => {
    const report = verify(lines, 'REVIEW OF SYSTEMS\nConstitutional: Reports weight loss.', 'en');
    expect(flagged(check(report, 'Constitutional: Reports weight loss.'))).toBe(true);
  });

  it('"Reports weight gain" said in the talk stays unflagged', () => {
    const report = verify(lines, 'REVIEW OF SYSTEMS\nConstitutional: Reports weight gain.', 'en');
    expect(flagged(check(report, 'Constitutional: Reports weight gain.'))).toBe(false);
  });

  it('"Denies weight loss" is not contradicted by weight gain', () => {
    const report = verify(lines, 'REVIEW OF SYSTEMS\nConstitutional: Denies weight loss.', 'en');
    expect(check(report, 'Constitutional: Denies weight loss.').support).not.toBe('contradicted');
  });
});
