import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AppError, SUPPORT_LABELS } from '@kollega/domain';
import { parseTranscriptInput } from '@kollega/clinical';
import type { NoteOutput } from './note';
import { registerNoteCommand } from './note';
import { runCli } from '../testing/run-cli';

// Spawning the real CLI costs seconds per run (tsx compiles on start), so the required end-to-end runs
// spawn it and option handling runs in-process on the same command.
const SPAWN_TIMEOUT = 120_000;

/** Runs `kollega note …` in this process, capturing what it writes and the error it throws. */
async function runNoteInProcess(
  args: readonly string[],
): Promise<{ stdout: string; stderr: string; error?: unknown }> {
  const program = new Command('kollega').exitOverride();
  registerNoteCommand(program);
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
    await program.parseAsync(['node', 'kollega', 'note', ...args]);
    return { stdout, stderr };
  } catch (error) {
    return { stdout, stderr, error };
  } finally {
    stdoutSpy.mockRestore();
    stderrSpy.mockRestore();
  }
}

const DEV_SET = process.env.KOLLEGA_NB_DEV_CONSULTATIONS ?? '/work/shared/data/nb-dev/consultations.jsonl';
const folder = mkdtempSync(join(tmpdir(), 'kollega-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function writeInput(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

/** Every statement has evidence, and every evidence id is a segment of that consultation. */
function expectGroundedEvidence(output: NoteOutput, segmentIds: ReadonlySet<string>): void {
  for (const section of output.sections) {
    for (const statement of section.statements) {
      expect(statement.evidence.length).toBeGreaterThanOrEqual(1);
      for (const id of statement.evidence) expect(segmentIds.has(id)).toBe(true);
      expect(SUPPORT_LABELS).toContain(statement.support);
    }
  }
}

describe('kollega note (real process)', () => {
  it(
    'drafts one JSON line per consultation of the dev set, same ids, evidence on every statement',
    async () => {
      const result = await runCli(['note', DEV_SET, '--format', 'jsonl']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const lines = result.stdout.trimEnd().split('\n');
      const inputs = parseTranscriptInput(readFileSync(DEV_SET, 'utf8'), { filename: DEV_SET });
      expect(lines).toHaveLength(24);
      expect(inputs).toHaveLength(24);
      lines.forEach((line, index) => {
        const output = JSON.parse(line) as NoteOutput;
        const input = inputs[index]!;
        expect(output.id).toBe(input.externalId);
        expect(output.template).toBe('fastlege');
        expect(output.engine).toBe('builtin');
        expect(Object.keys(output).sort()).toEqual([
          'codes',
          'decisionSupport',
          'engine',
          'facts',
          'id',
          'sections',
          'template',
          'text',
          'warnings',
        ]);
        expect(output.sections.map((section) => section.id)).toEqual([
          'aktuelt',
          'undersokelse',
          'vurdering',
          'tiltak',
        ]);
        expect(output.sections.some((section) => section.statements.length > 0)).toBe(true);
        expectGroundedEvidence(output, new Set(input.transcript.segments.map((segment) => segment.id)));
      });
    },
    SPAWN_TIMEOUT,
  );

  it(
    'reads plain text from standard input and prints the note as text',
    async () => {
      const input =
        'Lege: Hei, hva kan jeg hjelpe deg med?\nPasient: Jeg har hatt hoste og feber i fire dager nå.\n';
      const result = await runCli(['note', '-'], { input });
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).not.toBe('');
      expect(result.stdout.trim().startsWith('{')).toBe(false);
      const fromFile = await runNoteInProcess([writeInput('same.txt', input)]);
      expect(result.stdout).toBe(fromFile.stdout);
    },
    SPAWN_TIMEOUT,
  );

  it.each([
    ['a missing file', 'MISSING', /^kollega: .*finnes-ikke\.jsonl: finnes ikke\n$/],
    ['broken JSON', 'BROKEN', /^kollega: .*broken\.jsonl: Linje 2: ugyldig JSON \(kolonne \d+\)\n$/],
    ['an empty transcript', 'EMPTY', /^kollega: .*empty\.json: Transkripsjonen er tom/],
  ])(
    'exits 2 with a clear message and no stack trace for %s',
    async (_name, key, message) => {
      const files: Record<string, string> = {
        MISSING: join(folder, 'finnes-ikke.jsonl'),
        BROKEN: writeInput(
          'broken.jsonl',
          '{"id": "a", "transcript": [{"speaker": "lege", "text": "Hei."}]}\n{"id": "b", "transcript": [Hemmelig}\n',
        ),
        EMPTY: writeInput('empty.json', '{"id": "a", "transcript": []}'),
      };
      const result = await runCli(['note', files[key]!]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stderr).not.toContain('Hemmelig');
    },
    SPAWN_TIMEOUT,
  );
});

describe('kollega note (in process)', () => {
  const twoConsultations = (): string =>
    writeInput(
      'two.jsonl',
      ['a', 'b']
        .map((id) =>
          JSON.stringify({
            id,
            transcript: [
              { speaker: 'lege', text: 'Hei, hva gjelder det?' },
              { speaker: 'pasient', text: 'Jeg har hatt vondt i ryggen i en uke.' },
            ],
          }),
        )
        .join('\n'),
    );

  it('defaults to JSON Lines output for JSON Lines input, text otherwise', async () => {
    const lines = await runNoteInProcess([twoConsultations()]);
    expect(lines.error).toBeUndefined();
    expect(
      lines.stdout
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as NoteOutput).id),
    ).toEqual(['a', 'b']);

    const text = await runNoteInProcess([twoConsultations(), '--format', 'text']);
    expect(text.stdout.startsWith('# a\n')).toBe(true);
    expect(text.stdout).toContain('\n# b\n');

    const json = await runNoteInProcess([twoConsultations(), '--format', 'json']);
    expect((JSON.parse(json.stdout) as NoteOutput[]).map((output) => output.id)).toEqual(['a', 'b']);
  });

  it('detects English, uses the chosen language, template and style, and reads WebVTT', async () => {
    const path = writeInput(
      'visit.vtt',
      'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Doctor>What brings you in today?\n\n' +
        '00:00:03.000 --> 00:00:07.000\n<v Patient>I have had a sore throat for three days.\n',
    );
    const english = await runNoteInProcess([path, '--format', 'json']);
    expect(english.error).toBeUndefined();
    const englishOutput = JSON.parse(english.stdout) as NoteOutput;
    expect(englishOutput).toMatchObject({ id: 'visit', template: 'soap' });
    expectGroundedEvidence(englishOutput, new Set(['s1', 's2']));

    const chosen = await runNoteInProcess([
      path,
      '--format',
      'json',
      '--lang',
      'nb',
      '--template',
      'fastlege',
      '--style',
      'kort',
    ]);
    expect((JSON.parse(chosen.stdout) as NoteOutput).template).toBe('fastlege');
  });

  it.each([
    ['an unknown speaker', ['SPEAKER'], /speaker\.txt: Linje 2: ukjent taler «Robot»$/],
    ['a bad --style', ['SPEAKER', '--style', 'lang'], /^Ugyldig --style/],
    ['a bad --lang', ['SPEAKER', '--lang', 'sv'], /^Ugyldig --lang/],
    ['a bad --template', ['SPEAKER', '--template', 'x'], /^Ukjent --template \(finnes: fastlege/],
    ['a bad --format', ['SPEAKER', '--format', 'xml'], /^Ugyldig --format/],
    ['a bad --input-format', ['SPEAKER', '--input-format', 'pdf'], /^Ugyldig --input-format/],
    ['a folder', ['FOLDER'], /er en mappe/],
  ])('fails with a clear AppError for %s', async (_name, args, message) => {
    const files: Record<string, string> = {
      SPEAKER: writeInput('speaker.txt', 'Lege: Hei.\nRobot: Hemmelig tekst.\n'),
      FOLDER: folder,
    };
    const result = await runNoteInProcess(args.map((arg) => files[arg] ?? arg));
    expect(result.error).toBeInstanceOf(AppError);
    expect((result.error as AppError).message).toMatch(message);
    expect((result.error as AppError).message).not.toContain('Hemmelig');
    expect(result.stdout).toBe('');
  });
});
