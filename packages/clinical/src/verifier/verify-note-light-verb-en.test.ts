/**
 * English light verbs of having (synthetic consultations): "has not experienced shoulder pain" denies the pain, so a
 * question about other things "experienced" ("have you experienced any numbness" – "no") does not agree with it.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const LINES = [
  'D: hey good to see you today so i see you had some left shoulder pain for the last three weeks',
  'P: yeah it has not gotten any better',
  'D: okay so have you had pain in that shoulder before',
  'P: i mean i am very active so i do get pains in my shoulders now and then but tylenol usually helps',
  'D: and so with your shoulder have you experienced any numbness in your arm or in your fingers',
  'P: no numbness or tingling',
  'D: okay so on your left shoulder exam you have limited range of motion',
];

describe('verifyNote: English light verbs of having', () => {
  it('"has not experienced shoulder pain before" against "i do get pains in my shoulders now and then"', () => {
    const note = 'He is very active and has not experienced shoulder pain before.';
    const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
    const twin =
      'He is very active and has experienced left shoulder pain before that usually resolves with Tylenol.';
    const agreeing = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${twin}`, 'en');
    expect(flagged(check(agreeing, twin))).toBe(false);
  });

  it('"has not experienced numbness" agrees with "no numbness or tingling"', () => {
    const note = 'He has not experienced numbness in his arm.';
    const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
  });
});
