import type { Language, Segment } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import { triageMessage } from '../triage/index';
import { COMPLAINT_MODULES } from './complaint-modules';
import type {
  ComplaintModule,
  ComplaintModuleId,
  PreVisitSummary,
  QuestionnaireAnswers,
  QuestionnaireAssessment,
  QuestionnaireFieldError,
  QuestionnaireRedFlag,
  RedFlagUrgency,
  YesNoAnswer,
} from './types';
import { COMPLAINT_MODULE_IDS, DURATION_OPTIONS, YES_NO_ANSWERS } from './types';

/** Longest free-text answer, in characters. */
export const MAX_FREE_TEXT_LENGTH = 2000;

/** The complaint module with this id. */
export function findComplaintModule(id: ComplaintModuleId): ComplaintModule {
  const module = COMPLAINT_MODULES.find((candidate) => candidate.id === id);
  if (!module) throw new AppError('invalid_input', 'Ukjent plage i skjemaet', { details: { module: id } });
  return module;
}

/** The complaint modules whose words occur in a text ("vondt i halsen" → sore throat). */
export function detectComplaintModules(text: string): ComplaintModuleId[] {
  return COMPLAINT_MODULES.filter((module) => module.keywords.test(text)).map((module) => module.id);
}

/** The modules whose follow-up questions apply: the ticked complaints and those the reason or symptoms name. */
export function listActiveModules(
  answers: Pick<QuestionnaireAnswers, 'complaints' | 'reason' | 'symptoms'>,
): ComplaintModule[] {
  const ids = new Set<ComplaintModuleId>([
    ...answers.complaints,
    ...detectComplaintModules(`${answers.reason}\n${answers.symptoms}`),
  ]);
  return COMPLAINT_MODULES.filter((module) => ids.has(module.id));
}

/** An empty set of answers. */
export function createEmptyAnswers(): QuestionnaireAnswers {
  return {
    reason: '',
    complaints: [],
    symptoms: '',
    duration: '',
    medicines: '',
    noMedicines: false,
    allergies: '',
    noAllergies: false,
    hopes: '',
    followUp: {},
  };
}

const ERROR_MESSAGES: Record<Language, Record<string, string>> = {
  nb: {
    reason: 'Skriv kort hvorfor du kommer til legen.',
    duration: 'Velg hvor lenge du har hatt plagene.',
    medicines: 'Skriv hvilke medisiner du bruker, eller kryss av for at du ikke bruker noen.',
    allergies: 'Skriv hva du er allergisk mot, eller kryss av for at du ikke har allergier.',
    followUp: 'Svar ja, nei eller vet ikke.',
    tooLong: `Svaret er for langt. Skriv høyst ${MAX_FREE_TEXT_LENGTH} tegn.`,
  },
  en: {
    reason: 'Write briefly why you are seeing the doctor.',
    duration: 'Choose how long you have had the symptoms.',
    medicines: 'Write which medicines you take, or tick that you take none.',
    allergies: 'Write what you are allergic to, or tick that you have no allergies.',
    followUp: 'Answer yes, no or don’t know.',
    tooLong: `The answer is too long. Write at most ${MAX_FREE_TEXT_LENGTH} characters.`,
  },
};

