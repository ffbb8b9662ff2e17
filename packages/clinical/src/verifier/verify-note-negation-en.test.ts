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
});
