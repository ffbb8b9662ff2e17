/**
 * More forms of a good state denied (synthetic consultations): past "otherwise"/"mostly" ("Vitals are not otherwise
 * good"), against "look good" (which the lexicon reads as "normal") and a progressive verb ("she is eating a lot better
 * now"); a short sentence before the claim ("He denies rectal bleeding.") is no problem named as its topic.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

/** Talk of the heart and lungs that pads each short visit into a consultation. */
const EXAM = [
  'D: okay so let me take a listen to your heart and lungs now',
  'P: sure go ahead',
  'D: your heart has a regular rate and rhythm and your lungs are clear to auscultation',
  'P: mm-hmm',
];

const VITALS = [
  'D: so you do have a slight fever of one hundred today',
  'P: okay',
  'D: but your vitals themselves look good today',
  'P: mm-hmm',
  ...EXAM,
];

const EATING = [
  'D: and how about your little girl and her eating',
  'P: yeah um she is eating a lot better now since we changed the formula',
  'D: oh that is great',
  ...EXAM,
];

const GREETING = [
  'D: hi there how are you ?',
  'P: i am good thanks',
  'D: and any bleeding from the rectum',
  'P: no none of that',
  ...EXAM,
];

describe('verifyNote: English good state denied: more forms', () => {
  it('"not otherwise good" against "your vitals themselves look good" is flagged', () => {
    const note = 'Vitals are not otherwise good.';
    const report = verify(VITALS, `PHYSICAL EXAMINATION\nTemperature is slightly elevated.\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
    const twin = 'Vitals are otherwise good.';
    const plain = verify(VITALS, `PHYSICAL EXAMINATION\nTemperature is slightly elevated.\n${twin}`, 'en');
    expect(flagged(check(plain, twin))).toBe(false);
  });

  it('"not doing better with eating" against "she is eating a lot better now" is flagged', () => {
    const note = 'Her mother notes that she is not doing better with eating.';
    const report = verify(EATING, `HISTORY OF PRESENT ILLNESS\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
    const twin = 'Her mother notes that she is doing better with eating.';
    const plain = verify(EATING, `HISTORY OF PRESENT ILLNESS\n${twin}`, 'en');
    expect(flagged(check(plain, twin))).toBe(false);
  });

  it('a short sentence before ("He denies rectal bleeding.") is no topic of "He is not well"', () => {
    const note = 'He is not well.';
    const report = verify(GREETING, `HISTORY OF PRESENT ILLNESS\nHe denies rectal bleeding.\n${note}`, 'en');
    expect(flagged(check(report, note))).toBe(true);
    const twin = 'He is well.';
    const plain = verify(GREETING, `HISTORY OF PRESENT ILLNESS\nHe denies rectal bleeding.\n${twin}`, 'en');
    expect(flagged(check(plain, twin))).toBe(false);
  });
});
