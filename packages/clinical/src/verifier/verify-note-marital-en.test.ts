/**
 * English marital status (synthetic consultations): "i do have a wife" is being married, so "not married" is
 * contradicted; a marriage that is over ("my late wife … passed away") is not.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const NOTE = 'The patient is not married with children and is worried about his hepatitis C status.';

describe('verifyNote: English marital status', () => {
  it('"is not married with children" against "i do have a wife and kids"', () => {
    const lines = [
      'D: so the test came back positive for hepatitis c',
      'P: hmm okay i am worried about that',
      'D: we will get more labs to look at your liver',
      'P: okay i do have a wife and kids so should i be worried about them',
      'D: we can test them too',
      'D: any belly pain or yellow skin',
      'P: no none of that',
    ];
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${NOTE}`, 'en');
    expect(flagged(check(report, NOTE))).toBe(true);
  });

  it('a marriage that is over does not contradict "not married"', () => {
    const lines = [
      'D: so the test came back positive for hepatitis c',
      'P: hmm okay i am worried about that',
      'D: we will get more labs to look at your liver',
      'P: okay my late wife had it too she passed away two years ago',
      'D: i am sorry to hear that we can test your kids too',
    ];
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${NOTE}`, 'en');
    expect(flagged(check(report, NOTE))).toBe(false);
  });
});
