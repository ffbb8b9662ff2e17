/**
 * English statements of correct notes that the verifier must not flag, against speech-recognised talk (synthetic
 * consultations): "not with …", a denial opening a later list, a question about another
 * object, a doctor's summary before a question, a closing "any questions". Each with its twin that must stay flagged.
 */
import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '@kollega/domain';
import { check, flagged, verify as verifyLines } from './verifier-test-kit';

const verify = (lines: readonly string[], noteText: string): VerificationReport =>
  verifyLines(lines, noteText, 'en');

const ANKLE = [
  'D: okay so what brings you in today',
  'P: um i twisted my left ankle on the stairs about a week ago and it still hurts',
  'D: okay are you taking anything for it',
  'P: just some ibuprofen in the evening',
];

describe('verifyNote (en): correct statements against speech-recognised talk', () => {
  it('"not with …": the negation reaches past "with" straight after it', () => {
    const report = verify(
      [
        ...ANKLE,
        'D: okay let me examine you so i will move your foot up and down',
        'D: alright so there is pain with inversion but not with eversion okay',
        'P: yeah that is right',
      ],
      'PHYSICAL EXAM\nPain with inversion, but not with eversion.\n\nRESULTS\nPain with eversion.',
    );
    expect(flagged(check(report, 'Pain with inversion, but not with eversion.'))).toBe(false);
    expect(flagged(check(report, 'Pain with eversion.'))).toBe(true);
  });

  it('"…, but denies dark, tarry stools": a denial opening a later clause denies the items after its commas', () => {
    const report = verify(
      [
        'D: okay so what brings you in today',
        'P: sometimes my belly hurts up here after i eat',
        'D: okay alright so any blood in your stool or dark tarry stool',
        'P: not that i noticed',
      ],
      'HISTORY OF PRESENT ILLNESS\nHe reports abdominal pain after eating, but denies dark, tarry stools.\n\nREVIEW OF SYSTEMS\nHe reports abdominal pain after eating and dark, tarry stools.',
    );
    expect(
      flagged(check(report, 'He reports abdominal pain after eating, but denies dark, tarry stools.')),
    ).toBe(false);
    expect(flagged(check(report, 'He reports abdominal pain after eating and dark, tarry stools.'))).toBe(
      true,
    );
  });

  it('a question about another object ("have you taken any medications") says nothing of the verb', () => {
    const report = verify(
      [
        ...ANKLE,
        'D: okay so we took some x-rays of your ankle three views',
        'P: okay',
        'D: not a problem have you taken any other medications today',
        'P: no',
      ],
      'RESULTS\nX-rays of the left ankle were taken.\n\nPLAN\nHe has taken other medications today.',
    );
    expect(flagged(check(report, 'X-rays of the left ankle were taken.'))).toBe(false);
    expect(flagged(check(report, 'He has taken other medications today.'))).toBe(true);
  });

  it("a doctor's summary before a question ('so epigastric pain alright any blood …') is not asked", () => {
    const report = verify(
      [
        'D: okay so what brings you in today',
        'P: sometimes my belly hurts up here after i eat',
        'D: okay alright so epigastric pain alright any blood in your stool or black stool',
        'P: not that i noticed',
      ],
      'REVIEW OF SYSTEMS\nGastrointestinal: Reports epigastric pain.\n\nHISTORY OF PRESENT ILLNESS\nHe reports blood in his stool.',
    );
    expect(flagged(check(report, 'Gastrointestinal: Reports epigastric pain.'))).toBe(false);
    expect(flagged(check(report, 'He reports blood in his stool.'))).toBe(true);
  });

  it('a closing "any questions for me" – "no" does not deny the advice said before it in the turn', () => {
    const report = verify(
      [
        ...ANKLE,
        'D: so keep up your walking routine and maybe think about some things like swimming or adding in some yoga to help with your stiffness so do you have any questions for me',
        'P: no not at this time',
        'D: and have you tried physical therapy before',
        'P: no i have not',
      ],
      'PLAN\nI encouraged him to keep up his walking routine and try adding in yoga to help with his stiffness.\n\nHISTORY OF PRESENT ILLNESS\nHe has tried physical therapy before.',
    );
    expect(
      flagged(
        check(
          report,
          'I encouraged him to keep up his walking routine and try adding in yoga to help with his stiffness.',
        ),
      ),
    ).toBe(false);
    expect(flagged(check(report, 'He has tried physical therapy before.'))).toBe(true);
  });
});

