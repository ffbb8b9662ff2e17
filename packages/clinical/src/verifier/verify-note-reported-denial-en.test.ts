/**
 * English reporting verbs swapped with a denial (synthetic consultations): "reports any …" without the negation
 * that licenses "any", "denies feeling …" whose object the patient told, a "no" the patient corrects later, a
 * yes/no question opened by fillers ("okay and then have you …"), and a denied condition the doctor plans for as the
 * patient's own problem.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: an English reporting verb where the note meant a denial', () => {
  it('"reports any specific injury": "any" after an affirmative reporting verb lost its negation', () => {
    const lines = [
      'D: so tell me about your right knee',
      'P: um it started hurting maybe a month ago when i go up the stairs',
      "P: honestly i have been trying to recall if i had any specific injury and i ca n't think of one",
      'D: okay on exam there is tenderness below the kneecap',
      'D: i think you injured the tendon so we will start physical therapy',
      'D: and you will call us to report any new swelling',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe reports any specific injury.\nHe denies any specific injury.\nPLAN\nHe will report any new swelling.',
      'en',
    );
    expect(check(report, 'He reports any specific injury.').support).toBe('unsupported');
    expect(flagged(check(report, 'He denies any specific injury.'))).toBe(false);
    expect(flagged(check(report, 'He will report any new swelling.'))).toBe(false);
  });

  it('"denies feeling a pop": the gerund of sensing or having frames the denied thing, which the patient told', () => {
    const lines = [
      'D: so what happened to your back',
      'P: uh i was golfing four days ago and i hurt my back when i went for my backswing',
      'D: and did you feel a pop or a strain immediately or',
      'P: i f- felt the pop and i immediately had to hit the ground',
      'D: okay and how are you feeling now',
      'P: it loosened up a little bit but it is still pretty sore',
      'D: have you had any numbness in your legs',
      'P: no',
    ];
    const report = verify(
      lines,
      "ASSESSMENT AND PLAN\nMedical Reasoning: The patient denies feeling a 'pop' and immediate pain while golfing approximately 4 days ago.\nMedical Reasoning: The patient reports feeling a 'pop' and immediate pain while golfing approximately 4 days ago.\nHe denies having numbness in his legs.",
      'en',
    );
    expect(
      check(
        report,
        "Medical Reasoning: The patient denies feeling a 'pop' and immediate pain while golfing approximately 4 days ago.",
      ).support,
    ).toBe('contradicted');
    expect(
      flagged(
        check(
          report,
          "Medical Reasoning: The patient reports feeling a 'pop' and immediate pain while golfing approximately 4 days ago.",
        ),
      ),
    ).toBe(false);
    expect(flagged(check(report, 'He denies having numbness in his legs.'))).toBe(false);
  });

  it('a "no" the patient corrects later ("have you lost weight?" – "no, but …" … "i have lost some weight")', () => {
    const lines = [
      'D: so you are here today to follow up on your asthma and the singulair we started',
      'P: yes the breathing is a lot better now',
      'D: okay and have you had any fevers',
      'P: no',
      'D: have you lost weight',
      'P: no but i stopped taking the birth control and i was eating constantly',
      'D: okay and your face does look thinner',
      'P: well the past six months i have lost some weight',
      'D: okay good anything else going on',
      'P: no that is it',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe denies she has lost weight in the past 6 months.\nShe reports she has lost weight in the past 6 months.\nShe denies fevers.',
      'en',
    );
    expect(check(report, 'She denies she has lost weight in the past 6 months.').support).toBe(
      'contradicted',
    );
    expect(flagged(check(report, 'She reports she has lost weight in the past 6 months.'))).toBe(false);
    expect(flagged(check(report, 'She denies fevers.'))).toBe(false);
  });

  it('a yes/no question opened by fillers ("okay and then have you had any injuries to that ankle before")', () => {
    const lines = [
      'D: so i see you hurt your left ankle playing soccer on saturday',
      'P: yes i rolled it going for the ball and it swelled up right away',
      'D: okay and then were you able to walk on it after that',
      'P: i was able to get to the car but it was painful',
      'D: okay and then have you done any or had any injuries to that ankle before',
      'P: nothing substantial that i would say in the past',
      'D: okay on exam there is swelling over the lateral ankle',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe has had previous injuries to his left ankle.\nHe denies previous injuries to his left ankle.',
      'en',
    );
    expect(check(report, 'He has had previous injuries to his left ankle.').support).toBe('contradicted');
    expect(flagged(check(report, 'He denies previous injuries to his left ankle.'))).toBe(false);
  });

  it('a condition the doctor plans for as the patient\'s own problem ("for your second problem the hypertension")', () => {
    const lines = [
      'D: so you are here today for your knee and to follow up on your chronic conditions',
      'P: yes the right knee has been bothering me for about two weeks',
      'D: okay on exam there is some swelling of the right knee',
      'D: so for your first problem the knee pain i think this is arthritis and we will get an x-ray',
      'D: for your second problem the hypertension i want to continue the lisinopril twenty milligrams a day',
      'D: and i will also order an a1c to look at your risk of diabetes',
      'P: okay sounds good',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nPatient denies a personal history of hypertension.\nPatient reports a personal history of hypertension.\nPatient denies a personal history of diabetes.',
      'en',
    );
    expect(check(report, 'Patient denies a personal history of hypertension.').support).toBe('contradicted');
    expect(flagged(check(report, 'Patient reports a personal history of hypertension.'))).toBe(false);
    expect(flagged(check(report, 'Patient denies a personal history of diabetes.'))).toBe(false);
  });
});
