/**
 * Where a job is in its life: `queued` (waiting, possibly until `runAt` after a failed attempt), `running`
 * (leased by a worker until `leaseExpiresAt`), `succeeded` (the result is stored), `dead_letter` (given up:
 * attempts used up or a permanent error; kept for inspection, never run again).
 */
export type JobState = 'queued' | 'running' | 'succeeded' | 'dead_letter';

/** The job states, in life order. */
export const JOB_STATES: readonly JobState[] = ['queued', 'running', 'succeeded', 'dead_letter'];

/** Why the last attempt failed: an `AppError` code and its patient-free message. */
export interface JobError {
  code: string;
  message: string;
}

/** A stored job. `payload`, `checkpoint` and `result` are JSON values (ids and settings, never patient text). */
export interface Job {
  id: string;
  kind: string;
  /** The practice the job belongs to; only that practice may read it. Absent with sign-in off. */
  practiceId?: string;
  idempotencyKey?: string;
  payload: unknown;
  state: JobState;
  /** Attempts started so far (a claim counts; a graceful release does not). */
  attempts: number;
  maxAttempts: number;
  /** Base delay before a retry; doubled per attempt. */
  backoffMs: number;
  /** Not run before this time. */
  runAt: string;
  leaseOwner?: string;
  leaseExpiresAt?: string;
  /** What a handler saved on the way (e.g. what it saw before writing), so a re-run can tell what was done. */
  checkpoint?: unknown;
  result?: unknown;
  error?: JobError;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
}

/** A job to enqueue. */
export interface EnqueueJobInput {
  kind: string;
  payload: unknown;
  practiceId?: string;
  /**
   * Makes enqueueing idempotent: a second enqueue with the same key returns the first job (in whatever state),
   * and never creates another. The same key for a different kind or practice is a `conflict`.
   */
  idempotencyKey?: string;
  /** Attempts before the job is dead-lettered (default 3). */
  maxAttempts?: number;
  /** Base retry delay in milliseconds (default 1000), doubled per attempt up to five minutes. */
  backoffMs?: number;
  /** Wait this long before the first attempt (default 0). */
  delayMs?: number;
}

/** The outcome of `enqueue`: the job, and whether this call created it. */
export interface EnqueueJobResult {
  job: Job;
  created: boolean;
}

/** A job a worker holds; `token` proves the lease on every later call. */
export interface JobLease {
  job: Job;
  token: string;
}

/** Which jobs to list. */
export interface JobFilter {
  practiceId?: string;
  kind?: string;
  state?: JobState;
  /** At most this many of the newest (default 100). */
  limit?: number;
}

/**
 * A durable job queue. Workers `claim` a job with a lease, renew it while they work, and end it with
 * `complete`, `fail` or `release`; every one of those checks the lease token, so a worker whose lease lapsed
 * (it was presumed dead and the job was claimed again) cannot overwrite the new holder's outcome. A job whose
 * worker died becomes claimable when its lease expires; it is dead-lettered once its attempts are used up.
 */
export interface JobQueue {
  /** Stores a new job, or returns the existing one with the same idempotency key. */
  enqueue(input: EnqueueJobInput): Promise<EnqueueJobResult>;
  /** The job; with `practiceId`, only if it belongs to that practice. */
  findById(id: string, options?: { practiceId?: string }): Promise<Job | undefined>;
  /** Jobs matching the filter, newest first. */
  list(filter?: JobFilter): Promise<Job[]>;
  /**
   * Leases the next runnable job of one of `kinds` (queued and due, or running with an expired lease) for
   * `leaseMs`, counting an attempt; undefined when none. Jobs whose lease expired with no attempts left are
   * dead-lettered on the way.
   */
  claim(input: {
    kinds: readonly string[];
    workerId: string;
    leaseMs: number;
  }): Promise<JobLease | undefined>;
  /** Extends the lease by `leaseMs` from now; false when the lease is no longer held. */
  renewLease(lease: JobLease, leaseMs: number): Promise<boolean>;
  /** Stores a checkpoint on the job; false when the lease is no longer held. */
  saveCheckpoint(lease: JobLease, checkpoint: unknown): Promise<boolean>;
  /** Marks the job succeeded with its result; false (and nothing changed) when the lease is no longer held. */
  complete(lease: JobLease, result: unknown): Promise<boolean>;
  /**
   * Records a failed attempt: back to `queued` after the backoff when `retry` and attempts remain, otherwise
   * `dead_letter`. Returns the job as stored, or undefined when the lease is no longer held.
   */
  fail(lease: JobLease, error: JobError, options?: { retry?: boolean }): Promise<Job | undefined>;
  /** Gives the job back without counting the attempt (a worker shutting down); false when not held. */
  release(lease: JobLease): Promise<boolean>;
}
