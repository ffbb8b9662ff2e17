import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { NoteRecord } from '@kollega/domain';
import { DRAFT_LINE } from '@kollega/clinical';
import { registerExportCommand } from './export';
import { runCli } from '../testing/run-cli';

const folder = mkdtempSync(join(tmpdir(), 'kollega-export-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function writeInput(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const TRANSCRIPT = [
  'Lege: Hei, hva kan jeg hjelpe deg med i dag?',
  'Pasient: Jeg har hatt vondt i halsen i tre dager, og feberen var 38,9 i går kveld.',
  'Lege: Har du hoste?',
  'Pasient: Nei, ingen hoste.',
  'Lege: Mandlene er røde og hovne med belegg på begge sider. Dette er halsbetennelse.',
].join('\n');

const APPROVED: NoteRecord = {
  id: 'n-1',
  consultationId: 'k-1',
  version: 2,
  status: 'approved',
  engine: 'builtin',
  note: {
    template: 'fastlege',
    language: 'nb',
    sections: [
      {
        id: 'aktuelt',
        title: 'Aktuelt',
        statements: [{ id: 'a1', text: 'Sår hals i 3 d.', evidence: ['s2'], support: 'supported' }],
      },
      {
        id: 'vurdering',
        title: 'Vurdering',
        statements: [{ id: 'v1', text: 'Tonsillitt.', evidence: ['s5'], support: 'supported' }],
      },
    ],
  },
  warnings: [],
  dismissals: [],
  codes: [{ system: 'ICPC-2', code: 'R76', title: 'Akutt tonsillitt', evidence: ['s5'] }],
  approvedBy: 'Åse Bø',
  approvedAt: '2025-03-14T09:30:00.000Z',
  createdAt: '2025-03-14T09:00:00.000Z',
  updatedAt: '2025-03-14T09:30:00.000Z',
};

async function runExport(
  args: readonly string[],
): Promise<{ stdout: string; stderr: string; error?: unknown }> {
  const program = new Command('kollega').exitOverride();
  registerExportCommand(program);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'kollega', 'export', ...args]);
    return { stdout, stderr };
  } catch (error) {
    return { stdout, stderr, error };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('kollega export', () => {
  it('refuses to export a drafted transcript without a named approving doctor, and shows the draft marked as such', async () => {
    const file = writeInput('hals.txt', TRANSCRIPT);
    const result = await runExport([file, '--format', 'text']);
    expect(result.error).toMatchObject({ code: 'approval_blocked' });
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(DRAFT_LINE);
    expect(result.stderr).toContain('Aktuelt:');
  });

  it('exports a draft the doctor approves by name, ending with the approval line', async () => {
    const file = writeInput('hals2.txt', TRANSCRIPT);
    const result = await runExport([
      file,
      '--format',
      'text',
      '--approved-by',
      'Åse Bø',
      '--dismiss-flags',
      'Kontrollert',
    ]);
    expect(result.error).toBeUndefined();
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Aktuelt: /);
    expect(lines.at(-1)).toMatch(
      /^KI-assistert utkast, gjennomgått og godkjent av lege Åse Bø \d{2}\.\d{2}\.\d{4}$/,
    );
  });

  it('exports a stored approved note as a FHIR document and as PDF, with its chosen ICPC-2 code', async () => {
    const file = writeInput('approved.json', JSON.stringify(APPROVED));
    const fhir = await runExport([file, '--format', 'fhir', '--icpc2-system', 'volven']);
    expect(fhir.error).toBeUndefined();
    const bundle = JSON.parse(fhir.stdout) as {
      entry: Array<{ resource: { resourceType: string; code?: { coding: unknown[] } } }>;
    };
    expect(bundle).toMatchObject({
      resourceType: 'Bundle',
      type: 'document',
      timestamp: '2025-03-14T09:30:00.000Z',
    });
    const condition = bundle.entry.find((entry) => entry.resource.resourceType === 'Condition');
    expect(condition?.resource.code?.coding[0]).toMatchObject({
      system: 'urn:oid:2.16.578.1.12.4.1.1.7170',
      code: 'R76',
    });
    const out = join(folder, 'notat.pdf');
    const pdf = await runExport([file, '--format', 'pdf', '--out', out]);
    expect(pdf.error).toBeUndefined();
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('reads note JSON from `kollega note --format json` as a draft', async () => {
    const noteJson = {
      id: 'k9',
      text: 'Aktuelt: Hoste.',
      template: 'fastlege',
      sections: [
        {
          id: 'aktuelt',
          title: 'Aktuelt',
          statements: [{ text: 'Hoste i 2 uker.', evidence: ['s2'], support: 'supported' }],
        },
      ],
      facts: [],
      warnings: [],
    };
    const file = writeInput('note.json', JSON.stringify(noteJson));
    expect((await runExport([file, '--format', 'text'])).error).toMatchObject({ code: 'approval_blocked' });
    const approved = await runExport([file, '--format', 'text', '--approved-by', 'Ola Nordmann']);
    expect(approved.stdout).toContain('Aktuelt: Hoste i 2 uker.');
    expect(approved.stdout).toContain('godkjent av lege Ola Nordmann');
    const flagged = writeInput(
      'flagged.json',
      JSON.stringify({
        ...noteJson,
        sections: [
          {
            ...noteJson.sections[0],
            statements: [{ text: 'Feber 40.', evidence: [], support: 'contradicted' }],
          },
        ],
      }),
    );
    expect(
      (await runExport([flagged, '--format', 'text', '--approved-by', 'Ola Nordmann'])).error,
    ).toMatchObject({ code: 'approval_blocked' });
  });

  it('checks its options', async () => {
    const file = writeInput('approved2.json', JSON.stringify(APPROVED));
    expect((await runExport([file, '--format', 'docx'])).error).toMatchObject({ code: 'invalid_input' });
    expect((await runExport([file, '--format', 'fhir', '--icpc2-system', 'snomed'])).error).toMatchObject({
      code: 'invalid_input',
    });
    expect((await runExport([file, '--format', 'fhir', '--patient-id', '12345678901'])).error).toMatchObject({
      code: 'invalid_input',
    });
    expect((await runExport([join(folder, 'finnes-ikke.json'), '--format', 'text'])).error).toMatchObject({
      code: 'not_found',
    });
  });

  it('runs as the real command', async () => {
    const file = writeInput('approved3.json', JSON.stringify(APPROVED));
    const result = await runCli(['export', file, '--format', 'text']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Diagnose: R76 Akutt tonsillitt');
  }, 120_000);
});
