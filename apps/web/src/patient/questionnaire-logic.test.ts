import { describe, expect, it } from 'vitest';
import type { QuestionnaireDefinition } from './patient-api';
import {
  activeModuleIds,
  createEmptyAnswers,
  moreUrgent,
  urgencyOfAnswers,
  validateAnswers,
} from './questionnaire-logic';

/** A definition shaped like the server's (two modules, synthetic). */
const DEFINITION: QuestionnaireDefinition = {
  maxFreeTextLength: 100,
  modules: [
    {
      id: 'sore-throat',
      title: { nb: 'Vondt i halsen', en: 'Sore throat' },
      keywords: { source: 'vondt i halsen|sore throat', flags: 'iu' },
      questions: [
        { id: 'throat-fever', text: { nb: 'Feber?', en: 'Fever?' } },
        { id: 'throat-breathing', text: { nb: 'Pustevansker?', en: 'Trouble breathing?' } },
      ],
      redFlagRules: [{ id: 'airway', allYes: ['throat-breathing'], urgency: 'akutt' }],
    },
    {
      id: 'urinary',
      title: { nb: 'Tiss', en: 'Urine' },
      keywords: { source: 'tisser', flags: 'iu' },
      questions: [
        { id: 'urinary-fever', text: { nb: 'Feber?', en: 'Fever?' } },
        { id: 'urinary-flank', text: { nb: 'Flanke?', en: 'Flank?' } },
      ],
      redFlagRules: [{ id: 'pyelo', allYes: ['urinary-fever', 'urinary-flank'], urgency: 'samme_dag' }],
    },
  ],
  durations: [{ id: '1-3-dager', text: { nb: '1–3 dager', en: '1–3 days' } }],
  advice: {
    nb: { akutt: 'Ring 113 nå.', samme_dag: 'Kontakt lege i dag.' },
    en: { akutt: 'Call 113 now.', samme_dag: 'Contact a doctor today.' },
  },
};

describe('questionnaire logic on the page', () => {
  it('activates modules from the patient’s words or a ticked box', () => {
    expect(activeModuleIds(DEFINITION, { ...createEmptyAnswers(), reason: 'Vondt i halsen' })).toEqual([
      'sore-throat',
    ]);
    expect(activeModuleIds(DEFINITION, { ...createEmptyAnswers(), complaints: ['urinary'] })).toEqual([
      'urinary',
    ]);
  });

  it('applies the red-flag rules of active modules only, the most urgent winning', () => {
    const throat = {
      ...createEmptyAnswers(),
      reason: 'vondt i halsen',
      followUp: { 'throat-breathing': 'ja' as const },
    };
    expect(urgencyOfAnswers(DEFINITION, throat)).toBe('akutt');
    expect(urgencyOfAnswers(DEFINITION, { ...throat, reason: 'eksem' })).toBe('none');
    const urinary = {
      ...createEmptyAnswers(),
      reason: 'svir når jeg tisser',
      followUp: { 'urinary-fever': 'ja' as const },
    };
    expect(urgencyOfAnswers(DEFINITION, urinary)).toBe('none');
    expect(
      urgencyOfAnswers(DEFINITION, {
        ...urinary,
        followUp: { 'urinary-fever': 'ja', 'urinary-flank': 'ja' },
      }),
    ).toBe('samme_dag');
    expect(moreUrgent('samme_dag', 'akutt')).toBe('akutt');
    expect(moreUrgent('none', 'samme_dag')).toBe('samme_dag');
  });

  it('lists every missing answer in page order with a message in the chosen language', () => {
    const errors = validateAnswers(DEFINITION, { ...createEmptyAnswers(), reason: 'Vondt i halsen' }, 'en');
    expect(errors.map((error) => error.field)).toEqual([
      'followUp.throat-fever',
      'followUp.throat-breathing',
      'duration',
      'medicines',
      'allergies',
    ]);
    expect(errors[0]?.message).toBe('Answer yes, no or don’t know.');
    const complete = {
      ...createEmptyAnswers(),
      reason: 'Vondt i halsen',
      duration: '1-3-dager',
      noMedicines: true,
      noAllergies: true,
      followUp: { 'throat-fever': 'ja' as const, 'throat-breathing': 'nei' as const },
    };
    expect(validateAnswers(DEFINITION, complete, 'nb')).toEqual([]);
    expect(
      validateAnswers(DEFINITION, { ...complete, hopes: 'x'.repeat(101) }, 'nb').map((error) => error.field),
    ).toEqual(['hopes']);
  });
});
