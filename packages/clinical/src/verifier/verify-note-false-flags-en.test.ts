/**
 * English statements of correct notes that the verifier must not flag (synthetic consultations): list negations,
 * avoidance, wishes, remarks before a question, unpunctuated speech.
 */
import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '@kollega/domain';
import { matchingCanonicals } from './alignment';
import { analyseTokens, lexiconFor } from './text-analysis';
import { indexTranscript } from './transcript-index';
import { check, flagged, transcriptOf, verify as verifyLines } from './verifier-test-kit';

const verify = (lines: readonly string[], noteText: string): VerificationReport =>
  verifyLines(lines, noteText, 'en');

const PAD = [
  'D: Good morning, what brings you in?',
  'P: My left shoulder hurts, the pain started about three weeks ago.',
  'D: Are you taking anything for it?',
  'P: Just some acetaminophen at night.',
];

describe('verifyNote (en): correct statements that are not flagged', () => {
  it('a negation that reaches the end of the first clause carries over the list ("with no X, Y, or Z")', () => {
    const report = verify(
      [
        ...PAD,
        'D: Apart from the shoulder, how have you been, any dizziness, earaches, rashes, or cramps?',
        'P: No, I have been good.',
      ],
      'HISTORY OF PRESENT ILLNESS\nHe states that he has been in his usual health with no dizziness, earaches, rashes, or cramps.',
    );
    expect(
      flagged(
        check(
          report,
          'He states that he has been in his usual health with no dizziness, earaches, rashes, or cramps.',
        ),
      ),
    ).toBe(false);
  });

  it('avoiding something is not contradicted by talk of it', () => {
    const report = verify(
      [
        ...PAD,
        'D: And how is the diet going?',
        'P: I stay off the crisps and the pickled herring, the salty snacks I really love, and I feel better for it.',
        'D: What about exercise?',
        'P: I like to swim, but the shoulder stops me at the moment.',
      ],
      'HISTORY OF PRESENT ILLNESS\nHe is avoiding salty snacks that he loves.\n\nPLAN\nHe should avoid swimming until the shoulder settles.',
    );
    expect(flagged(check(report, 'He is avoiding salty snacks that he loves.'))).toBe(false);
    expect(flagged(check(report, 'He should avoid swimming until the shoulder settles.'))).toBe(false);
  });

  it('"I wish I had …" is neither had nor a yes ("I wish I could say yes")', () => {
    const report = verify(
      [
        ...PAD,
        'D: Any weight loss or night sweats?',
        'P: Uh, some night sweats, but I wish I had some weight loss.',
        'D: Are you still going to the pool?',
        "P: I wish I could say yes, but I haven't been in weeks.",
      ],
      'REVIEW OF SYSTEMS\nConstitutional: Reports night sweats. Denies weight loss.\n\nSOCIAL HISTORY\nHe is no longer going to the pool.',
    );
    expect(flagged(check(report, 'Denies weight loss.'))).toBe(false);
    expect(flagged(check(report, 'He is no longer going to the pool.'))).toBe(false);
  });

  it('"there is" after a negated list opens a new finding in unpunctuated speech', () => {
    const report = verify(
      [
        ...PAD,
        'D: let me press on your tummy there is no rebound or guarding there is tenderness in the left upper quadrant',
        'P: ouch yes',
      ],
      'PHYSICAL EXAM\nThere is tenderness in the left upper quadrant.',
    );
    expect(flagged(check(report, 'There is tenderness in the left upper quadrant.'))).toBe(false);
  });

  it('"not only … but also" adds, it does not deny', () => {
    const report = verify(
      [
        ...PAD,
        'D: How is the stress at home and at the office?',
        'P: The office is hectic and the new baby keeps us up, so the stress is high.',
        'D: Keep an eye on your stress, at work and with the baby.',
      ],
      'PLAN\nI advised him to watch his stress, not only at the office, but also with the new baby.',
    );
    expect(
      flagged(
        check(
          report,
          'I advised him to watch his stress, not only at the office, but also with the new baby.',
        ),
      ),
    ).toBe(false);
  });

  it('a verb of noticing or seeming is no finding a "no" could deny', () => {
    const report = verify(
      [
        ...PAD,
        'D: Have you noticed any ankle swelling?',
        'P: Not really.',
        'D: And your elbow, does it hurt?',
        'P: Only now that you press on it, I never noticed it before.',
      ],
      'HISTORY OF PRESENT ILLNESS\nHe reports elbow pain; however, he only noticed the elbow pain when pressed.',
    );
    expect(
      flagged(check(report, 'He reports elbow pain; however, he only noticed the elbow pain when pressed.')),
    ).toBe(false);
  });

  it('"how is your X?" answered "not having it any more" is a no', () => {
    const report = verify(
      [...PAD, "D: And how's your lower back pain these days?", "P: I'm not really getting it any more."],
      'HISTORY OF PRESENT ILLNESS\nHe is no longer having lower back pain.',
    );
    expect(flagged(check(report, 'He is no longer having lower back pain.'))).toBe(false);
  });

  it('a no to a symptom question does not deny the question before it about what is normal', () => {
    const report = verify(
      [...PAD, 'D: And are you sleeping and eating okay? Any cough or wheezing?', 'P: None of that.'],
      'HISTORY OF PRESENT ILLNESS\nHe is sleeping and eating normally.',
    );
    expect(flagged(check(report, 'He is sleeping and eating normally.'))).toBe(false);
  });

  it('a remark before the question in an unpunctuated turn is said, not asked', () => {
    const report = verify(
      [
        ...PAD,
        'D: yeah i can see how that would add to your anxiety but with all that have you had any palpitations',
        'P: no not at all',
      ],
      'REVIEW OF SYSTEMS\nPsychiatric: Reports anxiety.',
    );
    expect(flagged(check(report, 'Psychiatric: Reports anxiety.'))).toBe(false);
  });

  it('"alright any …" opens the asked items in unpunctuated speech', () => {
    const report = verify(
      [
        ...PAD,
        'P: sometimes it burns up here under my ribs',
        'D: okay so burning pain alright any vomiting or black stools',
        'P: not that i noticed',
      ],
      'REVIEW OF SYSTEMS\nGastrointestinal: Reports burning pain.',
    );
    expect(flagged(check(report, 'Gastrointestinal: Reports burning pain.'))).toBe(false);
  });

  it('"including but not limited to" lists, it does not deny', () => {
    const report = verify(
      [
        ...PAD,
        'D: The injection carries some risks, like infection, bleeding, a flare of pain, or nerve injury.',
        'P: Okay, I understand the infection and bleeding risk.',
      ],
      'PLAN\nRisks of the injection include but are not limited to infection, bleeding, and nerve injury.',
    );
    expect(
      flagged(
        check(
          report,
          'Risks of the injection include but are not limited to infection, bleeding, and nerve injury.',
        ),
      ),
    ).toBe(false);
  });

  it('a finding said to be normal agrees with its denial ("your breath sounds nice and clear")', () => {
    const report = verify(
      [
        ...PAD,
        'D: Let me listen to your chest. Okay, your breath sounds nice and clear, and your belly is soft.',
        'P: Good to hear.',
      ],
      'PHYSICAL EXAM\nRespiratory: No added breath sounds.',
    );
    expect(flagged(check(report, 'Respiratory: No added breath sounds.'))).toBe(false);
  });

  it('a denied causal link does not deny what it links to ("not related to his earlier fracture")', () => {
    const report = verify(
      [
        'D: Mark is a 61-year-old man with a past history of a wrist fracture, here for hand numbness.',
        'P: Yes, the numbness in my right hand started a month ago, mostly at night.',
        'D: Okay. And the wrist fracture was a long time ago?',
        'P: Yes, ten years ago, it healed fine.',
      ],
      'ASSESSMENT AND PLAN\nI do not believe this is related to his earlier wrist fracture.',
    );
    expect(flagged(check(report, 'I do not believe this is related to his earlier wrist fracture.'))).toBe(
      false,
    );
  });

  it('a no taken back in the same turn with a hedge ("not really. maybe a bit of nausea")', () => {
    const report = verify(
      [...PAD, 'D: Any nausea or diarrhea?', 'P: Not really. Yeah. Maybe a bit of nausea.'],
      'REVIEW OF SYSTEMS\nGastrointestinal: Endorses mild nausea.',
    );
    expect(flagged(check(report, 'Gastrointestinal: Endorses mild nausea.'))).toBe(false);
  });

  it('"no i\'ve had …" opens a clause of its own after the answer\'s no', () => {
    const report = verify(
      [
        ...PAD,
        'D: have you ever injured your right wrist before',
        "P: no i've had a lot of injuries from skiing but never injured this wrist",
      ],
      'PAST MEDICAL HISTORY\nShe reports several skiing injuries in the past.',
    );
    expect(flagged(check(report, 'She reports several skiing injuries in the past.'))).toBe(false);
  });

  it('(recall) "no, I\'ve been sleeping like a baby" still denies the trouble sleeping asked about', () => {
    const report = verify(
      [
        ...PAD,
        'D: have you had any cough or any problems sleeping since the operation',
        "P: no i've been sleeping like a baby",
      ],
      'REVIEW OF SYSTEMS\nConstitutional: Reports sleep disturbance.',
    );
    expect(check(report, 'Constitutional: Reports sleep disturbance.').support).toBe('contradicted');
  });

  it('the risks of a procedure are not denied by what the patient has now', () => {
    const report = verify(
      [
        ...PAD,
        'D: Any tingling in the fingers?',
        'P: No tingling at all.',
        'D: Surgery could leave you with some stiffness, and infection can happen.',
        'P: Okay.',
      ],
      'PLAN\nThe risk includes tingling, stiffness, and infection.',
    );
    expect(flagged(check(report, 'The risk includes tingling, stiffness, and infection.'))).toBe(false);
  });

  it('an English word is not another with a short prefix ("distress" is not "stress")', () => {
    const compiled = lexiconFor('en');
    const index = indexTranscript(
      transcriptOf([
        ...PAD,
        'P: work has been a lot of stress lately',
        'D: the stress will not help the shoulder',
      ]),
      compiled,
    );
    const [distress] = analyseTokens('distress', compiled, { note: true });
    expect(distress && [...matchingCanonicals(distress, index)]).toEqual([]);
  });

  it('a word the doctor withdraws by "I mean" in a question is not denied by the answer', () => {
    const report = verify(
      [
        ...PAD,
        'D: So he is here today with complaints of joint pain.',
        'D: What happened?',
        'P: My knees were killing me after moving boxes.',
        'D: Any fever or chills?',
        'P: No.',
        'D: joint pain ... i mean, like muscle cramps?',
        'P: No.',
      ],
      'HISTORY\nJoint pain.',
    );
    expect(flagged(check(report, 'Joint pain.'))).toBe(false);
  });

  it('a function named only as what a denied problem is about is not asserted ("no trouble with my sleeping")', () => {
    const report = verify(
      [
        ...PAD,
        'D: And how are the nights?',
        "P: Honestly I don't have any trouble with my sleeping.",
        'D: And your appetite?',
        'P: No issues with my appetite either.',
      ],
      'HISTORY\nDenies changes in sleep.\nDenies changes in appetite.',
    );
    expect(flagged(check(report, 'Denies changes in sleep.'))).toBe(false);
    expect(flagged(check(report, 'Denies changes in appetite.'))).toBe(false);
  });

  it('a denied trouble with a function does not assert the function against a denied change', () => {
    const report = verify(
      [...PAD, 'D: any changes at night', "P: i really don't have any troubles with my sleeping"],
      'HISTORY\nDenies changes in sleep.',
    );
    expect(flagged(check(report, 'Denies changes in sleep.'))).toBe(false);
    const appetite = verify(
      [...PAD, 'D: how is the mood', "P: i don't have any trouble with my appetite"],
      'HISTORY\nDenies appetite changes.',
    );
    expect(flagged(check(appetite, 'Denies appetite changes.'))).toBe(false);
  });

  it('a negation of how often ("not every time") does not deny the finding', () => {
    const statement = 'He does not get heartburn every time he eats, mostly with spicy food.';
    const report = verify(
      [...PAD, 'D: and when does the heartburn come on', 'P: i get heartburn when i eat spicy food'],
      `HISTORY\n${statement}`,
    );
    expect(flagged(check(report, statement))).toBe(false);
    const walking =
      'She notes that she does not have pain every time she walks but mostly when she climbs stairs.';
    const second = verify(
      [...PAD, 'D: when does the knee pain come', 'P: the pain comes when i walk and when i climb stairs'],
      `HISTORY\n${walking}`,
    );
    expect(flagged(check(second, walking))).toBe(false);
  });
});
