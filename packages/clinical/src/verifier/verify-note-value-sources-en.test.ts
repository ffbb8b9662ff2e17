/**
 * English: numbers that are not the value claimed although they are the same number – a goal said for a lab value, a
 * person's age, an ordinal, another lab's value – and the visit's own date (synthetic consultations).
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const OPENING = [
  'D: so how have you been feeling since the last visit',
  'P: um pretty good , a little tired some days but no pain',
];

describe('verifyNote: the same number said as something else', () => {
  it('a goal said for a lab value ("i\'d like to see that lower around 7") is no result of it', () => {
    const lines = [
      ...OPENING,
      'D: okay let me pull up your labs from last week',
      "D: so it looks like your hemoglobin a1c has been a little high at 9 . i'd like to see that a little bit lower around 7 , okay ?",
      'P: okay',
    ];
    const report = verify(
      lines,
      'RESULTS\nHemoglobin A1c is elevated at 7.\nHemoglobin A1c is elevated at 9.\nGoal hemoglobin A1c is around 7.',
      'en',
    );
    expect(flagged(check(report, 'Hemoglobin A1c is elevated at 7.'))).toBe(true);
    expect(flagged(check(report, 'Hemoglobin A1c is elevated at 9.'))).toBe(false);
    expect(flagged(check(report, 'Goal hemoglobin A1c is around 7.'))).toBe(false);
  });

  it('a person\'s age ("a 49-year-old female") is no percentage', () => {
    const lines = [
      'D: so karen is a 49-year-old female here for follow up of her heart failure',
      'D: i looked at your echo from the spring and the pumping function of your heart is about 45 % which is not terrible',
      'P: okay good',
    ];
    const report = verify(
      lines,
      'RESULTS\nEchocardiogram demonstrated an ejection fraction of 49%.\nEchocardiogram demonstrated an ejection fraction of 45%.',
      'en',
    );
    expect(flagged(check(report, 'Echocardiogram demonstrated an ejection fraction of 49%.'))).toBe(true);
    expect(flagged(check(report, 'Echocardiogram demonstrated an ejection fraction of 45%.'))).toBe(false);
  });

  it('an ordinal ("for the first problem") is no measure ("a 1 cm mass")', () => {
    const lines = [
      ...OPENING,
      'D: okay so now i reviewed the results of your ct which show a three centimeter left kidney mass with no evidence of spread so let me tell you about my assessment and plan so for the first problem i do think this needs a biopsy',
      'P: okay',
    ];
    const report = verify(
      lines,
      'RESULTS\nCT demonstrated a 1 cm left kidney mass.\nCT demonstrated a 3 cm left kidney mass.',
      'en',
    );
    expect(flagged(check(report, 'CT demonstrated a 1 cm left kidney mass.'))).toBe(true);
    expect(flagged(check(report, 'CT demonstrated a 3 cm left kidney mass.'))).toBe(false);
  });

  it('a lab value said with its name ("ldl of 166") is no value of another lab', () => {
    const lines = [
      ...OPENING,
      "D: regarding his blood work , the patient's alkaline phosphatase was elevated to 156 . his lipid panel showed total cholesterol of 247 , ldl of 166 , and triglycerides at 74 .",
      'P: okay',
    ];
    const report = verify(
      lines,
      "RESULTS\nThe patient's alkaline phosphatase was elevated at 166.\nThe patient's alkaline phosphatase was elevated at 156.",
      'en',
    );
    expect(flagged(check(report, "The patient's alkaline phosphatase was elevated at 166."))).toBe(true);
    expect(flagged(check(report, "The patient's alkaline phosphatase was elevated at 156."))).toBe(false);
  });
});

describe('verifyNote: a dose of another drug named in the same sentence', () => {
  it('"lipitor eighty milligrams … toprol fifty milligrams": fifty is no Lipitor dose', () => {
    const lines = [
      ...OPENING,
      'D: so for your cholesterol i want you to continue the lipitor eighty milligrams daily and then also continue on that toprol fifty milligrams daily okay and i am also going to order a lipid panel',
      'P: okay',
    ];
    const report = verify(
      lines,
      'PLAN\nContinue taking Lipitor 50 mg daily.\nContinue taking Lipitor 80 mg daily.\nContinue Toprol 50 mg daily.',
      'en',
    );
    expect(flagged(check(report, 'Continue taking Lipitor 50 mg daily.'))).toBe(true);
    expect(flagged(check(report, 'Continue taking Lipitor 80 mg daily.'))).toBe(false);
    expect(flagged(check(report, 'Continue Toprol 50 mg daily.'))).toBe(false);
  });
});

describe('verifyNote: a duration is not found as a bare number', () => {
  it('"four five six seven days" counted out is no "5 weeks"', () => {
    const lines = [
      ...OPENING,
      'D: so i think you sprained that ankle . your symptoms are going to get better significantly over the first you know four five six seven days but i am gon na wan na follow up with you',
      'P: okay',
      'D: so i would like to see you in two weeks and keep taking the ibuprofen',
      'P: sounds good',
    ];
    const report = verify(
      lines,
      'PLAN\nThe patient will follow up with me in 5 weeks to assess his progress.\nThe patient will follow up with me in 2 weeks to assess his progress.',
      'en',
    );
    expect(
      flagged(check(report, 'The patient will follow up with me in 5 weeks to assess his progress.')),
    ).toBe(true);
    expect(
      flagged(check(report, 'The patient will follow up with me in 2 weeks to assess his progress.')),
    ).toBe(false);
  });
});

describe('verifyNote: the visit is today', () => {
  it('"presents last year" dates the visit otherwise, even where the talk has "last year" for another event', () => {
    const lines = [
      'D: hi vincent how are you',
      'P: good thanks',
      'D: so vincent is a 56-year-old male here with abnormal lab findings .',
      'D: how is your knee replacement doing . i know you had that done last year .',
      'P: it seems okay',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nVincent is a 56-year-old male who presents last year for lab review.\nVincent is a 56-year-old male who presents today for lab review.\nHe had a knee replacement last year.',
      'en',
    );
    expect(
      check(report, 'Vincent is a 56-year-old male who presents last year for lab review.').support,
    ).toBe('contradicted');
    expect(flagged(check(report, 'Vincent is a 56-year-old male who presents today for lab review.'))).toBe(
      false,
    );
    expect(flagged(check(report, 'He had a knee replacement last year.'))).toBe(false);
  });
});
