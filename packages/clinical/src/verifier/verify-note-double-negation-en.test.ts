/**
 * English double negation of one verb (synthetic consultations): "does not have never seen" negates the same verb
 * twice, so the claim is unclear and cannot be confirmed by the talk; two verbs each with their own negation stay
 * readable.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const LINES = [
  'D: okay so your dermatologist sent you over um because of that mole on your back',
  'P: yeah she saw it last month',
  'D: had you ever seen a dermatologist before that',
  'P: no never that was the first time',
  'D: okay and are you on any hormone pills',
  'P: no i am not and i never have been',
];

describe('verifyNote: English double negation', () => {
  it('"does not have never seen" is flagged as unclear', () => {
    const note = 'She does not have never seen a dermatologist prior to last month.';
    const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
    const twin = 'She had never seen a dermatologist prior to last month.';
    const plain = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${twin}`, 'en');
    expect(flagged(check(plain, twin))).toBe(false);
  });

  it('"doesn\'t really never" is flagged too', () => {
    const note = "She doesn't really never see a dermatologist.";
    const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
  });

  it('"is not unable to" (a negated prefix negation) is flagged as unclear', () => {
    const lines = [
      'D: okay so tell me about the pain in your right index finger',
      "P: it is swollen and it hurts so much i can't make a fist",
      'D: any numbness or tingling in the hand',
      'P: no no numbness',
      'D: and does it hurt when you drive',
      'P: yeah even driving hurts',
    ];
    for (const note of [
      'He is not unable to make a fist due to pain in the finger.',
      "He isn't really unable to make a fist due to pain in the finger.",
    ]) {
      const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
      expect(flagged(check(report, note)), note).toBe(true);
    }
    const twin = 'He cannot make a fist due to pain in the finger.';
    const plain = verify(lines, `HISTORY OF PRESENT ILLNESS\n${twin}`, 'en');
    expect(flagged(check(plain, twin))).toBe(false);
  });

  it('two verbs with a negation each are no double negation', () => {
    const note = 'She is not currently and has never been on hormone pills.';
    const report = verify(LINES, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
  });

  it('"does not have" before a participle ("does not have now resolved") is flagged as unreadable', () => {
    const lines = [
      'D: okay so how is the anxiety doing since doctor brown started you on the buspar',
      'P: oh it has really helped um i feel a lot calmer',
      'D: good and the pain in your back that you had',
      'P: yeah that is gone now it went away about a week ago',
    ];
    for (const note of [
      'Dr. Brown started the patient on Buspar, which does not have successfully controlled her anxiety.',
      'She had back pain, which does not have now resolved.',
      'This does not have also been noticed by her other providers.',
    ]) {
      const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
      expect(flagged(check(report, note)), note).toBe(true);
    }
    const twin = 'Dr. Brown started the patient on Buspar, which has successfully controlled her anxiety.';
    const plain = verify(lines, `HISTORY OF PRESENT ILLNESS\n${twin}`, 'en');
    expect(flagged(check(plain, twin))).toBe(false);
  });

  it('"does not have" before an adjective in "-ed" stays readable', () => {
    const lines = [
      'D: okay so you are here for a check of your diabetes um how are the sugars',
      'P: pretty good they have been around one hundred and twenty in the mornings',
      'D: okay and is there more swelling in your ankles than before',
      'P: no there is no swelling at all anymore',
      'D: alright let me look at your legs',
      'D: okay so your ankles look good today',
    ];
    const note = 'She does not have increased swelling of her ankles.';
    const report = verify(lines, `PHYSICAL EXAM\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(false);
  });
});
