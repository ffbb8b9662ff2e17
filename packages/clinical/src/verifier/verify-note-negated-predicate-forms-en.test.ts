/**
 * English "X is not P" (synthetic consultations): a degree word after the predicate grades the phrase it stands in,
 * not the predicate.
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
});
