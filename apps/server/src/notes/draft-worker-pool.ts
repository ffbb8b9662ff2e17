import { Worker } from 'node:worker_threads';
import type { Note, Transcript, VerificationReport } from '@kollega/domain';
import { APP_ERROR_CODES, AppError } from '@kollega/domain';
import type { AppErrorCode } from '@kollega/domain';
import type { DraftNoteOptions } from '@kollega/clinical';
import type { DraftWorkerAnswer, DraftWorkerJob } from './draft-worker';
import type { VerifiedDraft } from './draft-verified-note';

/** What the pool falls back to while no worker is ready (or one died): the same work in this thread. */
export interface InProcessDrafting {
  draft(transcript: Transcript, options: DraftNoteOptions): VerifiedDraft;
  verify(transcript: Transcript, note: Note, options: { language: Note['language'] }): VerificationReport;
}

/** Options for `DraftWorkerPool`. */
export interface DraftWorkerPoolOptions {
  /** Worker threads (at least 1). */
  size: number;
  inProcess: InProcessDrafting;
  /** Test seam: how a worker is made (default: draft-worker-entry.mjs). */
  createWorker?: () => Worker;
}

type JobInput = DraftWorkerJob extends infer Job
  ? Job extends DraftWorkerJob
    ? Omit<Job, 'id'>
    : never
  : never;

interface PendingJob {
  input: JobInput;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: { id: number; pending: PendingJob };
}

const MAX_RESTARTS = 10;

function toAppErrorCode(code: string): AppErrorCode {
  return (APP_ERROR_CODES as readonly string[]).includes(code) ? (code as AppErrorCode) : 'internal';
}

/**
 * Drafts and verifies notes with the built-in engine on worker threads, so the ~10–60 ms of synchronous
 * CPU per note never blocks the event loop (other requests keep flowing) and drafting can use every core.
 * Workers start on first use; until one is ready (or if workers keep dying) the work runs in this thread,
 * so results never depend on the pool. Jobs wait in one FIFO queue for a free worker.
 */
export class DraftWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: PendingJob[] = [];
  private nextId = 1;
  private restarts = 0;
  private started = false;
  private closed = false;

  constructor(private readonly options: DraftWorkerPoolOptions) {}

  /** Drafts and verifies a note (as `draftVerifiedNote` with the built-in engine). */
  draft(transcript: Transcript, options: DraftNoteOptions): Promise<VerifiedDraft> {
    return this.run({ kind: 'draft', transcript, options }) as Promise<VerifiedDraft>;
  }

  /** Verifies a note against its transcript (as the built-in `verifyNote`). */
  verify(
    transcript: Transcript,
    note: Note,
    options: { language: Note['language'] },
  ): Promise<VerificationReport> {
    return this.run({ kind: 'verify', transcript, note, options }) as Promise<VerificationReport>;
  }

  /** Number of workers ready to take jobs (for tests and health). */
  readyWorkers(): number {
    return this.slots.filter((slot) => slot.ready).length;
  }

  /** Starts the workers now instead of on first use; resolves when all are ready (or have failed). */
  async warmUp(): Promise<void> {
    this.start();
    while (!this.closed && this.slots.some((slot) => !slot.ready)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Stops the workers; queued jobs run in this thread. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const slot of slots) {
      if (slot.job !== undefined) this.runInProcess(slot.job.pending);
    }
    for (const pending of this.queue.splice(0)) this.runInProcess(pending);
    await Promise.all(slots.map((slot) => slot.worker.terminate().catch(() => undefined)));
  }

  private run(input: JobInput): Promise<unknown> {
    this.start();
    return new Promise((resolve, reject) => {
      const pending = { input, resolve, reject };
      if (this.closed || !this.slots.some((slot) => slot.ready)) {
        this.runInProcess(pending);
        return;
      }
      this.queue.push(pending);
      this.dispatch();
    });
  }

  private start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    for (let index = 0; index < Math.max(1, this.options.size); index += 1) this.spawn();
  }

  private spawn(): void {
    const worker =
      this.options.createWorker?.() ?? new Worker(new URL('./draft-worker-entry.mjs', import.meta.url));
    // A pool that is never closed must not keep the process alive.
    worker.unref();
    const slot: Slot = { worker, ready: false };
    this.slots.push(slot);
    worker.on('message', (message: DraftWorkerAnswer | { ready: true }) => {
      if ('ready' in message) {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const job = slot.job;
      if (job === undefined || job.id !== message.id) return;
      slot.job = undefined;
      slot.worker.unref();
      if (message.ok) {
        job.pending.resolve(message.value);
      } else {
        job.pending.reject(
          new AppError(toAppErrorCode(message.error.code), message.error.message, {
            details: message.error.details,
          }),
        );
      }
      this.dispatch();
    });
    const onGone = () => this.replace(slot);
    worker.once('error', onGone);
    worker.once('exit', onGone);
  }

  /** A worker failed or exited: its job runs here, and a new worker takes its place (a few times at most). */
  private replace(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    if (slot.job !== undefined) this.runInProcess(slot.job.pending);
    if (!this.closed && this.restarts < MAX_RESTARTS) {
      this.restarts += 1;
      this.spawn();
    }
    if (!this.slots.some((candidate) => candidate.ready)) {
      for (const pending of this.queue.splice(0)) this.runInProcess(pending);
    }
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.job !== undefined) continue;
      const pending = this.queue.shift();
      if (pending === undefined) return;
      const id = this.nextId;
      this.nextId += 1;
      slot.job = { id, pending };
      // Keep the process alive while a job is out; an idle worker does not.
      slot.worker.ref();
      slot.worker.postMessage({ ...pending.input, id });
    }
  }

  private runInProcess(pending: PendingJob): void {
    try {
      const { input } = pending;
      pending.resolve(
        input.kind === 'draft'
          ? this.options.inProcess.draft(input.transcript, input.options)
          : this.options.inProcess.verify(input.transcript, input.note, input.options),
      );
    } catch (error) {
      pending.reject(error);
    }
  }
}
