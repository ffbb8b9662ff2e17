import { z } from 'zod';
import type { Job } from '@kollega/storage';

/** The job kind that runs the final transcription step of a recording (after stop, upload or retry). */
export const TRANSCRIPTION_FINISH_JOB = 'transcription.finish';

/** Attempts before a transcription job is dead-lettered; a worker killed mid-way costs one. */
export const TRANSCRIPTION_MAX_ATTEMPTS = 5;

/** What a transcription job is asked to do: the recording id only, never patient text. */
export const TranscriptionJobPayloadSchema = z.object({ recordingId: z.string().min(1).max(200) });

/** What an attempt saw before drafting the note: the note's version then (0 without a note). */
export const TranscriptionCheckpointSchema = z.object({ noteBaseVersion: z.number().int().min(0) });

/**
 * The idempotency key of one transcription of a recording. `attempt` names the transition into `processing`
 * that asked for it (`stop`, `upload`, `retry:<time of the failure>`, `recover:<time>`), so the same request
 * made twice (two processes, a repeated click) is one job, while a retry after a failure is a new one.
 */
export function transcriptionJobKey(recordingId: string, attempt: string): string {
  return `${TRANSCRIPTION_FINISH_JOB}:${recordingId}:${attempt}`;
}

/** The recording a transcription job is for, or undefined for another job or a malformed payload. */
export function readTranscriptionRecordingId(job: Job): string | undefined {
  if (job.kind !== TRANSCRIPTION_FINISH_JOB) return undefined;
  const parsed = TranscriptionJobPayloadSchema.safeParse(job.payload);
  return parsed.success ? parsed.data.recordingId : undefined;
}
