/**
 * English reporting verbs swapped in polarity, second set (synthetic consultations): complaints in general denied
 * while the sentence spells out complaints the patient stated, and a complaint reported where the patient answered
 * "no" to an item named after "any other …" in unpunctuated talk.
 */
import { describe, expect, it } from 'vitest';
import { check, flagged, verify } from './verifier-test-kit';

describe('verifyNote: a reporting verb swapped in polarity (English, second set)', () => {
  it('"denies a myriad of symptoms, stating she feels tired …": the complaints she stated contradict the denial', () => {
    const lines = [
      'D: so what brings you in today',
      'P: um i have been feeling really tired most of the day and i get these night sweats a few times a week',
      'D: okay any fever',
      'P: no not that i know of',
      'D: okay and are you sleeping okay',
      'P: yeah i sleep fine',
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\n' +
        'She denies symptoms, stating she feels tired most of the day, and has night sweats a few times a week.\n' +
        'She reports symptoms, stating she feels tired most of the day, and has night sweats a few times a week.\n' +
        'She denies any symptoms, stating she sleeps fine.',
      'en',
    );
    expect(
      check(
        report,
        'She denies symptoms, stating she feels tired most of the day, and has night sweats a few times a week.',
      ).support,
    ).toBe('contradicted');
    expect(
      flagged(
        check(
          report,
          'She reports symptoms, stating she feels tired most of the day, and has night sweats a few times a week.',
        ),
      ),
    ).toBe(false);
    expect(check(report, 'She denies any symptoms, stating she sleeps fine.').support).not.toBe(
      'contradicted',
    );
  });

  it('"any other issues any problems with your bowels" asks about the bowels by name: its "no" denies a change in bowel movements', () => {
    const lines = [
      'D: so how have you been doing with the blood pressure since the last visit',
      'P: pretty good overall no headaches or dizziness',
      'D: okay and and any other issues any problems with your bowels any constipation',
      'P: no not really',
      'D: okay good',
    ];
    const report = verify(
      lines,
      'REVIEW OF SYSTEMS\nGastrointestinal: Reports change in bowel movements.\nGastrointestinal: Denies change in bowel movements.',
      'en',
    );
    expect(check(report, 'Gastrointestinal: Reports change in bowel movements.').support).toBe(
      'contradicted',
    );
    expect(flagged(check(report, 'Gastrointestinal: Denies change in bowel movements.'))).toBe(false);
  });
});
