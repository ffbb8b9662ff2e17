import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createStorage } from '@kollega/storage';
import { hashPassword } from '../auth/password';
import { CSRF_COOKIE, SESSION_COOKIE } from '../auth/auth-routes';

/** The repository root, found from this file (apps/server/src/faults/). */
export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
/** The real `kollega` command, which `kollega serve` starts the server from. */
export const CLI_PATH = join(REPOSITORY_ROOT, 'apps', 'cli', 'bin', 'kollega.js');

/** A server running in its own process. */
export interface ServerProcess {
  url: string;
  /** `kill -9`: no shutdown code runs. Resolves when the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful) and the exit code. */
  stop(): Promise<number | null>;
  /** What the process wrote so far, standard output and error (for failure messages). */
  errors(): string;
}

const running = new Set<ChildProcessWithoutNullStreams>();

/** Kills every server process still running (for `afterEach`). */
export async function killAllServerProcesses(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolveExit) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            resolveExit();
            return;
          }
          child.once('exit', () => resolveExit());
          child.kill('SIGKILL');
        }),
    ),
  );
  running.clear();
}

/**
 * Starts `kollega serve --port 0` with the given environment on top of this one (logs off, fast job polling)
 * and resolves once it listens.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [CLI_PATH, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    cwd: REPOSITORY_ROOT,
    env: {
      ...process.env,
      KOLLEGA_LOG_LEVEL: 'silent',
      KOLLEGA_RATE_LIMIT_PER_MINUTE: '100000',
      KOLLEGA_JOB_POLL_MS: '100',
      // Long enough to outlast the event loop being busy with a first draft on a loaded machine (heartbeats
      // cannot run then), short enough that a killed worker's job is taken over within seconds.
      KOLLEGA_JOB_LEASE_MS: '5000',
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolveExit) => {
    child.once('exit', (code) => {
      running.delete(child);
      resolveExit(code);
    });
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      stderr += chunk;
      const match = /Kollega kjører på (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output);
      if (match?.[1] !== undefined) resolveUrl(match[1]);
    });
    void exited.then((code) => reject(new Error(`server exited early (${code}): ${stderr.slice(0, 2000)}`)));
  });
  return {
    url,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
    errors: () => stderr,
  };
}

/** A database for one test: a fresh SQLite file, or a fresh schema in the test PostgreSQL database. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh PostgreSQL schema, named through the URL (`options=-c search_path=…`), so servers need no setting. */
export async function createPostgresTestDatabase(baseUrl: string): Promise<TestDatabase> {
  const schema = `kollega_fault_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create schema "${schema}"`);
  const separator = baseUrl.includes('?') ? '&' : '?';
  return {
    url: `${baseUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: () => run(`drop schema if exists "${schema}" cascade`),
  };
}

/** The password of the test users. */
export const FAULT_TEST_PASSWORD = 'riktig-hest-batteri-stift';

/**
 * Migrates the database and creates a practice with one doctor, from this process, before any server starts
 * (so two servers never race to migrate an empty database).
 */
export async function prepareDatabase(url: string): Promise<{ username: string; practiceId: string }> {
  const storage = await createStorage(url);
  try {
    const username = `lege${randomBytes(3).toString('hex')}`;
    const { practice } = await storage.auth.createPracticeWithUser({
      practiceName: 'Feiltestkontoret',
      user: {
        username,
        displayName: 'Lege Feiltest',
        role: 'lege',
        passwordHash: await hashPassword(FAULT_TEST_PASSWORD),
      },
    });
    return { username, practiceId: practice.id };
  } finally {
    await storage.close();
  }
}

/** Signs in through the real login route and returns the headers (cookies and CSRF token) to act as the user. */
export async function signIn(url: string, username: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: FAULT_TEST_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  const cookies = Object.fromEntries(
    response.headers.getSetCookie().map((line) => {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      return [pair.slice(0, index), pair.slice(index + 1)];
    }),
  );
  const csrf = cookies[CSRF_COOKIE] ?? '';
  return {
    cookie: `${SESSION_COOKIE}=${cookies[SESSION_COOKIE] ?? ''}; ${CSRF_COOKIE}=${csrf}`,
    'x-csrf-token': csrf,
  };
}

/** Sends a JSON request (or none) and returns the status and parsed body. */
export async function requestJson<T = unknown>(
  url: string,
  input: { method?: string; headers?: Record<string, string>; body?: unknown },
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method: input.method ?? 'GET',
    headers: {
      ...input.headers,
      ...(input.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

/** Polls `check` every 50 ms until it returns a value, or throws after `timeoutMs`. */
export async function waitUntil<T>(
  check: () => Promise<T | undefined>,
  options: { timeoutMs?: number; what: string },
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what}`);
    await new Promise((resolveLater) => setTimeout(resolveLater, 50));
  }
}
