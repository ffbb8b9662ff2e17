import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderPdf } from '@kollega/documents';
import { readRecordDirectory, registerRecordCommand } from './record';
import { runCli } from '../testing/run-cli';

const folder = mkdtempSync(join(tmpdir(), 'kollega-record-'));
const recordFolder = join(folder, 'journal');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

beforeAll(async () => {
  mkdirSync(recordFolder);
  writeFileSync(
    join(recordFolder, 'notater.txt'),
    'Konsultasjon 14.02.2022 – kontroll\nBlodprøver fra 10.02.2022 viser HbA1c 61 mmol/mol.\nCAVE: Penicillin (urtikaria).',
  );
  writeFileSync(
    join(recordFolder, 'kjernejournal.json'),
    JSON.stringify({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          resource: {
            resourceType: 'MedicationStatement',
            status: 'active',
            medicationCodeableConcept: { text: 'Metformin' },
            dosage: [{ text: '1000 mg x 2' }],
            effectiveDateTime: '2021-05-01',
          },
        },
      ],
    }),
  );
  writeFileSync(
    join(recordFolder, 'lab.pdf'),
    await renderPdf({
      title: 'Laboratoriesvar',
      sections: [{ title: 'Prøve tatt 01.12.2023', text: 'HbA1c 51 mmol/mol\nKreatinin 80 µmol/L' }],
    }),
  );
  writeFileSync(join(recordFolder, 'bilde.png'), 'ikke et bilde');
});

async function runRecord(
  args: readonly string[],
): Promise<{ stdout: string; stderr: string; error?: unknown; exitCode?: number }> {
  const program = new Command('kollega').exitOverride();
  registerRecordCommand(program);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const previous = process.exitCode;
  try {
    await program.parseAsync(['node', 'kollega', 'record', ...args]);
    return {
      stdout,
      stderr,
      ...(typeof process.exitCode === 'number' ? { exitCode: process.exitCode } : {}),
    };
  } catch (error) {
    return { stdout, stderr, error };
  } finally {
    process.exitCode = previous;
    out.mockRestore();
    err.mockRestore();
  }
}

describe('kollega record', () => {
  it('reads text, FHIR and PDF files of a folder and skips the rest', async () => {
    const index = await runRecordIndex();
    expect([...index.documents.values()].map((document) => [document.name, document.kind])).toEqual([
      ['kjernejournal.json', 'fhir'],
      ['lab.pdf', 'pdf'],
      ['notater.txt', 'text'],
    ]);
  });

  it('answers with the newest value and cites document, page and passage', async () => {
    const result = await runRecord(['ask', recordFolder, 'Når ble HbA1c sist målt, og hva var verdien?']);
    expect(result.error).toBeUndefined();
    expect(result.stdout).toMatch(/^Svar: .*HbA1c 51 mmol\/mol/);
    expect(result.stdout).toMatch(/Kilde: lab\.pdf, side 1, avsnitt \d+ \(01\.12\.2023\)/);
    expect(result.stdout).toContain('(Hentet direkte fra journalen)');
    const json = JSON.parse(
      (await runRecord(['ask', recordFolder, 'Hvilken dose metformin bruker pasienten?', '--format', 'json']))
        .stdout,
    );
    expect(json).toMatchObject({ found: true, value: '1000 mg x 2' });
    expect(json.citations[0].documentName).toBe('kjernejournal.json');
  });

  it('says when the record has no answer (exit code 1), and summarizes with sources', async () => {
    const missing = await runRecord(['ask', recordFolder, 'Hva var siste PSA?']);
    expect(missing.stdout).toContain('Fant ikke svar');
    expect(missing.exitCode).toBe(1);
    const summary = await runRecord(['summary', recordFolder]);
    expect(summary.stdout).toMatch(/Allergier:\n {2}– Penicillin \(urtikaria\).*\[notater\.txt, avsnitt 1/);
    expect(summary.stdout).toContain('Metformin 1000 mg x 2');
  });

  it('reports a folder that does not exist', async () => {
    expect((await runRecord(['ask', join(folder, 'borte'), 'Hva var siste HbA1c?'])).error).toMatchObject({
      code: 'not_found',
    });
  });

  it('runs as the real command', async () => {
    const result = await runCli(['record', 'search', recordFolder, 'penicillin']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('notater.txt, avsnitt 1');
  }, 120_000);
});

async function runRecordIndex() {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return await readRecordDirectory(recordFolder);
  } finally {
    stderr.mockRestore();
  }
}
