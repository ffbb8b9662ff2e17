/**
 * English statements of correct notes that the verifier must not flag, where a word of the note stands in a frame
 * that changes what it claims: advice ("encouraged … to"), a verb of need or effort ("denies needing …", "to work on
 * …"), a modifier without its head ("body aches"), a verb of reducing ("reduce fatty foods"), other instances ("no
 * extra heart sounds"), and what a denied treatment is for ("denies previous treatment for her acne"). Each with its
 * twin that must stay flagged.
 */
import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '@kollega/domain';
import { check, flagged, verify as verifyLines } from './verifier-test-kit';

const verify = (lines: readonly string[], noteText: string): VerificationReport =>
  verifyLines(lines, noteText, 'en');

describe('verifyNote (en): words in a frame that changes what they claim', () => {
  it('"I encouraged the patient to purchase …" is advice: a "no" to whether it was done does not deny it', () => {
    const lines = [
      'D: okay so how have your blood pressures been',
      'P: um i think okay i take my pills every day',
      'D: okay we talked about getting you a blood pressure cuff at home did you end up getting one of those',
      'P: no not yet',
      'D: okay that will be good if you can get one and take your blood pressures at home and track those',
      'P: okay i will',
    ];
    const report = verify(
      lines,
      'ASSESSMENT AND PLAN\nI encouraged the patient to purchase a blood pressure cuff and track his blood pressures.\n\nHISTORY OF PRESENT ILLNESS\nThe patient got a blood pressure cuff at home.',
    );
    expect(
      flagged(
        check(
          report,
          'I encouraged the patient to purchase a blood pressure cuff and track his blood pressures.',
        ),
      ),
    ).toBe(false);
    expect(flagged(check(report, 'The patient got a blood pressure cuff at home.'))).toBe(true);
  });

  it('"denies needing medications" is not contradicted by "you might need to rest": the verb leans on its object', () => {
    const talk = [
      'D: okay so how is the knee doing',
      'P: it is sore after practice but it goes away',
      'D: okay what medications are you on right now any medications at all',
      "P: no medications i do n't like medications",
      "D: okay that's fine we can talk about medications later",
      'D: okay well i think you might need to listen to your body and give yourself a bit of a break',
    ];
    const correct = verify(talk, 'HISTORY OF PRESENT ILLNESS\nShe denies needing medications.');
    expect(flagged(check(correct, 'She denies needing medications.'))).toBe(false);
    const wrong = verify(
      [...talk, 'P: honestly i think i need some medications for the pain i need them'],
      'HISTORY OF PRESENT ILLNESS\nShe denies needing medications.',
    );
    expect(flagged(check(wrong, 'She denies needing medications.'))).toBe(true);
  });

  it('"denies body aches" is not contradicted by "an infection going on in your body": a modifier without its head', () => {
    const talk = [
      'D: okay and have you been feeling sick recently have you had any fever or chills',
      'P: uh i have not',
      'D: body aches , joint pain ?',
      'P: uh a bit of joint pain',
    ];
    const correct = verify(
      [
        ...talk,
        'D: okay so your sugar is high and i think that is probably related to some infection going on in your body',
      ],
      'REVIEW OF SYSTEMS\nHe denies any fever, chills, or body aches.',
    );
    expect(flagged(check(correct, 'He denies any fever, chills, or body aches.'))).toBe(false);
    const wrong = verify(
      [...talk, 'P: and honestly my whole body aches all day my body aches a lot'],
      'REVIEW OF SYSTEMS\nHe denies any fever, chills, or body aches.',
    );
    expect(flagged(check(wrong, 'He denies any fever, chills, or body aches.'))).toBe(true);
  });

  it('"to work on strengthening" is not denied by "nothing really worked": a verb of effort claims its object', () => {
    const report = verify(
      [
        'D: okay so what brings you in today',
        'P: my lower back has been hurting for about two weeks',
        'D: okay so what have you tried for the back pain',
        'P: i tried ice i tried heat but nothing really worked',
        'D: okay i would like to refer you to physical therapy to kind of strengthen that area',
        'P: okay that sounds good',
      ],
      'ASSESSMENT AND PLAN\nWe will refer him to physical therapy to work on strengthening the area.\n\nHISTORY OF PRESENT ILLNESS\nIce and heat worked.',
    );
    expect(
      flagged(check(report, 'We will refer him to physical therapy to work on strengthening the area.')),
    ).toBe(false);
    expect(flagged(check(report, 'Ice and heat worked.'))).toBe(true);
  });

  it('"abstain from alcohol, and reduce fatty foods" agrees with "avoid alcohol and fatty foods"', () => {
    const report = verify(
      [
        'D: so we checked your blood work and your liver enzymes are up a little',
        'P: okay my stomach hurts and i have been having some pain in my belly what can i do about that',
        'D: in the meantime a low carb diet avoid alcohol and fatty foods and low cholesterol foods',
        'P: okay',
      ],
      'ASSESSMENT AND PLAN\nI advised her to follow a low carbohydrate diet, abstain from alcohol, and reduce fatty foods.\n\nHISTORY OF PRESENT ILLNESS\nShe has been eating more fatty foods.',
    );
    expect(
      flagged(
        check(
          report,
          'I advised her to follow a low carbohydrate diet, abstain from alcohol, and reduce fatty foods.',
        ),
      ),
    ).toBe(false);
    expect(flagged(check(report, 'She has been eating more fatty foods.'))).toBe(true);
  });

  it('"No extra heart sounds" denies sounds other than the murmur heard, unless "extra" is said', () => {
    const exam = (heart: string): string[] => [
      'D: okay let me take a listen',
      `D: your heart ${heart} and your lungs sound nice and clear`,
      'P: okay',
    ];
    const correct = verify(
      exam(', i hear a slight two out of six systolic ejection murmur ,'),
      'PHYSICAL EXAM\nNo extra heart sounds.',
    );
    expect(flagged(check(correct, 'No extra heart sounds.'))).toBe(false);
    const wrong = verify(
      exam(', i do hear an extra heart sound , an extra heart sound like a gallop ,'),
      'PHYSICAL EXAM\nNo extra heart sounds.',
    );
    expect(flagged(check(wrong, 'No extra heart sounds.'))).toBe(true);
  });

  it('"denies previous treatment for her acne": the treatment is denied, not the acne it is for', () => {
    const talk = ['D: and how is the skin', 'P: still breaking out on my face'];
    const correct = verify(
      [
        ...talk,
        'D: okay for the acne vulgaris the cream was not covered so we will try benzoyl peroxide and remove the previous information',
      ],
      'HISTORY OF PRESENT ILLNESS\nShe denies previous treatment for her acne vulgaris.',
    );
    expect(flagged(check(correct, 'She denies previous treatment for her acne vulgaris.'))).toBe(false);
    const wrong = verify(
      [...talk, 'P: i was treated with doxycycline for my acne vulgaris before and the treatment helped'],
      'HISTORY OF PRESENT ILLNESS\nShe denies previous treatment for her acne vulgaris.',
    );
    expect(flagged(check(wrong, 'She denies previous treatment for her acne vulgaris.'))).toBe(true);
  });
});

