/**
 * English negations read against the talk (synthetic consultations): "it's been" is "it has been", an aggravating
 * factor named when asked what makes it worse, a condition the plan expects to come true ("when it passes"), and
 * the use of a drug denied where the doctor changes the patient's own dose.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: English negations against the talk', () => {
  it('"it\'s been several days since" is "it has been": "it has not been several days since" drops it, after "i ca n\'t remember" too', () => {
    const lines = [
      'D: so you are here today for your hypertension and your diabetes',
      "P: yes that's right , i take lisinopril and metformin",
      'D: okay and so what has it been running',
      "P: um i ca n't really remember it's been several days since i took it but i think it runs around one twenty over seventy",
      'D: okay that sounds good',
    ];
    const wrong = 'It has not been several days since she last checked her blood pressure at home.';
    const right = 'It has been several days since she last checked her blood pressure at home.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${wrong}\n${right}`, 'en');
    expect(check(report, wrong).support).toBe('contradicted');
    expect(check(report, right).support).not.toBe('contradicted');
  });

  it('the thing named when asked what makes it worse ("yeah , movement .") contradicts "does not have pain with movement"', () => {
    const lines = [
      'D: so tell me about your finger',
      'P: i jammed it on sunday and it has been really painful , i have been taking ibuprofen',
      'D: okay . and , uh , is it worse when you bend it ? or anything make it ... so , just wh-',
      'P: yeah , movement .',
      'D: okay .',
    ];
    const wrong = 'She does not have pain with movement.';
    const right = 'She has pain with movement.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${wrong}\n${right}`, 'en');
    expect(check(report, wrong).support).toBe('contradicted');
    expect(flagged(check(report, right))).toBe(false);
  });

  it('a factor that relieves it ("better with rest") is no aggravating factor', () => {
    const lines = [
      'D: so tell me about your knee',
      'P: it has been aching for two weeks',
      'D: okay . does anything make it worse ?',
      'P: walking makes it worse , it gets better with rest .',
      'D: okay .',
    ];
    const report = verify(lines, 'HISTORY OF PRESENT ILLNESS\nShe does not have pain with rest.', 'en');
    expect(check(report, 'She does not have pain with rest.').support).not.toBe('contradicted');
  });

  it('the plan expects what the condition denies ("see the stone when it passes"): "if he is not able to pass it" is contradicted', () => {
    const lines = [
      'D: so the ct shows a small kidney stone in the right ureter and there is no hydronephrosis',
      'P: okay the pain in my right side is really bad',
      "D: i'm going to prescribe oxycodone for the pain and i'm going to give you a strainer that you can use to strain your urine so that we can see the stone when it passes and we can send it for some tests",
      'P: okay thank you',
    ];
    const wrong = 'He will be given a strainer to test the stone if he is not able to pass it.';
    const right = 'He will be given a strainer to test the stone if he is able to pass it.';
    const report = verify(lines, `PLAN\n${wrong}\n${right}`, 'en');
    expect(check(report, wrong).support).toBe('contradicted');
    expect(flagged(check(report, right))).toBe(false);
  });

  it('"increase your lasix" presupposes he takes it: "has not continued to utilize Lasix" is contradicted', () => {
    const lines = [
      'D: so how are you feeling',
      'P: my ankles have been swelling more and i get short of breath',
      "D: okay so for your heart failure i think you're retaining fluid and i want to go ahead and increase your lasix to 80 mg once a day",
      'P: okay',
    ];
    const wrong = 'The patient has not continued to utilize Lasix daily.';
    const right = 'The patient is taking Lasix.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${wrong}\n${right}`, 'en');
    expect(check(report, wrong).support).toBe('contradicted');
    expect(flagged(check(report, right))).toBe(false);
  });
  it('a passive that denies what the talk says was done to the patient, in its one turn ("she referred you for …"), is contradicted', () => {
    const lines = [
      "P: i'm doing well i'm just anxious about my pcp told me that i had some abnormal lab work and why she wanted me to be seen by you today",
      'D: yeah i bet that did make you nervous i see that she referred you for a low immunoglobulin a level',
      "P: yeah i do n't really understand what that means but that's what she told me , she did this as part of my physical",
      'D: okay and do you get a lot of infections',
      'P: i do tend to get infections and in the winter i get a lot of colds',
      'D: okay so your lab work was abnormal and we will repeat the lab work today to see if it is still abnormal',
      'P: okay',
    ];
    const wrong =
      'He was not referred to our offices by his primary care physician after routine labs revealed abnormalities.';
    const right =
      'He was referred to our offices by his primary care physician after routine labs revealed abnormalities.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${wrong}\n${right}`, 'en');
    expect(check(report, wrong).support).toBe('contradicted');
    expect(flagged(check(report, right))).toBe(false);
  });
  it('"uncommon for him" against the patient\'s words of habit ("i do tend to get infections … i\'m so used to it") is contradicted', () => {
    const lines = [
      'D: hi how are you doing today',
      "P: i'm okay",
      'D: so your doctor sent you over because of some abnormal blood work',
      "P: yeah i do tend to get infections but i do n't know i'm so used to it , in the wintertime i get a lot of colds and they kind of linger",
      'D: okay and any fevers or night sweats',
      'P: no',
      'D: have you ever had pneumonia',
      'P: no never',
    ];
    const wrong = 'In the winter he gets frequent colds that linger, however this is uncommon for him.';
    const right = 'In the winter he gets frequent colds that linger, however this is not uncommon for him.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${wrong}\n${right}`, 'en');
    expect(check(report, wrong).support).toBe('contradicted');
    expect(flagged(check(report, right))).toBe(false);
  });

  it('"unusual for her" stands where the patient\'s words of habit are negated ("i usually do n\'t get headaches")', () => {
    const lines = [
      'D: so what brings you in today',
      'P: i have had these headaches for a week',
      'D: okay and is that unusual for you',
      "P: yes , i usually do n't get headaches , this is new for me",
      'D: okay and any fevers or vision changes',
      'P: no',
    ];
    const claim = 'She has had headaches for a week, which is unusual for her.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${claim}`, 'en');
    expect(flagged(check(report, claim))).toBe(false);
  });

  it('"is able to say whether she had heartburn" against the answer "uh , maybe ." to a question about it is contradicted', () => {
    const lines = [
      'D: so tell me about the chest pain',
      'P: it was in the center of my chest and it felt like a heart attack , the pain was really sharp',
      'D: uh , do you remember having any heartburn or indigestion at , at the time ?',
      'P: uh , maybe .',
      'D: okay and was the pain worse with eating or exercise ?',
      'P: no',
    ];
    const wrong = 'She is able to say whether she had heartburn at the time.';
    const right = 'She is not able to say whether she had heartburn at the time.';
    const report = verify(lines, `HISTORY OF PRESENT ILLNESS\n${wrong}\n${right}`, 'en');
    expect(check(report, wrong).support).toBe('contradicted');
    expect(flagged(check(report, right))).toBe(false);
  });
});
