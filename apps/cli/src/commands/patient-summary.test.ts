import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '@kollega/domain';
import type { PatientSummaryOutput } from './patient-summary';
import { registerPatientSummaryCommand } from './patient-summary';

const folder = mkdtempSync(join(tmpdir(), 'kollega-patient-summary-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Synthetic consultations (invented). */
const CONSULTATIONS = [
  {
    id: 'syntetisk-hals',
    setting: 'kontor',
    transcript: [
      { speaker: 'lege', text: 'Hva kan jeg hjelpe deg med?' },
      { speaker: 'pasient', text: 'Jeg har hatt vondt i halsen i tre dager, og feber.' },
      { speaker: 'lege', text: 'Har du hoste?' },
      { speaker: 'pasient', text: 'Nei, ingen hoste.' },
      {
        speaker: 'lege',
        text: 'Temperaturen er 38,6. Du har hvitt belegg på mandlene på begge sider. Streptokokktesten er positiv.',
      },
      { speaker: 'lege', text: 'Du har halsbetennelse med streptokokker.' },
      {
        speaker: 'lege',
        text: 'Jeg skriver ut fenoksymetylpenicillin 660 milligram fire ganger daglig i fem dager.',
      },
      { speaker: 'lege', text: 'Ta kontakt igjen hvis du får tung pust eller ikke klarer å svelge.' },
    ],
  },
  {
    id: 'syntetisk-rygg',
    setting: 'kontor',
    transcript: [
      { speaker: 'lege', text: 'Hva gjelder det i dag?' },
      {
        speaker: 'pasient',
        text: 'Jeg har vondt i korsryggen etter at jeg løftet en sofa for en uke siden.',
      },
      { speaker: 'lege', text: 'Har du nummenhet i skrittet eller problemer med å tisse?' },
      { speaker: 'pasient', text: 'Nei, ikke noe sånt.' },
      { speaker: 'lege', text: 'Kraften i beina er normal. Dette er et vanlig hekseskudd, lumbago.' },
      {
        speaker: 'lege',
        text: 'Du kan ta ibuprofen 400 milligram tre ganger daglig i fem dager, og holde deg i aktivitet.',
      },
    ],
  },
];

const JSONL = join(folder, 'konsultasjoner.jsonl');
writeFileSync(JSONL, CONSULTATIONS.map((consultation) => JSON.stringify(consultation)).join('\n'));

async function run(args: readonly string[]): Promise<{ stdout: string; error?: unknown }> {
  const program = new Command('kollega').exitOverride();
  registerPatientSummaryCommand(program);
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'kollega', 'patient-summary', ...args]);
    return { stdout };
  } catch (error) {
    return { stdout, error };
  } finally {
    spy.mockRestore();
  }
}

describe('kollega patient-summary', () => {
  it('prints one JSON line {id, text, lix} per consultation for JSON Lines input', async () => {
    const { stdout, error } = await run([JSONL]);
    expect(error).toBeUndefined();
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as PatientSummaryOutput);
    expect(lines.map((line) => line.id)).toEqual(['syntetisk-hals', 'syntetisk-rygg']);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['id', 'lix', 'text']);
      expect(line.lix).toBeGreaterThan(0);
      expect(line.lix).toBeLessThanOrEqual(40);
      expect(line.text).toMatch(/^Oppsummering fra legetimen/);
    }
    expect(lines[0]?.text).toMatch(/Ring 113/);
  });

  it('prints text with the LIX, and English with --lang en', async () => {
    const text = await run([JSONL, '--format', 'text']);
    expect(text.stdout).toMatch(/^# syntetisk-hals \(LIX \d+(\.\d)?\)\nOppsummering fra legetimen/);
    const english = await run([JSONL, '--lang', 'en', '--format', 'text']);
    expect(english.stdout).toContain('Summary of your appointment');
  });

  it('prints one JSON object for a single consultation in a JSON file', async () => {
    const file = join(folder, 'en.json');
    writeFileSync(file, JSON.stringify(CONSULTATIONS[0]));
    const { stdout } = await run([file, '--format', 'json']);
    const parsed = JSON.parse(stdout) as PatientSummaryOutput;
    expect(parsed.id).toBe('syntetisk-hals');
  });

  it('refuses unknown options and missing files with a clear message', async () => {
    const language = await run([JSONL, '--lang', 'de']);
    expect(language.error).toBeInstanceOf(AppError);
    expect((language.error as AppError).message).toMatch(/--lang/);
    const format = await run([JSONL, '--format', 'pdf']);
    expect((format.error as AppError).message).toMatch(/--format/);
    const missing = await run([join(folder, 'finnes-ikke.jsonl')]);
    expect((missing.error as AppError).code).toBe('not_found');
  });
});
