/**
 * English statements of correct notes the verifier used to misread (synthetic consultations): a finding denied on one
 * side ("no masses on the right") is not contradicted by the same finding on the other side; a denial of ever having
 * had something, as the patient answered a question about the past, is not contradicted by its diagnosis today;
 * speaker labels the wrong way round are told by four doctor's questions against none; "hep c" is hepatitis C; "a
 * one" with no noun after it is a score; a prediction ("in a day or two you will be able to walk") does not contradict
 * the inability at onset.
 */
import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '@kollega/domain';
import { check, flagged, verify as verifyLines } from './verifier-test-kit';

const verify = (lines: readonly string[], noteText: string): VerificationReport =>
  verifyLines(lines, noteText, 'en');

const PELVIC_EXAM = [
  'D: hi mrs brown what brings you in today',
  "P: i've had some pressure low in my belly for about a month",
  'D: okay any bleeding or discharge',
  'P: no nothing like that',
  'D: any fevers',
  'P: no',
  'D: alright let me examine you',
  'D: your abdomen is soft with mild tenderness in the lower left side',
  'D: on the pelvic exam the cervix looks normal and on bimanual exam i feel a firm mass on the left side and there are no masses on the right',
  "D: so i'd like to get an ultrasound of your pelvis to look at that",
  'P: okay',
];

