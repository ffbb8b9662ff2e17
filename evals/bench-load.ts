/**
 * Load benchmark of the HTTP server: many signed-in doctors creating consultations and drafting notes at once.
 *
 *   npm run bench:load [-- --clients 200 --think 2 --duration 60 --warmup 10 --per-practice 5 --seed 1]
 *
 * Starts the real server as a child process (`kollega serve` on 127.0.0.1, sign-in on, the built-in engine,
 * default rate limits), first on a temporary SQLite file, then on a fresh temporary database on the
 * PostgreSQL server of KOLLEGA_BENCH_POSTGRES_URL or KOLLEGA_TEST_POSTGRES_URL (skipped, with the reason,
 * when neither is set). Setup: first-time setup through the API, further practices and doctors in storage
 * (no user-administration API yet), every doctor signs in through /api/auth/login from their practice's own
 * loopback address (127.77.x.y). Load model (open-ish, like real users): each client is one doctor's browser
 * with its own keep-alive connection, looping think → create a consultation (a generated Norwegian transcript
 * of 20–40 turns) → think → draft its note; think times are exponential with the given mean (capped at 5×).
 * Offered load ≈ clients / mean think time requests a second. Samples of requests started in the measured
 * window count; any non-2xx answer (or network error) is an error. Prints, per database, requests,
 * throughput, p50/p95/p99/max latency for create and draft, errors, and the server's peak RSS and CPU use.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { LoadModel, LoadResult } from './load/run-load';
import { runLoad } from './load/run-load';
import type { OperationSummary } from './load/latency-summary';
import { startServerProcess } from './load/server-process';

/** The issue's done-when: drafting p95 at or under this, with no errors. */
const DRAFT_P95_TARGET_MS = 250;

function option(name: string, fallback: number): number {
  const position = process.argv.indexOf(`--${name}`);
  const value = position === -1 ? undefined : Number(process.argv[position + 1]);
  return value === undefined || !Number.isFinite(value) ? fallback : value;
}

const model: LoadModel = {
  clients: option('clients', 200),
  doctorsPerPractice: option('per-practice', 5),
  thinkSeconds: option('think', 30),
  // Two think times: every client has created, thought and drafted at least once before measuring starts.
  warmupSeconds: option('warmup', Math.max(10, 2 * option('think', 30))),
  durationSeconds: option('duration', 90),
  seed: option('seed', 1),
};

/** `--draft-workers N` sets the server's KOLLEGA_DRAFT_WORKERS; its default otherwise. */
const draftWorkers = process.argv.includes('--draft-workers') ? option('draft-workers', 1) : undefined;
function textOption(name: string, fallback: string): string {
  const position = process.argv.indexOf(`--${name}`);
  return position === -1 ? fallback : (process.argv[position + 1] ?? fallback);
}

/** `--databases sqlite`, `postgres` or `sqlite,postgres` (default). */
const databases = textOption('databases', 'sqlite,postgres').split(',');

interface DatabaseTarget {
  label: string;
  url: string;
  cleanUp: () => Promise<void>;
}

