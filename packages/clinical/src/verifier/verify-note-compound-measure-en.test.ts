/**
 * English: a measure said in two units at once ("4 pounds 8 ounces", "five feet eleven inches") is one value; its
 * parts are not found apart in other measures (synthetic consultations).
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const OPENING = [
  'D: hi there so what brings you in today',
  "R: she's had a cough and a runny nose for about five days and she's been pulling at her right ear",
  'D: okay any fever',
  'R: yes up to thirty eight point five last night , she took some tylenol',
];

const TWINS = [
  ...OPENING,
  'D: so tell me a little bit about when she was born',
  'R: so she was born early at thirty two weeks . she was about 4 pounds , 8 ounces and her brother was smaller at 3 pounds , 13 ounces',
  'D: okay and any problems with feeding after that',
  'R: um no she did fine after the first week',
];

describe('verifyNote: a measure in two units', () => {
  it('"3 pounds 8 ounces" is neither twin\'s weight where the talk says 4 pounds 8 ounces and 3 pounds 13 ounces', () => {
    const report = verify(TWINS, 'BIRTH HISTORY\nBirth weight 3 pounds 8 ounces.', 'en');
    const statement = check(report, 'Birth weight 3 pounds 8 ounces.');
    expect(statement.support).toBe('contradicted');
    expect(statement.severity).toBe('critical');
  });

  it('the weight said whole stays supported, whichever twin it is', () => {
    const report = verify(
      TWINS,
      'BIRTH HISTORY\nBirth weight 4 pounds 8 ounces.\nHer brother weighed 3 pounds 13 ounces at birth.',
      'en',
    );
    expect(flagged(check(report, 'Birth weight 4 pounds 8 ounces.'))).toBe(false);
    expect(flagged(check(report, 'Her brother weighed 3 pounds 13 ounces at birth.'))).toBe(false);
  });

  it('a height in feet and inches said in words is compared whole', () => {
    const lines = [
      ...OPENING,
      'D: and how tall is she these days',
      "R: she's five feet eleven inches , her son is six feet two inches now",
      'D: okay great',
    ];
    const report = verify(lines, 'VITALS\nHeight 5 feet 2 inches.\nHeight 5 feet 11 inches.', 'en');
    expect(check(report, 'Height 5 feet 2 inches.').support).toBe('contradicted');
    expect(flagged(check(report, 'Height 5 feet 11 inches.'))).toBe(false);
  });
});
