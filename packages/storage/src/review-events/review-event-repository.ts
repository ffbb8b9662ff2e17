/** The kinds of review event the review page records. */
export const REVIEW_EVENT_TYPES = ['evidence_opened', 'flag_viewed', 'consultation_ended'] as const;
/** One kind of review event; see `REVIEW_EVENT_TYPES`. */
export type ReviewEventType = (typeof REVIEW_EVENT_TYPES)[number];

/** What the doctor did while reviewing a note: ids and a time, no text. */
export interface ReviewEvent {
  id: string;
  noteId: string;
  type: ReviewEventType;
  /** The statement or omission whose evidence was opened or whose flag was viewed. */
  statementId?: string;
  actor: string;
  at: string;
}

/** A review event to store; id and time are assigned unless `at` is given. */
export type NewReviewEvent = Omit<ReviewEvent, 'id' | 'at'> & { at?: string };

/** A table of the running database and its columns (for the privacy export). */
export interface DatabaseTable {
  name: string;
  columns: string[];
}

/** Stores review events, and describes the database's tables. */
export interface ReviewEventRepository {
  /** Appends an event and returns it as stored. */
  append(event: NewReviewEvent): Promise<ReviewEvent>;
  /** The events of these notes, oldest first. */
  listForNotes(noteIds: readonly string[]): Promise<ReviewEvent[]>;
  /** The tables (and columns) of the running database, sorted by name; Kysely's own tables left out. */
  listDatabaseTables(): Promise<DatabaseTable[]>;
}
