/**
 * English habitual conditions (synthetic consultations): the patient's own "if i sit too long …, i start to feel the
 * ache" states a pattern, not a supposition, so a note clause that denies the same pattern with its own condition
 * ("denies back pain when he sits too long") is contradicted. The doctor's warning ("if you sit too long you may …")
 * and a note clause without a condition are not read so.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const DENIED = 'He denies occasional flares of his back when he sits too long or carries heavy groceries.';

describe('verifyNote: English habitual conditions', () => {
  it('a denied pattern against the patient\'s own "if i …, i start to feel …"', () => {
    const lines = [
      'D: and how is your back doing these days',
      'P: it flares up every once in a while. if i sit too long or if i carry groceries that are too heavy, i start to feel it.',
      'D: okay and what do you take for it',
      'P: just some tylenol',
    ];
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${DENIED}`, 'en');
    expect(flagged(check(report, DENIED))).toBe(true);
  });

  it("the doctor's warning with the same condition does not contradict the denied pattern", () => {
    const lines = [
      'D: and how is your back doing these days',
      'P: it has been fine, no trouble at all',
      'D: good. if you sit too long or carry groceries that are too heavy, you may start to feel it.',
      'P: okay i will watch that',
      'D: and keep taking the tylenol for the pain as needed',
    ];
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${DENIED}`, 'en');
    expect(flagged(check(report, DENIED))).toBe(false);
  });

  it('a denial without a condition of its own is not contradicted by a supposition', () => {
    const note = 'He denies back pain from carrying heavy groceries.';
    const lines = [
      'D: and how is your back doing these days',
      'P: it has been fine. i guess if i carried groceries that were too heavy i might feel it.',
      'D: okay good, any numbness or tingling in your legs',
      'P: no, and the tylenol helps with the pain',
    ];
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
  });
});