/** Checks the answers; returns one readable error per field in the patient's language (empty when complete). */
export function validateQuestionnaireAnswers(
  answers: QuestionnaireAnswers,
  language: Language,
): QuestionnaireFieldError[] {
  const messages = ERROR_MESSAGES[language];
  const errors: QuestionnaireFieldError[] = [];
  const message = (key: string) => messages[key] ?? key;
  const freeText: Array<[keyof QuestionnaireAnswers, string]> = [
    ['reason', answers.reason],
    ['symptoms', answers.symptoms],
    ['medicines', answers.medicines],
    ['allergies', answers.allergies],
    ['hopes', answers.hopes],
  ];
  for (const [field, value] of freeText) {
    if (value.length > MAX_FREE_TEXT_LENGTH) errors.push({ field, message: message('tooLong') });
  }
  const has = (field: string) => errors.some((error) => error.field === field);
  if (!has('reason') && !/\p{L}{2,}/u.test(answers.reason))
    errors.push({ field: 'reason', message: message('reason') });
  if (!(DURATION_OPTIONS as readonly string[]).includes(answers.duration))
    errors.push({ field: 'duration', message: message('duration') });
  if (!has('medicines') && !answers.noMedicines && answers.medicines.trim() === '')
    errors.push({ field: 'medicines', message: message('medicines') });
  if (!has('allergies') && !answers.noAllergies && answers.allergies.trim() === '')
    errors.push({ field: 'allergies', message: message('allergies') });
  for (const module of listActiveModules(answers)) {
    for (const question of module.questions) {
      const answer = answers.followUp[question.id];
      if (answer === undefined || !(YES_NO_ANSWERS as readonly string[]).includes(answer))
        errors.push({ field: `followUp.${question.id}`, message: message('followUp') });
    }
  }
  return errors;
}

/** Red flags from the follow-up answers of the active modules. */
export function findAnswerRedFlags(
  answers: QuestionnaireAnswers,
  language: Language,
): QuestionnaireRedFlag[] {
  const flags: QuestionnaireRedFlag[] = [];
  for (const module of listActiveModules(answers)) {
    for (const rule of module.redFlagRules) {
      if (rule.allYes.every((questionId) => answers.followUp[questionId] === 'ja')) {
        flags.push({
          id: rule.id,
          urgency: rule.urgency,
          description: rule.description[language],
          origin: 'answer',
          questionIds: rule.allYes,
        });
      }
    }
  }
  return flags;
}

/**
 * Red flags in the patient's own words (reason, symptoms, hopes), found by the triage rules. Only rules that
 * set `akutt` or `samme_dag` count; a language model is never asked.
 */
export function findFreeTextRedFlags(text: string, language: Language): QuestionnaireRedFlag[] {
  if (!/\p{L}{2,}/u.test(text)) return [];
  const result = triageMessage(text, { language });
  return result.redFlags
    .filter((flag) => flag.urgency === 'akutt' || flag.urgency === 'samme_dag')
    .map((flag) => ({
      id: flag.rule,
      urgency: flag.urgency as RedFlagUrgency,
      description: flag.description,
      origin: 'free-text' as const,
      questionIds: [],
    }));
}

const ADVICE: Record<Language, Record<RedFlagUrgency, string>> = {
  nb: {
    akutt: 'Ring 113 nå. Det du svarer kan være tegn på noe alvorlig. Ikke vent på legetimen.',
    samme_dag:
      'En lege bør se på dette i dag. Ring legekontoret nå, eller legevakten på 116117 hvis kontoret er stengt. Blir du raskt verre, ring 113.',
  },
  en: {
    akutt:
      'Call 113 now. What you have answered may be a sign of something serious. Do not wait for your appointment.',
    samme_dag:
      'A doctor should look at this today. Call the surgery now, or the out-of-hours service on 116117 if the surgery is closed. If you get worse fast, call 113.',
  },
};

/** The advice a patient sees for an urgency; see `assessQuestionnaire`. */
export function describeRedFlagAdvice(urgency: RedFlagUrgency, language: Language): string {
  return ADVICE[language][urgency];
}

/** Text of the free-text answers, as one message for the triage rules. */
export function freeTextOf(answers: Pick<QuestionnaireAnswers, 'reason' | 'symptoms' | 'hopes'>): string {
  return [answers.reason, answers.symptoms, answers.hopes].filter((text) => text.trim() !== '').join('\n');
}

/**
 * The red flags of a set of answers (follow-up answers and free text) and the advice to show at once:
 * "Ring 113 nå" for an acute flag, same-day contact for the rest. Fails safe: the most urgent flag wins.
 */
