import type { Language } from '@kollega/domain';

/** A pre-visit questionnaire: open until the patient submits it once. */
export interface QuestionnaireRecord {
  id: string;
  consultationId: string;
  language: Language;
  status: 'open' | 'submitted';
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  submittedAt?: string;
  /** The patient's answers (JSON); validated by the caller. */
  answers?: unknown;
  /** The red-flag assessment made on submission (JSON). */
  assessment?: unknown;
}

/** What it takes to create a questionnaire; the caller hashes the token. */
export interface NewQuestionnaire {
  consultationId: string;
  language: Language;
  tokenHash: string;
  createdBy: string;
  expiresAt: string;
}

/** A stored patient summary. `summary` is the JSON of a `PatientSummary` from @kollega/clinical. */
export interface PatientSummaryRecord {
  id: string;
  noteId: string;
  consultationId: string;
  language: string;
  version: number;
  status: 'draft' | 'approved';
  summary: unknown;
  approvedBy?: string;
  approvedAt?: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * Stores questionnaires and patient summaries. Writes check state atomically and throw `AppError`:
 * `not_found`, `conflict` (a questionnaire already submitted or expired; a stale summary version) or
 * `already_approved`.
 */
export interface PatientToolsRepository {
  /** Stores a new open questionnaire. `not_found` if the consultation does not exist. */
  createQuestionnaire(input: NewQuestionnaire): Promise<QuestionnaireRecord>;
  /** The questionnaire with this token hash, or undefined. */
  findQuestionnaireByTokenHash(tokenHash: string): Promise<QuestionnaireRecord | undefined>;
  /** The consultation's questionnaires, newest first. */
  listQuestionnaires(consultationId: string): Promise<QuestionnaireRecord[]>;
  /** Records the answers once, if the questionnaire is still open and not expired at `at`. */
  submitQuestionnaire(input: {
    id: string;
    answers: unknown;
    assessment: unknown;
    at: string;
  }): Promise<QuestionnaireRecord>;
  /** The note's summary in a language, or undefined. */
  findSummary(noteId: string, language: string): Promise<PatientSummaryRecord | undefined>;
  /** A summary by id, or undefined. */
  findSummaryById(id: string): Promise<PatientSummaryRecord | undefined>;
  /** The note's summaries, oldest first. */
  listSummaries(noteId: string): Promise<PatientSummaryRecord[]>;
  /** Stores a fresh draft (replacing an unapproved one, next version); `already_approved` if approved. */
  saveSummaryDraft(input: {
    noteId: string;
    consultationId: string;
    language: string;
    summary: unknown;
  }): Promise<PatientSummaryRecord>;
  /** Saves an edit of a draft at `expectedVersion`. */
  saveSummaryEdit(input: {
    id: string;
    expectedVersion: number;
    summary: unknown;
  }): Promise<PatientSummaryRecord>;
  /** Locks a draft as approved by a named doctor, at `expectedVersion`. */
  approveSummary(input: {
    id: string;
    expectedVersion: number;
    approvedBy: string;
  }): Promise<PatientSummaryRecord>;
}
