/**
 * English "not" inserted into a verb phrase of the perfect or progressive (synthetic consultations): a negated
 * ongoing duration ("has not been going on for about 3 weeks") against the talk's answer to "how long"; a litotes of
 * adherence ("has not been inconsistent with her walking") against the patient's "i haven't been walking".
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: an English "not" inserted into a perfect or progressive verb phrase', () => {
  it('"has not been going on for about 3 weeks" is contradicted where the talk gives that duration', () => {
    const lines = [
      'D: what brings you in today',
      'P: my left knee keeps swelling up and it aches when i climb the stairs',
      'D: okay how long has that been going on for',
      'P: probably since my birthday so about three weeks or so',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nThe knee swelling has not been going on for about 3 weeks.\nThe knee swelling has been going on for about 3 weeks.',
      'en',
    );
    expect(flagged(check(report, 'The knee swelling has not been going on for about 3 weeks.'))).toBe(true);
    expect(flagged(check(report, 'The knee swelling has been going on for about 3 weeks.'))).toBe(false);
  });

  it('a gap the talk dates with "ago" or says negated is no ongoing duration ("has not been smoking for 3 years")', () => {
    const lines = [
      'D: do you smoke at all',
      'P: no i quit smoking about three years ago',
      'D: good and you have not been drinking for two years either',
      'P: that is right',
    ];
    const report = verify(
      lines,
      'SOCIAL HISTORY\nHe has not been smoking for 3 years.\nHe has not been drinking alcohol for 2 years.',
      'en',
    );
    expect(flagged(check(report, 'He has not been smoking for 3 years.'))).toBe(false);
    expect(flagged(check(report, 'He has not been drinking alcohol for 2 years.'))).toBe(false);
  });

  it('"has not been inconsistent with her walking and checking her weight" is contradicted where the patient says she has not been doing them', () => {
    const lines = [
      'D: how have you been doing with the heart failure plan',
      'P: honestly not great i have not been checking my weight every morning',
      'D: okay and the walking we talked about',
      'P: i have not been walking either because my hip hurts',
      'D: okay i want you to check your weight every morning and to get back to walking every day',
      'P: okay i will try',
    ];
    const report = verify(
      lines,
      'ASSESSMENT\nShe has not been inconsistent with her walking and checking her weight.\nShe has been inconsistent with her walking and checking her weight.',
      'en',
    );
    expect(
      flagged(check(report, 'She has not been inconsistent with her walking and checking her weight.')),
    ).toBe(true);
    expect(
      flagged(check(report, 'She has been inconsistent with her walking and checking her weight.')),
    ).toBe(false);
  });

  it('a litotes of adherence the patient bears out is not flagged ("has not been inconsistent with her walking")', () => {
    const lines = [
      'D: how have you been doing with the heart failure plan',
      'P: pretty good i check my weight every morning',
      'D: okay and the walking we talked about',
      'P: yes i have been walking every day even though my hip hurts',
    ];
    const report = verify(
      lines,
      'ASSESSMENT\nShe has not been inconsistent with her walking and checking her weight.',
      'en',
    );
    expect(
      flagged(check(report, 'She has not been inconsistent with her walking and checking her weight.')),
    ).toBe(false);
  });
});
