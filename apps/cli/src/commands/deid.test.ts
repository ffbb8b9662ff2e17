import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { DeidentifyOutput } from './deid';
import { registerDeidentifyCommand } from './deid';

const folder = mkdtempSync(join(tmpdir(), 'kollega-deid-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs `kollega deid …` in this process and captures its output. */
async function runDeid(
  args: readonly string[],
): Promise<{ stdout: string; stderr: string; error?: unknown }> {
  const program = new Command('kollega').exitOverride();
  registerDeidentifyCommand(program);
  let stdout = '';
  let stderr = '';
  const stdoutSpy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const stderrSpy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'kollega', 'deid', ...args]);
    return { stdout, stderr };
  } catch (error) {
    return { stdout, stderr, error };
  } finally {
    stdoutSpy.mockRestore();
    stderrSpy.mockRestore();
  }
}

const TEXT = 'Jeg heter Kari Nordmann, fnr 02013299997, tlf 912 34 567. BT 148/92, Paracet 1 g x 4.\n';

describe('kollega deid', () => {
  it('prints the redacted text on stdout and the counts on stderr', async () => {
    const file = join(folder, 'a.txt');
    writeFileSync(file, TEXT);
    const { stdout, stderr, error } = await runDeid([file]);
    expect(error).toBeUndefined();
    expect(stdout).toBe('Jeg heter [NAVN_1], fnr [FNR_1], tlf [TLF_1]. BT 148/92, Paracet 1 g x 4.\n');
    expect(stderr).toBe('kollega deid: fødselsnummer 1, telefonnumre 1, navn 1 (3 i alt)\n');
  });

  it('prints text and counts as JSON with --format json, using --name', async () => {
    const file = join(folder, 'b.txt');
    writeFileSync(file, 'Ola har vondt i kneet.');
    const { stdout, error } = await runDeid([file, '--format', 'json', '--name', 'Ola Hansen']);
    expect(error).toBeUndefined();
    const output = JSON.parse(stdout) as DeidentifyOutput;
    expect(output.text).toBe('[NAVN_1] har vondt i kneet.');
    expect(output.counts.name).toBe(1);
    expect(output.total).toBe(1);
  });

  it('fails clearly for a missing file and a bad format', async () => {
    expect((await runDeid([join(folder, 'missing.txt')])).error).toMatchObject({ code: 'not_found' });
    const file = join(folder, 'c.txt');
    writeFileSync(file, 'x');
    expect((await runDeid([file, '--format', 'xml'])).error).toMatchObject({ code: 'invalid_input' });
  });
});
