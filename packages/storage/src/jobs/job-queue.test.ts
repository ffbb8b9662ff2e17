import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStorage } from '../create-storage';
import { computeRetryDelay } from './kysely-job-queue';
import { describeJobQueueContract } from './job-queue-contract';
import { isRetryableJobError, toJobError } from './job-runner';
import { AppError } from '@kollega/domain';

const temporaryFolder = mkdtempSync(join(tmpdir(), 'kollega-jobs-'));
afterAll(() => rmSync(temporaryFolder, { recursive: true, force: true }));
let fileCounter = 0;
const nextFile = () => {
  fileCounter += 1;
  return `sqlite:${join(temporaryFolder, `jobs-${fileCounter}.db`)}`;
};

describeJobQueueContract('SQLite in memory', {
  open: (options) => createStorage('sqlite::memory:', options),
  // Two connections need a file: an in-memory database is private to its connection.
  openTwo: async () => {
    const url = nextFile();
    const first = await createStorage(url);
    return [first, await createStorage(url)];
  },
});

describeJobQueueContract('SQLite file', {
  open: (options) => createStorage(nextFile(), options),
  openTwo: async () => {
    const url = nextFile();
    const first = await createStorage(url);
    return [first, await createStorage(url)];
  },
});

describe('job retry rules', () => {
  it('doubles the backoff per attempt up to five minutes', () => {
    expect([1, 2, 3, 4].map((attempts) => computeRetryDelay(1000, attempts))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    expect(computeRetryDelay(1000, 30)).toBe(300_000);
  });

  it('retries passing failures but not permanent ones, and never stores an unknown message', () => {
    expect(isRetryableJobError(new AppError('unavailable', 'x'))).toBe(true);
    expect(isRetryableJobError(new AppError('timeout', 'x'))).toBe(true);
    expect(isRetryableJobError(new Error('x'))).toBe(true);
    expect(isRetryableJobError(new AppError('not_found', 'x'))).toBe(false);
    expect(isRetryableJobError(new AppError('already_approved', 'x'))).toBe(false);
    expect(toJobError(new Error('pasienten heter Ola'))).toEqual({
      code: 'internal',
      message: 'Uventet feil',
    });
    expect(toJobError(new AppError('timeout', 'Tidsavbrudd'))).toEqual({
      code: 'timeout',
      message: 'Tidsavbrudd',
    });
  });
});
