/**
 * English lay names of body sites (synthetic consultations): the talk's "belly button" is the note's "umbilicus",
 * so a negation the note puts before the site is read against what the talk says there.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const LINES = [
  'D: okay so tell me about this pain',
  'P: um it is right here in my stomach it comes and goes',
  'D: so in the middle of your belly just below the belly button',
  'P: yes right there it is like a dull nagging feeling',
];

describe('verifyNote: English lay names of body sites', () => {
  it('"not localized just inferior to the umbilicus" against "just below the belly button" – "yes"', () => {
    const note = 'The pain is not localized just inferior to the umbilicus.';
    const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
    const twin = 'The pain is localized just inferior to the umbilicus.';
    const agreeing = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${twin}`, 'en');
    expect(flagged(check(agreeing, twin))).toBe(false);
  });
});
