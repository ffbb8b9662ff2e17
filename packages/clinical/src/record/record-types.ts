/**
 * The patient record as Kollega reads it: imported documents split into passages with stable ids, so every
 * summary item, search hit and answer can cite the document and passage it came from.
 */

/** How a record document arrived: plain text, a PDF with a text layer, or a FHIR R4 Bundle (JSON). */
export type RecordDocumentKind = 'text' | 'pdf' | 'fhir';

/** What a structured (FHIR) passage holds. */
export type RecordEntryKind = 'observation' | 'condition' | 'medication' | 'allergy' | 'document';

/** A coding as FHIR gives it: system URI, code and display text. */
export interface RecordCoding {
  system?: string;
  code: string;
  display?: string;
}

/**
 * The structured content behind a passage read from a FHIR resource.
 * - `display` is the human name of what was recorded ("HbA1c", "Diabetes type 2", "Metformin").
 * - `value`/`unit` hold a measured value as text ("53", "mmol/mol"); `date` is an ISO date (YYYY-MM-DD).
 * - `status` is the resource status in Norwegian words ("aktiv", "seponert", "avsluttet").
 */
export interface RecordEntry {
  kind: RecordEntryKind;
  display: string;
  coding?: RecordCoding;
  value?: string;
  unit?: string;
  date?: string;
  status?: string;
  /** The FHIR resource type and id it was read from (`Observation/o1`). */
  source?: string;
}

/**
 * One passage of a record document: a paragraph or a short run of lines, or one FHIR resource.
 * - `id` is unique in the record (`<documentId>:<ordinal>`), and is what citations point to.
 * - `ordinal` counts passages within the document from 1; `page` is the 1-based page of a PDF.
 * - `date` is the ISO date (YYYY-MM-DD) the passage is about: its own date, or the date heading it sits under.
 * - `heading` is the visit or section heading the passage sits under, when the document has one.
 */
export interface RecordPassage {
  id: string;
  documentId: string;
  ordinal: number;
  text: string;
  page?: number;
  date?: string;
  heading?: string;
  entry?: RecordEntry;
}

/** One imported document of a patient's record, split into passages. */
export interface RecordDocument {
  id: string;
  name: string;
  kind: RecordDocumentKind;
  /** Number of pages (PDF) when known. */
  pageCount?: number;
  passages: RecordPassage[];
}

/**
 * Where a statement about the record comes from: the document and passage, and the words quoted from it.
 * `label` is how a person finds it again: "journal.pdf, side 12, avsnitt 34".
 */
export interface RecordCitation {
  documentId: string;
  documentName: string;
  passageId: string;
  page?: number;
  date?: string;
  quote: string;
  label: string;
}

/** One item of a record summary, with its date (when known) and the passages it rests on (never empty). */
export interface RecordSummaryItem {
  text: string;
  date?: string;
  /** Extra detail shown beside the item (a status such as "seponert", an earlier value). */
  detail?: string;
  citations: RecordCitation[];
}

/** The record at a glance. Every item cites its sources; lists are ordered most relevant (or newest) first. */
export interface RecordSummary {
  problems: RecordSummaryItem[];
  medicines: RecordSummaryItem[];
  allergies: RecordSummaryItem[];
  keyResults: RecordSummaryItem[];
  timeline: RecordSummaryItem[];
  documentCount: number;
  passageCount: number;
}

/** One search hit: the passage, its document, its BM25 score and the citation to show. */
export interface RecordSearchHit {
  passage: RecordPassage;
  documentName: string;
  score: number;
  citation: RecordCitation;
}

/**
 * The answer to a question about the record.
 * - `found` is false when the record holds no passage that answers it; `answer` then says so.
 * - `method`: `extractive` (a sentence taken from the record) or `model` (written by a language model and
 *   checked by the verifier against the cited passages).
 * - `date` (ISO) and `value` are what the answer reports, when the question asks for them.
 * - `support` is the verifier's worst label over the model answer's sentences (model answers only).
 */
export interface RecordAnswer {
  question: string;
  answer: string;
  found: boolean;
  method: 'extractive' | 'model';
  date?: string;
  value?: string;
  citations: RecordCitation[];
  support?: 'supported' | 'inferred' | 'unsupported' | 'contradicted';
  warnings: { code: string; message: string }[];
}
