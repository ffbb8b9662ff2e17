import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppErrorCode } from '@kollega/domain';
import { AppError, isAppError } from '@kollega/domain';
import type { Job, JobError, JobLease, JobQueue } from './job-queue';

/** What a handler gets for one attempt of one job. */
export interface JobHandlerContext {
  job: Job;
  /** Aborted when the lease is lost (another worker took the job over) or the runner stops. */
  signal: AbortSignal;
  /** Stores a checkpoint on the job (for the next attempt); throws `conflict` when the lease is lost. */
  saveCheckpoint: (checkpoint: unknown) => Promise<void>;
  /**
   * Renews the lease now, for a full lease length; throws `conflict` when it is lost. Call it right before a
   * write that must not happen twice: no other worker can take the job over until the lease runs out again.
   */
  extendLease: () => Promise<void>;
}

/** Runs one attempt of a job and returns its result (JSON); a throw fails the attempt. */
export type JobHandler = (context: JobHandlerContext) => Promise<unknown>;

/** Options for `JobRunner`. */
export interface JobRunnerOptions {
  queue: JobQueue;
  /** A handler per job kind; only these kinds are claimed. */
  handlers: Readonly<Record<string, JobHandler>>;
  /** Jobs run at once (default 1). */
  concurrency?: number;
  /** How often to look for work when idle (default 1000 ms); `wake()` looks at once. */
  pollIntervalMs?: number;
  /** Lease length (default 30 s); renewed every third of it while the handler runs. */
  leaseMs?: number;
  /** Names this worker in the lease (default host:pid:random). */
  workerId?: string;
  /** How long `stop()` waits for running jobs before it releases them (default 10 s). */
  stopTimeoutMs?: number;
  /** Whether a failure may be retried; default: not for input, not-found, conflict and permission errors. */
  isRetryable?: (error: unknown) => boolean;
  /** Told about failures of the runner itself and of jobs (ids and codes only; for logging). */
  onError?: (error: unknown, job?: Job) => void;
}

/** Codes that will fail the same way on every attempt, so retrying them only delays the dead letter. */
const PERMANENT_ERROR_CODES: ReadonlySet<AppErrorCode> = new Set<AppErrorCode>([
  'invalid_input',
  'empty_transcript',
  'not_found',
  'conflict',
  'already_approved',
  'approval_blocked',
  'payload_too_large',
  'unsupported_media_type',
  'unauthorized',
  'forbidden',
]);

/** The default retry rule: an `AppError` with a permanent code is not retried; anything else is. */
export function isRetryableJobError(error: unknown): boolean {
  return !(isAppError(error) && PERMANENT_ERROR_CODES.has(error.code));
}

/** An `AppError`'s code and message; anything else becomes `internal` without its (unknown) message. */
export function toJobError(error: unknown): JobError {
  return isAppError(error)
    ? { code: error.code, message: error.message }
    : { code: 'internal', message: 'Uventet feil' };
}

function leaseLost(jobId: string): AppError {
  return new AppError('conflict', 'Jobben er overtatt av en annen arbeider', { details: { jobId } });
}

interface ActiveJob {
  lease: JobLease;
  controller: AbortController;
  promise: Promise<void>;
  released: boolean;
}

/**
 * The in-process worker: polls the queue, runs up to `concurrency` jobs, keeps their leases alive, and stores
 * each outcome (complete, retry after backoff, or dead letter). `stop()` is graceful: no new claims, running
 * jobs may finish within `stopTimeoutMs`, and the rest are aborted and released for another worker at once.
 */
export class JobRunner {
  private readonly queue: JobQueue;
  private readonly handlers: Readonly<Record<string, JobHandler>>;
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly stopTimeoutMs: number;
  private readonly isRetryable: (error: unknown) => boolean;
  private readonly onError: (error: unknown, job?: Job) => void;
  /** Names this worker in the leases it takes. */
  readonly workerId: string;
  private readonly active = new Map<string, ActiveJob>();
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private wakePending = false;

