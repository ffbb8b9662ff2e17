/**
 * The tables as Kysely sees them. Times are ISO 8601 text (UTC); JSON columns are text, so both SQLite and
 * PostgreSQL store them the same way.
 */
export interface DatabaseSchema {
  consultations: ConsultationTable;
  notes: NoteTable;
  note_edits: NoteEditTable;
  audit_events: AuditEventTable;
}

/** One consultation; `transcript` is the JSON of a domain `Transcript`. */
export interface ConsultationTable {
  id: string;
  external_id: string | null;
  title: string;
  language: string;
  setting: string | null;
  transcript: string;
  /** Number of transcript segments, kept so lists need not parse the transcript. */
  segment_count: number;
  created_at: string;
  updated_at: string;
}

/** The one note of a consultation; `note`, `warnings`, `verification`, `dismissals` are JSON. */
export interface NoteTable {
  id: string;
  consultation_id: string;
  version: number;
  status: string;
  engine: string;
  note: string;
  warnings: string;
  verification: string | null;
  dismissals: string;
  approved_by: string | null;
  approved_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One saved edit of a note: `diff` is the JSON of the per-statement changes from `from_version` to `to_version`. */
export interface NoteEditTable {
  id: string;
  note_id: string;
  from_version: number;
  to_version: number;
  diff: string;
  edited_by: string;
  at: string;
}

/** One audit event; `details` is JSON of ids, counts and codes. */
export interface AuditEventTable {
  id: string;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  outcome: string;
  details: string;
}
