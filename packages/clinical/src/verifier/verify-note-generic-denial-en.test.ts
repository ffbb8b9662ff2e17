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

  it('"no issues since then" denies trouble since that time: "reports issues since that time" drops the no', () => {
    const lines = [
      'D: so you had that colonoscopy about three years ago for the bleeding',
      'P: yes and they said it was mild diverticulosis',
      'D: okay um no issues since then',
      'P: nope no issues since then',
      'D: okay good and how is the heart doing',
      "P: i've had some swelling in my legs",
    ];
    const report = verify(
      lines,
      'HISTORY OF PRESENT ILLNESS\nShe reports issues since that time.\nShe denies issues since that time.',
      'en',
    );
    expect(check(report, 'She reports issues since that time.').support).toBe('contradicted');
    expect(flagged(check(report, 'She denies issues since that time.'))).toBe(false);
  });

  it('trouble since then said plainly by the patient ("i\'ve had problems with it since then") is not denied', () => {
    const lines = [
      'D: so you had the knee surgery two years ago',
      "P: yeah and honestly i've had problems since then",
      'D: okay no issues before the surgery',
      'P: no none before',
    ];
    const report = verify(lines, 'HISTORY OF PRESENT ILLNESS\nShe reports problems since that time.', 'en');
    expect(check(report, 'She reports problems since that time.').support).not.toBe('contradicted');
  });

  it('a negated "know" leaves the clause it takes true ("i don\'t know they told me they repaired the rotator cuff")', () => {
    const surgery = (answer: string): string[] => [
      'D: and have you had any surgeries in the past',
      'P: well i had surgery on my left shoulder before',
      'D: okay do you remember what kind of surgery',
      `P: ${answer}`,
      'D: okay and any problems with it since',
      "P: no it's been fine",
    ];
    const note =
      'SURGICAL HISTORY\nThe patient denies a history of left rotator cuff repair at the age of 20.\n' +
      'The patient reports a history of left rotator cuff repair at the age of 20.';
    const told = verify(
      surgery("i do n't know they told me they repaired the rotator cuff i was twenty"),
      note,
      'en',
    );
    expect(
      check(told, 'The patient denies a history of left rotator cuff repair at the age of 20.').support,
    ).toBe('contradicted');
    expect(
      flagged(check(told, 'The patient reports a history of left rotator cuff repair at the age of 20.')),
    ).toBe(false);
    // A present "don't know that …" doubts the clause: not said as so.
    const doubted = verify(
      surgery("i do n't know that they repaired the rotator cuff i was twenty"),
      note,
      'en',
    );
    expect(
      check(doubted, 'The patient denies a history of left rotator cuff repair at the age of 20.').support,
    ).not.toBe('contradicted');
    // Not knowing whether: neither said nor denied.
    const unsure = verify(
      surgery("i do n't know if they repaired the rotator cuff i was twenty"),
      note,
      'en',
    );
    expect(
      check(unsure, 'The patient denies a history of left rotator cuff repair at the age of 20.').support,
    ).not.toBe('contradicted');
  });
});
