/**
 * English negations put into a verb phrase (synthetic consultations): the clinician's own advice said not to have been
 * given, and the perfect negated with a stray "do" ("does not have since transitioned").
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: a negated verb phrase', () => {
  it('"I have not advised her to avoid skating or hockey" against the doctor\'s "i would recommend not skating or …"', () => {
    const lines = [
      'D: so what happened to the knee',
      'P: i twisted it playing hockey two weeks ago',
      'D: okay and how often do you play',
      'P: three times a week and i go skating with my kids on weekends',
      "D: okay so it's a sprain i do n't see a fracture on the x-ray",
      "D: i would recommend not skating or playing any hockey for now and we will get you a brace , it's gon na heal",
    ];
    const negated = 'I have not advised her to avoid skating or hockey at this time.';
    const report = verify(lines, `PLAN\n${negated}`, 'en');
    expect(check(report, negated).support).toBe('contradicted');
    const correct = 'I have advised her to avoid skating or hockey at this time.';
    const twin = verify(lines, `PLAN\n${correct}`, 'en');
    expect(flagged(check(twin, correct))).toBe(false);
  });

  it('"I have not recommended … continued bracing" against "we are gon na continue to brace your right knee"', () => {
    const lines = [
      'D: so how is the knee doing',
      "P: it still hurts going down stairs and i'm limping a bit",
      'D: okay any swelling',
      'P: a little in the evening',
      'D: are you taking anything for it',
      "P: just some ibuprofen when it's bad",
      'D: okay let me take a look , does this hurt',
      'P: yes right there',
      'D: okay so i think you have a strain of the ligament , for your right knee we are gon na continue to brace your right knee and that will take off some of the stress',
      "D: i'm gon na send you to physical therapy three times a week",
      "D: for the left knee it's not bad enough to require any kind of bracing",
      "D: and i do n't recommend any gummies for the pain",
    ];
    const negated = 'I have not recommended that we treat the patient conservatively with continued bracing.';
    const report = verify(lines, `ASSESSMENT AND PLAN\n${negated}`, 'en');
    expect(check(report, negated).support).toBe('contradicted');
    const correct = 'I have recommended that we treat the patient conservatively with continued bracing.';
    const twin = verify(lines, `ASSESSMENT AND PLAN\n${correct}`, 'en');
    expect(flagged(check(twin, correct))).toBe(false);
  });

  it('"does not have since switched back" reads as the perfect "has not switched back"', () => {
    const lines = [
      'D: so how have you been since the last visit',
      'P: pretty good overall , the reflux is better',
      'D: okay and you tried the new pill i gave you last time',
      'P: yeah but it gave me headaches for like two weeks',
      "P: um and after i stopped taking that i went back to the stomach one , so i'm doing good now",
      'D: okay good any trouble swallowing',
      'P: no',
      'D: any chest pain or shortness of breath',
      'P: no none of that',
    ];
    const negated = 'She does not have since switched back to her original stomach medication.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${negated}`, 'en');
    expect(check(report, negated).support).toBe('contradicted');
    const correct = 'She has since switched back to her original stomach medication.';
    const twin = verify(lines, `HISTORY OF PRESENT ILLNESS\n${correct}`, 'en');
    expect(flagged(check(twin, correct))).toBe(false);
  });

  it('"does not have swollen glands" is a denial of its object, not a perfect', () => {
    const lines = [
      'D: any fever or sore throat',
      'P: a little sore throat but no fever',
      'D: okay let me feel your neck , your glands are not swollen',
      'P: okay good',
    ];
    const correct = 'She does not have swollen glands.';
    const report = verify(lines, `PHYSICAL EXAM\n${correct}`, 'en');
    expect(flagged(check(report, correct))).toBe(false);
  });

  it('"does not have a long history of smoking": the length qualifies the history, the smoking is what is denied', () => {
    const lines = [
      "D: so you're here today because you want to quit smoking",
      "P: yeah i'm ready to quit smoking but it's been hard",
      'D: tell me a little bit more about your history of smoking',
      "P: i started smoking in high school and now i'm smoking a pack a day , every day",
      'D: okay and have you tried to quit smoking before',
      'P: once , i made it almost a year but then work got stressful , i know smoking is not good for me',
      'D: stress is a common trigger for smoking',
      'D: any other medical problems',
      'P: just type two diabetes and some gout',
      'D: quitting will be great for your long term health',
      "D: so we'll start a nicotine patch on your quit date",
    ];
    const negated = 'The patient does not have a long history of smoking cigarettes.';
    const report = verify(lines, `ASSESSMENT\n${negated}`, 'en');
    expect(check(report, negated).support).toBe('contradicted');
    const correct = 'The patient has a long history of smoking cigarettes.';
    const twin = verify(lines, `ASSESSMENT\n${correct}`, 'en');
    expect(flagged(check(twin, correct))).toBe(false);
  });

  it('a verb the talk says only of other things ("did you suffer any other injuries") is read by its phrase', () => {
    const lines = [
      'D: so how is the finger doing since the injury',
      'P: it still gets stuck when i bend it and it hurts at the base',
      'D: did you suffer any other injuries when you fell',
      'P: no just the hand',
      "D: so the mri shows that it's the flexor digitorum superficialis , which is the least important of the two tendons",
      'D: it is clearly intact , there is only a partial tear',
      "D: i think you have got so much scar tissue and inflammation around the fds tendon blocking excursion of these other tendons , that they ca n't get through to the pulley",
      "D: so i'd like to try a steroid injection into the tendon sheath",
      "P: okay let's do it",
    ];
    const negated =
      'I explained to the patient that the tendon was clearly intact and that he is not suffering from inflammation around the flexor digitorum superficialis tendon blocking excursion of the flexor tendons to the A1 pulley.';
    const report = verify(lines, `ASSESSMENT\n${negated}`, 'en');
    expect(check(report, negated).support).toBe('contradicted');
    const correct =
      'I explained to the patient that the tendon was clearly intact and that he is suffering from inflammation around the flexor digitorum superficialis tendon blocking excursion of the flexor tendons to the A1 pulley.';
    const twin = verify(lines, `ASSESSMENT\n${correct}`, 'en');
    expect(flagged(check(twin, correct))).toBe(false);
  });

  it('"Tonsils have not been removed" against the doctor\'s "throat looks fine no tonsils"', () => {
    const lines = [
      'D: any trouble swallowing or sore throat',
      'P: no not really just the cough',
      'D: okay let me take a look , ears look good',
      'D: and throat looks fine no tonsils',
      'D: lungs are clear',
    ];
    const negated = 'Examination of Throat: Tonsils have not been previously removed.';
    const report = verify(lines, `PHYSICAL EXAM\n${negated}`, 'en');
    expect(check(report, negated).support).toBe('contradicted');
    const correct = 'Examination of Throat: Tonsils have been previously removed.';
    const twin = verify(lines, `PHYSICAL EXAM\n${correct}`, 'en');
    expect(flagged(check(twin, correct))).toBe(false);
  });
});
