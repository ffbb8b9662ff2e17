/**
 * Norwegian consultations as a speech recogniser delivers them (synthetic): no or wrong punctuation, speakers run
 * together in one turn, test names spelled letter by letter.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: Norwegian words of speech (nb)', () => {
  it('"klarte nesten ikke å svelge" is pain on swallowing, not a negation', () => {
    const lines = [
      'L: Hva er det som plager deg?',
      'P: Halsen er vond. I går klarte jeg nesten ikke å svelge maten.',
      'L: Hvis du ikke får svelget spyttet, må du ringe legevakten.',
    ];
    const report = verify(lines, 'Aktuelt: Svelgsmerter.', 'nb');
    expect(flagged(check(report, 'Svelgsmerter.'))).toBe(false);
  });

  it('"klarer å svelge" stays no complaint', () => {
    const lines = ['L: Hvordan går det med halsen?', 'P: Den er litt sår, men jeg klarer å svelge fint.'];
    const report = verify(lines, 'Aktuelt: Svelgsmerter.', 'nb');
    expect(check(report, 'Svelgsmerter.').support).not.toBe('supported');
  });

  it('a test name spelled letter by letter ("se er pe") labels its number (a bare "ni" is no number)', () => {
    const lines = [
      'L: jeg har tatt en blodprøve og se er pe er ni det er lavt',
      'P: ok godt å høre',
    ];
    const report = verify(lines, 'Funn: CRP 9.', 'nb');
    expect(flagged(check(report, 'CRP 9.'))).toBe(false);
  });
});
