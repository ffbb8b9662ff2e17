import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_PATH, REPOSITORY_ROOT } from '../testing/run-cli';
import { parsePortOption } from './serve';

describe('kollega serve', () => {
  it('prints where it runs, serves /api/health, and stops on SIGTERM', { timeout: 120_000 }, async () => {
    const child = spawn(process.execPath, [CLI_PATH, 'serve', '--port', '0', '--host', '127.0.0.1'], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, KOLLEGA_DATABASE_URL: 'sqlite::memory:', KOLLEGA_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          output += chunk;
          const match = /Kollega kjører på (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output);
          if (match) resolve(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
      });
      const response = await fetch(`${url}/api/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', database: 'sqlite', engine: 'builtin' });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('accepts ports 0–65535 only', () => {
    expect(parsePortOption('0')).toBe(0);
    expect(parsePortOption('3999')).toBe(3999);
    for (const value of ['-1', '65536', 'abc', '3.5', ''])
      expect(() => parsePortOption(value)).toThrow(/--port/);
  });
});
