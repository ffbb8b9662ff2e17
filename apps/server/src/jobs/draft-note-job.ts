import { z } from 'zod';
import type { NoteRecord } from '@kollega/domain';
import { AppError, NoteStyleSchema, isAppError } from '@kollega/domain';
import type { JobHandler, NoteRepository } from '@kollega/storage';
import type { AppContext } from '../context';
import { draftConsultationNote } from '../notes/note-service';
import type { DraftDelayPoint } from './job-config';

/** The job kind that drafts a consultation's note in the background. */
export const DRAFT_NOTE_JOB = 'note.draft';

/** What a drafting job is asked to do: ids and settings only, never patient text. */
export const DraftNotePayloadSchema = z.object({
  consultationId: z.string().min(1),
  template: z.string().min(1).max(50).optional(),
  style: NoteStyleSchema.optional(),
  /** `bruker:<id>` of who asked, for the audit log. */
  requestedBy: z.string().max(200).optional(),
});
/** The payload of a `note.draft` job. */
export type DraftNotePayload = z.infer<typeof DraftNotePayloadSchema>;

/** What the first attempt saw before writing: the note's version then (0 without a note). */
const DraftCheckpointSchema = z.object({ baseVersion: z.number().int().min(0) });

/** The result of a drafting job. */
export interface DraftNoteResult {
  noteId: string;
  version: number;
}

/** Test seams of the drafting handler. */
export interface DraftNoteJobOptions {
  /** TEST ONLY: sleep this long at `delayAt` (see `JobConfig.testDraftDelayMs`). */
  delayMs?: number;
  delayAt?: DraftDelayPoint;
}

function sleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    function onAbort(): void {
      clearTimeout(timer);
      reject(signal.reason as Error);
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Appends the `note.draft` audit event of a job unless an earlier attempt already did. */
async function auditDraftOnce(
  context: AppContext,
  input: {
    jobId: string;
    actor: string;
    consultationId: string;
    noteId: string;
    version: number;
    engine: string;
  },
): Promise<void> {
  const earlier = await context.storage.audit.list({
    entityType: 'note',
    entityId: input.noteId,
    action: 'note.draft',
  });
  if (earlier.some((event) => event.details.jobId === input.jobId)) return;
  await context.storage.audit.append({
    actor: input.actor,
    action: 'note.draft',
    entityType: 'note',
    entityId: input.noteId,
    outcome: 'success',
    details: {
      consultationId: input.consultationId,
      version: input.version,
      engine: input.engine,
      source: 'job',
      jobId: input.jobId,
    },
  });
}

/** Thrown by the fenced write when the note has moved past the checkpoint: someone else already wrote it. */
class NoteAlreadyWritten extends Error {
  constructor(readonly record: NoteRecord) {
    super('note already written');
  }
}

/**
 * The context the drafting code runs with: the same, except that the note write is fenced. Right before
 * the write (after the slow drafting) the lease is renewed, so no other worker can hold the job while the
 * write runs, and the note must still be at the checkpoint's version; otherwise nothing is written.
 */
function fenceNoteWrites(
  context: AppContext,
  input: { baseVersion: number; signal: AbortSignal; extendLease: () => Promise<void> },
): AppContext {
  const notes = context.storage.notes;
  const fenced: NoteRepository = {
    findById: (id) => notes.findById(id),
    findByConsultationId: (consultationId) => notes.findByConsultationId(consultationId),
    saveDraft: async (draft) => {
      input.signal.throwIfAborted();
      await input.extendLease();
      const current = await notes.findByConsultationId(draft.consultationId);
      if (current !== undefined && current.version !== input.baseVersion)
        throw new NoteAlreadyWritten(current);
      try {
        // The fence proper: the repository re-checks the version inside the write's transaction.
        return await notes.saveDraft({ ...draft, expectedVersion: input.baseVersion });
      } catch (error) {
        const after =
          isAppError(error) && error.code === 'conflict'
            ? await notes.findByConsultationId(draft.consultationId)
            : undefined;
        if (after !== undefined && after.version > input.baseVersion) throw new NoteAlreadyWritten(after);
        throw error;
      }
    },
    saveEdit: (edit) => notes.saveEdit(edit),
    addDismissal: (noteId, dismissal) => notes.addDismissal(noteId, dismissal),
    approve: (approval) => notes.approve(approval),
    listEdits: (noteId) => notes.listEdits(noteId),
  };
  return { ...context, storage: { ...context.storage, notes: fenced } };
}

/**
 * The `note.draft` handler: drafts the note with the server's engine (or model) exactly as the synchronous
 * endpoint does. Exactly once, idempotent by job id: the first attempt records the note's version in the job's
 * checkpoint before drafting; an attempt that finds a newer version than that knows the note was written (by
 * an earlier attempt that died before marking the job done), so it completes without drafting again. The
 * write itself is fenced (see `fenceNoteWrites`): `saveDraft` re-checks the version the job started from inside
 * its transaction, so a worker that stalled past its lease cannot write a second draft after its successor.
 */
export function createDraftNoteHandler(context: AppContext, options: DraftNoteJobOptions = {}): JobHandler {
  const pause = async (point: DraftDelayPoint, signal: AbortSignal) => {
    if ((options.delayMs ?? 0) > 0 && (options.delayAt ?? 'before_write') === point) {
      await sleep(options.delayMs ?? 0, signal);
    }
  };
  return async ({ job, signal, saveCheckpoint, extendLease }) => {
    const parsed = DraftNotePayloadSchema.safeParse(job.payload);
    if (!parsed.success) {
      throw new AppError('invalid_input', 'Ugyldig jobb', { details: { jobId: job.id } });
    }
    const payload = parsed.data;
    const { consultationId } = payload;
    // The route checked ownership; check again, since the job outlives the request.
    if (job.practiceId !== undefined) {
      const owner = await context.storage.auth.findConsultationOwner(consultationId);
      if (owner?.practiceId !== job.practiceId) {
        throw new AppError('not_found', 'Fant ikke konsultasjonen', { details: { consultationId } });
      }
    }
    const saved = DraftCheckpointSchema.safeParse(job.checkpoint);
    let baseVersion: number;
    if (saved.success) {
      baseVersion = saved.data.baseVersion;
    } else {
      baseVersion = (await context.storage.notes.findByConsultationId(consultationId))?.version ?? 0;
      await saveCheckpoint({ baseVersion });
    }
    const audit = (record: NoteRecord) =>
      auditDraftOnce(context, {
        jobId: job.id,
        actor: payload.requestedBy ?? 'system',
        consultationId,
        noteId: record.id,
        version: record.version,
        engine: record.engine,
      });
    const current = await context.storage.notes.findByConsultationId(consultationId);
    if (current !== undefined && current.version > baseVersion) {
      // An earlier attempt wrote the note and died before completing: finish its bookkeeping only.
      await audit(current);
      return { noteId: current.id, version: current.version } satisfies DraftNoteResult;
    }
    await pause('before_write', signal);
    let record: NoteRecord;
    try {
      record = await draftConsultationNote(
        fenceNoteWrites(context, { baseVersion, signal, extendLease }),
        consultationId,
        {
          ...(payload.template === undefined ? {} : { template: payload.template }),
          ...(payload.style === undefined ? {} : { style: payload.style }),
        },
      );
    } catch (error) {
      if (!(error instanceof NoteAlreadyWritten)) throw error;
      record = error.record;
    }
    await audit(record);
    await pause('after_write', signal);
    return { noteId: record.id, version: record.version } satisfies DraftNoteResult;
  };
}
