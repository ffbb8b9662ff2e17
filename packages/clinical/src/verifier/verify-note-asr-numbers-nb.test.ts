/**
 * Numbers of Norwegian talk (synthetic, in the style of speech recognition): a number said supports a duration only
 * when it counts time — not a count of something else, nor an ordinal; a frequency belongs to the drug it is read out
 * with.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: numbers that are no duration (nb)', () => {
  const tired = [
    'D: hva kan jeg hjelpe deg med',
    'P: jeg er så sliten hele tiden og jeg har tre små barn hjemme og jeg blir andpusten i bakker',
    'D: hvor lenge har det vart',
    'P: siden jul tror jeg. et halvt år kanskje',
  ];

  it('a count of children ("tre små barn") is no "3 år" of tiredness', () => {
    const report = verify(tired, 'Aktuelt: Sliten i 3 år, andpusten i bakker.', 'nb');
    expect(flagged(check(report, 'Sliten i 3 år, andpusten i bakker.'))).toBe(true);
  });

  it('the duration said stays unflagged', () => {
    const report = verify(tired, 'Aktuelt: Sliten i et halvt år, andpusten i bakker.', 'nb');
    expect(flagged(check(report, 'Sliten i et halvt år, andpusten i bakker.'))).toBe(false);
  });

  it('an ordinal ("lilletåa", the 5th toe) is no "5 uker"', () => {
    const lines = [
      'D: hvor lenge har du hatt vondt i foten',
      'P: det begynte for tre uker siden med smerter ut i lilletåa når jeg går',
      'D: jeg kjenner på foten nå den er litt hoven på utsiden',
    ];
    const report = verify(lines, 'Aktuelt: Smerter ut i lilletåa ved gange i 5 uker.', 'nb');
    expect(flagged(check(report, 'Smerter ut i lilletåa ved gange i 5 uker.'))).toBe(true);
  });
});

describe('verifyNote: a frequency read out for another drug in the same sentence (nb)', () => {
  const plan = [
    'D: hei du har hatt astma og nå en lungebetennelse',
    'P: ja jeg hoster mye og er tung i pusten',
    'D: du får amoxicillin fem hundre milli gram tre ganger daglig i sju dager og prednisolon førti milli gram én gang om morgenen i fem dager',
    'P: ok takk',
  ];

  it('"tre ganger daglig" of amoxicillin is no "x 3" for prednisolon named after it', () => {
    const report = verify(plan, 'Plan: Prednisolon 40 mg x 3 i 5 d.', 'nb');
    expect(check(report, 'Prednisolon 40 mg x 3 i 5 d.').support).toBe('contradicted');
  });

  it('each drug with its own frequency stays unflagged', () => {
    const report = verify(plan, 'Plan: Prednisolon 40 mg x 1 i 5 d. Amoxicillin 500 mg x 3 i 7 d.', 'nb');
    expect(flagged(check(report, 'Prednisolon 40 mg x 1 i 5 d.'))).toBe(false);
    expect(flagged(check(report, 'Amoxicillin 500 mg x 3 i 7 d.'))).toBe(false);
  });

  it('a count of things ("ok to nye medisiner") is no "x 2" for a drug started once daily', () => {
    const lines = [
      'D: pulsen din er rask og uregelmessig det er atrieflimmer',
      'D: for å roe ned pulsen starter vi med bisoprolol fem milli gram én gang daglig og så blodfortynnende',
      'P: ok to nye medisiner.',
      'D: ja og så henviser jeg deg til kardiolog',
    ];
    const report = verify(lines, 'Plan: Start bisoprolol 5 mg x 2.', 'nb');
    expect(flagged(check(report, 'Start bisoprolol 5 mg x 2.'))).toBe(true);
    const right = verify(lines, 'Plan: Start bisoprolol 5 mg x 1.', 'nb');
    expect(flagged(check(right, 'Start bisoprolol 5 mg x 1.'))).toBe(false);
  });
});
