/**
 * Questions about what is normal (synthetic consultations): "fine" answers them the other way round from a symptom
 * question, and a function said to be normal denies complaints of it.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: questions about normality (nb)', () => {
  it('"nei, det går fint" to a symptom question after a normality question confirms the normal', () => {
    const lines = [
      'L: Han har hatt omgangssyke i to dager, sier du. Spiser han som før? Kaster han opp?',
      'R: Nei, det går fint.',
      'L: Da ser jeg på magen hans.',
    ];
    const report = verify(lines, 'Aktuelt: Spiser som før.', 'nb');
    expect(check(report, 'Spiser som før.').support).not.toBe('contradicted');
  });

  it('one unpunctuated turn asking about the normal and a symptom: "fine" confirms one and denies the other', () => {
    const lines = [
      'P: jeg har hatt feber og vondt i magen siden i går',
      'L: tisser du normalt har du blod i urinen',
      'P: nei det er fint',
      'L: da tar vi en urinprøve',
    ];
    const report = verify(lines, 'Aktuelt: Vannlating ua. Blod i urinen.', 'nb');
    expect(flagged(check(report, 'Vannlating ua.'))).toBe(false);
    expect(check(report, 'Blod i urinen.').support).toBe('contradicted');
  });

  it('a function said to be normal denies complaints of it ("tisser normalt" – "vannlatingsplager")', () => {
    const lines = [
      'P: Jeg har hatt vondt i korsryggen i en uke.',
      'L: Tisser du normalt?',
      'P: Ja, det er som før.',
      'L: Da undersøker jeg ryggen din.',
    ];
    const report = verify(lines, 'Aktuelt: Vannlatingsplager.', 'nb');
    expect(check(report, 'Vannlatingsplager.').support).toBe('contradicted');
  });
});
