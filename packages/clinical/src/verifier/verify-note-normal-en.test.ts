/**
 * English claims that deny a normal finding ("not regular", "not clear", "abnormal") against a transcript that calls
 * the same thing normal (synthetic consultations).
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: a normal finding denied (en)', () => {
  it("a doctor's finding stated before a question in the same unpunctuated turn is still a statement", () => {
    const lines = [
      'P: I have had a sore throat for three days.',
      'D: okay let me listen to your chest now your lungs are clear so do you have any cough at night',
      'P: no',
      'D: good we will treat the throat.',
    ];
    const report = verify(lines, 'Physical exam: Lungs are not clear.', 'en');
    expect(check(report, 'Lungs are not clear.').support).toBe('contradicted');
  });

  it('a normal word said before a supposition in the same turn is weighed where it stands', () => {
    const lines = [
      'D: How are you doing with the lisinopril?',
      'P: oh I am pretty regular with the lisinopril on workdays but if I travel I sometimes leave it at home',
      'D: Okay, try a pill box.',
    ];
    const report = verify(lines, 'HPI: He is not regular with his lisinopril on workdays.', 'en');
    expect(check(report, 'He is not regular with his lisinopril on workdays.').support).toBe('contradicted');
  });

  it('a finding said "with" after a normal word is contradicted where the transcript says it "without" there', () => {
    const lines = [
      'P: My knee gave way on the stairs last week.',
      'D: Let me examine it. Your knee ligaments are stable without laxity and there is a small bruise.',
      'P: It still aches at night.',
    ];
    const report = verify(lines, 'Physical exam: Knee ligaments: Stable with laxity.', 'en');
    expect(check(report, 'Knee ligaments: Stable with laxity.').support).toBe('contradicted');
    const agreeing = verify(lines, 'Physical exam: Knee ligaments: Stable without laxity.', 'en');
    expect(check(agreeing, 'Knee ligaments: Stable without laxity.').support).not.toBe('contradicted');
  });

  it('"okay" after a verb is a finding, not agreement ("my breathing has been okay")', () => {
    const lines = [
      'D: How is the asthma these days?',
      'P: My breathing has been okay since the new inhaler.',
      'D: Good, keep using it.',
    ];
    const report = verify(lines, 'HPI: Breathing is not normal.', 'en');
    expect(check(report, 'Breathing is not normal.').support).toBe('contradicted');
  });

  it('a negated "okay" in the claim denies the normal ("has not been okay")', () => {
    const lines = [
      'D: How is the asthma these days?',
      'P: My breathing has been fine since the new inhaler.',
      'D: Good, keep using it.',
    ];
    const report = verify(lines, 'HPI: Breathing has not been okay.', 'en');
    expect(check(report, 'Breathing has not been okay.').support).toBe('contradicted');
  });

  it('after "but" the abnormal claim speaks of what follows the contrast', () => {
    const lines = [
      'D: Any trouble this spring?',
      'P: I get hay fever every spring with itchy eyes.',
      'P: But my breathing is fine.',
      'D: Good.',
    ];
    const text = 'He gets hay fever every spring with itchy eyes but his breathing is not normal.';
    const report = verify(lines, `HPI: ${text}`, 'en');
    expect(check(report, text).support).toBe('contradicted');
  });

  it('a temperature said to be out of the normal is a fever, denied by "no fever"', () => {
    const lines = [
      'P: I have had a runny nose for a week.',
      'D: The nurse took your temperature and your blood pressure. You do not have a fever today.',
      'D: It is likely a cold.',
    ];
    const report = verify(lines, 'Vitals: Temperature is not within normal limits.', 'en');
    expect(flagged(check(report, 'Temperature is not within normal limits.'))).toBe(true);
    const agreeing = verify(lines, 'Vitals: Temperature is within normal limits.', 'en');
    expect(check(agreeing, 'Temperature is within normal limits.').support).not.toBe('contradicted');
  });
});
