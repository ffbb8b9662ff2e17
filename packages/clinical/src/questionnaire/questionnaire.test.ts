import { describe, expect, it } from 'vitest';
import { describeQuestionnaire } from './describe-questionnaire';
import {
  assessQuestionnaire,
  buildPreVisitSummary,
  createEmptyAnswers,
  detectComplaintModules,
  listActiveModules,
  normalizeQuestionnaireAnswers,
  questionnaireAnswersToSegments,
  validateQuestionnaireAnswers,
} from './questionnaire';
import type { QuestionnaireAnswers } from './types';

function soreThroatAnswers(overrides: Partial<QuestionnaireAnswers> = {}): QuestionnaireAnswers {
  return {
    ...createEmptyAnswers(),
    reason: 'Vondt i halsen',
    symptoms: 'Vondt å svelge, slapp',
    duration: '1-3-dager',
    noMedicines: true,
    allergies: 'Penicillin (utslett)',
    hopes: 'Vil vite om jeg trenger antibiotika',
    followUp: {
      'throat-fever': 'ja',
      'throat-cough': 'nei',
      'throat-glands': 'ja',
      'throat-coating': 'vet-ikke',
      'throat-one-side': 'nei',
      'throat-breathing': 'nei',
    },
    ...overrides,
  };
}

describe('complaint modules', () => {
  it('come up from the patient’s words in Bokmål and English, or from a ticked complaint', () => {
    expect(detectComplaintModules('Jeg har så vondt i halsen')).toEqual(['sore-throat']);
    expect(detectComplaintModules('Det svir når jeg tisser')).toEqual(['urinary']);
    expect(detectComplaintModules('Vondt i korsryggen etter flytting')).toEqual(['back-pain']);
    expect(detectComplaintModules('I have a sore throat')).toEqual(['sore-throat']);
    expect(detectComplaintModules('Fornye resept på blodtrykksmedisin')).toEqual([]);
    const ticked = listActiveModules({ complaints: ['urinary'], reason: 'Time', symptoms: '' });
    expect(ticked.map((module) => module.id)).toEqual(['urinary']);
  });
});

describe('validateQuestionnaireAnswers', () => {
  it('names every missing field with a message in the patient’s language', () => {
    const errors = validateQuestionnaireAnswers({ ...createEmptyAnswers(), reason: 'vondt i halsen' }, 'nb');
    const fields = errors.map((error) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'duration',
        'medicines',
        'allergies',
        'followUp.throat-fever',
        'followUp.throat-breathing',
      ]),
    );
    expect(fields).not.toContain('reason');
    expect(errors.find((error) => error.field === 'duration')?.message).toBe(
      'Velg hvor lenge du har hatt plagene.',
    );
    const english = validateQuestionnaireAnswers(createEmptyAnswers(), 'en');
    expect(english.find((error) => error.field === 'reason')?.message).toMatch(
      /why you are seeing the doctor/,
    );
  });

  it('accepts complete answers, with "none" ticked instead of text', () => {
    expect(validateQuestionnaireAnswers(soreThroatAnswers(), 'nb')).toEqual([]);
  });

  it('rejects answers that are too long', () => {
    const errors = validateQuestionnaireAnswers(soreThroatAnswers({ hopes: 'x'.repeat(2001) }), 'nb');
    expect(errors.map((error) => error.field)).toEqual(['hopes']);
  });
});

