/**
 * Repositories of patient records and clinical documents. Content is stored as JSON the caller validates
 * (the shapes live in @kollega/clinical, which storage does not import).
 */

/** A record document to store. */
export interface NewRecordDocument {
  patientKey: string;
  name: string;
  kind: string;
  pageCount?: number;
  /** The passages (JSON-serialisable); their ids must already carry the document id given by `createId`. */
  passages: unknown[];
  warnings: Array<{ code: string; message: string }>;
  importedBy: string;
}

/** A stored record document; `passages` as stored. */
export interface StoredRecordDocument {
  id: string;
  patientKey: string;
  name: string;
  kind: string;
  pageCount?: number;
  passageCount: number;
  passages: unknown[];
  warnings: Array<{ code: string; message: string }>;
  importedBy: string;
  importedAt: string;
}

/** A record document in a list: without its passages. */
export type RecordDocumentSummary = Omit<StoredRecordDocument, 'passages'>;

/** Stores patients' imported record documents. */
export interface RecordDocumentRepository {
  /** A new document id (so passages can be numbered before the document is stored). */
  createId(): string;
  /** Stores a document under `id`. */
  add(id: string, input: NewRecordDocument): Promise<RecordDocumentSummary>;
  /** A patient's documents with their passages, oldest first. */
  listWithPassages(patientKey: string): Promise<StoredRecordDocument[]>;
  /** A patient's documents without passages, oldest first. */
  list(patientKey: string): Promise<RecordDocumentSummary[]>;
  /** Removes one document of a patient; `not_found` when there is none. */
  remove(patientKey: string, id: string): Promise<void>;
  /** A number that changes whenever the patient's documents change (for caches). */
  revision(patientKey: string): Promise<string>;
}

/** A clinical document's lifecycle: a draft until a named doctor approves it, then locked. */
export type ClinicalDocumentStatus = 'draft' | 'approved';

/** A stored clinical document. */
export interface StoredClinicalDocument {
  id: string;
  consultationId: string;
  noteId: string;
  kind: string;
  version: number;
  status: ClinicalDocumentStatus;
  content: unknown;
  request: unknown;
  createdBy: string;
  approvedBy?: string;
  approvedAt?: string;
  createdAt: string;
  updatedAt: string;
}

/** A new draft. */
export interface NewClinicalDocument {
  consultationId: string;
  noteId: string;
  kind: string;
  content: unknown;
  request: unknown;
  createdBy: string;
}

/**
 * Stores clinical documents. Edits and approval check the version and status atomically and throw
 * `AppError` `not_found`, `conflict` (version mismatch) or `already_approved`.
 */
export interface ClinicalDocumentRepository {
  create(input: NewClinicalDocument): Promise<StoredClinicalDocument>;
  findById(id: string): Promise<StoredClinicalDocument | undefined>;
  /** A consultation's documents, newest first. */
  listByConsultation(consultationId: string): Promise<StoredClinicalDocument[]>;
  /** Saves new content as the next version of a draft. */
  saveEdit(input: { id: string; expectedVersion: number; content: unknown }): Promise<StoredClinicalDocument>;
  /** Locks a draft as approved by a named doctor. */
  approve(input: {
    id: string;
    expectedVersion: number;
    approvedBy: string;
  }): Promise<StoredClinicalDocument>;
}
