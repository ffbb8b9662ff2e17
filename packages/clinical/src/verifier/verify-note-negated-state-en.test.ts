/**
 * English "not" put before a state or judgement (synthetic consultations): a value denied after another value of the
 * clause, a temperature said not to be raised, a word written in two ("in tact"), an abbreviation's plural ("a1c's"),
 * "poorly controlled" said as "uncontrolled", and the manner of an examination ("to palpation") that claims nothing.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: an English "not" before a state or judgement', () => {
  it('a negation before the second value of a clause denies that value ("A1c was 7.1 and … not typically between 120-140")', () => {
    const lines = [
      'D: so for your diabetes , your last hemoglobin a1c was seven point one',
      'D: how are your sugars at home',
      "P: i check it two or three times a week and most of the time it's in that one twenty to one forty range",
      'D: okay that is good , keep taking your medication and watch your diet for the diabetes',
    ];
    const report = verify(
      lines,
      'ASSESSMENT\nHis most recent A1c was 7.1 and his blood sugar levels are not typically between 120-140.\nHis most recent A1c was 7.1 and his blood sugar levels are typically between 120-140.',
      'en',
    );
    expect(
      check(
        report,
        'His most recent A1c was 7.1 and his blood sugar levels are not typically between 120-140.',
      ).support,
    ).toBe('contradicted');
    expect(
      flagged(
        check(
          report,
          'His most recent A1c was 7.1 and his blood sugar levels are typically between 120-140.',
        ),
      ),
    ).toBe(false);
  });

  it('a temperature said not to be raised is no fever: "Temperature is not elevated" against "a slight fever"', () => {
    const lines = [
      'D: okay let me look at your vital signs',
      'P: my wife checked my temperature it was about ninety nine point seven and i had some chills',
      'D: okay so on your exam i do recognize a slight fever , now on your foot exam i do recognize the wound on your heel',
      'P: i thought i felt warm',
    ];
    const report = verify(
      lines,
      'PHYSICAL EXAM\nTemperature is not elevated.\nTemperature is slightly elevated.',
      'en',
    );
    expect(check(report, 'Temperature is not elevated.').support).toBe('contradicted');
    expect(flagged(check(report, 'Temperature is slightly elevated.'))).toBe(false);
  });

  it('"in tact" written in two words is "intact": "Skin is not in tact" against "skin is intact"', () => {
    const lines = [
      'D: so you hurt your back when you fell , let me look at your back now',
      'P: okay it is still a lot of pain',
      'D: skin is intact , no bruising',
    ];
    const report = verify(lines, 'PHYSICAL EXAM\nSkin is not in tact.\nSkin is in tact.', 'en');
    expect(check(report, 'Skin is not in tact.').support).toBe('contradicted');
    expect(flagged(check(report, 'Skin is in tact.'))).toBe(false);
  });

  it('an abbreviation\'s plural with an apostrophe ("a1c\'s") is the abbreviation', () => {
    const lines = [
      "D: okay , i had gone through your hemoglobin a1c's and you know , they were borderline in the past",
      'D: but your hemoglobin a1c here is 8 so that means you have diabetes',
      'P: oh that is higher , do i need a medication for it',
    ];
    const report = verify(
      lines,
      'ASSESSMENT\nHis past hemoglobin A1c levels have not been borderline high, but his most recent level was 8.\nHis past hemoglobin A1c levels have been borderline high, but his most recent level was 8.',
      'en',
    );
    expect(
      check(
        report,
        'His past hemoglobin A1c levels have not been borderline high, but his most recent level was 8.',
      ).support,
    ).toBe('contradicted');
    expect(
      flagged(
        check(
          report,
          'His past hemoglobin A1c levels have been borderline high, but his most recent level was 8.',
        ),
      ),
    ).toBe(false);
  });

  it('"poorly controlled" is "uncontrolled": "This has not been poorly controlled" is contradicted', () => {
    const lines = [
      'D: so for your heart failure it sounds like this flare was caused by dietary indiscretion and some uncontrolled hypertension',
      'P: yeah i had a lot of salty food at the holidays',
      'D: okay so continue the bumex and watch your diet , that medication helps with the swelling in your legs',
    ];
    const report = verify(
      lines,
      'ASSESSMENT\nThis has not been poorly controlled due to inconsistent compliance with medication and dietary indiscretion.\nThis has been poorly controlled due to inconsistent compliance with medication and dietary indiscretion.',
      'en',
    );
    expect(
      check(
        report,
        'This has not been poorly controlled due to inconsistent compliance with medication and dietary indiscretion.',
      ).support,
    ).toBe('contradicted');
    expect(
      flagged(
        check(
          report,
          'This has been poorly controlled due to inconsistent compliance with medication and dietary indiscretion.',
        ),
      ),
    ).toBe(false);
  });

  it('the manner of an examination ("to palpation") claims nothing: "regions are not nontender to palpation" is contradicted', () => {
    const lines = [
      'D: okay let me examine your back and hips',
      'D: skin is intact , no midline tenderness to palpation .',
      'D: sacroiliac signs are negative . examination of the hips . trochanteric is non tender .',
      'P: that does not hurt',
      'D: resisted hip flexion causes pain in the right groin region .',
    ];
    const report = verify(
      lines,
      'PHYSICAL EXAM\nBilateral trochanteric regions are not nontender to palpation.\nBilateral trochanteric regions are nontender to palpation.',
      'en',
    );
    expect(check(report, 'Bilateral trochanteric regions are not nontender to palpation.').support).toBe(
      'contradicted',
    );
    expect(flagged(check(report, 'Bilateral trochanteric regions are nontender to palpation.'))).toBe(false);
  });

  it('"This" after a problem named on its own is that problem: "Hypertension. This is not well-controlled" against a pressure "right where we want it"', () => {
    const lines = [
      'D: now let me ask you about your high blood pressure , have you been checking it at home',
      'P: yes the blood pressure seems to be doing okay , the lisinopril works well',
      "D: your blood pressure's about one twenty two over seventy right now which is right where we want it",
      'D: so from a medical standpoint you are doing well , we will continue the lisinopril twenty milligrams once a day for your heart',
    ];
    const note = (claim: string): string =>
      `ASSESSMENT AND PLAN\nHypertension.\nMedical Reasoning: ${claim}\nMedical Treatment: Continue lisinopril 20 mg once a day.`;
    const negated = verify(lines, note('This is not well-controlled at this time.'), 'en');
    expect(check(negated, 'Medical Reasoning: This is not well-controlled at this time.').support).toBe(
      'contradicted',
    );
    const plain = verify(lines, note('This is well-controlled at this time.'), 'en');
    // (Unsaid in so many words, the plain claim may stay unconfirmed; it is not turned around.)
    expect(check(plain, 'Medical Reasoning: This is well-controlled at this time.').support).not.toBe(
      'contradicted',
    );
  });

  it('a normal word said not to hold claims its opposite: "Neck is not supple" needs a stiff neck said', () => {
    const exam = [
      "D: all right , well let's go ahead and we'll do a quick physical exam",
      "D: so feeling your neck , i do feel like your thyroid's a bit enlarged here",
      'D: your heart is nice and regular , your lungs are clear , your abdomen is nice and soft',
      'P: okay is the thyroid a problem for my fatigue',
    ];
    const report = verify(
      exam,
      'PHYSICAL EXAM\nNeck is not supple, mild thyromegaly noted.\nNeck is supple, mild thyromegaly noted.',
      'en',
    );
    expect(check(report, 'Neck is not supple, mild thyromegaly noted.').support).toBe('unsupported');
    expect(flagged(check(report, 'Neck is supple, mild thyromegaly noted.'))).toBe(false);
    const stiff = verify(
      [
        ...exam.slice(0, 1),
        "D: so feeling your neck , it's a bit stiff and your thyroid's a bit enlarged here",
        ...exam.slice(2),
      ],
      'PHYSICAL EXAM\nNeck is not supple, mild thyromegaly noted.',
      'en',
    );
    expect(flagged(check(stiff, 'Neck is not supple, mild thyromegaly noted.'))).toBe(false);
  });
});
