import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

/** The repository root (this file is evals/load/server-process.ts). */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI_PATH = join(REPOSITORY_ROOT, 'apps', 'cli', 'bin', 'kollega.js');

/** Memory and CPU of the server process, read from /proc. */
export interface ProcessUsage {
  /** Highest resident set size seen by the sampler during the measured window, in MiB. */
  peakRssMegabytes: number;
  /** The kernel's own high-water mark (VmHWM) over the whole process life, in MiB. */
  highWaterMegabytes: number;
  /** CPU seconds (user + system) used in the measured window. */
  cpuSeconds: number;
  /** Wall-clock seconds of the measured window (until the last request answered). */
  wallSeconds: number;
}

/** A running `kollega serve` child process. */
export interface ServerProcess {
  url: string;
  setupCode: string;
  pid: number;
  /** Starts sampling RSS every `intervalMs` (and notes CPU time) from now. */
  startSampling(intervalMs?: number): void;
  /** Stops sampling and reports. */
  stopSampling(): ProcessUsage;
  /** SIGTERM, and SIGKILL after 10 s; resolves with the exit code. */
  stop(): Promise<number | null>;
}

function readStatusKilobytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : 0;
}

function readCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name in parentheses; utime and stime are fields 14 and 15 (1-based).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / 100; // USER_HZ is 100 on Linux.
}

/**
 * Starts `kollega serve --port 0 --host 127.0.0.1` (sign-in on, the built-in engine: every KOLLEGA_* variable
 * of this process is dropped, then `env` applied), with its output in `logPath`, and waits for the address
 * and the first-time setup code it prints.
 */
export async function startServerProcess(options: {
  env: Record<string, string>;
  logPath: string;
  /** Extra node arguments before the script (e.g. `--cpu-prof`). */
  nodeArguments?: readonly string[];
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('KOLLEGA_')),
  );
  const logFile = openSync(options.logPath, 'w');
  let child: ChildProcess;
  try {
    child = spawn(
      process.execPath,
      [...(options.nodeArguments ?? []), CLI_PATH, 'serve', '--port', '0', '--host', '127.0.0.1'],
      {
        cwd: REPOSITORY_ROOT,
        env: { ...inherited, KOLLEGA_AUTH: 'on', ...options.env },
        // Output to a file, not a pipe: the server never waits for the benchmark to read its log.
        stdio: ['ignore', logFile, logFile],
      },
    );
  } finally {
    closeSync(logFile);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start kollega serve');
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exitCode = code;
      resolve(code);
    }),
  );

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let url: string | undefined;
  let setupCode: string | undefined;
  while (url === undefined || setupCode === undefined) {
    if (exitCode !== undefined) {
      throw new Error(
        `kollega serve exited with ${exitCode}:\n${readFileSync(options.logPath, 'utf8').slice(-2000)}`,
      );
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('kollega serve did not print its address and setup code in time');
    }
    await sleep(100);
    const output = readFileSync(options.logPath, 'utf8');
    url = /Kollega kjører på (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    setupCode = /engangskoden ([A-Z0-9-]+)/.exec(output)?.[1];
  }

  let timer: NodeJS.Timeout | undefined;
  let peakRss = 0;
  let cpuAtStart = 0;
  let wallAtStart = 0;
  return {
    url,
    setupCode,
    pid,
    startSampling(intervalMs = 200) {
      peakRss = readStatusKilobytes(pid, 'VmRSS');
      cpuAtStart = readCpuSeconds(pid);
      wallAtStart = performance.now();
      timer = setInterval(() => {
        try {
          peakRss = Math.max(peakRss, readStatusKilobytes(pid, 'VmRSS'));
        } catch {
          // The process is gone; the run reports it through its errors.
        }
      }, intervalMs);
    },
    stopSampling() {
      if (timer !== undefined) clearInterval(timer);
      peakRss = Math.max(peakRss, readStatusKilobytes(pid, 'VmRSS'));
      return {
        peakRssMegabytes: peakRss / 1024,
        highWaterMegabytes: readStatusKilobytes(pid, 'VmHWM') / 1024,
        cpuSeconds: readCpuSeconds(pid) - cpuAtStart,
        wallSeconds: (performance.now() - wallAtStart) / 1000,
      };
    },
    async stop() {
      if (timer !== undefined) clearInterval(timer);
      if (exitCode !== undefined) return exitCode;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(killer);
      return code;
    },
  };
}
