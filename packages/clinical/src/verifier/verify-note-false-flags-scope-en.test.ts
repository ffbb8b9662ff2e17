/**
 * English statements of correct notes that the verifier must not flag, against speech-recognised talk (synthetic
 * consultations): a deed only intended or wished for ("was supposed to see", "feel like taking"), a mention
 * qualified as another place ("no midline tenderness"), a lay name of a symptom ("pounding in my chest"). Each with its
 * twin that must stay flagged.
 */
import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '@kollega/domain';
import { check, flagged, verify as verifyLines } from './verifier-test-kit';

const verify = (lines: readonly string[], noteText: string): VerificationReport =>
  verifyLines(lines, noteText, 'en');

describe('verifyNote (en): intended deeds, mentions qualified as another place', () => {
  it('"i feel like taking the medicine": a wish, not a deed; the "no" to the question stands', () => {
    const lines = [
      'D: okay so what brings you in today',
      'P: um i hurt my foot at work it is really sore',
      'D: okay have you taken any medications for example tylenol or ibuprofen for the pain',
    ];
    const report = verify(
      [...lines, 'P: no i feel like taking the medicine'],
      'HISTORY OF PRESENT ILLNESS\nThe patient denies taking any medication for pain.',
    );
    expect(flagged(check(report, 'The patient denies taking any medication for pain.'))).toBe(false);
    const twin = verify(
      [...lines, 'P: yeah i have been taking the medicine every day'],
      'HISTORY OF PRESENT ILLNESS\nThe patient denies taking any medication for pain.',
    );
    expect(flagged(check(twin, 'The patient denies taking any medication for pain.'))).toBe(true);
  });

  it('"was supposed to see": a past intention leaves the deed open', () => {
    const lines = [
      'D: okay so what brings you in today',
      'P: um my right knee has been hurting for a few weeks now',
      'D: okay and what have you done for it so far',
    ];
    const note = 'HISTORY OF PRESENT ILLNESS\nHe has not seen the physical therapist.';
    const report = verify(
      [...lines, 'P: well i was supposed to see the physical therapist last week but my car broke down'],
      note,
    );
    expect(flagged(check(report, 'He has not seen the physical therapist.'))).toBe(false);
    const twin = verify(
      [...lines, 'P: well i saw the physical therapist last week and it helped a bit'],
      note,
    );
    expect(flagged(check(twin, 'He has not seen the physical therapist.'))).toBe(true);
  });

  it('"… mostly no midline tenderness": a mention qualified as the other place is not the paraspinal tenderness', () => {
    const lines = [
      'D: okay so tell me about the back',
      'P: my lower back has been aching for a couple of weeks since i started sitting on the couch a lot',
      'D: okay so on your back exam you do have some tenderness in the paraspinal areas',
      'P: yeah that is sore right there',
      'D: okay and the paraspinal areas of your lower back mostly no midline tenderness',
      'P: okay',
      'D: so again the paraspinal areas of the lower back mostly and no midline tenderness',
      'P: okay that makes sense',
    ];
    const exam = (finding: string): string => `PHYSICAL EXAM\n\nMusculoskeletal\n- Examination: ${finding}`;
    const report = verify(lines, exam('Slight tenderness in the paraspinal area, mostly in the lower back.'));
    expect(
      flagged(check(report, 'Slight tenderness in the paraspinal area, mostly in the lower back.')),
    ).toBe(false);
    const twin = verify(lines, exam('No tenderness in the paraspinal area.'));
    expect(flagged(check(twin, 'No tenderness in the paraspinal area.'))).toBe(true);
  });

  it('"a little bit of pounding in my chest": the lay words of palpitations', () => {
    const lines = [
      'D: okay so how have you been feeling since the lobectomy',
      'P: pretty good overall i am walking every day but sometimes when it is humid i feel a little bit of pounding in my chest and then it goes away',
      'D: okay and any shortness of breath or cough',
      'P: no not really just a little tired after my walks',
    ];
    const report = verify(
      lines,
      'REVIEW OF SYSTEMS\n\nCardiovascular: Endorses palpitations.\n\nRESULTS\n\nDenies palpitations.',
    );
    expect(flagged(check(report, 'Cardiovascular: Endorses palpitations.'))).toBe(false);
    expect(flagged(check(report, 'Denies palpitations.'))).toBe(true);
  });
});