describe('verifyNote (en): misreadings that kept correct statements flagged', () => {
  it('"no masses on the right": a finding denied on one side is not contradicted by it on the other', () => {
    const report = verify(
      PELVIC_EXAM,
      'PHYSICAL EXAM\nBimanual exam: Firm left adnexal mass.\nNo masses on the right.\nNo masses on the left.',
    );
    expect(flagged(check(report, 'No masses on the right.'))).toBe(false);
    expect(flagged(check(report, 'Bimanual exam: Firm left adnexal mass.'))).toBe(false);
    expect(flagged(check(report, 'No masses on the left.'))).toBe(true);
  });
  it('"no masses on the right okay": the side of a denial is the denied mention\'s, not the present one\'s', () => {
    const report = verify(
      [
        'D: hi mrs brown what brings you in today',
        "P: i've had some pressure low in my belly for about a month",
        'D: okay any bleeding or discharge',
        'P: no nothing like that',
        'D: alright let me examine you',
        'D: on abdominal exam there is slight tenderness to palpation of the left lower quadrant',
        'D: on bimanual exam i appreciate a left adnexal mass and there is no masses on the right okay so the ultrasound showed a cyst',
        'P: okay',
      ],
      'PHYSICAL EXAM\nBimanual exam: Left adnexal mass.\nNo masses on the right.\nNo masses on the left.',
    );
    expect(flagged(check(report, 'No masses on the right.'))).toBe(false);
    expect(flagged(check(report, 'Bimanual exam: Left adnexal mass.'))).toBe(false);
    expect(check(report, 'No masses on the left.').reasons.join(' ')).toMatch(/side|opposite/);
    expect(flagged(check(report, 'No masses on the left.'))).toBe(true);
  });
  it('"denies he has ever been diagnosed with gout": the answer about the past is not contradicted by today\'s diagnosis', () => {
    const lines = [
      'D: hi mr ward what brings you in today',
      'P: my big toe has been swollen and red for about three days',
      'D: okay in the past has any doctor ever told you that you had gout',
      "P: no never that's why i'm so surprised",
      'D: okay any fevers',
      'P: no',
      'D: alright let me look at the toe it is red warm and swollen',
      'D: your uric acid came back high so you do have gout your labs are consistent with that gout diagnosis',
      "D: we'll start you on colchicine today",
      'P: okay',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHe denies he has ever been diagnosed with gout.\nHe reports he has ever been diagnosed with gout.\n\nASSESSMENT AND PLAN\nHe has no gout.',
    );
    expect(flagged(check(report, 'He denies he has ever been diagnosed with gout.'))).toBe(false);
    // Nor does today's diagnosis confirm that he ever had it before.
    expect(flagged(check(report, 'He reports he has ever been diagnosed with gout.'))).toBe(true);
    expect(flagged(check(report, 'He has no gout.'))).toBe(true);
    const twin = verify(
      lines.map((line) =>
        line.replace("no never that's why i'm so surprised", 'yes i had a flare about five years ago'),
      ),
      'HISTORY OF PRESENT ILLNESS\nHe denies he has ever been diagnosed with gout.',
    );
    expect(flagged(check(twin, 'He denies he has ever been diagnosed with gout.'))).toBe(true);
  });
  it("labels the wrong way round: four doctor's questions from the one labelled patient, none from the other", () => {
    const report = verify(
      [
        'P: hi mr ward what brings you in today',
        'D: my big toe has been swollen and red for about three days',
        'P: okay do you have any fevers',
        'D: no',
        'P: okay in the past has any doctor ever told you that you had gout',
        "D: no never that's why i'm so surprised",
        'P: are you taking any medications',
        'D: just a baby aspirin',
        'P: did you have any injury to the toe',
        'D: no',
        'P: your uric acid came back high so you do have gout your labs are consistent with that gout diagnosis',
        'D: okay',
      ],
      'HISTORY OF PRESENT ILLNESS\nHe denies he has ever been diagnosed with gout.',
    );
    expect(flagged(check(report, 'He denies he has ever been diagnosed with gout.'))).toBe(false);
  });
  it('"hep c" in talk is hepatitis C of the note', () => {
    const lines = [
      'D: hi mr ward your screening labs came back positive for hep c',
      "P: i'm really surprised i feel fine",
      'D: okay in the past has any doctor ever told you that you had hep c',
      'P: no never',
      'D: any history of iv drug use',
      'P: a long time ago yes',
      "D: okay we'll check a viral load and an ultrasound of the liver",
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHis screening labs were positive for hepatitis C.\nHe denies a history of hepatitis C.\n\nASSESSMENT AND PLAN\nHe does not have hepatitis C.',
    );
    expect(flagged(check(report, 'His screening labs were positive for hepatitis C.'))).toBe(false);
    expect(flagged(check(report, 'He denies a history of hepatitis C.'))).toBe(false);
    expect(flagged(check(report, 'He does not have hepatitis C.'))).toBe(true);
  });
  it('"it goes down to like a one": "one" after the article with no noun after it is a score', () => {
    const lines = [
      'D: hi carolyn what happened to your ankle',
      'P: i rolled it stepping off a curb on saturday',
      "D: okay what's your pain level right now on a scale of zero to ten",
      "P: it's about a four right now",
      "D: and you've been taking ibuprofen",
      "P: yes it's a six out of ten without ibuprofen and it goes down to like a one with ibuprofen",
      "D: okay good let's get an x-ray",
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nHer pain with ibuprofen is 1/10.\nHer pain with ibuprofen is 3/10.',
    );
    expect(flagged(check(report, 'Her pain with ibuprofen is 1/10.'))).toBe(false);
    expect(flagged(check(report, 'Her pain with ibuprofen is 3/10.'))).toBe(true);
  });
  it('"in a day or two you will be able to walk on it": a prediction does not contradict the inability at onset', () => {
    const lines = [
      'D: hi anna what happened to your ankle',
      'P: i slipped on the stairs on sunday and twisted it and the pain is about a six out of ten',
      'D: have you taken anything for the pain',
      'P: some ibuprofen and ice',
      'D: and how is it now',
      "P: it's a bit better i can put a little weight on it now but i'm still limping",
      'D: okay let me take a look there is some swelling over the outside of the ankle',
      'P: how long will it take to heal',
      'D: i mean i think in a day or two you will be able to walk on it but it will be sore for a couple of weeks',
      'P: okay',
    ];
    const onset =
      'She was unable to walk on her ankle initially after the injury; however, she is now able to bear some weight on it.';
    const report = verify(
      lines,
      `HISTORY OF PRESENT ILLNESS\n${onset}\n\nPLAN\nShe will not be able to walk on it in a day or two.`,
    );
    expect(flagged(check(report, onset))).toBe(false);
    // The prediction still decides a claim about the time it predicts.
    expect(flagged(check(report, 'She will not be able to walk on it in a day or two.'))).toBe(true);
    // What the talk says of the onset still decides the onset.
    const walked = lines.map((line) =>
      line.startsWith("P: it's a bit better")
        ? "P: right after i fell i was able to walk on it fine and now it's a bit better i can put a little weight on it but i'm still limping"
        : line,
    );
    expect(flagged(check(verify(walked, `HISTORY OF PRESENT ILLNESS\n${onset}`), onset))).toBe(true);
  });
});
