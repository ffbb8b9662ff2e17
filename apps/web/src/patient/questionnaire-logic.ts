import type { Language } from '@kollega/domain';
import { FIELD_ERRORS } from './patient-messages';
import type { QuestionnaireAnswers, QuestionnaireDefinition, Urgency } from './patient-api';

/** Empty answers. */
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

/** Modules whose words occur in the reason or symptoms. */
export function detectModules(definition: QuestionnaireDefinition, text: string): string[] {
  return definition.modules
    .filter((module) => new RegExp(module.keywords.source, module.keywords.flags).test(text))
    .map((module) => module.id);
}

/** The modules whose follow-up questions apply: ticked, or named in the reason or symptoms. */
export function activeModuleIds(
  definition: QuestionnaireDefinition,
  answers: QuestionnaireAnswers,
): string[] {
  const detected = new Set(detectModules(definition, `${answers.reason}\n${answers.symptoms}`));
  return definition.modules
    .filter((module) => answers.complaints.includes(module.id) || detected.has(module.id))
    .map((module) => module.id);
}

/** The most urgent red flag in the follow-up answers (the same rules the server applies). */
export function urgencyOfAnswers(
  definition: QuestionnaireDefinition,
  answers: QuestionnaireAnswers,
): Urgency {
  const active = new Set(activeModuleIds(definition, answers));
  let urgency: Urgency = 'none';
  for (const module of definition.modules) {
    if (!active.has(module.id)) continue;
    for (const rule of module.redFlagRules) {
      if (!rule.allYes.every((questionId) => answers.followUp[questionId] === 'ja')) continue;
      if (rule.urgency === 'akutt') return 'akutt';
      urgency = 'samme_dag';
    }
  }
  return urgency;
}

/** The more urgent of two urgencies. */
export function moreUrgent(first: Urgency, second: Urgency): Urgency {
  const rank: Record<Urgency, number> = { none: 0, samme_dag: 1, akutt: 2 };
  return rank[first] >= rank[second] ? first : second;
}

/** Field errors in the page's language, in the order the fields appear (empty when the answers are complete). */
export function validateAnswers(
  definition: QuestionnaireDefinition,
  answers: QuestionnaireAnswers,
  language: Language,
): Array<{ field: string; message: string }> {
  const messages = FIELD_ERRORS[language];
  const errors: Array<{ field: string; message: string }> = [];
  const tooLong = (value: string) => value.length > definition.maxFreeTextLength;
  if (tooLong(answers.reason)) errors.push({ field: 'reason', message: messages.tooLong });
  else if (!/\p{L}{2,}/u.test(answers.reason)) errors.push({ field: 'reason', message: messages.reason });
  for (const module of definition.modules) {
    if (!activeModuleIds(definition, answers).includes(module.id)) continue;
    for (const question of module.questions) {
      if (answers.followUp[question.id] === undefined)
        errors.push({ field: `followUp.${question.id}`, message: messages.followUp });
    }
  }
  if (tooLong(answers.symptoms)) errors.push({ field: 'symptoms', message: messages.tooLong });
  if (answers.duration === '') errors.push({ field: 'duration', message: messages.duration });
  if (tooLong(answers.medicines)) errors.push({ field: 'medicines', message: messages.tooLong });
  else if (!answers.noMedicines && answers.medicines.trim() === '')
    errors.push({ field: 'medicines', message: messages.medicines });
  if (tooLong(answers.allergies)) errors.push({ field: 'allergies', message: messages.tooLong });
  else if (!answers.noAllergies && answers.allergies.trim() === '')
    errors.push({ field: 'allergies', message: messages.allergies });
  if (tooLong(answers.hopes)) errors.push({ field: 'hopes', message: messages.tooLong });
  return errors;
}

/** The id of the element that a field's error links to. */
export function fieldElementId(field: string): string {
  return `q-${field.replace(/[^a-z0-9-]/gi, '-')}`;
}
