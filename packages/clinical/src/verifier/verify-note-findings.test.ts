/**
 * Findings and their polarity (synthetic consultations): which words of a clause name a finding that must be said,
 * and which only qualify one (adverbs, connectives, the course of a symptom, a grade, a heading of body sites).
 */
import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '@kollega/domain';
import { check, flagged, verify } from './verifier-test-kit';

/** Whether the statement is flagged for words the transcript never says ("… is not mentioned in the transcript"). */
const wordsMissing = (report: VerificationReport, text: string): boolean =>
  check(report, text).reasons.some((reason) => reason.includes('not mentioned in the transcript'));

describe('verifyNote: words that name no finding', () => {
  const cough = [
    'D: What brings you in today?',
    'P: I have had a cough for two weeks, it comes and goes.',
    'D: Any wheezing?',
    'P: No wheezing.',
    'D: Is the cough bringing anything up?',
    'P: Some green phlegm in the mornings.',
    'D: Did the cough syrup help?',
    'P: Yes, the cough syrup helped with the cough at night.',
  ];

  it('en: a sentence adverb or connective is not an absent finding ("Initially,", "In summary,")', () => {
    const statements = [
      'Initially, the cough was dry.',
      'In summary, the patient has had a cough for 2 weeks.',
      'The cough syrup was taken, which was effective.',
      'The cough is intermittent.',
    ];
    const report = verify(cough, `HISTORY OF PRESENT ILLNESS\n${statements.join(' ')}`, 'en');
    for (const statement of statements) expect(wordsMissing(report, statement)).toBe(false);
  });

  it('en: a finding nobody said is still flagged ("Wheezes, rales, or rhonchi.", "Stridor.")', () => {
    const report = verify(
      cough,
      'HISTORY OF PRESENT ILLNESS\nStridor.\nPHYSICAL EXAM\nGallops, rales, or rhonchi.',
      'en',
    );
    expect(wordsMissing(report, 'Stridor.')).toBe(true);
    expect(wordsMissing(report, 'Gallops, rales, or rhonchi.')).toBe(true);
  });

  it('en: a graded finding was observed ("mild thyromegaly noted"); a heading of body sites names no finding', () => {
    const report = verify(
      cough,
      'PHYSICAL EXAM\nNeck is supple, mild thyromegaly noted.\nEars, Nose, Mouth, and Throat',
      'en',
    );
    expect(wordsMissing(report, 'Neck is supple, mild thyromegaly noted.')).toBe(false);
    expect(wordsMissing(report, 'Ears, Nose, Mouth, and Throat')).toBe(false);
  });

  it('en: difficulty swallowing in lay words supports "dysphagia"', () => {
    const throat = [
      'D: How is your throat?',
      'P: It is sore and it is really hard to swallow anything.',
      'D: Any fever?',
      'P: A little last night.',
    ];
    const report = verify(throat, 'REVIEW OF SYSTEMS\nHENT: Reports sore throat, dysphagia.', 'en');
    expect(wordsMissing(report, 'HENT: Reports sore throat, dysphagia.')).toBe(false);
    expect(flagged(check(report, 'HENT: Reports sore throat, dysphagia.'))).toBe(false);
  });
});

describe('verifyNote: a positive claim said only under a negation (which denials count)', () => {
  const gout = [
    'D: How is the gout in your big toe?',
    'P: The allopurinol has kept the gout well controlled, it is much better.',
    'D: Good. No further flare-ups?',
    'P: No.',
    'D: Any fever or chills?',
    'P: No.',
    'D: You do not appear to be in any distress today.',
    'D: From the kidney point of view, nothing is wrong at this point.',
    'D: Any questions?',
    'P: No.',
    'D: Call us with any concerns.',
  ];

  it('en: "no further flare-ups?" does not deny the flares; "any questions?" does not deny advice', () => {
    const report = verify(
      gout,
      [
        'HISTORY OF PRESENT ILLNESS',
        'Her gout flares are well controlled on allopurinol.',
        'Reports fevers and chills.',
        'PLAN',
        'Call with any questions or concerns.',
      ].join('\n'),
      'en',
    );
    expect(flagged(check(report, 'Her gout flares are well controlled on allopurinol.'))).toBe(false);
    expect(flagged(check(report, 'Call with any questions or concerns.'))).toBe(false);
    expect(flagged(check(report, 'Reports fevers and chills.'))).toBe(true);
  });

  it('en: a frame word ("appears") or a word containing the denied one ("standpoint") is not denied', () => {
    const report = verify(
      gout,
      'ASSESSMENT\nThe toe appears better on allopurinol.\nThe gout is better from a kidney standpoint.',
      'en',
    );
    expect(flagged(check(report, 'The toe appears better on allopurinol.'))).toBe(false);
    expect(flagged(check(report, 'The gout is better from a kidney standpoint.'))).toBe(false);
  });
});

