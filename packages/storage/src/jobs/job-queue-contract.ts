import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@kollega/domain';
import type { AppStorage, CreateStorageOptions } from '../create-storage';
import type { Job, JobQueue } from './job-queue';
import { JobRunner } from './job-runner';

/** Opens a fresh, empty storage (or, for `openTwo`, two handles on one fresh database) for one test. */
export interface JobQueueContractSetup {
  open(options: CreateStorageOptions): Promise<AppStorage>;
  /** Two storages on the same database, as two processes would have. */
  openTwo(): Promise<[AppStorage, AppStorage]>;
}

/** A clock the test moves by hand. */
function createManualClock(start = Date.parse('2025-05-01T08:00:00Z')) {
  let time = start;
  return {
    now: () => new Date(time),
    advance(milliseconds: number) {
      time += milliseconds;
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** Polls `check` until it returns a value, or fails after `timeoutMs`. */
async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function waitForState(queue: JobQueue, id: string, states: Job['state'][]): Promise<Job> {
  return waitFor(async () => {
    const job = await queue.findById(id);
    return job !== undefined && states.includes(job.state) ? job : undefined;
  });
}

/**
 * The behaviour every `JobQueue` must have, and the `JobRunner` on top of it. Run against SQLite always and
 * PostgreSQL when available.
 */
export function describeJobQueueContract(name: string, setup: JobQueueContractSetup): void {
  describe(`job queue contract: ${name}`, () => {
    const opened: AppStorage[] = [];
    const runners: JobRunner[] = [];
    afterEach(async () => {
      for (const runner of runners.splice(0)) await runner.stop();
      for (const storage of opened.splice(0)) await storage.close();
    });
    const open = async (options: CreateStorageOptions = {}) => {
      const storage = await setup.open(options);
      opened.push(storage);
      return storage;
    };
    const startRunner = (runner: JobRunner) => {
      runners.push(runner);
      runner.start();
      return runner;
    };

    describe('enqueue and read', () => {
      it('stores a queued job and reads it back, scoped to its practice', async () => {
        const { jobs } = await open();
        const { job, created } = await jobs.enqueue({
          kind: 'note.draft',
          payload: { consultationId: 'k1' },
          practiceId: 'praksis-a',
          maxAttempts: 4,
        });
        expect(created).toBe(true);
        expect(job).toMatchObject({ state: 'queued', attempts: 0, maxAttempts: 4, practiceId: 'praksis-a' });
        expect(await jobs.findById(job.id)).toEqual(job);
        expect(await jobs.findById(job.id, { practiceId: 'praksis-a' })).toEqual(job);
        expect(await jobs.findById(job.id, { practiceId: 'praksis-b' })).toBeUndefined();
        expect(await jobs.findById('finnes-ikke')).toBeUndefined();
        await jobs.enqueue({ kind: 'note.draft', payload: {}, practiceId: 'praksis-b' });
        expect((await jobs.list({ practiceId: 'praksis-a' })).map((item) => item.id)).toEqual([job.id]);
        expect(await jobs.list({ state: 'queued' })).toHaveLength(2);
      });

      it('makes the same idempotency key one job, also after it has finished', async () => {
        const { jobs } = await open();
        const input = { kind: 'note.draft', payload: { consultationId: 'k1' }, idempotencyKey: 'nøkkel-1' };
        const first = await jobs.enqueue(input);
        const second = await jobs.enqueue(input);
        expect(second).toEqual({ job: first.job, created: false });
        const lease = await jobs.claim({ kinds: ['note.draft'], workerId: 'w', leaseMs: 1000 });
        expect(await jobs.complete(lease!, { noteId: 'n1' })).toBe(true);
        const third = await jobs.enqueue(input);
        expect(third.created).toBe(false);
        expect(third.job).toMatchObject({ id: first.job.id, state: 'succeeded', result: { noteId: 'n1' } });
        expect(await jobs.list()).toHaveLength(1);
        // Jobs without a key are never merged.
        await jobs.enqueue({ kind: 'note.draft', payload: {} });
        await jobs.enqueue({ kind: 'note.draft', payload: {} });
        expect(await jobs.list()).toHaveLength(3);
      });

      it('refuses a key already used by another kind or practice', async () => {
        const { jobs } = await open();
        await jobs.enqueue({ kind: 'note.draft', payload: {}, idempotencyKey: 'k', practiceId: 'a' });
        expect(
          (
            await rejection(
              jobs.enqueue({ kind: 'other', payload: {}, idempotencyKey: 'k', practiceId: 'a' }),
            )
          ).code,
        ).toBe('conflict');
        expect(
          (
            await rejection(
              jobs.enqueue({ kind: 'note.draft', payload: {}, idempotencyKey: 'k', practiceId: 'b' }),
            )
          ).code,
        ).toBe('conflict');
        expect((await rejection(jobs.enqueue({ kind: 'x', payload: {}, maxAttempts: 0 }))).code).toBe(
          'invalid_input',
        );
      });

      it('enqueues the same key concurrently as exactly one job', async () => {
        const { jobs } = await open();
        const results = await Promise.all(
          Array.from({ length: 8 }, () =>
            jobs.enqueue({ kind: 'note.draft', payload: {}, idempotencyKey: 'samtidig' }),
          ),
        );
        expect(new Set(results.map((result) => result.job.id)).size).toBe(1);
        expect(results.filter((result) => result.created)).toHaveLength(1);
      });
    });

    describe('leases', () => {
      it('claims due jobs of the asked kinds, oldest first, one holder at a time', async () => {
        const clock = createManualClock();
        const { jobs } = await open({ now: clock.now });
        const first = await jobs.enqueue({ kind: 'a', payload: 1 });
        clock.advance(1);
        await jobs.enqueue({ kind: 'b', payload: 2 });
        clock.advance(1);
        const later = await jobs.enqueue({ kind: 'a', payload: 3, delayMs: 5000 });
        const lease = await jobs.claim({ kinds: ['a'], workerId: 'w1', leaseMs: 1000 });
        expect(lease?.job).toMatchObject({
          id: first.job.id,
          state: 'running',
          attempts: 1,
          leaseOwner: 'w1',
        });
        expect(lease?.job.leaseExpiresAt).toBe(new Date(clock.now().getTime() + 1000).toISOString());
        // The other `a` job is not due yet, and `b` was not asked for.
        expect(await jobs.claim({ kinds: ['a'], workerId: 'w2', leaseMs: 1000 })).toBeUndefined();
        expect(await jobs.claim({ kinds: [], workerId: 'w2', leaseMs: 1000 })).toBeUndefined();
        clock.advance(5000);
        const second = await jobs.claim({ kinds: ['a'], workerId: 'w2', leaseMs: 60_000 });
        // The first lease lapsed too, so it comes back first (older run time) …
        expect(second?.job.id).toBe(first.job.id);
        expect(second?.job.attempts).toBe(2);
        const third = await jobs.claim({ kinds: ['a'], workerId: 'w2', leaseMs: 60_000 });
        expect(third?.job.id).toBe(later.job.id);
        // … and the worker presumed dead can no longer record an outcome.
        expect(await jobs.complete(lease!, 'gammel')).toBe(false);
        expect(await jobs.renewLease(lease!, 1000)).toBe(false);
        expect(await jobs.saveCheckpoint(lease!, {})).toBe(false);
        expect(await jobs.fail(lease!, { code: 'internal', message: 'x' })).toBeUndefined();
        expect(await jobs.complete(second!, { ok: true })).toBe(true);
        expect(await jobs.findById(first.job.id)).toMatchObject({
          state: 'succeeded',
          result: { ok: true },
          attempts: 2,
        });
      });

      it('keeps a renewed lease and hands a checkpoint to the next attempt', async () => {
        const clock = createManualClock();
        const { jobs } = await open({ now: clock.now });
        const { job } = await jobs.enqueue({ kind: 'a', payload: {} });
        const lease = await jobs.claim({ kinds: ['a'], workerId: 'w1', leaseMs: 1000 });
        expect(await jobs.saveCheckpoint(lease!, { seenVersion: 3 })).toBe(true);
        clock.advance(800);
        expect(await jobs.renewLease(lease!, 1000)).toBe(true);
        clock.advance(800);
        expect(await jobs.claim({ kinds: ['a'], workerId: 'w2', leaseMs: 1000 })).toBeUndefined();
        clock.advance(300);
        const taken = await jobs.claim({ kinds: ['a'], workerId: 'w2', leaseMs: 1000 });
        expect(taken?.job).toMatchObject({ id: job.id, attempts: 2, checkpoint: { seenVersion: 3 } });
      });

      it('retries after a doubling backoff and dead-letters when attempts are used up', async () => {
        const clock = createManualClock();
        const { jobs } = await open({ now: clock.now });
        const { job } = await jobs.enqueue({ kind: 'a', payload: {}, maxAttempts: 3, backoffMs: 1000 });
        const claim = () => jobs.claim({ kinds: ['a'], workerId: 'w', leaseMs: 60_000 });
        const failed = await jobs.fail((await claim())!, { code: 'unavailable', message: 'nede' });
        expect(failed).toMatchObject({ state: 'queued', attempts: 1, error: { code: 'unavailable' } });
        expect(failed?.runAt).toBe(new Date(clock.now().getTime() + 1000).toISOString());
        clock.advance(999);
        expect(await claim()).toBeUndefined();
        clock.advance(1);
        const again = await jobs.fail((await claim())!, { code: 'unavailable', message: 'nede' });
        expect(again?.runAt).toBe(new Date(clock.now().getTime() + 2000).toISOString());
        clock.advance(2000);
        const last = await jobs.fail((await claim())!, { code: 'unavailable', message: 'nede' });
        expect(last).toMatchObject({ state: 'dead_letter', attempts: 3, error: { code: 'unavailable' } });
        expect(last?.finishedAt).toBeDefined();
        clock.advance(3_600_000);
        expect(await claim()).toBeUndefined();
        expect(await jobs.list({ state: 'dead_letter' })).toEqual([expect.objectContaining({ id: job.id })]);
      });

      it('dead-letters at once when a failure is not retryable', async () => {
        const { jobs } = await open();
        await jobs.enqueue({ kind: 'a', payload: {}, maxAttempts: 5 });
        const lease = await jobs.claim({ kinds: ['a'], workerId: 'w', leaseMs: 1000 });
        const failed = await jobs.fail(lease!, { code: 'not_found', message: 'borte' }, { retry: false });
        expect(failed).toMatchObject({ state: 'dead_letter', attempts: 1 });
      });

      it('dead-letters a job whose worker died on its last attempt', async () => {
        const clock = createManualClock();
        const { jobs } = await open({ now: clock.now });
        const { job } = await jobs.enqueue({ kind: 'a', payload: {}, maxAttempts: 2 });
        await jobs.claim({ kinds: ['a'], workerId: 'w1', leaseMs: 1000 });
        clock.advance(1000);
        await jobs.claim({ kinds: ['a'], workerId: 'w2', leaseMs: 1000 });
        clock.advance(1000);
        expect(await jobs.claim({ kinds: ['a'], workerId: 'w3', leaseMs: 1000 })).toBeUndefined();
        expect(await jobs.findById(job.id)).toMatchObject({
          state: 'dead_letter',
          attempts: 2,
          error: { code: 'timeout' },
        });
      });

      it('gives a released job back without counting the attempt', async () => {
        const { jobs } = await open();
        const { job } = await jobs.enqueue({ kind: 'a', payload: {} });
        const lease = await jobs.claim({ kinds: ['a'], workerId: 'w', leaseMs: 60_000 });
        expect(await jobs.release(lease!)).toBe(true);
        expect(await jobs.findById(job.id)).toMatchObject({ state: 'queued', attempts: 0 });
        expect(await jobs.release(lease!)).toBe(false);
        expect((await jobs.claim({ kinds: ['a'], workerId: 'w2', leaseMs: 1000 }))?.job.attempts).toBe(1);
      });

      it('never hands one job to two claimers, across two connections to one database', async () => {
        const [first, second] = await setup.openTwo();
        opened.push(first, second);
        const ids = new Set<string>();
        for (let index = 0; index < 30; index += 1) {
          ids.add((await first.jobs.enqueue({ kind: 'a', payload: index })).job.id);
        }
        const claimedBy = new Map<string, number>();
        const drain = async (queue: JobQueue, worker: string) => {
          for (;;) {
            const lease = await queue.claim({ kinds: ['a'], workerId: worker, leaseMs: 60_000 });
            if (lease === undefined) return;
            claimedBy.set(lease.job.id, (claimedBy.get(lease.job.id) ?? 0) + 1);
            expect(await queue.complete(lease, worker)).toBe(true);
          }
        };
        await Promise.all([
          drain(first.jobs, 'a1'),
          drain(first.jobs, 'a2'),
          drain(second.jobs, 'b1'),
          drain(second.jobs, 'b2'),
        ]);
        expect([...claimedBy.keys()].sort()).toEqual([...ids].sort());
        expect([...claimedBy.values()].every((count) => count === 1)).toBe(true);
        expect(await second.jobs.list({ state: 'succeeded' })).toHaveLength(30);
      });
    });

    describe('runner', () => {
      it('runs every job once, concurrently, and stores results', async () => {
        const { jobs } = await open();
        const calls: string[] = [];
        const runner = startRunner(
          new JobRunner({
            queue: jobs,
            concurrency: 3,
            pollIntervalMs: 20,
            handlers: {
              echo: async ({ job }) => {
                calls.push(job.id);
                await new Promise((resolve) => setTimeout(resolve, 20));
                return { echoed: job.payload };
              },
            },
          }),
        );
        const enqueued = await Promise.all(
          Array.from({ length: 7 }, (_, index) => jobs.enqueue({ kind: 'echo', payload: index })),
        );
        runner.wake();
        for (const { job } of enqueued) {
          const done = await waitForState(jobs, job.id, ['succeeded']);
          expect(done).toMatchObject({ attempts: 1, result: { echoed: job.payload } });
        }
        expect([...calls].sort()).toEqual(enqueued.map(({ job }) => job.id).sort());
      });

      it('retries a failing job and dead-letters a permanent error at once', async () => {
        const { jobs } = await open();
        let flakyCalls = 0;
        startRunner(
          new JobRunner({
            queue: jobs,
            pollIntervalMs: 10,
            handlers: {
              flaky: () => {
                flakyCalls += 1;
                if (flakyCalls < 3) throw new AppError('unavailable', 'Prøv igjen');
                return Promise.resolve('ok');
              },
              broken: () => Promise.reject(new AppError('not_found', 'Fant ikke konsultasjonen')),
              crashing: () => Promise.reject(new Error('hemmelig pasienttekst')),
            },
          }),
        );
        const flaky = await jobs.enqueue({ kind: 'flaky', payload: {}, backoffMs: 1, maxAttempts: 3 });
        const broken = await jobs.enqueue({ kind: 'broken', payload: {}, maxAttempts: 3 });
        const crashing = await jobs.enqueue({ kind: 'crashing', payload: {}, backoffMs: 1, maxAttempts: 2 });
        expect(await waitForState(jobs, flaky.job.id, ['succeeded'])).toMatchObject({
          attempts: 3,
          result: 'ok',
        });
        expect(await waitForState(jobs, broken.job.id, ['dead_letter'])).toMatchObject({
          attempts: 1,
          error: { code: 'not_found' },
        });
        const dead = await waitForState(jobs, crashing.job.id, ['dead_letter']);
        // An unknown error is stored without its message (it might hold patient text).
        expect(dead).toMatchObject({ attempts: 2, error: { code: 'internal', message: 'Uventet feil' } });
      });

      it('takes over a job whose worker died once the lease expires, and the dead worker cannot complete it', async () => {
        const { jobs } = await open();
        const { job } = await jobs.enqueue({ kind: 'echo', payload: {} });
        const dead = await jobs.claim({ kinds: ['echo'], workerId: 'død', leaseMs: 300 });
        let calls = 0;
        startRunner(
          new JobRunner({
            queue: jobs,
            pollIntervalMs: 20,
            handlers: {
              echo: () => {
                calls += 1;
                return Promise.resolve('levende');
              },
            },
          }),
        );
        const done = await waitForState(jobs, job.id, ['succeeded']);
        expect(done).toMatchObject({ attempts: 2, result: 'levende' });
        expect(await jobs.complete(dead!, 'død')).toBe(false);
        expect(calls).toBe(1);
      });

      it('keeps the lease of a long job alive, so nobody else takes it', async () => {
        const { jobs } = await open();
        const { job } = await jobs.enqueue({ kind: 'slow', payload: {} });
        startRunner(
          new JobRunner({
            queue: jobs,
            pollIntervalMs: 10,
            leaseMs: 150,
            handlers: { slow: () => new Promise((resolve) => setTimeout(() => resolve('ferdig'), 600)) },
          }),
        );
        await waitForState(jobs, job.id, ['running']);
        const deadline = Date.now() + 450;
        while (Date.now() < deadline) {
          expect(await jobs.claim({ kinds: ['slow'], workerId: 'tyv', leaseMs: 1000 })).toBeUndefined();
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(await waitForState(jobs, job.id, ['succeeded'])).toMatchObject({
          attempts: 1,
          result: 'ferdig',
        });
      });

      it('stops gracefully: a running job is aborted and released for the next worker without losing an attempt', async () => {
        const { jobs } = await open();
        const { job } = await jobs.enqueue({ kind: 'wait', payload: {}, maxAttempts: 1 });
        const first = new JobRunner({
          queue: jobs,
          pollIntervalMs: 10,
          stopTimeoutMs: 50,
          handlers: {
            wait: ({ signal }) =>
              new Promise((_resolve, reject) =>
                signal.addEventListener('abort', () => reject(signal.reason as Error)),
              ),
          },
        });
        first.start();
        await waitForState(jobs, job.id, ['running']);
        await first.stop();
        expect(first.activeCount).toBe(0);
        expect(await jobs.findById(job.id)).toMatchObject({ state: 'queued', attempts: 0 });
        startRunner(
          new JobRunner({ queue: jobs, pollIntervalMs: 10, handlers: { wait: () => Promise.resolve(1) } }),
        );
        expect(await waitForState(jobs, job.id, ['succeeded'])).toMatchObject({ attempts: 1 });
      });

      it('lets a job finish within the stop timeout', async () => {
        const { jobs } = await open();
        const { job } = await jobs.enqueue({ kind: 'short', payload: {} });
        const runner = new JobRunner({
          queue: jobs,
          pollIntervalMs: 10,
          handlers: { short: () => new Promise((resolve) => setTimeout(() => resolve('ja'), 100)) },
        });
        runner.start();
        await waitForState(jobs, job.id, ['running']);
        await runner.stop();
        expect(await jobs.findById(job.id)).toMatchObject({ state: 'succeeded', result: 'ja' });
      });
    });
  });
}
