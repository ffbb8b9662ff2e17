/**
 * English questions as speech recognition delivers them, without question marks (synthetic consultations): a question
 * whose subject is a noun phrase ("and then does the pain radiate …"), and an answer that says no to one part of a
 * question and yes to another ("it does n't go into my shoulder … but it can go down into my forearm").
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: English questions without question marks', () => {
  it('an inverted auxiliary before a noun subject asks ("and then does the pain radiate … up into your shoulder")', () => {
    const lines = [
      'D: so your elbow has been hurting for about two weeks since you started helping your brother paint his house',
      'P: yeah it is sore on the inside when i grip the brush',
      'D: okay and then does the pain radiate down your arm or up into your shoulder or anything like that',
      "P: it does n't go into my shoulder it stays mostly at my elbow but it can go down a bit into my forearm",
      'D: okay and did you hit it on anything',
      'P: no',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nThe pain radiates into his forearm, but does extend up to his shoulder.\nThe pain radiates into his forearm, but does not extend up to his shoulder.',
      'en',
    );
    expect(
      check(report, 'The pain radiates into his forearm, but does extend up to his shoulder.').support,
    ).toBe('contradicted');
    expect(
      flagged(check(report, 'The pain radiates into his forearm, but does not extend up to his shoulder.')),
    ).toBe(false);
  });

  it('a no to one part and a yes after "but" to another is no plain no ("it does n\'t go into my shoulder … but …")', () => {
    const lines = [
      'D: so tell me about the wrist pain',
      'P: it started last month when i was typing a lot at work',
      'D: does it travel up into your elbow or down into your fingers',
      "P: it does n't go up to my elbow really it stays around the wrist but it goes down into my fingers at night",
      'D: okay any numbness',
      'P: some tingling yes',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nThe pain travels down into his fingers at night, but not up to his elbow.',
      'en',
    );
    expect(
      flagged(check(report, 'The pain travels down into his fingers at night, but not up to his elbow.')),
    ).toBe(false);
  });
});
