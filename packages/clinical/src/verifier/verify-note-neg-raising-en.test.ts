/**
 * English negation raising (synthetic consultations): "i don't think (that) X" denies X, however many small words
 * stand between the negation and X's words.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: English negation raising', () => {
  it('"i don\'t think that this is a sign of X" denies that the symptoms are related to X', () => {
    const lines = [
      'D: so how have the dizzy spells been',
      'P: they come and go mostly in the afternoon and my neck feels really stiff',
      'D: okay well i looked at your exam and everything is reassuring',
      "D: and i do n't think that this is a a sign of a heart attack or any clot in your lungs i think it's more related to the stiffness in your neck",
      'P: oh good that is a relief',
    ];
    const note = 'I advised her that her symptoms do appear related to signs of a heart attack or lung clot.';
    const report = verify(lines, `ASSESSMENT AND PLAN\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
    const twin =
      'I advised her that her symptoms do not appear related to signs of a heart attack or lung clot.';
    const agreeing = verify(lines, `ASSESSMENT AND PLAN\n${twin}`, 'en');
    expect(flagged(check(agreeing, twin))).toBe(false);
  });
});
