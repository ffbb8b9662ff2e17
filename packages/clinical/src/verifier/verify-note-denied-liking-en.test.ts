/**
 * English denied likings (synthetic consultations): a liking is a disposition, so "denies she enjoys swimming" is
 * contradicted where the talk says the liking ("i really love swimming", "you're an avid cyclist"), even when it also
 * says the activity has not happened lately; a liking the talk denies, or never names, is not contradicted.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const DENIED = 'Patient denies she enjoys swimming.';

describe('verifyNote: English denied likings', () => {
  it('"denies she enjoys swimming" against "i really love swimming" after "not lately"', () => {
    const lines = [
      'D: how has the shoulder been doing',
      'P: it hurts when i reach overhead',
      'D: so you probably have not been swimming lately',
      'P: no not lately and it is hard because i really love swimming',
      'D: okay we will get you some therapy for it',
    ];
    const report = verify(lines, `SOCIAL HISTORY\n${DENIED}`, 'en');
    expect(flagged(check(report, DENIED))).toBe(true);
  });

  it('"denies he enjoys cycling" against "you are an avid cyclist"', () => {
    const note = 'Patient denies he enjoys cycling.';
    const lines = [
      'D: i know you are an avid cyclist so how is the knee holding up',
      'P: it aches after a long day',
      'D: any swelling',
      'P: a little in the evening',
    ];
    const report = verify(lines, `SOCIAL HISTORY\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
  });

  it('a liking said in a sentence that opens with a wondering "if"', () => {
    const lines = [
      'D: what brings you in today',
      'P: my asthma is getting worse and i wonder if there is something we can do because i really do like swimming',
      'D: okay let us look at your inhalers',
    ];
    const report = verify(lines, `SOCIAL HISTORY\n${DENIED}`, 'en');
    expect(flagged(check(report, DENIED))).toBe(true);
  });

  it('a liking the talk denies is not contradicted', () => {
    const lines = [
      'D: how has the shoulder been doing',
      'P: it hurts when i reach overhead',
      'D: do you swim at all',
      'P: no i never really liked swimming, my husband is the swimmer',
      'D: okay we will get you some therapy for it',
    ];
    const report = verify(lines, `SOCIAL HISTORY\n${DENIED}`, 'en');
    expect(flagged(check(report, DENIED))).toBe(false);
  });

  it('a liking the talk asks about but never confirms is not contradicted', () => {
    const lines = [
      'D: how has the shoulder been doing',
      'P: it hurts when i reach overhead',
      'D: do you like swimming or any sports',
      'P: i mostly just walk the dog',
    ];
    const report = verify(lines, `SOCIAL HISTORY\n${DENIED}`, 'en');
    expect(flagged(check(report, DENIED))).toBe(false);
  });

  it('a denial that reaches the liking through a coordinated clause ("denies she is a teacher and enjoys …")', () => {
    const note = 'Patient denies she is a teacher and enjoys swimming.';
    const lines = [
      'D: what brings you in today',
      'P: my asthma is getting worse and i wonder if there is something we can do because i really do like swimming',
      'D: okay let us look at your inhalers',
    ];
    const report = verify(lines, `SOCIAL HISTORY\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
  });

  it('a liking inside what is avoided is not denied ("avoiding foods that she likes")', () => {
    const note = 'She is avoiding salty foods that she likes to eat.';
    const lines = [
      'D: how is the blood pressure diet going',
      'P: okay, i stay away from the salty foods that i love to eat',
      'D: good, and are you taking the lisinopril every day',
      'P: yes every morning',
    ];
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
  });

  it('"does not like" against "i know you really like hiking, have you been …"', () => {
    const note = 'He does not like hiking.';
    const lines = [
      'D: i know you really like hiking, have you been out on the new trails',
      'P: not yet, my heel has been sore and painful since the new shoes',
      'D: okay let me look at the heel, any swelling or fever',
      'P: no fever, a little swelling',
    ];
    const report = verify(lines, `SOCIAL HISTORY\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
  });

  it('the stated liking itself stays supported', () => {
    const note = 'Patient reports she enjoys swimming.';
    const lines = [
      'D: how has the shoulder been doing',
      'P: it hurts when i reach overhead',
      'D: so you probably have not been swimming lately',
      'P: no not lately and it is hard because i really enjoy swimming',
    ];
    const report = verify(lines, `SOCIAL HISTORY\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
  });
});
