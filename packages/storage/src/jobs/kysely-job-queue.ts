import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '@kollega/domain';
import type { RepositoryOptions } from '../database/repository-options';
import type {
  EnqueueJobInput,
  EnqueueJobResult,
  Job,
  JobError,
  JobFilter,
  JobLease,
  JobQueue,
  JobState,
} from './job-queue';
import { JOB_STATES } from './job-queue';
import type { JobsDatabaseSchema, JobTable } from './jobs-schema';

const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_BACKOFF_MS = 1000;
/** The longest wait before a retry, however many attempts failed. */
const MAX_BACKOFF_MS = 5 * 60 * 1000;

/** The wait before attempt `attempts + 1`: `backoffMs` doubled per failed attempt, at most five minutes. */
export function computeRetryDelay(backoffMs: number, attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, backoffMs * 2 ** Math.max(0, attempts - 1));
}

function parseJson(text: string | null): unknown {
  return text === null ? undefined : (JSON.parse(text) as unknown);
}

function toJob(row: JobTable): Job {
  const state = JOB_STATES.includes(row.state as JobState) ? (row.state as JobState) : 'dead_letter';
  const checkpoint = parseJson(row.checkpoint);
  const result = parseJson(row.result);
  return {
    id: row.id,
    kind: row.kind,
    ...(row.practice_id === null ? {} : { practiceId: row.practice_id }),
    ...(row.idempotency_key === null ? {} : { idempotencyKey: row.idempotency_key }),
    payload: parseJson(row.payload),
    state,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    backoffMs: Number(row.backoff_ms),
    runAt: row.run_at,
    ...(row.lease_owner === null ? {} : { leaseOwner: row.lease_owner }),
    ...(row.lease_expires_at === null ? {} : { leaseExpiresAt: row.lease_expires_at }),
    ...(checkpoint === undefined ? {} : { checkpoint }),
    ...(result === undefined ? {} : { result }),
    ...(row.error === null ? {} : { error: JSON.parse(row.error) as JobError }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
  };
}

function assertPositiveInteger(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new AppError('invalid_input', `Ugyldig verdi for ${field}`, { details: { field } });
  }
}

/**
 * `JobQueue` on Kysely, the same `jobs` table on SQLite and PostgreSQL. A claim is one `UPDATE … RETURNING`
 * of the first runnable row: on PostgreSQL its sub-select takes the row `FOR UPDATE SKIP LOCKED`, so
 * concurrent workers (in any number of processes) pick different jobs without waiting for each other; SQLite
 * runs one write at a time (across processes too, through its file lock and `busy_timeout`). Every later call
 * matches the lease token in its `WHERE`, so it is atomic without a transaction.
 */
export class KyselyJobQueue implements JobQueue {
  private readonly db: Kysely<JobsDatabaseSchema>;

  constructor(private readonly options: RepositoryOptions) {
    this.db = options.db as unknown as Kysely<JobsDatabaseSchema>;
  }

  private nowIso(offsetMs = 0): string {
    return new Date(this.options.now().getTime() + offsetMs).toISOString();
  }

