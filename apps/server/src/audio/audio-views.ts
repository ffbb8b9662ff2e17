import type { Segment } from '@kollega/domain';
import type { AudioRecording } from '@kollega/storage';
import type { AudioConfig } from './audio-config';
import { describeRetention } from './audio-config';

/** A recording as the API shows it: no storage keys, plus whether the audio can be played. */
export interface RecordingView {
  id: string;
  consultationId: string;
  source: AudioRecording['source'];
  status: AudioRecording['status'];
  language: AudioRecording['language'];
  consent: AudioRecording['consent'];
  partCount: number;
  nextSequence: number;
  receivedBytes: number;
  durationSeconds?: number;
  processedSeconds: number;
  partDurations: number[];
  engine?: string;
  error?: { code: string; message: string };
  /** True while the converted audio is kept (it can be played from a segment's start). */
  audioAvailable: boolean;
  expiresAt?: string;
  deletedAt?: string;
  deletionReason?: string;
  createdAt: string;
  stoppedAt?: string;
}

/** What is kept and for how long, for the UI. */
export interface RetentionView {
  policy: AudioConfig['retention']['policy'];
  hours?: number;
  description: string;
}

/** GET /api/audio/recordings/:id: the recording, the transcript so far and the running draft. */
export interface RecordingStatus {
  recording: RecordingView;
  retention: RetentionView;
  /** Transcript segments from index `segmentsAfter` on (all by default). */
  segments: Segment[];
  segmentCount: number;
  /** The running draft while recording or transcribing (not stored), or the stored note's id once drafted. */
  draft?: { text: string; warnings: string[]; updatedAt: string };
  noteId?: string;
  /** "Ingen tale registrert" and the like, in Bokmål, when there is something to say. */
  message?: string;
}

/** Strips storage details from a recording. */
export function toRecordingView(recording: AudioRecording): RecordingView {
  return {
    id: recording.id,
    consultationId: recording.consultationId,
    source: recording.source,
    status: recording.status,
    language: recording.language,
    consent: recording.consent,
    partCount: recording.partCount,
    nextSequence: recording.nextSequence,
    receivedBytes: recording.receivedBytes,
    ...(recording.durationSeconds === undefined ? {} : { durationSeconds: recording.durationSeconds }),
    processedSeconds: recording.processedSeconds,
    partDurations: recording.partDurations,
    ...(recording.engine === undefined ? {} : { engine: recording.engine }),
    ...(recording.error === undefined ? {} : { error: recording.error }),
    audioAvailable: recording.audioKey !== undefined && recording.deletedAt === undefined,
    ...(recording.expiresAt === undefined ? {} : { expiresAt: recording.expiresAt }),
    ...(recording.deletedAt === undefined ? {} : { deletedAt: recording.deletedAt }),
    ...(recording.deletionReason === undefined ? {} : { deletionReason: recording.deletionReason }),
    createdAt: recording.createdAt,
    ...(recording.stoppedAt === undefined ? {} : { stoppedAt: recording.stoppedAt }),
  };
}

/** The retention policy as the UI shows it. */
export function toRetentionView(retention: AudioConfig['retention']): RetentionView {
  return {
    policy: retention.policy,
    ...(retention.policy === 'hours' ? { hours: retention.hours } : {}),
    description: describeRetention(retention),
  };
}

/** The message for a finished recording without speech: no transcript and no note were made. */
export const NO_SPEECH_MESSAGE = 'Ingen tale registrert. Det er ikke laget noe notat.';