describe('verifyNote (en): what an answer or a list says in speech-recognised talk', () => {
  it('a negation before a long comma list reaches every item', () => {
    const report = verify(
      [
        ...ANKLE,
        "D: and on your intake form , you indicated that you've not had any recent weight loss or gain , headaches , bone pain , night sweats , or blood in the stools .",
        'P: mm-hmm .',
        'D: but you did indicate that you have some back pain and joint pain .',
        'P: yes .',
        'D: did any of your children have medical issues or siblings with medical problems ?',
        'P: i do not have any siblings and , thankfully , my children are all healthy .',
      ],
      'REVIEW OF SYSTEMS\nNegative for weight loss, weight gain, headaches, bone pain, night sweats, blood in the stools.\n\nHISTORY OF PRESENT ILLNESS\nHe reports night sweats.\n\nFAMILY HISTORY\nHis children are healthy.',
    );
    expect(
      flagged(
        check(
          report,
          'Negative for weight loss, weight gain, headaches, bone pain, night sweats, blood in the stools.',
        ),
      ),
    ).toBe(false);
    expect(flagged(check(report, 'He reports night sweats.'))).toBe(true);
    // "and ," and a verb after the word end the list: a clause of its own.
    expect(flagged(check(report, 'His children are healthy.'))).toBe(false);
  });

  it('"no anything you can think of, primarily it was …" is an emphatic yes', () => {
    const report = verify(
      [
        ...ANKLE,
        'D: did you play any sports when you were younger',
        'P: no anything you can think of primarily it was basketball and hockey',
        'D: okay and did your ankles hurt at that time',
        'P: no never',
      ],
      'HISTORY OF PRESENT ILLNESS\nHe was very active in sports when he was younger, primarily basketball and hockey.\n\nPAST HISTORY\nHe had ankle pain at that time.',
    );
    expect(
      flagged(
        check(report, 'He was very active in sports when he was younger, primarily basketball and hockey.'),
      ),
    ).toBe(false);
    expect(flagged(check(report, 'He had ankle pain at that time.'))).toBe(true);
  });

  it('a time phrase after a denial ("since this injury") dates it and is not denied itself', () => {
    const report = verify(
      [
        'D: okay so what brings you in today',
        'P: i twisted my right ankle two weeks ago',
        'D: okay',
        "P: you know i've had a lot of injuries to my ankle but i've never hurt it this bad",
      ],
      'HISTORY OF PRESENT ILLNESS\nShe has not been able to run since this injury.\n\nPAST HISTORY\nShe denies prior ankle injuries.',
    );
    expect(flagged(check(report, 'She has not been able to run since this injury.'))).toBe(false);
    expect(flagged(check(report, 'She denies prior ankle injuries.'))).toBe(true);
    // Where the denied words are said with the time phrase, its words count: "since the start of covid".
    const dated = verify(
      [
        'D: okay so what brings you in today',
        'P: i twisted my right ankle two weeks ago',
        'D: okay and what do you do for work',
        "P: i've been working from home since the start of covid",
      ],
      'SOCIAL HISTORY\nShe denies working from home since the start of COVID.',
    );
    expect(flagged(check(dated, 'She denies working from home since the start of COVID.'))).toBe(true);
  });

  it('an intended change ("trying to lose weight") does not contradict "denies unintentional weight loss"', () => {
    const note = 'REVIEW OF SYSTEMS\nThe patient denies unintentional weight loss.';
    const intended = verify(
      [
        'D: okay so what brings you in today',
        'P: i have had some heartburn after meals for a few weeks now and it keeps me up at night',
        'D: okay are you taking anything for it',
        'P: just some antacids in the evening',
        'D: okay so how has your weight been',
        "P: i've been trying to lose weight",
      ],
      note,
    );
    expect(flagged(check(intended, 'The patient denies unintentional weight loss.'))).toBe(false);
    const unintended = verify(
      [
        'D: okay so what brings you in today',
        'P: i have had some heartburn after meals for a few weeks now and it keeps me up at night',
        'D: okay are you taking anything for it',
        'P: just some antacids in the evening',
        'D: okay so how has your weight been',
        "P: i've had some weight loss and i have n't been trying",
      ],
      note,
    );
    expect(flagged(check(unintended, 'The patient denies unintentional weight loss.'))).toBe(true);
  });
});

describe('verifyNote: a condition still open where a long turn is cut into windows', () => {
  it('"… if it was | something that i injured …": the words after the cut stay supposed', () => {
    const lines = [
      'D: so your left knee has been swollen and red for about a week now',
      'D: were you doing anything out of the ordinary when this started',
      "P: no i do n't that's the thing i do n't remember any fall if it was something that i injured i think i would have just ignored it and would n't have come in but when it got red and warm to touch that's when i got worried",
      'D: okay and does even light pressure bother it at night',
      'P: yes even the sheets bother it',
      'D: on exam the left knee is warm with a moderate effusion and i am going to aspirate it today',
    ];
    const report = verify(lines, 'HISTORY OF PRESENT ILLNESS\nHe denies any specific injury.');
    expect(flagged(check(report, 'He denies any specific injury.'))).toBe(false);
  });
});
