/**
 * English negation, round two (synthetic consultations): "how about any …?" asks yes or no, a label and a
 * reporting word are not what a finding is about, …
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: English negation', () => {
  it('"how about any …?" answered "no" denies what it asks (not an open question)', () => {
    const lines = [
      'D: so you finished the second round of treatment last week',
      'P: yes that went fine',
      'D: okay and how about any headaches or dizziness',
      'P: no not this week',
      'D: alright and your energy',
      'P: a bit low',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nNeurological: Reports headaches or dizziness', 'en');
    expect(check(report, 'Neurological: Reports headaches or dizziness').support).toBe('contradicted');
    const agreeing = verify(lines, 'REVIEW OF SYSTEMS\nNeurological: Denies headaches or dizziness', 'en');
    expect(flagged(check(agreeing, 'Neurological: Denies headaches or dizziness'))).toBe(false);
  });

  it('a negated passive of doing denies its subject ("A referral … was not ordered", "A splint was not given")', () => {
    const lines = [
      'D: hi how are you today',
      'P: i have had pain in my left flank since monday',
      'D: so the ct scan shows a small kidney stone and it should pass on its own',
      "P: okay so i do n't need to see anyone else",
      'D: no , i will not refer you to urology for now , just drink plenty of water and take ibuprofen for the pain',
      'P: sounds good',
      'D: and i will give you a strainer for the urine',
    ];
    const report = verify(
      lines,
      'ASSESSMENT AND PLAN\nA referral to urology was not ordered at this time.\nA strainer was not given.',
      'en',
    );
    expect(flagged(check(report, 'A referral to urology was not ordered at this time.'))).toBe(false);
    expect(check(report, 'A strainer was not given.').support).toBe('contradicted');
  });

  it('a drug or diagnosis the negation reaches directly, said as a fact elsewhere, is contradicted', () => {
    const lines = [
      'D: good morning , what brings you in today',
      'P: my knees have been aching for about a month , mostly after long walks with the dog',
      'D: and what medications are you on',
      'P: i take atorvastatin every evening , and a vitamin',
      'D: okay , any swelling in the knees',
      'P: some swelling in the evening',
      'D: so i looked at your blood work , and your liver enzymes are elevated',
      'P: oh , i did not know that , i have had hypertension for years but nothing with the liver',
      'D: we will repeat the liver enzymes in a month',
      'P: okay',
    ];
    const drug =
      'The patient is not currently on atorvastatin which may be contributing to his elevated liver enzymes.';
    const diagnosis = 'He denies a personal history of hypertension or diabetes mellitus.';
    const report = verify(lines, `ASSESSMENT AND PLAN\n${drug}\n${diagnosis}`, 'en');
    expect(check(report, drug).support).toBe('contradicted');
    expect(check(report, diagnosis).support).toBe('contradicted');
  });

  it('a drug the doctor only proposes is not said as a fact ("not taking atorvastatin" – "I suggest atorvastatin")', () => {
    const lines = [
      'D: good afternoon , we got your blood work back',
      'P: okay , how does it look',
      'D: your cholesterol is quite high , so i suggest you start atorvastatin twenty milligrams at night',
      'P: i would rather try diet first , i have read about the side effects',
      'D: that is fine , we will recheck in three months',
      'P: thank you',
    ];
    const report = verify(lines, 'HISTORY OF PRESENT ILLNESS\nShe is not taking atorvastatin.', 'en');
    expect(flagged(check(report, 'She is not taking atorvastatin.'))).toBe(false);
  });

  it("a rare word a negation reaches directly, which the patient says plainly, is contradicted ('not healed')", () => {
    const lines = [
      'D: good to see you again , how is the excision site on your back doing',
      'P: really busy at work , but that healed up nicely , no problems since',
      'D: great , and overall how are you doing',
      'P: pretty well , the new knee pain is the main thing',
      'D: tell me about the knee',
      'P: the right knee aches when i climb stairs',
      'D: any swelling',
      'P: a little in the evening',
      'D: okay let me examine the knee',
    ];
    const negated =
      'Medical Reasoning: He seems to be doing well overall and the excision site is not healed.';
    const report = verify(lines, `ASSESSMENT AND PLAN\n${negated}`, 'en');
    expect(check(report, negated).support).toBe('contradicted');
    const asserted = 'Medical Reasoning: He seems to be doing well overall and the excision site is healed.';
    expect(flagged(check(verify(lines, `ASSESSMENT AND PLAN\n${asserted}`, 'en'), asserted))).toBe(false);
  });
});