describe('verifyNote (en): a noun and its verb, a credential', () => {
  it('"at birth" is what "when the twins were born" says', () => {
    const report = verify(
      [
        'D: okay so tell me about her early history',
        'R: when the twins were born she was about four pounds eight ounces and she had trouble eating and breathing',
        'D: okay and how is she doing now',
        'R: she is doing better but still has some trouble with her eyes and some pain',
      ],
      'HISTORY OF PRESENT ILLNESS\nAt birth, the patient weighed 4 pounds 8 ounces.\n\nPAST MEDICAL HISTORY\nAt birth, she had jaundice.',
    );
    expect(flagged(check(report, 'At birth, the patient weighed 4 pounds 8 ounces.'))).toBe(false);
    expect(flagged(check(report, 'At birth, she had jaundice.'))).toBe(true);
  });

  it('a credential after a name ("Betty Ross, PA-C") names who, not a finding', () => {
    const report = verify(
      [
        'D: so tell me about the arm pain',
        'P: it started a few weeks ago at night my left arm and hand hurt so i went to see betty ross the physician assistant',
        'D: okay and what did she do',
        'P: she took x-rays of my neck and gave me gabapentin and sent me to you',
      ],
      'HISTORY OF PRESENT ILLNESS\nHe was seen by Betty Ross, PA-C.\n\nREVIEW OF SYSTEMS\nHe was seen by Betty Ross, cardiologist.',
    );
    expect(flagged(check(report, 'He was seen by Betty Ross, PA-C.'))).toBe(false);
    expect(flagged(check(report, 'He was seen by Betty Ross, cardiologist.'))).toBe(true);
  });
});
