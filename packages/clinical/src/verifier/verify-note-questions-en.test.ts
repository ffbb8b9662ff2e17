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

  it('a question opening a dozen words before the turn ends still asks ("tell me is there any family history of …")', () => {
    const lines = [
      'D: so dad you noticed her shoulder jerking at dinner about a month ago',
      'R: yes and her teacher says she clears her throat over and over in class',
      'D: okay thank you for that tell me is there any family history of epilepsy or like restless legs syndrome',
      'R: well no history of epilepsy but i i never heard of that restless legs thing',
      'D: okay and is she sleeping well at night',
      'R: yes she sleeps fine',
    ];
    const wrong =
      "Patient's father reports that they do have a family history of epilepsy or restless legs syndrome.";
    const right =
      "Patient's father reports that they do not have a family history of epilepsy or restless legs syndrome.";
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${wrong}\n${right}`, 'en');
    expect(check(report, wrong).support).toBe('contradicted');
    expect(flagged(check(report, right))).toBe(false);
  });
});
