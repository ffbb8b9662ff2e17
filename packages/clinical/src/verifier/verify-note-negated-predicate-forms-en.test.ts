/**
 * English "X is not P" (synthetic consultations): a degree word after the predicate grades the phrase it stands in,
 * not the predicate; a pronoun subject stands for the problem its section named.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: the degree of a negated predicate', () => {
  it('a strong degree word in a phrase after the predicate ("not having difficulty with complete abstinence") grades that phrase, not the predicate', () => {
    const lines = [
      'D: so what about alcohol , is that something you used to do a lot ?',
      'P: i did , i still have a beer here and there',
      "P: i've cut down on the alcohol a lot but i'm just having a hard time giving up those last ones",
      'D: okay we can talk about some support for that , are you taking any medication ?',
      'P: just lisinopril for my blood pressure',
    ];
    const negated = 'He notes he used to drink more and is not having difficulty with complete abstinence.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${negated}`, 'en');
    expect(check(report, negated).support).toBe('contradicted');
    // A degree word that grades the predicate's own object still denies only a degree of it.
    const degree = 'He notes he used to drink more and is not having significant difficulty with abstinence.';
    const twin = verify(lines, `HISTORY OF PRESENT ILLNESS\n${degree}`, 'en');
    expect(flagged(check(twin, degree))).toBe(false);
  });

  it('a pronoun subject ("Hypothyroidism. | This is not a new issue") is the section\'s problem, which the talk calls "new"', () => {
    const lines = [
      'D: so i got your blood work back and your thyroid level came back low',
      'P: oh okay , i have been feeling tired lately',
      'D: yes , so for this new hypothyroidism i want to start you on levothyroxine fifty micrograms every morning',
      'P: okay , is that a pill ?',
      'D: yes , one pill a day , and we will recheck the labs in six weeks',
      'P: sounds good',
    ];
    const negated = 'Medical Reasoning: This is not a new issue.';
    const report = verify(lines, `ASSESSMENT AND PLAN\nHypothyroidism.\n${negated}`, 'en');
    expect(check(report, negated).support).toBe('contradicted');
    const correct = 'Medical Reasoning: This is a new issue.';
    const twin = verify(lines, `ASSESSMENT AND PLAN\nHypothyroidism.\n${correct}`, 'en');
    expect(flagged(check(twin, correct))).toBe(false);
  });

  it('a "new" the talk gives something else than the section\'s problem leaves "This is not a new issue" unflagged', () => {
    const lines = [
      'D: so i got your blood work back and your thyroid level came back low again',
      'P: oh okay , i have been feeling tired lately',
      'D: yes , so for your hypothyroidism i will increase the levothyroxine and send a new prescription to the pharmacy',
      'P: okay , is that a pill ?',
      'D: yes , one pill a day , and we will recheck the labs in six weeks',
      'P: sounds good',
    ];
    const negated = 'Medical Reasoning: This is not a new issue.';
    const report = verify(lines, `ASSESSMENT AND PLAN\nHypothyroidism.\n${negated}`, 'en');
    expect(flagged(check(report, negated))).toBe(false);
  });
});
