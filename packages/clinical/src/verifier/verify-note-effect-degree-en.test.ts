/**
 * English claims of a strong effect ("significant relief") against talk of a partial one ("it helped a little bit")
 * (synthetic consultations): a partial effect falls short of a significant one, so "with significant relief" drops the
 * negation that "without significant relief" says.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: an English claim of significant relief', () => {
  const lines = [
    'D: so what brings you in today',
    'P: um i have had this pain in my lower back for about a week',
    'D: okay and what have you tried for it',
    'P: i took some naproxen that helped a little bit',
    'P: but it still hurts even with the naproxen',
    'D: okay and does the pain go down your legs',
    'P: no it stays in my back',
  ];

  it('"with significant relief" is contradicted by "helped a little bit … still hurts"', () => {
    const wrong = 'He has tried naproxen with significant relief.';
    const right = 'He has tried naproxen without significant relief.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${wrong}\n${right}`, 'en');
    expect(check(report, wrong).support).toBe('contradicted');
    expect(flagged(check(report, right))).toBe(false);
  });

  it('"has not provided significant relief" denies a degree, which "helped a little bit" does not contradict', () => {
    const note = 'Naproxen has not provided significant relief.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
    // Without the degree the denial is all of the effect, which the talk's "helped a little bit" contradicts.
    const whole = 'Naproxen has not provided relief.';
    expect(check(verify(lines, `HISTORY OF PRESENT ILLNESS\n${whole}`, 'en'), whole).support).toBe(
      'contradicted',
    );
  });

  it('"it helped" alone neither confirms nor denies "no significant relief"', () => {
    const plain = [
      'D: so what brings you in today',
      'P: um i have had this pain in my lower back for about a week',
      'D: okay and what have you tried for it',
      'P: i took some naproxen and it helped',
      'D: okay and does the pain go down your legs',
      'P: no it stays in my back',
    ];
    const note = 'He has tried naproxen without significant relief.';
    const report = verify(plain, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(check(report, note).support).not.toBe('contradicted');
  });

  it('"nothing worked" after a list of things tried speaks of each of them, the drugs named before too', () => {
    const listed = [
      'D: so what brings you in today',
      'P: my lower back has been aching since i moved some furniture last weekend',
      'D: okay and what have you taken for it',
      'P: uh i took some naproxen . i took some acetaminophen .',
      'D: mm-hmm',
      'P: i tried a heating pad . i tried stretching , but nothing really worked .',
      'D: okay and does the pain go down your legs',
      'P: no it stays in my back',
    ];
    const wrong = 'He has tried naproxen and acetaminophen with significant relief.';
    const right = 'He has tried naproxen and acetaminophen without significant relief.';
    const report = verify(listed, `HISTORY OF PRESENT ILLNESS\n${wrong}\n${right}`, 'en');
    expect(check(report, wrong).support).toBe('contradicted');
    expect(flagged(check(report, right))).toBe(false);
    // Said of the last thing only ("the stretching did nothing"), the drugs named before keep their own say.
    const helped = [...listed.slice(0, 3), 'P: i took some naproxen and it helped a lot', ...listed.slice(4)];
    const relief = 'He has tried naproxen with significant relief.';
    expect(flagged(check(verify(helped, `HISTORY OF PRESENT ILLNESS\n${relief}`, 'en'), relief))).toBe(false);
  });
});
