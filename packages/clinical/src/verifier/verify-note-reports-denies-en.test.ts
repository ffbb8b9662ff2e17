/**
 * English "reports" and "denies" against the talk (synthetic consultations): a doctor's check of the patient's
 * present state, answered yes or no, tells that state.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: English reports and denies', () => {
  it('"just want to make sure you\'re not having any …" answered "no" denies it (a check, not a supposition)', () => {
    const lines = [
      'D: okay so the knee has been swollen since the weekend',
      'P: yeah it is a bit swollen',
      "D: alright um before i examine you i just want to make sure you're not having any shortness of breath today",
      'P: no',
      'D: okay good and how is the pain',
      'P: about a five',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nRespiratory: Reports shortness of breath.', 'en');
    expect(check(report, 'Respiratory: Reports shortness of breath.').support).toBe('contradicted');
    const agreeing = verify(lines, 'REVIEW OF SYSTEMS\nRespiratory: Denies shortness of breath.', 'en');
    expect(flagged(check(agreeing, 'Respiratory: Denies shortness of breath.'))).toBe(false);
  });

  it('"… to make sure you don\'t have …" that nobody answers stays a supposition', () => {
    const lines = [
      'D: so the back pain has been going on for two weeks',
      'P: yes it started after i lifted a box',
      "D: okay we'll get an mri of the lower back to make sure you don't have a disc herniation or anything like that and then we will talk again",
      'P: that sounds fine thank you',
    ];
    const report = verify(
      lines,
      'ASSESSMENT AND PLAN\nMRI of the lumbar spine to evaluate for disc herniation.',
      'en',
    );
    expect(flagged(check(report, 'MRI of the lumbar spine to evaluate for disc herniation.'))).toBe(false);
  });

  it('"no issues with the migraines?" – "none" denies trouble with the condition (no tolerance of a drug)', () => {
    const lines = [
      'D: so john is a 61-year-old male with a past medical history significant for migraines and reflux who presents with some back pain',
      'D: um so let us talk a little bit about your migraines',
      'P: i have been pretty diligent about taking the meds for the migraines',
      'D: and how often do you get a migraine these days',
      'P: maybe one migraine a month and the imitrex takes care of it',
      'D: okay so no issues with the migraine ?',
      'P: none whatsoever',
      'D: okay for your migraines let us continue the imitrex',
    ];
    const report = verify(lines, 'HISTORY OF PRESENT ILLNESS\nHe reports issues with the migraines.', 'en');
    expect(check(report, 'He reports issues with the migraines.').support).toBe('contradicted');
    const agreeing = verify(lines, 'HISTORY OF PRESENT ILLNESS\nHe denies issues with the migraines.', 'en');
    expect(flagged(check(agreeing, 'He denies issues with the migraines.'))).toBe(false);
  });

  it('a negation in a remark run in before a question is no part of it; the yes answers the question as asked', () => {
    const lines = [
      'D: so what brings you in today',
      'P: i have had this sharp pain in my right side for a few days',
      "D: okay does it go anywhere it goes down to my groin it's pretty bad i ca n't find a comfortable position okay and do you have any nausea with it",
      'P: yeah a little bit in the mornings',
      'D: alright and any fever',
      'P: no',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nGastrointestinal: Denies nausea.', 'en');
    expect(check(report, 'Gastrointestinal: Denies nausea.').support).toBe('contradicted');
    const agreeing = verify(lines, 'REVIEW OF SYSTEMS\nGastrointestinal: Reports nausea.', 'en');
    expect(flagged(check(agreeing, 'Gastrointestinal: Reports nausea.'))).toBe(false);
  });

  it('"pain when you urinate" is dysuria', () => {
    const lines = [
      'D: so what brings you in today',
      'P: i have had this sharp pain in my right side for a few days',
      'D: okay and do you notice any pain when you urinate',
      'P: yeah it kinda burns a little bit',
    ];
    const report = verify(lines, 'REVIEW OF SYSTEMS\nGenitourinary: Denies dysuria.', 'en');
    expect(check(report, 'Genitourinary: Denies dysuria.').support).toBe('contradicted');
    const agreeing = verify(lines, 'REVIEW OF SYSTEMS\nGenitourinary: Reports dysuria.', 'en');
    expect(flagged(check(agreeing, 'Genitourinary: Reports dysuria.'))).toBe(false);
  });
});
