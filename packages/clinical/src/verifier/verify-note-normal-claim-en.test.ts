/**
 * English: a good or normal word claimed plainly of a subject ("His diet has been good") where the talk says that
 * subject's normal word only under a negation ("our diets were less than ideal") has dropped a "not".
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const lines = [
  'D: okay so we are following up on your blood pressure and your cholesterol',
  'P: yeah my blood pressure readings at home are around one forty',
  'D: okay and how about your eating',
  'P: um to be honest with the new job our diets were less than ideal lots of takeout',
  'D: okay any chest pain or shortness of breath',
  'P: no',
];

describe('verifyNote (en): a normal word the talk says only under a negation', () => {
  it('"His diet has been good" against "our diets were less than ideal" is contradicted', () => {
    const report = verify(lines, 'HISTORY OF PRESENT ILLNESS\nHe reports his diet has been good.', 'en');
    expect(check(report, 'He reports his diet has been good.').support).toBe('contradicted');
  });
  it('the note that keeps the negation stays unflagged', () => {
    const report = verify(lines, 'HISTORY OF PRESENT ILLNESS\nHe reports his diet has not been good.', 'en');
    expect(flagged(check(report, 'He reports his diet has not been good.'))).toBe(false);
  });
  it('a diet the talk also calls good plainly is not contradicted', () => {
    const talk = [...lines, 'P: but this week my diet has been good again i cook at home'];
    const report = verify(talk, 'HISTORY OF PRESENT ILLNESS\nHe reports his diet has been good.', 'en');
    expect(check(report, 'He reports his diet has been good.').support).not.toBe('contradicted');
  });
});
