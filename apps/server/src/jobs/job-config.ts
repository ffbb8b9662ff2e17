import { AppError } from '@kollega/domain';

/** Where the test-only drafting delay pauses: before the note is written, or after it (before completion). */
export type DraftDelayPoint = 'before_write' | 'after_write';

/** Background-job settings, read from the environment next to the server configuration. */
export interface JobConfig {
  /**
   * Jobs this process runs at once (drafting and transcription share them); 0 makes it API-only: it still
   * enqueues, but runs no job and no live transcription. Env KOLLEGA_WORKERS (default 1).
   */
  workers: number;
  /** How often an idle worker looks for jobs other processes enqueued. Env KOLLEGA_JOB_POLL_MS (default 1000). */
  pollIntervalMs: number;
  /**
   * How long a job stays leased without a heartbeat: the time before another process takes over the job of a
   * worker that died. Renewed every third of it while the job runs. Env KOLLEGA_JOB_LEASE_MS (default 30 000).
   */
  leaseMs: number;
  /** How long closing the server waits for running jobs before releasing them (default 10 000). */
  stopTimeoutMs: number;
  /**
   * TEST ONLY, off by default: the drafting job sleeps this long at `testDraftDelayAt`, so fault tests can kill
   * a process in the middle of a job. Env KOLLEGA_TEST_DRAFT_JOB_DELAY_MS and KOLLEGA_TEST_DRAFT_JOB_DELAY_AT.
   */
  testDraftDelayMs: number;
  testDraftDelayAt: DraftDelayPoint;
}

function readInteger(
  env: Record<string, string | undefined>,
  name: string,
  limits: { min: number; fallback: number },
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return limits.fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < limits.min) {
    throw new AppError('invalid_input', `Ugyldig konfigurasjon: ${name}`, { details: { setting: name } });
  }
  return value;
}

/** Reads the job settings; a wrong value is `invalid_input` naming the variable (never its value). */
export function loadJobConfig(env: Record<string, string | undefined>): JobConfig {
  const delayAt = env.KOLLEGA_TEST_DRAFT_JOB_DELAY_AT?.trim();
  if (delayAt !== undefined && delayAt !== '' && delayAt !== 'before_write' && delayAt !== 'after_write') {
    throw new AppError('invalid_input', 'Ugyldig konfigurasjon: KOLLEGA_TEST_DRAFT_JOB_DELAY_AT', {
      details: { setting: 'KOLLEGA_TEST_DRAFT_JOB_DELAY_AT' },
    });
  }
  return {
    workers: readInteger(env, 'KOLLEGA_WORKERS', { min: 0, fallback: 1 }),
    pollIntervalMs: readInteger(env, 'KOLLEGA_JOB_POLL_MS', { min: 10, fallback: 1000 }),
    leaseMs: readInteger(env, 'KOLLEGA_JOB_LEASE_MS', { min: 100, fallback: 30_000 }),
    stopTimeoutMs: 10_000,
    testDraftDelayMs: readInteger(env, 'KOLLEGA_TEST_DRAFT_JOB_DELAY_MS', { min: 0, fallback: 0 }),
    testDraftDelayAt: delayAt === 'after_write' ? 'after_write' : 'before_write',
  };
}
