/**
 * English negated frames of evidence (synthetic consultations): "the x-ray is not consistent with COPD" denies that
 * the x-ray shows COPD; the talk that says COPD plainly from the x-ray contradicts it.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: English negated frames of evidence', () => {
  it('"not consistent with COPD" against "from your x-ray i think you do have copd"', () => {
    const lines = [
      'D: okay so let us look at your chest x-ray together',
      'D: your lungs look a little overinflated here',
      'D: so from the breathing test and your x-ray i think you do have copd',
      'P: okay that makes sense i have smoked for years',
    ];
    const note = 'Her chest x-ray is not consistent with COPD.';
    const report = verify(lines, `ASSESSMENT AND PLAN\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
    const twin = 'Her chest x-ray is consistent with COPD.';
    const agreeing = verify(lines, `ASSESSMENT AND PLAN\n${twin}`, 'en');
    expect(flagged(check(agreeing, twin))).toBe(false);
  });

  it('stays unflagged where the talk denies the condition', () => {
    const lines = [
      'D: okay so let us look at your chest x-ray together',
      'D: the x-ray looks clear so i do not think this is copd',
      'D: so your breathing trouble is more likely asthma',
      'P: okay good',
    ];
    const note = 'Her x-ray findings are not suggestive of COPD.';
    const report = verify(lines, `ASSESSMENT AND PLAN\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
  });
});
