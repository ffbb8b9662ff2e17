/**
 * English claims that drop a negation the consultation has (synthetic consultations): more instances asked about
 * and denied ("no other symptoms since then?" – "no"), qualifiers said only where the finding is denied, and a word
 * denied in one of two coordinated claims, the items of a listed question the answer leaves out, a tag question's
 * statement, negation raising.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: an English claim that drops the negation', () => {
  it('"no other …?" answered "no" denies more instances ("has had other episodes since then")', () => {
    const lines = [
      'D: so you fainted at the grocery store two weeks ago',
      'P: yes i got very lightheaded in the checkout line and then i was on the floor',
      'D: did you hit your head or lose control of your bladder',
      'P: no i just felt tired afterwards and my wife drove me to the emergency room',
      'D: and no other symptoms since then ?',
      'P: no .',
      'D: okay good , your blood pressure today is one twenty over seventy and your heart sounds regular',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe has had other symptoms since then.\nHe has had no other symptoms since then.',
      'en',
    );
    expect(check(report, 'He has had other symptoms since then.').support).toBe('contradicted');
    expect(flagged(check(report, 'He has had no other symptoms since then.'))).toBe(false);
  });

  it('qualifiers said only in the sentence that denies the finding confirm nothing ("tenderness … with turning")', () => {
    const lines = [
      'D: so your neck has been stiff since you slept on the couch on saturday',
      'P: yes it is stiff in the morning and better by lunch',
      'D: okay let me examine you now',
      'D: on exam you do not seem to have any tenderness of your neck with turning or tilting or bending',
      'D: your reflexes in both arms are normal and your grip strength is five out of five',
      'P: that is good to hear',
    ];
    const report = verify(
      lines,
      'PHYSICAL EXAM\nTenderness of the neck with turning or tilting or bending.\nNo tenderness of the neck with turning or tilting or bending.',
      'en',
    );
    expect(check(report, 'Tenderness of the neck with turning or tilting or bending.').support).toBe(
      'contradicted',
    );
    expect(flagged(check(report, 'No tenderness of the neck with turning or tilting or bending.'))).toBe(
      false,
    );
  });

  it('a word denied in one of two coordinated claims weighs within its own claim ("… and reports a history of …")', () => {
    const lines = [
      'D: tell me about your alcohol intake',
      'P: i drink two glasses of red wine on saturday evenings with dinner',
      'D: and no previous history of heavy drinking or drug use ?',
      'P: nope .',
      'D: do you smoke',
      'P: i quit smoking ten years ago',
    ];
    const opening = 'He drinks two glasses of red wine on Saturday evenings with dinner and';
    const report = verify(
      lines,
      `SOCIAL HISTORY\n${opening} reports a previous history of heavy drinking or drug use.\n${opening} denies a previous history of heavy drinking or drug use.`,
      'en',
    );
    expect(
      check(report, `${opening} reports a previous history of heavy drinking or drug use.`).support,
    ).toBe('contradicted');
    expect(
      flagged(check(report, `${opening} denies a previous history of heavy drinking or drug use.`)),
    ).toBe(false);
  });

  it('the items of a listed question the answer leaves out are denied ("any fever, chills, night sweats?")', () => {
    const lines = [
      'D: so the cough started about ten days ago after your daughter had a cold',
      'P: yes it is worse at night and i bring up some yellow phlegm',
      'D: have you had any fever , chills , night sweats ?',
      'P: just some night sweats last week',
      'D: okay and are you short of breath when you walk',
      'P: only a little on the stairs',
    ];
    const report = verify(
      lines,
      'REVIEW OF SYSTEMS\nConstitutional: Fever, chills.\nConstitutional: Night sweats.',
      'en',
    );
    expect(check(report, 'Constitutional: Fever, chills.').support).toBe('contradicted');
    expect(flagged(check(report, 'Constitutional: Night sweats.'))).toBe(false);
  });

  it('a statement with a tag ("…, okay?" – "mm-hmm") keeps its negation', () => {
    const lines = [
      'D: so you twisted your knee playing soccer on sunday',
      'P: yes and it swelled up that evening but i can walk on it',
      'D: on exam the ligaments feel stable and there is only mild swelling',
      "D: your x-ray looks fine and i do n't think we need an mri of the knee at this time , okay ?",
      'P: mm-hmm .',
      'D: ice it and use ibuprofen for the pain',
    ];
    const report = verify(
      lines,
      'ASSESSMENT AND PLAN\nAn MRI of the knee is needed at this time.\nAn MRI of the knee is not needed at this time.',
      'en',
    );
    expect(check(report, 'An MRI of the knee is needed at this time.').support).toBe('contradicted');
    expect(flagged(check(report, 'An MRI of the knee is not needed at this time.'))).toBe(false);
  });

  it('a negation passes through "think" and "need" ("i don\'t think that you really need a walking boot")', () => {
    const lines = [
      'D: so you twisted your ankle stepping off a curb on sunday',
      'P: yes and it swelled up that evening but i can walk on it',
      'D: on exam the ligaments feel stable and there is only mild swelling over the outside of the ankle',
      "D: the x-ray shows no fracture so i do n't think that you really need a walking boot for this",
      'P: that is a relief',
      'D: ice it and use ibuprofen for the pain',
    ];
    const report = verify(
      lines,
      'ASSESSMENT AND PLAN\nHe needs a walking boot for this.\nHe does not need a walking boot for this.',
      'en',
    );
    expect(check(report, 'He needs a walking boot for this.').support).toBe('contradicted');
    expect(flagged(check(report, 'He does not need a walking boot for this.'))).toBe(false);
  });
});

describe('verifyNote: "less than" before a word of praise is its negation', () => {
  it('"my diet has been less than ideal" denies that the diet has been good', () => {
    const lines = [
      'D: so you are here for your diabetes follow up , how are you doing with your blood sugars and your eating',
      'P: um honestly we have been traveling a lot for work and eating out and my diet has been less than ideal',
      'P: i know i need to eat better for a couple of weeks',
      'D: okay and are you still taking the metformin twice a day',
      'P: yes every morning and evening , no side effects',
      'D: good , your blood sugar today is one eighty and your a1c is eight point two , so a bit higher than last time',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe notes that his diet has been good.\nHe notes that his diet has not been good.',
      'en',
    );
    expect(check(report, 'He notes that his diet has been good.').support).toBe('contradicted');
    expect(flagged(check(report, 'He notes that his diet has not been good.'))).toBe(false);
  });
});