  async enqueue(input: EnqueueJobInput): Promise<EnqueueJobResult> {
    const maxAttempts = input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const backoffMs = input.backoffMs ?? DEFAULT_BACKOFF_MS;
    assertPositiveInteger(maxAttempts, 'maxAttempts');
    assertPositiveInteger(backoffMs, 'backoffMs');
    const now = this.nowIso();
    const row: JobTable = {
      id: this.options.createId(),
      kind: input.kind,
      practice_id: input.practiceId ?? null,
      idempotency_key: input.idempotencyKey ?? null,
      payload: JSON.stringify(input.payload ?? null),
      state: 'queued',
      attempts: 0,
      max_attempts: maxAttempts,
      backoff_ms: backoffMs,
      run_at: this.nowIso(Math.max(0, input.delayMs ?? 0)),
      lease_owner: null,
      lease_token: null,
      lease_expires_at: null,
      checkpoint: null,
      result: null,
      error: null,
      created_at: now,
      updated_at: now,
      finished_at: null,
    };
    if (input.idempotencyKey === undefined) {
      await this.db.insertInto('jobs').values(row).execute();
      return { job: toJob(row), created: true };
    }
    const inserted = await this.db
      .insertInto('jobs')
      .values(row)
      .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted !== undefined) return { job: toJob(inserted), created: true };
    const existing = await this.db
      .selectFrom('jobs')
      .selectAll()
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirstOrThrow();
    if (existing.kind !== input.kind || existing.practice_id !== (input.practiceId ?? null)) {
      throw new AppError('conflict', 'Idempotensnøkkelen er allerede brukt til en annen jobb', {
        details: { field: 'idempotencyKey' },
      });
    }
    return { job: toJob(existing), created: false };
  }

  async findById(id: string, options: { practiceId?: string } = {}): Promise<Job | undefined> {
    let query = this.db.selectFrom('jobs').selectAll().where('id', '=', id);
    if (options.practiceId !== undefined) query = query.where('practice_id', '=', options.practiceId);
    const row = await query.executeTakeFirst();
    return row === undefined ? undefined : toJob(row);
  }

  async list(filter: JobFilter = {}): Promise<Job[]> {
    let query = this.db.selectFrom('jobs').selectAll();
    if (filter.practiceId !== undefined) query = query.where('practice_id', '=', filter.practiceId);
    if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
    if (filter.state !== undefined) query = query.where('state', '=', filter.state);
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit ?? 100)
      .execute();
    return rows.map(toJob);
  }

  async claim(input: {
    kinds: readonly string[];
    workerId: string;
    leaseMs: number;
  }): Promise<JobLease | undefined> {
    if (input.kinds.length === 0) return undefined;
    const now = this.nowIso();
    // A job whose worker died on its last attempt is not run again: it goes to the dead letters.
    await this.db
      .updateTable('jobs')
      .set({
        state: 'dead_letter',
        error: JSON.stringify({ code: 'timeout', message: 'Arbeideren stoppet før jobben var ferdig' }),
        lease_owner: null,
        lease_token: null,
        lease_expires_at: null,
        updated_at: now,
        finished_at: now,
      })
      .where('state', '=', 'running')
      .where('lease_expires_at', '<=', now)
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
      .execute();

    let next = this.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', 'in', [...input.kinds])
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', now)]),
          eb.and([eb('state', '=', 'running'), eb('lease_expires_at', '<=', now)]),
        ]),
      )
      .orderBy('run_at')
      .orderBy('id')
      .limit(1);
    if (this.options.dialect === 'postgres') next = next.forUpdate().skipLocked();
    const token = randomBytes(16).toString('hex');
    const claimed = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        attempts: eb('attempts', '+', 1),
        lease_owner: input.workerId,
        lease_token: token,
        lease_expires_at: this.nowIso(input.leaseMs),
        updated_at: now,
      }))
      .where('id', 'in', next)
      .returningAll()
      .executeTakeFirst();
    return claimed === undefined ? undefined : { job: toJob(claimed), token };
  }

  async renewLease(lease: JobLease, leaseMs: number): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ lease_expires_at: this.nowIso(leaseMs), updated_at: this.nowIso() })
      .where('id', '=', lease.job.id)
      .where('state', '=', 'running')
      .where('lease_token', '=', lease.token)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async saveCheckpoint(lease: JobLease, checkpoint: unknown): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ checkpoint: JSON.stringify(checkpoint ?? null), updated_at: this.nowIso() })
      .where('id', '=', lease.job.id)
      .where('state', '=', 'running')
      .where('lease_token', '=', lease.token)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async complete(lease: JobLease, result: unknown): Promise<boolean> {
    const now = this.nowIso();
    const updated = await this.db
      .updateTable('jobs')
      .set({
        state: 'succeeded',
        result: JSON.stringify(result ?? null),
        error: null,
        lease_owner: null,
        lease_token: null,
        lease_expires_at: null,
        updated_at: now,
        finished_at: now,
      })
      .where('id', '=', lease.job.id)
      .where('state', '=', 'running')
      .where('lease_token', '=', lease.token)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }

  async fail(lease: JobLease, error: JobError, options: { retry?: boolean } = {}): Promise<Job | undefined> {
    const now = this.nowIso();
    const { attempts, maxAttempts, backoffMs } = lease.job;
    const retry = (options.retry ?? true) && attempts < maxAttempts;
    const updated = await this.db
      .updateTable('jobs')
      .set({
        state: retry ? 'queued' : 'dead_letter',
        run_at: retry ? this.nowIso(computeRetryDelay(backoffMs, attempts)) : lease.job.runAt,
        error: JSON.stringify({ code: error.code, message: error.message.slice(0, 500) }),
        lease_owner: null,
        lease_token: null,
        lease_expires_at: null,
        updated_at: now,
        finished_at: retry ? null : now,
      })
      .where('id', '=', lease.job.id)
      .where('state', '=', 'running')
      .where('lease_token', '=', lease.token)
      .returningAll()
      .executeTakeFirst();
    return updated === undefined ? undefined : toJob(updated);
  }

  async release(lease: JobLease): Promise<boolean> {
    const now = this.nowIso();
    const updated = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'queued',
        attempts: eb('attempts', '-', 1),
        run_at: now,
        lease_owner: null,
        lease_token: null,
        lease_expires_at: null,
        updated_at: now,
      }))
      .where('id', '=', lease.job.id)
      .where('state', '=', 'running')
      .where('lease_token', '=', lease.token)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }
}
