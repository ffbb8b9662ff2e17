/**
 * The audio tables as Kysely sees them (added by migration `0002_audio`). Times are ISO 8601 text (UTC);
 * durations are whole milliseconds; booleans are integers 0/1, so SQLite and PostgreSQL store them alike.
 */
export type AudioDatabaseSchema = {
  audio_recordings: AudioRecordingTable;
  audio_chunks: AudioChunkTable;
};

/** One recording (or uploaded audio file) of a consultation, with the patient's consent. */
export type AudioRecordingTable = {
  id: string;
  consultation_id: string;
  source: string;
  status: string;
  language: string;
  consent_given: number;
  consent_by: string;
  consent_at: string;
  mime_type: string | null;
  part_count: number;
  next_sequence: number;
  received_bytes: number;
  duration_ms: number | null;
  processed_ms: number;
  /** JSON array of each part's length in milliseconds, known once the parts are decoded. */
  part_durations: string;
  audio_key: string | null;
  engine: string | null;
  error_code: string | null;
  error_message: string | null;
  expires_at: string | null;
  stopped_at: string | null;
  deleted_at: string | null;
  deletion_reason: string | null;
  created_at: string;
  updated_at: string;
};

/** One uploaded chunk of a recording: where its bytes sit in its part's file. */
export type AudioChunkTable = {
  recording_id: string;
  sequence: number;
  part: number;
  byte_offset: number;
  byte_length: number;
  received_at: string;
};
