/**
 * A "not" with nothing to deny (synthetic consultation): "continue gabapentin as is not".
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

/** Talk of the heart and lungs that pads each short visit into a consultation. */
const EXAM = [
  'D: okay so let me take a listen to your heart and lungs now',
  'P: sure go ahead',
  'D: your heart has a regular rate and rhythm and your lungs are clear to auscultation',
  'P: mm-hmm',
];

const GABAPENTIN = [
  'D: okay so for the back pain you can just continue the gabapentin as it is',
  'P: sounds good',
  ...EXAM,
];

describe('verifyNote: English stranded negation', () => {
  it('"continue gabapentin as is not" is flagged: the negation has nothing to deny', () => {
    const note = 'Medical Treatment: She can continue gabapentin as is not.';
    const report = verify(GABAPENTIN, `ASSESSMENT AND PLAN\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
    const twin = 'Medical Treatment: She can continue gabapentin as is.';
    const plain = verify(GABAPENTIN, `ASSESSMENT AND PLAN\n${twin}`, 'en');
    expect(flagged(check(plain, twin))).toBe(false);
  });
});
