/**
 * A good state denied (synthetic consultations): "not doing better", "not well controlled", "not stable" against talk
 * that calls the same thing good ("i think it's a bit better", "you're managing it well", "nice and stable"); talk
 * that also calls it bad ("it's been a struggle") decides nothing.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const LINES = [
  'D: okay so you are here for a follow up on your reflux and your blood pressure',
  'P: yeah that is right',
  'D: so how are you doing with the reflux since we started the omeprazole',
  'P: i think it is a bit better now',
  'D: good and how is your weight been any changes',
  'P: nice and pretty stable i would say',
  'D: and for your blood pressure it looks like you are managing it well with the lisinopril okay',
  'P: okay',
  'D: and how have you been doing with watching your salt',
  'P: um it has been more of a struggle lately i have not been doing so well with it',
];

describe('verifyNote: English good state denied', () => {
  it('"his reflux is not doing better" against "i think it is a bit better" is flagged', () => {
    const note = 'He notes that his reflux is not doing better.';
    const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
    const twin = 'He notes that his reflux is doing better.';
    const plain = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${twin}`, 'en');
    expect(flagged(check(plain, twin))).toBe(false);
  });

  it('"not well controlled" and "not been stable" against talk calling them good are flagged', () => {
    for (const note of [
      'His hypertension is not well controlled with lisinopril.',
      'His weight has not been stable.',
    ]) {
      const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
      expect(flagged(check(report, note)), note).toBe(true);
    }
  });

  it('talk that calls the thing bad leaves a denied good state unflagged', () => {
    const note = 'He states he is not doing well with his salt intake.';
    const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
  });

  it('a condition ("if he is not better") claims no state', () => {
    const note = 'If his reflux is not better, we will increase the omeprazole.';
    const report = verify(LINES, `ASSESSMENT AND PLAN\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
  });
});
