/**
 * English: two sides told in turn in one sentence, and a duration the doctor guessed that the patient's answer
 * corrected (synthetic consultations).
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: a side named more often than the talk names it', () => {
  const lines = [
    'D: okay so what brings you in today',
    'P: um i have had this pain in my back for about three days',
    'D: and which side of your back is it on',
    'P: uh it kinda moves , it started on the left side and it went over and now i feel it in the right side of my back',
    'D: okay any fever',
    'P: no',
  ];
  it('"started on the left … feels it on the left" where the talk says started left, now right: contradicted', () => {
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nThe pain started on the left side and went over and she feels it on the left side of her back.\nThe pain started on the left side and went over and she feels it on the right side of her back.',
      'en',
    );
    expect(
      check(
        report,
        'The pain started on the left side and went over and she feels it on the left side of her back.',
      ).support,
    ).toBe('contradicted');
    expect(
      flagged(
        check(
          report,
          'The pain started on the left side and went over and she feels it on the right side of her back.',
        ),
      ),
    ).toBe(false);
  });
});

describe('verifyNote: a duration the doctor guessed and the patient corrected', () => {
  const lines = [
    'D: so i see you are here for your blood pressure',
    "D: i'm guessing your readings have been kind of all over the place over the last i would say maybe four weeks can you tell me about that",
    'P: well um my doctor changed my pills last year',
    'D: okay',
    'P: but i noticed my readings have been running in the one sixties the last two weeks and i get headaches with it',
    'D: okay',
  ];
  it('the doctor\'s "four or five weeks" is no evidence where the patient says "the last two weeks"', () => {
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe notes his readings have been running in the 160s over the last 4 weeks.\nHe notes his readings have been running in the 160s over the last 2 weeks.',
      'en',
    );
    expect(
      check(report, 'He notes his readings have been running in the 160s over the last 4 weeks.').support,
    ).toBe('contradicted');
    expect(
      flagged(check(report, 'He notes his readings have been running in the 160s over the last 2 weeks.')),
    ).toBe(false);
  });
});
