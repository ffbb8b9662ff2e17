/**
 * English negations inside plans and conditions: the polarity of a condition read against the advice the doctor
 * gave (synthetic consultations).
 */
import { describe, expect, it } from 'vitest';
import { check, verify } from './verifier-test-kit';

describe('verifyNote: negations in plans and conditions (en)', () => {
  it('a condition ends where a clause with its own subject begins ("… and we can …")', () => {
    const lines = [
      'P: The ankle pain is much better since the boot came off, and the x-ray last month was fine.',
      'D: Great, keep walking on it and let me know if you notice any swelling and we can, and we can talk about further imaging or an injection at that time, okay?',
      'P: Sounds good, I will keep doing my exercises every morning.',
      'D: Good, see you in a few months then.',
    ];
    const text =
      'She will call me if she does not notice any swelling and we can consider further imaging or an injection at that time.';
    const report = verify(lines, `Plan: ${text}`, 'en');
    expect(check(report, text).support).toBe('contradicted');
    const agreeing =
      'She will call me if she notices any swelling and we can consider further imaging or an injection at that time.';
    const kept = verify(lines, `Plan: ${agreeing}`, 'en');
    expect(check(kept, agreeing).support).not.toBe('contradicted');
  });
});
