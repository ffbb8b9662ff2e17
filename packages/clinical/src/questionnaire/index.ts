export * from './types';
export { COMPLAINT_MODULES } from './complaint-modules';
export {
  MAX_FREE_TEXT_LENGTH,
  assessQuestionnaire,
  buildPreVisitSummary,
  computeQuestionnaireCentor,
  createEmptyAnswers,
  describeDuration,
  describeRedFlagAdvice,
  detectComplaintModules,
  findAnswerRedFlags,
  findComplaintModule,
  findFreeTextRedFlags,
  freeTextOf,
  listActiveModules,
  normalizeQuestionnaireAnswers,
  questionnaireAnswersToSegments,
  validateQuestionnaireAnswers,
} from './questionnaire';
export { describeQuestionnaire } from './describe-questionnaire';
export type { QuestionnaireDefinition } from './describe-questionnaire';
