import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

// Synthetic consultations (speech-recognised English) for sides and values said in passing.

describe('en: sides of body sites', () => {
  const FOOT = [
    "D: so what's going on with your right foot today",
    "P: well it's sore um i dropped a brick on my foot at work yesterday",
    'D: okay have you hurt that foot before',
    "P: no but my other ankle is sore sometimes and i've had surgery for that too",
    "D: okay let me take a look at your right foot there's some bruising on the top",
  ];

  it('a side implied for another body site ("my other ankle") says nothing of the foot', () => {
    const wrong = verify(FOOT, 'HISTORY\nLeft foot soreness.', 'en');
    expect(flagged(check(wrong, 'Left foot soreness.'))).toBe(true);
    const right = verify(FOOT, 'HISTORY\nRight foot soreness.', 'en');
    expect(flagged(check(right, 'Right foot soreness.'))).toBe(false);
  });

  const KNEES = [
    'D: okay is it your left or your right knee that hurts',
    "P: it's the right knee the left one just feels a bit unstable",
    'D: okay um any surgeries in the past',
    'P: well i had surgery on my right knee before',
    'D: do you remember what kind of surgery',
    'P: they told me they reconstructed the whole thing i was fourteen',
  ];

  it('the side named with the body site just before the finding is its side, though the talk names both', () => {
    const wrong = verify(KNEES, 'HISTORY\nThe patient had a left knee reconstruction at age 14.', 'en');
    expect(flagged(check(wrong, 'The patient had a left knee reconstruction at age 14.'))).toBe(true);
    const right = verify(KNEES, 'HISTORY\nThe patient had a right knee reconstruction at age 14.', 'en');
    expect(flagged(check(right, 'The patient had a right knee reconstruction at age 14.'))).toBe(false);
  });
});
