/**
 * English polarity of symptoms and findings (synthetic consultations): a listener's "mm-hmm" acknowledges a remark
 * and answers no question, a negation does not reach into a new question, a "no" a few words into an answer, "ever"
 * questions answered "no", words of other instances that qualify another item, and words that lean on another.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: English polarity of findings', () => {
  it('a "mm-hmm" after a negative remark acknowledges it: the finding stays denied', () => {
    const lines = [
      'D: so i have your wrist x-ray here .',
      "D: the bones line up well and there's no fracture , which is what i expected from the story .",
      'P: mm-hmm .',
      'D: so we will treat this as a sprain .',
    ];
    const report = verify(lines, 'RESULTS\nWrist x-ray shows a fracture.', 'en');
    expect(check(report, 'Wrist x-ray shows a fracture.').support).toBe('contradicted');
  });

  it('a negation before a new question does not reach the words asked ("… has not helped okay and do you have any …")', () => {
    const lines = [
      'D: tell me about the cough',
      'P: it started last week',
      'D: okay and what have you tried for it i took some honey tea but it has not really helped okay and do you have any fever or chills i do feel feverish at night',
      'P: okay',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nConstitutional: Denies fever.', 'en');
    expect(check(report, 'Constitutional: Denies fever.').support).toBe('contradicted');
  });

  it('a "no" a few words into the answer denies what was asked ("in my feet no , not really")', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: my feet have been tingling for a month .',
      'D: and have you noticed any swelling in your feet ?',
      'P: in my feet no , not really .',
      'D: okay .',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nCardiovascular: Reports swelling in the feet.', 'en');
    expect(check(report, 'Cardiovascular: Reports swelling in the feet.').support).toBe('contradicted');
  });

  it('"have you ever …?" answered "no" denies the present too; a word before "ever" is not asked about', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: my feet have been numb and tingling since the spring .',
      'D: have you ever had any numbness in your hands ?',
      'P: no , never .',
      'D: and is this the worst pain you have ever had ?',
      'P: no , it was worse last year .',
      'D: okay .',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe reports numbness in her hands.\nThe pain was worse last year.',
      'en',
    );
    expect(check(report, 'She reports numbness in her hands.').support).toBe('contradicted');
    expect(flagged(check(report, 'The pain was worse last year.'))).toBe(false);
  });

  it('"have you ever tried <drug>?" answered "no" does not deny the treatment started now', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: my knee has been aching for a month .',
      'D: have you ever tried capsaicin topical , as a cream for the knee ?',
      'P: no , i have never tried anything for it .',
      'D: okay , so we will start capsaicin cream , you rub it on topically twice a day .',
    ];
    const report = verify(lines, 'CURRENT MEDICATIONS\nCapsaicin cream applied topically.', 'en');
    expect(check(report, 'Capsaicin cream applied topically.').support).not.toBe('contradicted');
  });

  it('"… anywhere else?" asks about other places, not other rashes: its "no" denies the rash', () => {
    const lines = [
      'D: okay and have you noticed any rashes on your arms or anywhere else ?',
      'P: no .',
      'D: alright .',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nSkin: Reports rashes.', 'en');
    expect(check(report, 'Skin: Reports rashes.').support).toBe('contradicted');
  });

  it('a word that leans on another is not denied where it is said of something else ("acute fracture")', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: my knee has been swollen since friday .',
      'D: on your x-ray there is no acute fracture .',
      'D: but you do have some arthritis in the knee and it is flaring up .',
    ];
    const report = verify(lines, 'ASSESSMENT\nThis is an acute flare of her arthritis.', 'en');
    expect(flagged(check(report, 'This is an acute flare of her arthritis.'))).toBe(false);
  });

  it('a preposition of time ("After the incident") is no finding a "no" could deny', () => {
    const lines = [
      'D: so what brings you in today ?',
      'P: i fell during a soccer game on saturday and hurt my ankle , it is very painful and swollen .',
      'D: and after the fall were you able to keep playing ?',
      'P: no , i had to stop .',
      'D: okay and what did you do then ?',
      'P: my coach drove me to the emergency room and they took an x-ray of the ankle .',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nAfter the incident, her coach drove her to the emergency room.',
      'en',
    );
    expect(check(report, 'After the incident, her coach drove her to the emergency room.').support).not.toBe(
      'contradicted',
    );
  });
});
