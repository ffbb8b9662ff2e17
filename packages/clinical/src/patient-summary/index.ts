export * from './types';
export { computeLix } from './lix';
export type { LixResult } from './lix';
export { expandShorthand, numberAsWord } from './expand-shorthand';
export {
  buildPatientSummary,
  computePatientSummaryLix,
  detectSafetyNetConditions,
  isPatientVisible,
  patientSummaryReadingText,
  INTERNAL_SECTION_ID,
} from './build-patient-summary';
export type { BuildPatientSummaryOptions } from './build-patient-summary';
export { SAFETY_NET_RULES, SAFETY_NET_SOURCES } from './safety-netting';
export type { SafetyNetRule, SafetyNetSource, SafetyNetUrgency } from './safety-netting';
export { renderPatientSummaryText, machineTranslationNotice } from './render-patient-summary';
export { verifyPatientSummary, noteAsTranscript, findUntraceableSentences } from './verify-patient-summary';
export type { PatientSummaryVerification, UntraceableSentence } from './verify-patient-summary';
