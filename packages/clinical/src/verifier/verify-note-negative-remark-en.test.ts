/**
 * English: a doctor's guess put as a negative remark ("i'm guessing you haven't been able to …") and answered "no i
 * have not" is answered even where the patient nodded before it: a turn opening with a contracted subject and verb
 * ("i'm …") starts a new sentence, it is not the rest of the one the nod broke off.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const lines = [
  'D: okay so tell me what happened to your knee',
  'P: i twisted it on the stairs last week',
  'D: okay i see here that you played tennis in college and then played a little bit of club tennis now',
  'P: yeah',
  "D: i'm i'm guessing you probably have n't been able to play tennis since you hurt your knee",
  'P: no i have not been',
  'D: okay any swelling',
  'P: a little',
];

describe('verifyNote (en): a no that agrees with a negative remark', () => {
  it('"you probably haven\'t been able to play tennis since …" – "no i have not been" contradicts "has been able to play"', () => {
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe has been able to play tennis since the knee injury.',
      'en',
    );
    expect(check(report, 'She has been able to play tennis since the knee injury.').support).toBe(
      'contradicted',
    );
  });
  it('the note that keeps the negation stays unflagged', () => {
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe has not been able to play tennis since the knee injury.',
      'en',
    );
    expect(flagged(check(report, 'She has not been able to play tennis since the knee injury.'))).toBe(false);
  });
});