describe('assessQuestionnaire', () => {
  it('has no red flag for an ordinary sore throat', () => {
    const assessment = assessQuestionnaire(soreThroatAnswers(), 'nb');
    expect(assessment.urgency).toBe('none');
    expect(assessment.advice).toBe('');
  });

  it('says "Ring 113" at once when the patient cannot breathe or swallow saliva', () => {
    const answers = soreThroatAnswers({
      followUp: { ...soreThroatAnswers().followUp, 'throat-breathing': 'ja' },
    });
    const assessment = assessQuestionnaire(answers, 'nb');
    expect(assessment.urgency).toBe('akutt');
    expect(assessment.advice).toMatch(/^Ring 113 nå/);
    expect(assessment.redFlags.map((flag) => flag.id)).toContain('throat-airway');
    expect(assessQuestionnaire(answers, 'en').advice).toMatch(/^Call 113 now/);
  });

  it('needs both fever and flank pain for the pyelonephritis flag', () => {
    const base: QuestionnaireAnswers = {
      ...createEmptyAnswers(),
      reason: 'Svie når jeg tisser',
      followUp: { 'urinary-fever': 'ja', 'urinary-flank': 'nei' },
    };
    expect(assessQuestionnaire(base, 'nb').urgency).toBe('none');
    const both = { ...base, followUp: { 'urinary-fever': 'ja' as const, 'urinary-flank': 'ja' as const } };
    expect(assessQuestionnaire(both, 'nb').urgency).toBe('samme_dag');
  });

  it('flags back-pain red flags the same day, and mentions 113 if it gets worse', () => {
    const answers: QuestionnaireAnswers = {
      ...createEmptyAnswers(),
      reason: 'Vondt i ryggen',
      followUp: { 'back-saddle': 'ja' },
    };
    const assessment = assessQuestionnaire(answers, 'nb');
    expect(assessment.urgency).toBe('samme_dag');
    expect(assessment.advice).toMatch(/116117/);
    expect(assessment.advice).toMatch(/113/);
  });

  it('finds red flags in the patient’s own words with the triage rules', () => {
    const answers = { ...createEmptyAnswers(), reason: 'Trykkende smerter midt i brystet og kaldsvett' };
    const assessment = assessQuestionnaire(answers, 'nb');
    expect(assessment.urgency).toBe('akutt');
    expect(assessment.redFlags.some((flag) => flag.origin === 'free-text')).toBe(true);
  });

  it('ignores a follow-up answer of a module that does not apply', () => {
    const answers = {
      ...createEmptyAnswers(),
      reason: 'Eksem på hendene',
      followUp: { 'throat-breathing': 'ja' as const },
    };
    expect(assessQuestionnaire(answers, 'nb').urgency).toBe('none');
  });
});

describe('buildPreVisitSummary', () => {
  it('shows the Centor answers and score, marked as reported by the patient', () => {
    const summary = buildPreVisitSummary(soreThroatAnswers(), 'nb');
    expect(summary.provenance).toBe('Oppgitt av pasienten (skjema)');
    const throat = summary.modules.find((module) => module.id === 'sore-throat');
    expect(throat?.answers.find((answer) => answer.questionId === 'throat-cough')?.answerText).toBe('Nei');
    // fever yes (1) + no cough (1) + glands yes (1) + coating unknown → 3 of 4, one unknown.
    expect(throat?.score?.text).toBe('Centor 3/4, 1 ukjent');
    expect(throat?.score?.source).toMatch(/Centor/);
    expect(summary.items.find((item) => item.id === 'medicines')?.value).toBe('Ingen');
    expect(summary.items.find((item) => item.id === 'allergies')?.value).toBe('Penicillin (utslett)');
    expect(summary.items.find((item) => item.id === 'duration')?.value).toBe('1–3 dager');
  });

  it('adds notes for the doctor (pregnancy with urinary symptoms)', () => {
    const answers = {
      ...createEmptyAnswers(),
      reason: 'Svie når jeg tisser',
      followUp: { 'urinary-pregnant': 'ja' as const },
    };
    expect(buildPreVisitSummary(answers, 'nb').notes.join(' ')).toMatch(/gravid/i);
  });

  it('turns answers into patient segments labelled "skjema" for use as evidence', () => {
    const segments = questionnaireAnswersToSegments(soreThroatAnswers(), 'nb');
    expect(segments[0]).toEqual({
      id: 'skjema-1',
      speaker: 'pasient',
      label: 'skjema',
      text: 'Kontaktårsak: Vondt i halsen',
    });
    expect(segments.some((segment) => segment.text === 'Hoste: Nei')).toBe(true);
  });
});

describe('normalizeQuestionnaireAnswers and describeQuestionnaire', () => {
  it('drops unknown complaints and answers', () => {
    const answers = normalizeQuestionnaireAnswers({
      reason: 'x',
      complaints: ['sore-throat', 'nope' as never],
      followUp: { 'throat-cough': 'ja', unknown: 'ja', 'throat-fever': 'kanskje' as never },
    });
    expect(answers.complaints).toEqual(['sore-throat']);
    expect(answers.followUp).toEqual({ 'throat-cough': 'ja' });
  });

  it('describes the modules as JSON the page can use (keywords compile to the same matches)', () => {
    const definition = JSON.parse(JSON.stringify(describeQuestionnaire())) as ReturnType<
      typeof describeQuestionnaire
    >;
    const throat = definition.modules.find((module) => module.id === 'sore-throat');
    expect(throat?.questions).toHaveLength(6);
    expect(new RegExp(throat!.keywords.source, throat!.keywords.flags).test('vondt i halsen')).toBe(true);
    expect(definition.advice.nb.akutt).toMatch(/Ring 113/);
  });
});
