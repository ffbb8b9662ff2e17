export {
  CLINICAL_DOCUMENT_KINDS,
  REFERRAL_URGENCIES,
  REFERRAL_URGENCY_LABELS,
  PLACEHOLDER_PATTERN,
  listIncompleteSections,
} from './clinical-document-types';
export type {
  ClinicalDocumentKind,
  ClinicalDocumentContent,
  ClinicalDocumentSection,
  DocumentEvidence,
  ReferralUrgency,
} from './clinical-document-types';
export type { DocumentSources } from './document-sources';
export { draftReferral } from './draft-referral';
export type { ReferralOptions } from './draft-referral';
export { draftMedicalCertificate } from './draft-medical-certificate';
export type { MedicalCertificateOptions } from './draft-medical-certificate';
export { findNoteIcpc2Code, listNoteStatements } from './note-reading';
export type { NoteStatementView } from './note-reading';
export {
  renderClinicalDocumentText,
  formatApprovalLine,
  formatApprovalDate,
  DRAFT_LINE,
} from './render-clinical-document';
export type { ApprovalStamp } from './render-clinical-document';
