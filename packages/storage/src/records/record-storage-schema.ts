/**
 * The tables of patient records and clinical documents, as Kysely sees them. Times are ISO 8601 text (UTC);
 * JSON columns are text, as in database/schema.ts.
 */
export type RecordStorageSchema = {
  record_documents: RecordDocumentTable;
  clinical_documents: ClinicalDocumentTable;
};

/** One imported document of a patient's record; `passages` is the JSON of its passages. */
export type RecordDocumentTable = {
  id: string;
  /** The key the practice files the record under (a pseudonym or local patient number, never free text). */
  patient_key: string;
  name: string;
  kind: string;
  page_count: number | null;
  passage_count: number;
  passages: string;
  warnings: string;
  imported_by: string;
  imported_at: string;
};

/** A drafted clinical document (referral, certificate) of a consultation; `content` is JSON. */
export type ClinicalDocumentTable = {
  id: string;
  consultation_id: string;
  note_id: string;
  kind: string;
  version: number;
  status: string;
  content: string;
  /** Options the draft was made with (receiver, question, urgency, patient key), JSON. */
  request: string;
  created_by: string;
  approved_by: string | null;
  approved_at: string | null;
  created_at: string;
  updated_at: string;
};
