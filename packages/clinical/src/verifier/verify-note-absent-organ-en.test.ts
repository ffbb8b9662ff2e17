/**
 * English removals read from an absent organ (synthetic consultations): an "-ectomy" takes the organ out, so an
 * examination that finds "no tonsils" says the tonsillectomy was had, and "denies history of tonsillectomy" is
 * contradicted; a finding about the organ ("no tonsillar swelling") or a denied surgery itself ("no tonsillectomy") is
 * not an absence.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const DENIED = 'Patient denies history of tonsillectomy.';

describe('verifyNote: English removals read from an absent organ', () => {
  it('"denies history of tonsillectomy" against the examination\'s "no tonsils"', () => {
    const lines = [
      'D: what brings you in today',
      'P: my throat has been sore for a week and it hurts to swallow',
      'D: let me take a look. your neck feels fine, throat is a little red, no tonsils.',
      'D: i think this is a viral infection, so rest and fluids',
    ];
    const report = verify(lines, `PAST SURGICAL HISTORY\n${DENIED}`, 'en');
    expect(flagged(check(report, DENIED))).toBe(true);
  });

  it('a finding about the organ is not its absence', () => {
    const lines = [
      'D: what brings you in today',
      'P: my throat has been sore for a week and it hurts to swallow',
      'D: let me take a look. your neck feels fine, throat is a little red, no tonsils swelling.',
      'D: i think this is a viral infection, so rest and fluids',
    ];
    const report = verify(lines, `PAST SURGICAL HISTORY\n${DENIED}`, 'en');
    expect(flagged(check(report, DENIED))).toBe(false);
  });

  it('a denied surgery stays denied', () => {
    const lines = [
      'D: what brings you in today',
      'P: my throat has been sore for a week and it hurts to swallow',
      'D: any surgeries before, like a tonsillectomy',
      'P: no, no tonsillectomy, i never had surgery',
      'D: i think this is a viral infection, so rest and fluids',
    ];
    const report = verify(lines, `PAST SURGICAL HISTORY\n${DENIED}`, 'en');
    expect(flagged(check(report, DENIED))).toBe(false);
  });
});