  constructor(options: JobRunnerOptions) {
    this.queue = options.queue;
    this.handlers = options.handlers;
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
    this.isRetryable = options.isRetryable ?? isRetryableJobError;
    this.onError = options.onError ?? (() => undefined);
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  }

  /** Jobs running now. */
  get activeCount(): number {
    return this.active.size;
  }

  /** Starts polling (a second call does nothing). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.poll();
  }

  /** Looks for work now instead of at the next poll (after an enqueue in this process). */
  wake(): void {
    this.wakePending = true;
    this.wakeUp?.();
  }

  /** Stops claiming, lets running jobs finish within `stopTimeoutMs`, then aborts and releases the rest. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake();
    await this.loop;
    const running = [...this.active.values()];
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.stopTimeoutMs);
    });
    const finished = await Promise.race([
      Promise.all(running.map((job) => job.promise)).then(() => 'done' as const),
      timedOut,
    ]);
    clearTimeout(timer);
    if (finished === 'done') return;
    for (const job of this.active.values()) {
      job.released = true;
      job.controller.abort(new AppError('unavailable', 'Arbeideren stopper'));
      await this.queue.release(job.lease).catch((error: unknown) => this.onError(error, job.lease.job));
    }
  }

  private async sleep(milliseconds: number): Promise<void> {
    if (this.wakePending) {
      this.wakePending = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, milliseconds);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
    this.wakeUp = undefined;
    this.wakePending = false;
  }

  private async poll(): Promise<void> {
    const kinds = Object.keys(this.handlers);
    while (this.running) {
      while (this.running && this.active.size < this.concurrency) {
        let lease: JobLease | undefined;
        try {
          lease = await this.queue.claim({ kinds, workerId: this.workerId, leaseMs: this.leaseMs });
        } catch (error) {
          this.onError(error);
          break;
        }
        if (lease === undefined) break;
        if (!this.running) {
          await this.queue.release(lease).catch((error: unknown) => this.onError(error));
          break;
        }
        this.runJob(lease);
      }
      if (this.running) await this.sleep(this.pollIntervalMs);
    }
  }

  private runJob(lease: JobLease): void {
    const controller = new AbortController();
    const entry: ActiveJob = { lease, controller, promise: Promise.resolve(), released: false };
    const heartbeat = setInterval(
      () => {
        void this.queue.renewLease(lease, this.leaseMs).then(
          (held) => {
            if (!held) controller.abort(leaseLost(lease.job.id));
          },
          (error: unknown) => this.onError(error, lease.job), // a passing database error: try again next beat
        );
      },
      Math.max(10, Math.floor(this.leaseMs / 3)),
    );
    entry.promise = this.attempt(lease, controller, entry).finally(() => {
      clearInterval(heartbeat);
      this.active.delete(lease.job.id);
      this.wake();
    });
    this.active.set(lease.job.id, entry);
  }

  private async attempt(lease: JobLease, controller: AbortController, entry: ActiveJob): Promise<void> {
    const handler = this.handlers[lease.job.kind];
    try {
      if (handler === undefined) {
        throw new AppError('invalid_input', 'Ukjent jobbtype', { details: { kind: lease.job.kind } });
      }
      const result = await handler({
        job: lease.job,
        signal: controller.signal,
        saveCheckpoint: async (checkpoint) => {
          if (!(await this.queue.saveCheckpoint(lease, checkpoint))) throw leaseLost(lease.job.id);
        },
        extendLease: async () => {
          if (!(await this.queue.renewLease(lease, this.leaseMs))) throw leaseLost(lease.job.id);
        },
      });
      if (!(await this.queue.complete(lease, result))) this.onError(leaseLost(lease.job.id), lease.job);
    } catch (error) {
      // Released on shutdown, or taken over by another worker: the outcome is no longer ours to record.
      if (entry.released || controller.signal.aborted) return;
      this.onError(error, lease.job);
      await this.queue
        .fail(lease, toJobError(error), { retry: this.isRetryable(error) })
        .catch((failure: unknown) => this.onError(failure, lease.job));
    }
  }
}
