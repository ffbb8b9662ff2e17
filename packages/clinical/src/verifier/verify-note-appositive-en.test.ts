/**
 * English appositives after a negated verb (synthetic consultations): in the doctor's "i'm not too worried about that,
 * that chest pounding" the noun phrase after the comma names what "that" stood for; it is not a second item of a
 * negated list, so it does not deny the pounding, and the patient's "i sometimes feel a little pounding in my chest"
 * still contradicts "denies intermittent palpitations".
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const DENIED = 'Cardiovascular: Denies intermittent palpitations.';

describe('verifyNote: English appositives after a negated verb', () => {
  it('"denies intermittent palpitations" against the pounding, past "not too worried about that, that chest pounding"', () => {
    const lines = [
      'D: how have you been doing with the exercise',
      'P: pretty good, i jog most mornings',
      'P: i sometimes feel a little pounding in my chest after my jog. it usually passes quickly.',
      'D: okay let me listen to your heart and lungs',
      "D: so i'm not too worried about that, that chest pounding. your ekg looks normal.",
    ];
    const report = verify(lines, `REVIEW OF SYSTEMS\n${DENIED}`, 'en');
    expect(flagged(check(report, DENIED))).toBe(true);
  });

  it('"denies intermittent palpitations" where the patient denies the pounding stays', () => {
    const lines = [
      'D: how have you been doing with the exercise',
      'P: pretty good, i jog most mornings',
      'D: any pounding in your chest or feeling your heart race',
      'P: no, none of that',
      'D: okay let me listen to your heart and lungs, your ekg looks normal.',
    ];
    const report = verify(lines, `REVIEW OF SYSTEMS\n${DENIED}`, 'en');
    expect(flagged(check(report, DENIED))).toBe(false);
  });

  it('a list item after a demonstrative without a determiner stays denied ("any pain like that, swelling …")', () => {
    const note = 'Cardiovascular: Denies swelling in the ankles.';
    const lines = [
      'D: how have you been doing with the new pill',
      'P: pretty good, i jog most mornings',
      'D: any pain like that, swelling in the ankles, or pounding in your chest',
      'P: i have not had any pain like that, swelling in the ankles, or redness',
      'D: okay let me listen to your heart and lungs, your ekg looks normal.',
    ];
    const report = verify(lines, `REVIEW OF SYSTEMS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
  });

  it('"denies intermittent palpitations" where the talk never names them stays', () => {
    const lines = [
      'D: how have you been doing with the exercise',
      'P: pretty good, i jog most mornings and my knees feel fine',
      'D: okay let me listen to your heart and lungs, your ekg looks normal.',
    ];
    const report = verify(lines, `REVIEW OF SYSTEMS\n${DENIED}`, 'en');
    expect(flagged(check(report, DENIED))).toBe(false);
  });
});
