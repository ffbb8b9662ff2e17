/**
 * English "with X" where the consultation names X only as absent ("with no restrictions", "no evidence of …"): the
 * note has dropped the negation (synthetic consultations).
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: an English "with X" against "with no X"', () => {
  it('"range of motion with restrictions" against "the goal is full range of motion with no restrictions"', () => {
    const lines = [
      'D: so the tendon repair on your right index finger is healing nicely',
      'P: good it still feels stiff in the mornings and i have a little pain at night',
      'D: okay take ibuprofen for the pain and keep the splint on at night',
      "D: so let's do outpatient therapy once a week for six weeks , um , and then full active and passive range of motion is the goal with no restrictions .",
      'P: okay that sounds good',
    ];
    const claim = (end: string): string =>
      `I also recommend that the patient report to occupational therapy once a week for the next 6 weeks to work on full active and passive right index finger range of motion ${end}.`;
    const report = verify(
      lines,
      `ASSESSMENT AND PLAN\n${claim('with restrictions')}\n${claim('with no restrictions')}`,
      'en',
    );
    expect(check(report, claim('with restrictions')).support).toBe('contradicted');
    expect(flagged(check(report, claim('with no restrictions')))).toBe(false);
  });

  it('"with evidence of hydronephrosis" against "there is no evidence of what we call hydronephrosis"', () => {
    const lines = [
      'D: i looked at the ct scan your primary care doctor ordered and it does show a five millimeter stone in the right ureter',
      "D: there's no evidence of what we call hydronephrosis which means swelling of the kidney so that is good",
      'P: okay so will it pass on its own',
      'D: most stones that size do pass within a few weeks',
    ];
    const claim = (frame: string): string =>
      `His previous CT scan was reviewed and demonstrates a 5 mm kidney stone located in the right ureter ${frame} evidence of hydronephrosis.`;
    const report = verify(lines, `RESULTS\n${claim('with')}\n${claim('without')}`, 'en');
    expect(check(report, claim('with')).support).toBe('contradicted');
    expect(flagged(check(report, claim('without')))).toBe(false);
  });

  it('"pain with flexion" stays unflagged where flexion hurts, though extension is without pain', () => {
    const lines = [
      'D: okay i am going to bend your knee , does that hurt',
      'P: yes that hurts',
      'D: and when i straighten it , no pain with extension',
      'P: no that is fine',
    ];
    const report = verify(lines, 'PHYSICAL EXAM\nPain with flexion of the knee.', 'en');
    expect(flagged(check(report, 'Pain with flexion of the knee.'))).toBe(false);
  });
});
