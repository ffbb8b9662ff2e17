import type {
  AuditEvent,
  Consultation,
  ConsultationSetting,
  FlagDismissal,
  Language,
  Note,
  NoteRecord,
  NoteStatus,
  Transcript,
  VerificationReport,
  Warning,
} from '@kollega/domain';

/** What it takes to store a consultation; id and times are assigned by the repository. */
export interface NewConsultation {
  externalId?: string;
  title: string;
  language: Language;
  setting?: ConsultationSetting;
  transcript: Transcript;
}

/** One row of the consultation list: metadata and the state of its note, no transcript. */
export interface ConsultationSummary {
  id: string;
  externalId?: string;
  title: string;
  language: Language;
  setting?: ConsultationSetting;
  createdAt: string;
  updatedAt: string;
  segmentCount: number;
  /** `none` until a note is drafted. */
  noteStatus: NoteStatus | 'none';
  noteId?: string;
}

/** Stores consultations. */
export interface ConsultationRepository {
  /** Stores a new consultation and returns it with its id and times. */
  create(input: NewConsultation): Promise<Consultation>;
  /** The consultation, or undefined. */
  findById(id: string): Promise<Consultation | undefined>;
  /** All consultations, newest first, with the state of their note. */
  listSummaries(): Promise<ConsultationSummary[]>;
}

/** A statement as it stood on one side of an edit. */
export interface StatementSnapshot {
  sectionId: string;
  text: string;
  evidence: string[];
}

/** How one statement changed in an edit; `before` is null for an added statement, `after` for a removed one. */
export interface StatementChange {
  statementId: string;
  change: 'added' | 'removed' | 'changed';
  before: StatementSnapshot | null;
  after: StatementSnapshot | null;
}

/** One saved edit of a note. */
export interface NoteEdit {
  id: string;
  noteId: string;
  fromVersion: number;
  toVersion: number;
  diff: StatementChange[];
  editedBy: string;
  at: string;
}

/** A freshly drafted note for a consultation. */
export interface SaveDraftInput {
  consultationId: string;
  engine: string;
  note: Note;
  warnings: Warning[];
  verification?: VerificationReport;
  /** Recorded as the editor when the draft replaces an earlier one. Defaults to `system`. */
  draftedBy?: string;
  /**
   * Fences the write (a background job that may have been taken over): fails with `conflict` unless the stored
   * note is at this version now, inside the write's transaction; 0 means no note may exist yet.
   */
  expectedVersion?: number;
}

/** An edit of a draft; fails with `conflict` unless the stored version is `expectedVersion`. */
export interface SaveEditInput {
  noteId: string;
  expectedVersion: number;
  note: Note;
  verification?: VerificationReport;
  /** The dismissals that still hold after the edit; unchanged when left out. */
  dismissals?: FlagDismissal[];
  editedBy: string;
}

/** Approval of a draft by a named doctor, at `expectedVersion`. */
export interface ApproveNoteInput {
  noteId: string;
  expectedVersion: number;
  approvedBy: string;
}

/**
 * Stores notes: one per consultation, a draft until approved, then locked. Every change raises `version`
 * by one except dismissals; writes check the version and status atomically and throw `AppError`
 * `not_found`, `conflict` (version mismatch) or `already_approved`.
 */
export interface NoteRepository {
  /** The note, or undefined. */
  findById(id: string): Promise<NoteRecord | undefined>;
  /** The consultation's note, or undefined. */
  findByConsultationId(consultationId: string): Promise<NoteRecord | undefined>;
  /**
   * Stores a draft: version 1 for a new note; a replaced draft keeps its id, gets the next version, loses its
   * dismissals, and the replacement is recorded as an edit. `already_approved` if the note is approved.
   */
  saveDraft(input: SaveDraftInput): Promise<NoteRecord>;
  /** Saves an edit as the next version and records its per-statement diff. */
  saveEdit(input: SaveEditInput): Promise<NoteRecord>;
  /** Records a dismissed flag (replacing an earlier dismissal of the same flag). */
  addDismissal(noteId: string, dismissal: FlagDismissal): Promise<NoteRecord>;
  /** Locks the note as approved by a named doctor. */
  approve(input: ApproveNoteInput): Promise<NoteRecord>;
  /** The note's edits, oldest first. */
  listEdits(noteId: string): Promise<NoteEdit[]>;
}

/** An audit event to append; id and time are assigned unless given. */
export type NewAuditEvent = Omit<AuditEvent, 'id' | 'at' | 'details'> & {
  at?: string;
  details?: AuditEvent['details'];
};

/** Which audit events to list. */
export interface AuditFilter {
  entityType?: AuditEvent['entityType'];
  entityId?: string;
  action?: string;
  /** At most this many of the newest matching events (default 1000). */
  limit?: number;
}

/** An append-only audit log. */
export interface AuditRepository {
  /** Appends an event and returns it as stored. */
  append(event: NewAuditEvent): Promise<AuditEvent>;
  /** Matching events, oldest first. */
  list(filter?: AuditFilter): Promise<AuditEvent[]>;
}
