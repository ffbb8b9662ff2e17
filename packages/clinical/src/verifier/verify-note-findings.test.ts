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