export function assessQuestionnaire(
  answers: QuestionnaireAnswers,
  language: Language,
): QuestionnaireAssessment {
  const redFlags = [
    ...findAnswerRedFlags(answers, language),
    ...findFreeTextRedFlags(freeTextOf(answers), language),
  ];
  const urgency: QuestionnaireAssessment['urgency'] = redFlags.some((flag) => flag.urgency === 'akutt')
    ? 'akutt'
    : redFlags.length > 0
      ? 'samme_dag'
      : 'none';
  return { urgency, redFlags, advice: urgency === 'none' ? '' : describeRedFlagAdvice(urgency, language) };
}

const DURATION_TEXT: Record<Language, Record<string, string>> = {
  nb: {
    'under-1-dag': 'Under 1 dag',
    '1-3-dager': '1–3 dager',
    '4-7-dager': '4–7 dager',
    '1-4-uker': '1–4 uker',
    'over-4-uker': 'Over 4 uker',
  },
  en: {
    'under-1-dag': 'Less than 1 day',
    '1-3-dager': '1–3 days',
    '4-7-dager': '4–7 days',
    '1-4-uker': '1–4 weeks',
    'over-4-uker': 'More than 4 weeks',
  },
};

/** How a duration choice reads, in a language. */
export function describeDuration(duration: string, language: Language): string {
  return DURATION_TEXT[language][duration] ?? duration;
}

const ANSWER_TEXT: Record<Language, Record<YesNoAnswer, string>> = {
  nb: { ja: 'Ja', nei: 'Nei', 'vet-ikke': 'Vet ikke' },
  en: { ja: 'Yes', nei: 'No', 'vet-ikke': 'Don’t know' },
};

const SUMMARY_LABELS: Record<Language, Record<string, string>> = {
  nb: {
    provenance: 'Oppgitt av pasienten (skjema)',
    reason: 'Kontaktårsak',
    symptoms: 'Symptomer',
    duration: 'Varighet',
    medicines: 'Faste medisiner',
    allergies: 'Allergier',
    hopes: 'Pasienten ønsker',
    none: 'Ingen',
  },
  en: {
    provenance: 'Reported by the patient (questionnaire)',
    reason: 'Reason for the visit',
    symptoms: 'Symptoms',
    duration: 'Duration',
    medicines: 'Regular medicines',
    allergies: 'Allergies',
    hopes: 'The patient hopes for',
    none: 'None',
  },
};

/**
 * The Centor score from the sore-throat answers: one point each for fever over 38.5 °C, no cough, tender
 * swollen neck glands and tonsillar coating; "don't know" counts as unknown, not as a point.
 */
export function computeQuestionnaireCentor(answers: QuestionnaireAnswers): {
  value: number;
  unknown: number;
} {
  const module = findComplaintModule('sore-throat');
  let value = 0;
  let unknown = 0;
  for (const question of module.questions) {
    if (question.centorPointWhen === undefined) continue;
    const answer = answers.followUp[question.id];
    if (answer === undefined || answer === 'vet-ikke') unknown += 1;
    else if (answer === question.centorPointWhen) value += 1;
  }
  return { value, unknown };
}

