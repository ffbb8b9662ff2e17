/**
 * A causal link denied (synthetic consultations): "this is not due to her pain" against "that is probably because you
 * are in a lot of pain"; a cause the talk itself denies decides nothing.
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

const PAIN = [
  'D: and your blood pressure was a little bit high today and i know that is probably because you are in a lot of pain from the back',
  'P: yeah it hurts a lot',
  ...EXAM,
];

describe('verifyNote: English causal link denied', () => {
  it('"this is not due to her pain" against "that is probably because you are in a lot of pain" is flagged', () => {
    const note = 'Her blood pressure was a little high today, however, this is not due to her pain.';
    const report = verify(PAIN, `ASSESSMENT AND PLAN\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
    const twin = 'Her blood pressure was a little high today, however, this is due to her pain.';
    const plain = verify(PAIN, `ASSESSMENT AND PLAN\n${twin}`, 'en');
    expect(flagged(check(plain, twin))).toBe(false);
  });

  it('a cause the talk itself denies ("it is not from the pain") leaves the denied link unflagged', () => {
    const lines = [
      'D: your blood pressure was a little bit high today',
      'P: is that because of the pain',
      'D: no i do not think it is from the pain it is not because of the pain it has been high for a while',
      ...EXAM,
    ];
    const note = 'Her blood pressure was elevated today, which is not due to her pain.';
    const report = verify(lines, `ASSESSMENT AND PLAN\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
  });
});
