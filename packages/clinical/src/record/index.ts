export type * from './record-types';
export { findDates, formatNorwegianDate, toIsoDate } from './norwegian-dates';
export type { DateMention } from './norwegian-dates';
export { tokenizeNorwegian, stemNorwegianWord, questionTerms, splitRecordSentences } from './norwegian-terms';
export { createTextRecordDocument } from './split-passages';
export type { TextRecordInput } from './split-passages';
export { readFhirRecordDocument, describeRecordEntry } from './fhir-record-import';
export type { FhirRecordInput } from './fhir-record-import';
export {
  createRecordIndex,
  searchRecord,
  citePassage,
  findPassage,
  describePassageLocation,
} from './record-index';
export type { RecordIndex, SearchRecordOptions } from './record-index';
export { answerRecordQuestion, analyzeRecordQuestion, extractValue } from './answer-question';
export type { QuestionAnalysis, AnswerRecordQuestionOptions, AnswerCandidate } from './answer-question';
export { summarizeRecord } from './summarize-record';
export type { SummarizeRecordOptions } from './summarize-record';
export {
  answerRecordQuestionWithModel,
  buildRecordAnswerMessages,
  parseModelRecordAnswer,
  verifyRecordAnswer,
  selectContextPassages,
} from './model-answer';
export type { GenerateRecordAnswerText, RecordChatMessage, ModelRecordAnswerInput } from './model-answer';
