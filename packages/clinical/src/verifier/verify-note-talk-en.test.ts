/**
 * English statements of correct notes that the verifier must not flag because of how talk is spoken (synthetic,
 * speech-recognised consultations): a word said again as a repair, a courtesy "not a problem", a question opened with
 * hesitations, a question about a problem with doing something, an organ said absent after its removal, a word said
 * only inside a compound. Each with the wrong statement that must still be flagged where it makes sense.
 */
import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '@kollega/domain';
import { check, flagged, verify as verifyLines } from './verifier-test-kit';

const verify = (lines: readonly string[], noteText: string): VerificationReport =>
  verifyLines(lines, noteText, 'en');

const OPENING = [
  'D: good morning what brings you in',
  'P: my left shoulder hurts and the pain started about three weeks ago',
  'D: are you taking anything for it',
  'P: just some acetaminophen at night',
];

describe('verifyNote (en): how talk is spoken', () => {
  it('a word said again as a repair keeps the first saying\'s negation ("no swelling or bruise , bruising")', () => {
    const lines = [
      ...OPENING,
      'D: okay let me take a look at your right hand',
      'D: so on exam his heart rate is regular rate , rhythm , 2+ radial pulse , no swelling or bruise , bruising in the palm over the volar surface of his index finger , normal creases',
    ];
    const note =
      'PHYSICAL EXAM\nThere is no swelling or ecchymosis in the palm on the volar surface of his index finger.\n\nFINDINGS\nThere is bruising in the palm.';
    const report = verify(lines, note);
    expect(
      flagged(
        check(
          report,
          'There is no swelling or ecchymosis in the palm on the volar surface of his index finger.',
        ),
      ),
    ).toBe(false);
    expect(check(report, 'There is bruising in the palm.').support).toBe('contradicted');
  });

  it('a trailing-off repair ("no significant abnormalaries ... abnormalities") keeps the negation', () => {
    const lines = [
      ...OPENING,
      'D: and the most recent blood work was reviewed with no significant abnormalaries ... abnormalities , so that is good',
      'P: okay good',
    ];
    const report = verify(
      lines,
      'RESULTS\nMost recent blood work reviewed with no significant abnormalities.',
    );
    expect(flagged(check(report, 'Most recent blood work reviewed with no significant abnormalities.'))).toBe(
      false,
    );
  });

  it('a courtesy "not a problem" at the opening of a turn denies no problem', () => {
    const lines = [
      'D: good morning what brings you in',
      "P: my right knee hurts , i was doing a back somersault and i felt a pop and since that time i've really had problems with my knee",
      'D: okay',
      "P: sorry , i'm a bit late today",
      'D: not a problem have you taken any medications',
      'P: no',
      "D: okay alright not a problem so if you do n't mind i'm gon na go ahead and start my examination",
    ];
    const report = verify(
      lines,
      'HISTORY\nThe patient adds that she has had problems with her right knee since that time.',
    );
    expect(
      flagged(
        check(report, 'The patient adds that she has had problems with her right knee since that time.'),
      ),
    ).toBe(false);
  });

  it('"how about , um , like any …" asks yes or no: an answer about one of its words confirms only that word', () => {
    const lines = [
      ...OPENING,
      'D: okay and what about your diet',
      "P: i do n't take sugar with my tea",
      'D: and how about , um , like any added sugars into any kind of processed foods or anything like that ?',
      'P: uh i think most of my sugars come from fruit',
    ];
    const report = verify(lines, 'HISTORY\nHe does not eat processed food.');
    expect(flagged(check(report, 'He does not eat processed food.'))).toBe(false);
  });

  it('a "no" to a problem with doing something agrees that the doing is tolerated', () => {
    const lines = [
      ...OPENING,
      'D: and do you get short of breath at night',
      'P: sometimes when i climb the stairs',
      'D: okay and any problems laying flat while you go to bed',
      'P: no',
    ];
    const report = verify(
      lines,
      'HISTORY\nHe has no problems lying flat to go to bed.\n\nROS\nReports problems lying flat.',
    );
    expect(flagged(check(report, 'He has no problems lying flat to go to bed.'))).toBe(false);
    expect(check(report, 'Reports problems lying flat.').support).toBe('contradicted');
  });

  it('an organ said to be absent agrees with its removal ("no tonsils" – "history of tonsillectomy")', () => {
    const lines = [
      ...OPENING,
      'D: okay let me look in your throat',
      'P: sure i have no tonsils by the way , they took them out when i was a kid',
    ];
    const report = verify(lines, 'PAST SURGICAL HISTORY\nPatient reports history of tonsillectomy.');
    expect(flagged(check(report, 'Patient reports history of tonsillectomy.'))).toBe(false);
  });

  it('a word said only inside a compound ("weight gain") is not the word of the note ("the weight of the boxes")', () => {
    const lines = [
      ...OPENING,
      "P: um i've had some knee problems in the past but i think it was just the repetition and the weight of the boxes",
      "D: okay . and any fatigue ? weight gain ? anything like that that you've noticed ?",
      'P: no , nothing out of the ordinary .',
    ];
    const note =
      'HISTORY\nHe states that he has had some knee problems in the past, but he believes that it was due to the repetition and the weight of the boxes.\n\nROS\nReports weight gain.';
    const report = verify(lines, note);
    expect(
      flagged(
        check(
          report,
          'He states that he has had some knee problems in the past, but he believes that it was due to the repetition and the weight of the boxes.',
        ),
      ),
    ).toBe(false);
    expect(check(report, 'Reports weight gain.').support).toBe('contradicted');
  });

  it('an intention to quit smoking ("ready to quit smoking") is no denial of smoking', () => {
    const lines = [
      ...OPENING,
      "P: i'm just ready to quit smoking but i've been having quite a hard time with it",
      "D: well i'm glad that you're taking the first steps to quit smoking , tell me a little bit more about your history of smoking",
      "P: yeah i started in high school and now i'm up to a pack a day",
    ];
    const report = verify(
      lines,
      'ASSESSMENT\nThe patient has a long history of smoking cigarettes.\n\nSOCIAL HISTORY\nShe quit smoking.',
    );
    expect(flagged(check(report, 'The patient has a long history of smoking cigarettes.'))).toBe(false);
    expect(flagged(check(report, 'She quit smoking.'))).toBe(true);
  });

  it('a yes to a question put with a negation confirms it as put (its negated words denied, the others asserted)', () => {
    const lines = [
      ...OPENING,
      "D: let's go over your medical history from your chart",
      "D: i have that you're not taking any medications and do n't have any health problems listed , but that you're allergic to augmentin , is that right ?",
      "P: yes , that's correct .",
    ];
    const report = verify(lines, 'ALLERGIES\nAugmentin.\n\nMEDICATIONS\nShe takes metformin for diabetes.');
    expect(flagged(check(report, 'Augmentin.'))).toBe(false);
  });

  it('a yes to an examination finding put as a question confirms it as put ("pain with supination no pain with pronation")', () => {
    const lines = [
      ...OPENING,
      'D: okay now turn your palm up for me',
      'P: ow yeah that hurts',
      'D: pain with supination no pain with pronation',
      'P: correct',
    ];
    const report = verify(lines, 'PHYSICAL EXAM\nPain with supination.\nNo pain with pronation.');
    expect(flagged(check(report, 'Pain with supination.'))).toBe(false);
    expect(flagged(check(report, 'No pain with pronation.'))).toBe(false);
  });

  it('a no to a question of cause ("could that be why …?") denies the cause, not what follows "why"', () => {
    const lines = [
      ...OPENING,
      'D: so as i said , the hepatomegaly means your liver is enlarged .',
      "P: could that be why my stomach is hurting and i'm having issues with the constipation and diarrhea ?",
      "D: no , i think you're constipated because of certain foods you eat .",
    ];
    const report = verify(lines, 'HISTORY\nHe presents with abdominal pain, constipation, and diarrhea.');
    expect(flagged(check(report, 'He presents with abdominal pain, constipation, and diarrhea.'))).toBe(
      false,
    );
  });

  it('a time clause that opens a question ("after the fall … were you able to …?") is presupposed, not asked', () => {
    const lines = [
      ...OPENING,
      'D: and how did you hurt the ankle',
      'P: i got tangled up with another girl and she fell on my ankle',
      'D: okay and then so after the fall and the entanglement with the other girl were you able to continue the game',
      'P: no i had to stop right away',
    ];
    const report = verify(lines, 'HISTORY\nShe became entangled with another girl, who fell onto her ankle.');
    expect(flagged(check(report, 'She became entangled with another girl, who fell onto her ankle.'))).toBe(
      false,
    );
  });

  it('a negated participle denies the predicate of its subject ("the epiduo was not covered"), not the subject', () => {
    const lines = [
      ...OPENING,
      'P: and my acne is still bad',
      "D: okay so under the plan , for the acne vulgaris , the epiduo was not covered , so we'll try benzoyl peroxide with clindamycin , and remove the previous information .",
      'D: and the fever has not returned since then ?',
      'P: no',
    ];
    const report = verify(
      lines,
      'HISTORY\nShe was prescribed Epiduo for her acne vulgaris.\n\nROS\nReports fever.',
    );
    expect(flagged(check(report, 'She was prescribed Epiduo for her acne vulgaris.'))).toBe(false);
    expect(flagged(check(report, 'Reports fever.'))).toBe(true);
  });

  it('an answer\'s opening negation reaches the later items of its list ("no , no weight loss or passing out")', () => {
    const lines = [
      ...OPENING,
      'D: okay , all right . and any , have you passed out at all , or anything like that ? any weight loss ?',
      'P: no , no weight loss or passing out .',
      'P: i have felt a bit dizzy though .',
    ];
    const report = verify(
      lines,
      'HISTORY\nShe denies weight loss or passing out.\n\nROS\nReports passing out.',
    );
    expect(flagged(check(report, 'She denies weight loss or passing out.'))).toBe(false);
    expect(flagged(check(report, 'Reports passing out.'))).toBe(true);
  });

  it('"related to" another thing neither confirms nor denies "not related to" what the clause names', () => {
    const lines = [
      ...OPENING,
      'P: and i keep getting these headaches in the back of my head',
      "D: okay so i do n't think that this is a sign of a stroke or any bleeding in your brain or anything like that , i think it's more related to tightness in your muscles in your neck",
      'P: okay that makes sense',
    ];
    const report = verify(
      lines,
      'ASSESSMENT\nI advised her that her symptoms do not appear related to signs of a stroke or brain bleeding.\nHer headaches are not related to muscle tightness.',
    );
    expect(
      flagged(
        check(
          report,
          'I advised her that her symptoms do not appear related to signs of a stroke or brain bleeding.',
        ),
      ),
    ).toBe(false);
    expect(flagged(check(report, 'Her headaches are not related to muscle tightness.'))).toBe(true);
  });
});
