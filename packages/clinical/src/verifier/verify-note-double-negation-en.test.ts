/**
 * English double negation of one verb (synthetic consultations): "does not have never seen" negates the same verb
 * twice, so the claim is unclear and cannot be confirmed by the talk; two verbs each with their own negation stay
 * readable.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const LINES = [
  'D: okay so your dermatologist sent you over um because of that mole on your back',
  'P: yeah she saw it last month',
  'D: had you ever seen a dermatologist before that',
  'P: no never that was the first time',
  'D: okay and are you on any hormone pills',
  'P: no i am not and i never have been',
];

describe('verifyNote: English double negation', () => {
  it('"does not have never seen" is flagged as unclear', () => {
    const note = 'She does not have never seen a dermatologist prior to last month.';
    const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
    const twin = 'She had never seen a dermatologist prior to last month.';
    const plain = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${twin}`, 'en');
    expect(flagged(check(plain, twin))).toBe(false);
  });

  it('"doesn\'t really never" is flagged too', () => {
    const note = "She doesn't really never see a dermatologist.";
    const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
  });

  it('two verbs with a negation each are no double negation', () => {
    const note = 'She is not currently and has never been on hormone pills.';
    const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
  });
});