function createSqliteTarget(): DatabaseTarget {
  const folder = mkdtempSync(join(tmpdir(), 'kollega-bench-load-'));
  return {
    label: 'SQLite (temporary file)',
    url: `sqlite:${join(folder, 'bench.db')}`,
    cleanUp: () => {
      rmSync(folder, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/** A fresh database on the given PostgreSQL server (never the named database itself), dropped afterwards. */
async function createPostgresTarget(serverUrl: string): Promise<DatabaseTarget> {
  const name = `kollega_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    label: `PostgreSQL (temporary database ${name})`,
    url: url.toString(),
    cleanUp: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

async function benchmarkDatabase(target: DatabaseTarget): Promise<LoadResult> {
  // The same at-rest key for the server and the setup step, so nothing lands in ./data.
  const env = {
    KOLLEGA_DATABASE_URL: target.url,
    KOLLEGA_LOG_LEVEL: process.env.KOLLEGA_BENCH_LOG_LEVEL ?? 'info',
    KOLLEGA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ...(draftWorkers === undefined ? {} : { KOLLEGA_DRAFT_WORKERS: String(draftWorkers) }),
  };
  // To profile the server: KOLLEGA_BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=evals/out/profile'.
  const nodeArguments = (process.env.KOLLEGA_BENCH_SERVER_NODE_ARGS ?? '')
    .split(' ')
    .filter((part) => part !== '');
  const logFolder = mkdtempSync(join(tmpdir(), 'kollega-bench-log-'));
  const server = await startServerProcess({ env, nodeArguments, logPath: join(logFolder, 'server.log') });
  try {
    return await runLoad(server, { databaseUrl: target.url, model, env });
  } finally {
    await server.stop();
    rmSync(logFolder, { recursive: true, force: true });
  }
}

const format = (value: number, digits = 1) => value.toFixed(digits);

function formatRow(name: string, summary: OperationSummary): string {
  const errors =
    summary.errors === 0
      ? '0'
      : `${summary.errors} (${Object.entries(summary.errorsByStatus)
          .map(([status, count]) => `${status}: ${count}`)
          .join(', ')})`;
  return [
    name.padEnd(10),
    String(summary.requests).padStart(8),
    format(summary.perSecond).padStart(7),
    format(summary.p50).padStart(8),
    format(summary.p95).padStart(8),
    format(summary.p99).padStart(8),
    format(summary.max).padStart(8),
    `  ${errors}`,
  ].join('');
}

function printResult(label: string, result: LoadResult): void {
  console.log(`\n${label}`);
  console.log(
    `  setup: ${model.clients} doctors in ${result.practices} practices signed in (${format(result.setupSeconds)} s)`,
  );
  console.log(
    `  ${'operation'.padEnd(10)}${'requests'.padStart(8)}${'ops/s'.padStart(7)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'max ms'.padStart(8)}  errors`,
  );
  console.log(`  ${formatRow('create', result.create)}`);
  console.log(`  ${formatRow('draft', result.draft)}`);
  const { usage } = result;
  console.log(
    `  server: peak RSS ${format(usage.peakRssMegabytes, 0)} MiB in the window (VmHWM ${format(usage.highWaterMegabytes, 0)} MiB), ` +
      `CPU ${format(usage.cpuSeconds / Math.max(usage.wallSeconds, 0.001), 2)} cores on average, ` +
      `≈ ${format((1000 * usage.cpuSeconds) / Math.max(1, result.create.requests + result.draft.requests))} ms CPU per request`,
  );
}

async function main(): Promise<void> {
  const offered = model.thinkSeconds > 0 ? model.clients / model.thinkSeconds : Number.POSITIVE_INFINITY;
  console.log('Kollega load benchmark (npm run bench:load)');
  console.log(
    `Load model: ${model.clients} concurrent clients = ${model.clients} signed-in doctors (${model.doctorsPerPractice} per practice, ` +
      'one keep-alive connection each, one source address per practice), built-in engine, default rate limits.',
  );
  console.log(
    `Each client loops: think → POST /api/consultations (20–40 Norwegian turns) → think → POST …/note. ` +
      `Think time exponential, mean ${model.thinkSeconds} s (cap ${5 * model.thinkSeconds} s).`,
  );
  console.log(
    `Offered load ≈ ${format(offered)} requests/s (${format(offered / 2)} creates + ${format(offered / 2)} drafts a second, less while requests wait); ` +
      `a real GP drafts about 3–4 notes an hour, so this is ≈ ${format(((offered / 2) * 3600) / 3.5, 0)} GPs' worth of drafting.`,
  );
  console.log(
    `Server drafting workers: ${draftWorkers === undefined ? 'default (KOLLEGA_DRAFT_WORKERS unset)' : draftWorkers}. ` +
      `Measured: ${model.durationSeconds} s after ${model.warmupSeconds} s warm-up; seed ${model.seed}. Machine: ${(await import('node:os')).cpus().length} cores.`,
  );

  const verdicts: string[] = [];
  const run = async (target: DatabaseTarget) => {
    try {
      const result = await benchmarkDatabase(target);
      printResult(target.label, result);
      const pass =
        result.create.errors === 0 && result.draft.errors === 0 && result.draft.p95 <= DRAFT_P95_TARGET_MS;
      verdicts.push(
        `${target.label.split(' ')[0]}: ${pass ? 'PASS' : 'FAIL'} (draft p95 ${format(result.draft.p95)} ms, errors ${result.create.errors + result.draft.errors})`,
      );
    } finally {
      await target.cleanUp();
    }
  };

  if (databases.includes('sqlite')) await run(createSqliteTarget());
  if (!databases.includes('postgres')) {
    console.log(`\nDone-when (0 errors, draft p95 ≤ ${DRAFT_P95_TARGET_MS} ms): ${verdicts.join('; ')}`);
    return;
  }
  const postgresUrl = process.env.KOLLEGA_BENCH_POSTGRES_URL ?? process.env.KOLLEGA_TEST_POSTGRES_URL;
  if (postgresUrl === undefined || postgresUrl.trim() === '') {
    console.log(
      '\nPostgreSQL: skipped — set KOLLEGA_BENCH_POSTGRES_URL or KOLLEGA_TEST_POSTGRES_URL (a server where a temporary database may be created).',
    );
    verdicts.push('PostgreSQL: skipped (no URL)');
  } else {
    await run(await createPostgresTarget(postgresUrl));
  }
  console.log(`\nDone-when (0 errors, draft p95 ≤ ${DRAFT_P95_TARGET_MS} ms): ${verdicts.join('; ')}`);
}

await main();
