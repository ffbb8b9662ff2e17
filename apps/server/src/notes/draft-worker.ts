import { parentPort } from 'node:worker_threads';
import type { Note, Transcript } from '@kollega/domain';
import { isAppError } from '@kollega/domain';
import type { DraftNoteOptions } from '@kollega/clinical';
import { draftNote, verifyNote } from '@kollega/clinical';
import { draftVerifiedNote } from './draft-verified-note';

/** A job for a drafting worker: draft and verify a note, or verify an edited one. */
export type DraftWorkerJob =
  | { id: number; kind: 'draft'; transcript: Transcript; options: DraftNoteOptions }
  | {
      id: number;
      kind: 'verify';
      transcript: Transcript;
      note: Note;
      options: { language: Note['language'] };
    };

/** A worker's answer: the value, or an `AppError`'s code, message and details (never patient text). */
export type DraftWorkerAnswer =
  | { id: number; ok: true; value: unknown }
  | {
      id: number;
      ok: false;
      error: { code: string; message: string; details: Record<string, string | number | boolean | null> };
    };

const engine = { name: 'builtin', draftNote, verifyNote };

/** Runs one job with the built-in engine. */
export function runDraftWorkerJob(job: DraftWorkerJob): DraftWorkerAnswer {
  try {
    const value =
      job.kind === 'draft'
        ? draftVerifiedNote(engine, job.transcript, job.options)
        : verifyNote(job.transcript, job.note, job.options);
    return { id: job.id, ok: true, value };
  } catch (error) {
    return {
      id: job.id,
      ok: false,
      error: isAppError(error)
        ? { code: error.code, message: error.message, details: error.details }
        : { code: 'internal', message: 'Notatet kunne ikke lages', details: {} },
    };
  }
}

if (parentPort !== null) {
  const port = parentPort;
  port.on('message', (job: DraftWorkerJob) => port.postMessage(runDraftWorkerJob(job)));
  port.postMessage({ ready: true });
}
