/**
 * English lists negated item by item (synthetic consultations): "No rash, lesion, no bruising" leaves the middle item
 * bare between two negated ones, so whether it was present is unclear; a list negated once or item by item stays
 * readable.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const LINES = [
  'D: okay so let me take a look at your skin here',
  'D: any rashes or anything new that you noticed',
  'P: no nothing like that',
  'D: okay i do not see any rash no lesion um and no bruising either that looks good',
  'D: and your breathing sounds clear',
];

describe('verifyNote: English bare item in a list negated item by item', () => {
  it('"No rash, lesion, no bruising" is flagged as unclear', () => {
    const note = 'SKIN: No rash, lesion, no bruising.';
    const report = verify(LINES, `PHYSICAL EXAM\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
  });

  it('a list negated item by item or once is not flagged', () => {
    const twin = 'SKIN: No rash, no lesion, no bruising.';
    const report = verify(LINES, `PHYSICAL EXAM\n${twin}`, 'en');
    expect(flagged(check(report, twin))).toBe(false);
    const once = 'SKIN: No rash, lesion, or bruising.';
    const plain = verify(LINES, `PHYSICAL EXAM\n${once}`, 'en');
    expect(flagged(check(plain, once))).toBe(false);
  });
});
