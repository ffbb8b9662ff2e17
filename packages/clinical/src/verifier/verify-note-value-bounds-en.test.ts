/**
 * English: numbers the talk says that are no result of the patient's – a norm said for a measure ("it should be less
 * than 100"), a price ("they are charging me $ 75"), an amount of medicine counted in days ("ten days' worth") – and
 * times converted exactly between minutes, hours, days and weeks (synthetic consultations).
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

const LABS = [
  'D: hi there how are you doing today',
  "P: i'm okay , just tired and i've had some pain in my stomach after meals for about two weeks",
  'D: okay any nausea or vomiting',
  'P: no nausea , and the cream for the rash on my arm is expensive',
  'D: okay how much are they asking for it',
  'P: they are charging me $ 95 for the tube so i did not pick it up',
  'D: alright let us look at your labs . your alt was about 88 , and it should be less than 40 .',
  'D: your total cholesterol was 231 . the bad cholesterol was 147 , and it should be less than 100 .',
  'P: okay that sounds high',
];

describe('verifyNote: a norm or a price is no result', () => {
  it('a lab value that is only the norm said for it is not supported ("should be less than 100")', () => {
    const report = verify(LABS, 'RESULTS\nLDL 100 mg/dL.', 'en');
    expect(flagged(check(report, 'LDL 100 mg/dL.'))).toBe(true);
  });

  it('the norm of one lab is no value of it: ALT 40 where the talk says 88', () => {
    const report = verify(LABS, 'RESULTS\nALT 40.', 'en');
    expect(check(report, 'ALT 40.').support).toBe('contradicted');
  });

  it('a price said is no lab value ("$ 95" against "total cholesterol 95")', () => {
    const report = verify(LABS, 'RESULTS\nTotal cholesterol 95 mg/dL.', 'en');
    expect(flagged(check(report, 'Total cholesterol 95 mg/dL.'))).toBe(true);
  });

  it('the results said, the norm stated as a norm and the price stated as a price stay supported', () => {
    const report = verify(
      LABS,
      'RESULTS\nALT 88.\nLDL 147 mg/dL, goal less than 100.\nShe did not fill the cream due to the cost of $95.',
      'en',
    );
    expect(flagged(check(report, 'ALT 88.'))).toBe(false);
    expect(flagged(check(report, 'LDL 147 mg/dL, goal less than 100.'))).toBe(false);
    expect(flagged(check(report, 'She did not fill the cream due to the cost of $95.'))).toBe(false);
  });
});

const COURSE = [
  'D: so what brings you in today',
  'P: i have this redness on my leg and my doctor started me on antibiotics about six days ago',
  'D: okay and how many did he give you',
  "P: i think he called in ten days' worth and i'm on day six right now",
  "D: okay we'll keep going with that and we're gon na monitor this very closely i wan na see you again in seven days and then as far as your diabetes is concerned keep your sugars down",
  'P: okay sounds good',
];

describe('verifyNote: "ten days\' worth" is an amount, no point in time', () => {
  it('a follow-up "in 10 days" is not found in "ten days\' worth" where the talk says "in seven days"', () => {
    const report = verify(
      COURSE,
      'PLAN\nThe patient will follow up with me in 10 days to check on his progress.',
      'en',
    );
    expect(
      check(report, 'The patient will follow up with me in 10 days to check on his progress.').support,
    ).toBe('contradicted');
  });

  it('the follow-up said stays supported', () => {
    const report = verify(COURSE, 'PLAN\nThe patient will follow up with me in 7 days.', 'en');
    expect(flagged(check(report, 'The patient will follow up with me in 7 days.'))).toBe(false);
  });
});

const TENNIS = [
  'D: so tell me what happened',
  'P: i was playing tennis on saturday and it was really hot',
  'P: and after about a half an hour i was very short of breath , i was struggling to breathe',
  'D: okay did you use your inhaler',
  'P: yes and it got better after a few minutes',
];

describe('verifyNote: minutes and hours convert exactly', () => {
  it('"28 minutes" is not "a half an hour"', () => {
    const report = verify(
      TENNIS,
      'HPI\nAfter approximately 28 minutes of tennis he was struggling to breathe.',
      'en',
    );
    expect(
      flagged(check(report, 'After approximately 28 minutes of tennis he was struggling to breathe.')),
    ).toBe(true);
  });

  it('"30 minutes" for "a half an hour" stays supported', () => {
    const report = verify(
      TENNIS,
      'HPI\nAfter approximately 30 minutes of tennis he was struggling to breathe.',
      'en',
    );
    expect(
      flagged(check(report, 'After approximately 30 minutes of tennis he was struggling to breathe.')),
    ).toBe(false);
  });
});

const SUGARS = [
  'D: so i was told you had a really high blood sugar and you were in the emergency room',
  'P: yeah i was not watching what i ate and i have been under a lot of stress',
  "D: okay let's look at your labs . so your hemoglobin a1c here is 9 , you know last time we had seen it , it was about 7 and we had n't put you on medications",
  'P: okay that sounds bad',
  "D: we'll start metformin 500 mg twice a day",
];

describe('verifyNote: an earlier reading is no value now', () => {
  it('"A1c is elevated at 7" is not the reading "last time … it was about 7" where the talk gives 9 now', () => {
    const report = verify(SUGARS, 'RESULTS\nHemoglobin A1c is elevated at 7.', 'en');
    expect(check(report, 'Hemoglobin A1c is elevated at 7.').support).toBe('contradicted');
  });

  it('the value now and the earlier value said as earlier stay supported', () => {
    const report = verify(
      SUGARS,
      'RESULTS\nHemoglobin A1c is elevated at 9.\nHemoglobin A1c was 7 at the last visit.',
      'en',
    );
    expect(flagged(check(report, 'Hemoglobin A1c is elevated at 9.'))).toBe(false);
    expect(flagged(check(report, 'Hemoglobin A1c was 7 at the last visit.'))).toBe(false);
  });
});

const ENZYMES = [
  'D: so what brings you in today',
  "P: i've had pain in my right side on and off for about two years , with some constipation and diarrhea",
  'D: okay any nausea or vomiting',
  'P: some nausea but no vomiting',
  'D: have you had any lab work done recently',
  'P: yes , i had a physical about four months ago and they drew blood then',
  'D: okay and did your primary care physician say anything about it',
  'P: he said i had some slightly elevated liver enzymes , but we would recheck them in about six months',
  'D: okay we will repeat those labs today',
];

describe('verifyNote: a time ago is no time ahead', () => {
  it('"labs 6 months ago" is not found in "recheck them in about six months"', () => {
    const report = verify(
      ENZYMES,
      'HPI\nThe patient had elevated liver enzymes on labs with his primary care provider 6 months ago.',
      'en',
    );
    expect(
      flagged(
        check(
          report,
          'The patient had elevated liver enzymes on labs with his primary care provider 6 months ago.',
        ),
      ),
    ).toBe(true);
  });

  it('"labs 4 months ago" stays supported', () => {
    const report = verify(
      ENZYMES,
      'HPI\nThe patient had elevated liver enzymes on labs with his primary care provider 4 months ago.',
      'en',
    );
    expect(
      flagged(
        check(
          report,
          'The patient had elevated liver enzymes on labs with his primary care provider 4 months ago.',
        ),
      ),
    ).toBe(false);
  });
});
