/**
 * English: a speaker's sentence that speech recognition breaks where the listener nods ("… or acro" – "yeah" –
 * "acromioclavicular joints") is one sentence; the nod answers nothing. Synthetic consultations.
 */
import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '@kollega/domain';
import { check, flagged, verify as verifyLines } from './verifier-test-kit';

const verify = (lines: readonly string[], noteText: string): VerificationReport =>
  verifyLines(lines, noteText, 'en');

const SHOULDER = [
  'D: okay so what brings you in today',
  'P: um my left shoulder has been hurting for about two weeks',
  'D: okay let me examine you so pressure here so that there is tenderness of the greater',
  'P: okay',
  "D: tuberosity of the humerus let's see there is no tenderness at the sternoclavicular or acro",
  'P: yeah',
  'D: acromioclavicular joints',
  'P: yeah yeah',
  'D: and looks like you have good hand grip',
];

describe('verifyNote (en): a sentence broken off by a listener’s nod', () => {
  it('joins the pieces: the negation before the nod reaches the rest, and the nod confirms nothing', () => {
    const report = verify(
      SHOULDER,
      'PHYSICAL EXAM\nTenderness over the greater tuberosity of the humerus.\nNo tenderness at the sternoclavicular or AC joints.\n\nRESULTS\nTenderness at the AC joints.',
    );
    expect(flagged(check(report, 'Tenderness over the greater tuberosity of the humerus.'))).toBe(false);
    expect(flagged(check(report, 'No tenderness at the sternoclavicular or AC joints.'))).toBe(false);
    expect(flagged(check(report, 'Tenderness at the AC joints.'))).toBe(true);
  });

  it('a nod after a question, before a new sentence, still answers it', () => {
    const report = verify(
      [
        'D: okay so what brings you in today',
        'P: um my left shoulder has been hurting for about two weeks',
        'D: okay does it hurt when you lift your arm',
        'P: yeah',
        'D: looks like you have some weakness there too',
        'P: mm-hmm',
      ],
      'HISTORY OF PRESENT ILLNESS\nThe pain is worse with lifting the arm.\n\nRESULTS\nNo pain with lifting the arm.',
    );
    expect(flagged(check(report, 'The pain is worse with lifting the arm.'))).toBe(false);
    expect(flagged(check(report, 'No pain with lifting the arm.'))).toBe(true);
  });
});
