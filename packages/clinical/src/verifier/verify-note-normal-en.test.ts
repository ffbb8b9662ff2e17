/**
 * English claims that deny a normal finding ("not regular", "not clear", "abnormal") against a transcript that calls
 * the same thing normal (synthetic consultations).
 */
import { describe, expect, it } from 'vitest';
import { check, verify } from './verifier-test-kit';

describe('verifyNote: a normal finding denied (en)', () => {
  it('a doctor\'s finding stated before a question in the same unpunctuated turn is still a statement', () => {
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
});
