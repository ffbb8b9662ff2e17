import type { NoteStyle } from '@kollega/domain';
import { AppError, toAppError } from '@kollega/domain';
import type { Job } from '@kollega/storage';
import { JobRunner } from '@kollega/storage';
import type { AppContext } from '../context';
import { getAudioService } from '../audio/audio-routes';
import { TRANSCRIPTION_FINISH_JOB } from '../audio/transcription-job';
import { requireConsultation } from '../notes/note-service';
import type { JobConfig } from './job-config';
import { loadJobConfig } from './job-config';
import { DRAFT_NOTE_JOB, createDraftNoteHandler } from './draft-note-job';
import type { DraftNotePayload } from './draft-note-job';

/** Test and composition seams for `JobService`. */
export interface JobServiceOptions {
  /** Settings that win over the environment. */
  config?: Partial<JobConfig>;
  env?: Record<string, string | undefined>;
  /** Told about failed jobs and runner errors (ids and codes only). */
  log?: (message: string, details: Record<string, string | number>) => void;
}

/** Longest accepted `Idempotency-Key` header. */
const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/**
 * Background jobs of one server process: enqueueing (scoped to the signed-in user's practice) and, unless
 * `workers` is 0, the in-process worker that runs them: note drafting (`note.draft`) and the final
 * transcription step of recordings (`transcription.finish`, enqueued by the audio service). Any number of
 * processes may share one database.
 */
export class JobService {
  readonly config: JobConfig;
  /** The worker, or undefined in an API-only process. */
  readonly runner: JobRunner | undefined;

  constructor(
    private readonly context: AppContext,
    options: JobServiceOptions = {},
  ) {
    this.config = { ...loadJobConfig(options.env ?? process.env), ...options.config };
    const log = options.log ?? (() => undefined);
    this.runner =
      this.config.workers === 0
        ? undefined
        : new JobRunner({
            queue: context.storage.jobs,
            concurrency: this.config.workers,
            pollIntervalMs: this.config.pollIntervalMs,
            leaseMs: this.config.leaseMs,
            stopTimeoutMs: this.config.stopTimeoutMs,
            handlers: {
              [DRAFT_NOTE_JOB]: createDraftNoteHandler(context, {
                delayMs: this.config.testDraftDelayMs,
                delayAt: this.config.testDraftDelayAt,
              }),
              // The audio service is looked up per job: it is made when the audio routes are registered.
              [TRANSCRIPTION_FINISH_JOB]: (handler) => getAudioService(context).runTranscriptionJob(handler),
            },
            onError: (error, job) =>
              log('Bakgrunnsjobb feilet', {
                code: toAppError(error).code,
                ...(job === undefined ? {} : { jobId: job.id, kind: job.kind, attempts: job.attempts }),
              }),
          });
  }

  /** The signed-in user's practice, if any: jobs are stored under it and read only by it. */
  private practiceScope(): { practiceId?: string } {
    const practiceId = this.context.scope.currentUser()?.practiceId;
    return practiceId === undefined ? {} : { practiceId };
  }

  /**
   * Enqueues drafting of a consultation's note. The consultation must be visible to the user and its note not
   * approved. With an idempotency key (per practice and consultation) a repeated request returns the first job.
   */
  async enqueueDraft(
    consultationId: string,
    input: { template?: string; style?: NoteStyle; idempotencyKey?: string },
  ): Promise<{ job: Job; created: boolean }> {
    await requireConsultation(this.context, consultationId);
    const existing = await this.context.storage.notes.findByConsultationId(consultationId);
    if (existing?.status === 'approved') {
      throw new AppError('already_approved', 'Notatet er allerede godkjent og kan ikke endres', {
        details: { noteId: existing.id },
      });
    }
    const key = input.idempotencyKey?.trim();
    if (key !== undefined && (key === '' || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      throw new AppError('invalid_input', 'Ugyldig Idempotency-Key', {
        details: { field: 'idempotency-key' },
      });
    }
    const scope = this.practiceScope();
    const user = this.context.scope.currentUser();
    const payload: DraftNotePayload = {
      consultationId,
      ...(input.template === undefined ? {} : { template: input.template }),
      ...(input.style === undefined ? {} : { style: input.style }),
      ...(user === undefined ? {} : { requestedBy: `bruker:${user.id}` }),
    };
    const result = await this.context.storage.jobs.enqueue({
      kind: DRAFT_NOTE_JOB,
      payload,
      ...scope,
      ...(key === undefined
        ? {}
        : { idempotencyKey: `${scope.practiceId ?? '-'}:${DRAFT_NOTE_JOB}:${consultationId}:${key}` }),
    });
    if (result.created) this.runner?.wake();
    return result;
  }

  /** A job of the user's practice (any job with sign-in off), or `not_found`. */
  async requireJob(jobId: string): Promise<Job> {
    const job = await this.context.storage.jobs.findById(jobId, this.practiceScope());
    if (job === undefined) throw new AppError('not_found', 'Fant ikke jobben', { details: { jobId } });
    return job;
  }

  /** Starts the worker (when this process has one), and lets the audio service wake it after an enqueue. */
  start(): void {
    const runner = this.runner;
    if (runner === undefined) return;
    getAudioService(this.context).attachJobWorker({ wake: () => runner.wake() });
    runner.start();
  }

  /** Stops the worker gracefully: running jobs finish or are released for another process. */
  async close(): Promise<void> {
    await this.runner?.stop();
  }
}
