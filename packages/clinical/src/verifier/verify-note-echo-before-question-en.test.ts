/**
 * "okay so lower back pain alright any numbness in your legs" – "no not really" (synthetic consultation): a doctor's
 * bare noun phrase closed by "alright" echoes what the patient just said; the new question starts after it, and the
 * "no" answers that question only, so a note that denies the echoed complaint is contradicted.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const LINES = [
  'D: so what brings you in today',
  'P: um my back has been hurting down low for about a week',
  'D: okay so lower back pain alright any numbness or tingling in your legs',
  'P: no not really',
  'D: okay and are you taking anything for it',
  'P: just some tylenol',
];

describe('verifyNote: English echo before a new question', () => {
  it('the "no" answers the new question, not the echoed complaint', () => {
    const note = 'Denies lower back pain.';
    const report = verify(LINES, `REVIEW OF SYSTEMS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
    const twin = 'Denies numbness or tingling in legs.';
    const plain = verify(LINES, `REVIEW OF SYSTEMS\n${twin}`, 'en');
    expect(flagged(check(plain, twin))).toBe(false);
  });
});
