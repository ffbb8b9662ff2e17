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

  it('the source may be named in another sentence of the turn ("your a1c … so your diagnosis is uncontrolled diabetes")', () => {
    const lines = [
      'D: so your blood sugars have been running high at home ?',
      'P: yes , mostly in the two hundreds in the morning',
      'D: okay , your a1c came back at nine point two today , which is high . so your diagnosis is uncontrolled diabetes , and we need to adjust the insulin .',
      'P: okay , whatever you think is best',
      'D: are you taking the metformin every day ?',
      'P: yes , twice a day',
    ];
    const note = 'Medical Reasoning: Her elevated A1c is not consistent with uncontrolled diabetes.';
    const report = verify(lines, `ASSESSMENT\n${note}`, 'en');
    expect(check(report, note).support).toBe('contradicted');
    const twin = 'Medical Reasoning: Her elevated A1c is consistent with uncontrolled diabetes.';
    const agreeing = verify(lines, `ASSESSMENT\n${twin}`, 'en');
    expect(flagged(check(agreeing, twin))).toBe(false);
  });

  it('a "no" to a question about another thing ("kidney trouble … behind your hypertension ?" – "no") does not deny the condition', () => {
    const lines = [
      'D: how have your blood pressure readings been at home ?',
      'P: mostly around one sixty on the top',
      'D: okay , your blood pressure here today was one seventy over ninety . so your diagnosis is uncontrolled hypertension , and i will increase the amlodipine .',
      'P: okay',
      'D: have you ever had kidney trouble or anything like that behind your hypertension ?',
      'P: no , never',
    ];
    const note =
      'Medical Reasoning: Her elevated blood pressure is not consistent with uncontrolled hypertension.';
    const report = verify(lines, `ASSESSMENT\n${note}`, 'en');
    expect(check(report, note).support).toBe('contradicted');
  });

  it('stays unflagged where the talk only raises the condition ("i am worried about …") or denies it', () => {
    const raised = [
      'D: so your blood sugars have been running high at home ?',
      'P: yes , mostly in the two hundreds in the morning',
      'D: okay , with your sugars that high in the morning i am worried about uncontrolled diabetes , so i will check an a1c today .',
      'P: okay , whatever you think is best',
      'D: are you taking the metformin every day ?',
      'P: yes , twice a day',
    ];
    const note =
      'Medical Reasoning: Her elevated morning sugars are not consistent with uncontrolled diabetes.';
    const open = verify(raised, `ASSESSMENT\n${note}`, 'en');
    expect(flagged(check(open, note))).toBe(false);
    // "Not consistent with X" is no "with X" whose negation was dropped: the talk's denial of X agrees with it.
    const denied = [
      'D: so your blood sugars have been running high at home ?',
      'P: yes , mostly in the two hundreds in the morning',
      "D: okay , your a1c came back at six point one today , which is good . so i do n't think this is uncontrolled diabetes , it's probably the steroids you took last week .",
      'P: okay , that makes sense',
      'D: are you taking the metformin every day ?',
      'P: yes , twice a day',
    ];
    const report = verify(denied, `ASSESSMENT\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
  });
});
