/**
 * "Not compliant" read against talk of missed doses (synthetic consultations): "not gon na take the chance" takes no
 * dose, "i keep forgetting to take the metformin" does.
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

describe('verifyNote: English non-compliance and the idioms of "take"', () => {
  it('"not compliant with metformin" where the talk only says "not gon na take the chance" is flagged', () => {
    const lines = [
      'D: and are you taking your metformin as prescribed',
      'P: yes yes morning and night',
      'D: and do you still go hiking',
      'P: no with my knee i am just not gon na take the chance',
      ...EXAM,
    ];
    const note = 'She has not been compliant with metformin as prescribed.';
    const report = verify(lines, `ASSESSMENT AND PLAN\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
    // Talk of doses missed is another matter: "i keep forgetting to take the metformin" shows it.
    const missed = [
      ...lines.slice(0, 2),
      'P: well i do keep forgetting to take the metformin at night',
      ...lines.slice(2),
    ];
    const lapse = verify(missed, `ASSESSMENT AND PLAN\n${note}`, 'en');
    expect(flagged(check(lapse, note))).toBe(false);
  });
});