/** Builds the doctor's pre-visit summary of submitted answers (labels in `language`, free text as written). */
export function buildPreVisitSummary(
  answers: QuestionnaireAnswers,
  language: Language,
  options: { redFlags?: QuestionnaireRedFlag[] } = {},
): PreVisitSummary {
  const labels = SUMMARY_LABELS[language];
  const label = (key: string) => labels[key] ?? key;
  const items: PreVisitSummary['items'] = [
    { id: 'reason', label: label('reason'), value: answers.reason.trim() },
  ];
  if (answers.symptoms.trim() !== '')
    items.push({ id: 'symptoms', label: label('symptoms'), value: answers.symptoms.trim() });
  if (answers.duration !== '')
    items.push({
      id: 'duration',
      label: label('duration'),
      value: describeDuration(answers.duration, language),
    });
  items.push({
    id: 'medicines',
    label: label('medicines'),
    value: answers.noMedicines && answers.medicines.trim() === '' ? label('none') : answers.medicines.trim(),
  });
  items.push({
    id: 'allergies',
    label: label('allergies'),
    value: answers.noAllergies && answers.allergies.trim() === '' ? label('none') : answers.allergies.trim(),
  });
  if (answers.hopes.trim() !== '')
    items.push({ id: 'hopes', label: label('hopes'), value: answers.hopes.trim() });

  const notes: string[] = [];
  const modules = listActiveModules(answers).map((module) => {
    const moduleAnswers = module.questions
      .filter((question) => answers.followUp[question.id] !== undefined)
      .map((question) => {
        const answer = answers.followUp[question.id] ?? 'vet-ikke';
        return {
          questionId: question.id,
          label: question.label[language],
          answer,
          answerText: ANSWER_TEXT[language][answer],
        };
      });
    for (const note of module.doctorNotes) {
      if (answers.followUp[note.questionId] === 'ja')
        notes.push(`${note.text[language]} (${note.source.citation})`);
    }
    if (module.id !== 'sore-throat')
      return { id: module.id, title: module.title[language], answers: moduleAnswers };
    const centor = computeQuestionnaireCentor(answers);
    const unknownText =
      centor.unknown === 0
        ? ''
        : language === 'nb'
          ? `, ${centor.unknown} ukjent`
          : `, ${centor.unknown} unknown`;
    return {
      id: module.id,
      title: module.title[language],
      answers: moduleAnswers,
      score: {
        name: 'Centor',
        value: centor.value,
        max: 4,
        unknown: centor.unknown,
        text: `Centor ${centor.value}/4${unknownText}`,
        source: `${module.source.citation} (${module.source.version}) [${module.source.evidence}]`,
      },
    };
  });
  return {
    language,
    provenance: label('provenance'),
    items,
    modules,
    redFlags: options.redFlags ?? findAnswerRedFlags(answers, language),
    notes,
  };
}

/**
 * The answers as transcript segments a note can cite: speaker `pasient`, label `skjema` (so the note shows
 * "oppgitt av pasienten"), ids `skjema-1`, `skjema-2` … so they never collide with the recording's ids.
 * Kollega keeps the answers apart from the transcript; a draft uses them only when the doctor chooses to.
 */
export function questionnaireAnswersToSegments(answers: QuestionnaireAnswers, language: Language): Segment[] {
  const summary = buildPreVisitSummary(answers, language, { redFlags: [] });
  const lines = [
    ...summary.items.filter((item) => item.value !== '').map((item) => `${item.label}: ${item.value}`),
    ...summary.modules.flatMap((module) =>
      module.answers.map((answer) => `${answer.label}: ${answer.answerText}`),
    ),
  ];
  return lines.map((text, index) => ({
    id: `skjema-${index + 1}`,
    speaker: 'pasient' as const,
    label: 'skjema',
    text,
  }));
}

/** Answers from untrusted JSON, with unknown complaint ids and follow-up answers dropped. */
export function normalizeQuestionnaireAnswers(input: Partial<QuestionnaireAnswers>): QuestionnaireAnswers {
  const known = new Set<string>(
    COMPLAINT_MODULES.flatMap((module) => module.questions.map((question) => question.id)),
  );
  const followUp: Record<string, YesNoAnswer> = {};
  for (const [id, answer] of Object.entries(input.followUp ?? {})) {
    if (known.has(id) && (YES_NO_ANSWERS as readonly string[]).includes(answer)) followUp[id] = answer;
  }
  return {
    ...createEmptyAnswers(),
    ...input,
    complaints: (input.complaints ?? []).filter((id): id is ComplaintModuleId =>
      (COMPLAINT_MODULE_IDS as readonly string[]).includes(id),
    ),
    followUp,
  };
}
