import type { Language, Transcript } from '@kollega/domain';

/** Where the audio came from: recorded in the browser, or an uploaded file. */
export type AudioSource = 'recording' | 'upload';

/**
 * Where a recording stands:
 * - `consent_refused`: the patient said no; nothing may be recorded;
 * - `recording`: chunks are arriving (a crashed tab leaves a recording here until it is resumed or stopped);
 * - `processing`: stopped or uploaded, being converted and transcribed;
 * - `transcribed`: the transcript is in the consultation;
 * - `no_speech`: the audio held no speech ("Ingen tale registrert"), so there is no transcript and no note;
 * - `failed`: conversion or transcription failed; `error` says why (the audio is kept for another try).
 */
export const AUDIO_STATUSES = [
  'consent_refused',
  'recording',
  'processing',
  'transcribed',
  'no_speech',
  'failed',
] as const;
/** A recording's status; see `AUDIO_STATUSES`. */
export type AudioStatus = (typeof AUDIO_STATUSES)[number];

/** The patient's answer to "may we record?", recorded with the consultation. */
export interface AudioConsent {
  given: boolean;
  /** Who asked and recorded the answer (the GP). */
  by: string;
  /** ISO 8601 time (UTC). */
  at: string;
}

/** A recording as stored. Durations are seconds (stored as whole milliseconds). */
export interface AudioRecording {
  id: string;
  consultationId: string;
  source: AudioSource;
  status: AudioStatus;
  language: Language;
  consent: AudioConsent;
  /** MIME type of the recorded or uploaded stream (`audio/webm;codecs=opus`, `audio/mpeg` …). */
  mimeType?: string;
  /** Recording streams received so far: a reload after a crash starts a new part. */
  partCount: number;
  /** The sequence number the next chunk must carry. */
  nextSequence: number;
  receivedBytes: number;
  /** Length of the converted audio, once known. */
  durationSeconds?: number;
  /** How far (seconds from the start) the transcript is complete. */
  processedSeconds: number;
  /** Length of each recorded part, once decoded. */
  partDurations: number[];
  /** Blob-store key of the converted 16 kHz mono WAV; absent until converted and after deletion. */
  audioKey?: string;
  /** Speech-to-text engine that made the transcript. */
  engine?: string;
  /** Why processing failed: an `AppError` code and a message without patient text. */
  error?: { code: string; message: string };
  /** When the audio will be deleted if not before (retention by hours). */
  expiresAt?: string;
  stoppedAt?: string;
  /** Set when the audio was deleted; the transcript stays. */
  deletedAt?: string;
  /** Why the audio was deleted: `note_approved`, `retention_expired`, `requested`. */
  deletionReason?: string;
  createdAt: string;
  updatedAt: string;
}

/** What it takes to create a recording for a consultation. */
export interface NewAudioRecording {
  consultationId: string;
  source: AudioSource;
  language: Language;
  consent: AudioConsent;
  mimeType?: string;
  expiresAt?: string;
}

/** A chunk to record: its place in the sequence and in its part's file. */
export interface NewAudioChunk {
  recordingId: string;
  sequence: number;
  part: number;
  byteOffset: number;
  byteLength: number;
}

/** One stored chunk. */
export interface AudioChunk extends NewAudioChunk {
  receivedAt: string;
}

/** Fields of a recording that processing may change. `null` clears an optional field. */
export interface AudioRecordingPatch {
  status?: AudioStatus;
  mimeType?: string;
  durationSeconds?: number | null;
  processedSeconds?: number;
  partDurations?: number[];
  audioKey?: string | null;
  engine?: string | null;
  error?: { code: string; message: string } | null;
  expiresAt?: string | null;
  stoppedAt?: string | null;
}

/** Stores recordings and their chunks; throws `AppError` `not_found` and `conflict`. */
export interface AudioRepository {
  /** Stores a new recording; `conflict` when the consultation already has one. */
  create(input: NewAudioRecording): Promise<AudioRecording>;
  findById(id: string): Promise<AudioRecording | undefined>;
  findByConsultationId(consultationId: string): Promise<AudioRecording | undefined>;
  /**
   * Records a chunk atomically. The same sequence again is a duplicate (`duplicate: true`, nothing
   * changes); any other sequence than `nextSequence` is `conflict` (details name the expected one).
   */
  recordChunk(input: NewAudioChunk): Promise<{ duplicate: boolean; recording: AudioRecording }>;
  /** The recording's chunks in sequence order, optionally of one part. */
  listChunks(recordingId: string, part?: number): Promise<AudioChunk[]>;
  /** Changes a recording's processing fields. */
  update(recordingId: string, patch: AudioRecordingPatch): Promise<AudioRecording>;
  /** Marks the audio deleted (the row, consent and transcript stay). */
  markDeleted(recordingId: string, reason: string): Promise<AudioRecording>;
  /** Recordings whose audio is still kept and whose note has been approved. */
  listKeptWithApprovedNote(): Promise<AudioRecording[]>;
  /** Recordings whose audio is still kept and whose `expiresAt` is at or before `at`. */
  listKeptExpiredAt(at: string): Promise<AudioRecording[]>;
  /** Recordings left in `recording` or `processing` (after a restart they need attention). */
  listUnfinished(): Promise<AudioRecording[]>;
  /**
   * Replaces a consultation's transcript (the recogniser's segments, or corrected speaker roles).
   * Audio is the one source that writes a transcript after the consultation was created.
   */
  replaceTranscript(consultationId: string, transcript: Transcript): Promise<void>;
}
