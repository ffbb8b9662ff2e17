/**
 * The patient-tool tables as Kysely sees them (added by migration `0003_patient_tools`). Times are ISO 8601
 * text (UTC); `answers`, `assessment` and `summary` are JSON text.
 */
export type PatientToolsDatabaseSchema = {
  questionnaires: QuestionnaireTable;
  patient_summaries: PatientSummaryTable;
};

/** A pre-visit questionnaire: only the SHA-256 of its token is stored. */
export type QuestionnaireTable = {
  id: string;
  consultation_id: string;
  token_hash: string;
  language: string;
  status: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  submitted_at: string | null;
  answers: string | null;
  assessment: string | null;
};

/** A patient summary of one note in one language. */
export type PatientSummaryTable = {
  id: string;
  note_id: string;
  consultation_id: string;
  language: string;
  version: number;
  status: string;
  summary: string;
  approved_by: string | null;
  approved_at: string | null;
  created_at: string;
  updated_at: string;
};