describe('verifyNote: the same words with the opposite polarity (what is no plain assertion or denial)', () => {
  const knee = [
    'D: how is the knee doing',
    'P: it hurts since i lifted some heavy boxes at work on monday',
    'D: okay i am gon na push on this a little bit looks like your mcmurray test is negative just checking for a meniscus tear okay',
    'D: the pathology came back peripheral margin positive deep margin , uh , negative',
    'D: your ears look good and throat looks fine no tonsils',
  ];

  it('en: a test result ("McMurray test: Negative."), a label and a removal ("Tonsils … removed") are not contradicted', () => {
    const statements = [
      'McMurray test: Negative.',
      'Deep margin: Negative.',
      'Examination of Throat: Tonsils have been previously removed.',
    ];
    const report = verify(knee, `PHYSICAL EXAM\n${statements.join('\n')}`, 'en');
    for (const statement of statements) expect(flagged(check(report, statement))).toBe(false);
  });

  it('en: a verb of denial reaches its whole clause ("denies that he lifted … boxes at work")', () => {
    const denial = 'He denies that he lifted some heavy boxes at work on Monday.';
    expect(flagged(check(verify(knee, `HISTORY OF PRESENT ILLNESS\n${denial}`, 'en'), denial))).toBe(true);
  });
});

describe('verifyNote: a finding at a named site', () => {
  const back = [
    'D: So the back has been sore since you moved the sofa?',
    'P: Yes, it aches all day and it is worse when I bend.',
    'D: Any numbness or tingling in the legs?',
    'P: No, nothing like that.',
    'D: Let me press here. You do have some tenderness in your lower back.',
    'D: And there is tenderness over the muscles of the back on the left as well.',
    'D: Now let me look at your calves and your ankles.',
    'D: Your ankles look fine.',
  ];

  it('en: tenderness at another site neither contradicts "no calf tenderness" nor confirms it', () => {
    const report = verify(back, 'PHYSICAL EXAM\nNo calf tenderness.\nNo tenderness in the lower back.', 'en');
    expect(check(report, 'No calf tenderness.').support).not.toBe('contradicted');
    expect(check(report, 'No tenderness in the lower back.').support).toBe('contradicted');
  });
});

describe('verifyNote: a negative test result', () => {
  const breast = [
    'D: You are here to follow up on the lump in your breast?',
    'P: Yes, I found it in the shower in the spring and it was sore.',
    'D: And you had a mammogram in March at the hospital.',
    'P: Yes, they did the mammogram and also an ultrasound of the breast.',
    'D: Any fever or weight loss since then?',
    'P: No fever and no weight loss.',
    'D: The mammogram showed a small cyst and nothing else worrying.',
  ];

  it('en: "a negative mammogram" is a result, not a denial of the mammogram; "negative for" still denies', () => {
    const report = verify(
      breast,
      'HISTORY\nShe had a negative mammogram in March.\nShe did not have a mammogram in March.\n' +
        'Negative for fever.\nPositive for fever.',
      'en',
    );
    expect(flagged(check(report, 'She had a negative mammogram in March.'))).toBe(false);
    expect(check(report, 'She did not have a mammogram in March.').support).toBe('contradicted');
    expect(flagged(check(report, 'Negative for fever.'))).toBe(false);
    expect(check(report, 'Positive for fever.').support).toBe('contradicted');
  });
});

describe('verifyNote: quantifiers name no finding', () => {
  const migraine = [
    'D: How have you been since we started the new tablet?',
    'P: Much better, no migraine attacks lately.',
    'P: It has been quite a few weeks now.',
    'D: Any nausea or trouble with your vision during the headaches?',
    'P: No nausea and my vision is fine.',
  ];

  it('en: "a few weeks" said of something else does not contradict "no migraine attacks in a few weeks"', () => {
    const report = verify(
      migraine,
      'HISTORY\nShe has not had any migraine attacks in a few weeks.\nShe has had nausea with the headaches.',
      'en',
    );
    expect(flagged(check(report, 'She has not had any migraine attacks in a few weeks.'))).toBe(false);
    expect(check(report, 'She has had nausea with the headaches.').support).toBe('contradicted');
  });
});
