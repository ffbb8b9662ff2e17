/**
 * English negation inserted into a correct statement (synthetic consultations): a double negation, a word said as the
 * subject of its own denial, a deviation denied, a word said in another form, an offer the patient accepted, a fact
 * said before a side effect.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: an English negation inserted into a correct statement', () => {
  it('a value said not to be elevated is normal: "not within normal limits" is contradicted', () => {
    const lines = [
      'D: hi , so you came in for the fatigue and the fevers last week',
      'P: yes i have been really tired and i had a fever for three days',
      'D: okay so i got your blood work back',
      'P: okay',
      'D: and here , looking at your lab results , you know , your white blood cell count is not elevated , which is good .',
      'P: oh that is a relief',
    ];
    const report = verify(
      lines,
      'RESULTS\nWhite blood cell count is not within normal limits.\nWhite blood cell count is within normal limits.',
      'en',
    );
    expect(check(report, 'White blood cell count is not within normal limits.').support).toBe('contradicted');
    expect(flagged(check(report, 'White blood cell count is within normal limits.'))).toBe(false);
  });

  it('"non tender" written as two words by speech recognition denies the tenderness', () => {
    const lines = [
      'D: okay let me examine your hip now',
      'P: sure',
      'D: lateral hip over the greater trochanter is non tender',
      'P: that does not hurt at all',
    ];
    const report = verify(
      lines,
      'PHYSICAL EXAM\nGreater trochanter is not nontender to palpation.\nGreater trochanter is nontender to palpation.',
      'en',
    );
    expect(check(report, 'Greater trochanter is not nontender to palpation.').support).toBe('contradicted');
    expect(flagged(check(report, 'Greater trochanter is nontender to palpation.'))).toBe(false);
  });

  it('a word said as the subject of its own denial does not shield the denial ("surgical history is not significant for … surgery")', () => {
    const lines = [
      'D: let us review your past medical history',
      'P: okay',
      'D: what surgeries have you had before',
      'P: i had knee surgery about ten years ago after a skiing accident',
    ];
    const report = verify(
      lines,
      'PAST HISTORY\nHer past surgical history is not significant for knee surgery.\nHer past surgical history is significant for knee surgery.',
      'en',
    );
    expect(check(report, 'Her past surgical history is not significant for knee surgery.').support).toBe(
      'contradicted',
    );
    expect(flagged(check(report, 'Her past surgical history is significant for knee surgery.'))).toBe(false);
  });

  it('"lost" and "loss" are one word: "there is not a loss of cartilage" against "you\'ve lost a lot of the cartilage"', () => {
    const lines = [
      'D: hi , so you have had pain in your right big toe for a few months',
      'P: yes it hurts when i walk and it is stiff in the morning',
      'D: so i reviewed the x-ray of your big toe',
      'P: okay what does it show',
      'D: the cartilage is the smooth cushion at the end of the bones that lets the joint glide',
      "D: and you've lost a lot of the cartilage in that joint",
      'P: i see , so what can we do about it',
      'D: an insert in your shoe takes pressure off the cartilage that is left',
      'D: if that fails we can fuse the joint , you lose some motion but the pain goes away',
    ];
    const report = verify(
      lines,
      'RESULTS\nThere is not a loss of cartilage.\nThere is a loss of cartilage.',
      'en',
    );
    expect(check(report, 'There is not a loss of cartilage.').support).toBe('contradicted');
    expect(flagged(check(report, 'There is a loss of cartilage.'))).toBe(false);
  });

  it('"it is not still pretty sore" repeats "it\'s still pretty sore" with a negation added', () => {
    const lines = [
      'D: hi , so you hurt your lower back lifting boxes on saturday',
      'P: yes i felt a pop and then a sharp pain in my lower back',
      'D: how has the back been since the weekend',
      "P: uh , by monday it loosened up a little bit , but it's still pretty sore .",
      'D: okay',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nIt loosened up a little bit, but it is not still pretty sore.\nIt loosened up a little bit, but it is still pretty sore.',
      'en',
    );
    expect(check(report, 'It loosened up a little bit, but it is not still pretty sore.').support).toBe(
      'contradicted',
    );
    expect(flagged(check(report, 'It loosened up a little bit, but it is still pretty sore.'))).toBe(false);
  });

  it('an offer the patient accepts is the plan ("do you need a refill of that?" – "yes")', () => {
    const lines = [
      "D: for your gout , everything seems controlled right now . let's continue you on the allopurinol",
      'D: um , do you need a refill of that ?',
      'P: yes , i do actually .',
      'D: hey , dragon , order allopurinol once daily .',
    ];
    const report = verify(
      lines,
      'ASSESSMENT AND PLAN\nThe allopurinol was not refilled today.\nThe allopurinol was refilled today.',
      'en',
    );
    expect(check(report, 'The allopurinol was not refilled today.').support).toBe('contradicted');
    expect(flagged(check(report, 'The allopurinol was refilled today.'))).toBe(false);
  });

  it('a fact said before a side effect is no supposition ("… put me on singulair … singulair can cause anxiety")', () => {
    const lines = [
      'D: and how is your anxiety now',
      'P: my anxiety is going good now . dr. ward did put me on singulair , and she did say we need to be careful because singulair can cause anxiety .',
      'D: mm okay',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nThe patient was not started on Singulair by Dr. Ward.\nThe patient was started on Singulair by Dr. Ward.',
      'en',
    );
    expect(check(report, 'The patient was not started on Singulair by Dr. Ward.').support).toBe(
      'contradicted',
    );
    expect(flagged(check(report, 'The patient was started on Singulair by Dr. Ward.'))).toBe(false);
  });

  it('a result under a condition is the one said after "if" ("if that\'s positive" – "If she is negative for strep")', () => {
    const lines = [
      'D: so you have had a sore throat and a fever since friday',
      'P: yes it really hurts to swallow',
      "D: okay so we'll swab you for a rapid strep test and if that's positive i wan na go ahead and prescribe amoxicillin",
      'P: okay sounds good',
    ];
    const report = verify(
      lines,
      'ASSESSMENT AND PLAN\nIf she is negative for strep, I will prescribe amoxicillin.\nIf she is positive for strep, I will prescribe amoxicillin.',
      'en',
    );
    expect(check(report, 'If she is negative for strep, I will prescribe amoxicillin.').support).toBe(
      'contradicted',
    );
    expect(flagged(check(report, 'If she is positive for strep, I will prescribe amoxicillin.'))).toBe(false);
  });

  it('a denied agreement with the plan is contradicted by the patient\'s assent ("does that sound like a a good plan for you" – "yeah")', () => {
    const lines = [
      'D: so you have numbness and tingling in your fingers and some pain in your wrist',
      'P: yes mostly at night',
      'D: the nerve study shows carpal tunnel so i recommend a release to take the pressure off the nerve',
      'D: does that sound like a a good plan for you',
      'P: yeah it sounds like a good first start',
      'D: okay great',
    ];
    const report = verify(
      lines,
      'ASSESSMENT AND PLAN\nThe patient states he understands and is not in agreement with the plan.\nThe patient states he understands and is in agreement with the plan.',
      'en',
    );
    expect(
      check(report, 'The patient states he understands and is not in agreement with the plan.').support,
    ).toBe('contradicted');
    expect(
      flagged(check(report, 'The patient states he understands and is in agreement with the plan.')),
    ).toBe(false);
    const refused = verify(
      [...lines.slice(0, 4), "P: i don't want surgery right now , i'd rather try a brace", 'D: okay'],
      'ASSESSMENT AND PLAN\nThe patient is not in agreement with the plan.',
      'en',
    );
    expect(flagged(check(refused, 'The patient is not in agreement with the plan.'))).toBe(false);
  });
});
