import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';
import { toTranscribeJson } from './transcribe';

const tools = ['ffmpeg', 'ffprobe', 'flite', 'sox', 'pocketsphinx_continuous'];
const hasTools = tools.every((name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0);
const folder = mkdtempSync(join(tmpdir(), 'kollega-cli-transcribe-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args);
  if (result.status !== 0) throw new Error(`${command} failed`);
}

describe('toTranscribeJson', () => {
  it('prints every segment with id, speaker, times and confidence (null when unknown)', () => {
    expect(
      toTranscribeJson([
        { id: 's1', speaker: 'lege', start: 0.5, end: 2, text: 'hello', confidence: 0.8 },
        { id: 's2', speaker: 'pasient', text: 'hi' },
      ]),
    ).toEqual({
      segments: [
        { id: 's1', speaker: 'lege', start: 0.5, end: 2, text: 'hello', confidence: 0.8 },
        { id: 's2', speaker: 'pasient', start: null, end: null, text: 'hi', confidence: null },
      ],
    });
  });
});

describe.skipIf(!hasTools)('kollega transcribe and kollega note with audio (pocketsphinx)', () => {
  let consultation: string;
  let silence: string;

  beforeAll(() => {
    const lines = ['What brings you in today?', 'I have had a cough and a fever for three days.'];
    const pause = join(folder, 'pause.wav');
    run('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', pause, 'trim', '0', '1']);
    const parts = lines.map((line, index) => {
      const path = join(folder, `line-${index}.wav`);
      run('flite', ['-voice', 'slt', '-t', line, '-o', path]);
      return path;
    });
    const wav = join(folder, 'joined.wav');
    run('sox', [...parts.flatMap((part) => [part, pause]), wav]);
    consultation = join(folder, 'consultation.ogg');
    run('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', '-i', wav, '-c:a', 'libopus', consultation]);
    silence = join(folder, 'silence.wav');
    run('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', silence, 'trim', '0', '5']);
  });

  it('prints the segments as JSON with times, roles and confidence', async () => {
    const result = await runCli(
      ['transcribe', consultation, '--engine', 'pocketsphinx', '--format', 'json'],
      {
        env: { KOLLEGA_TRANSCRIPTION: '' },
      },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as ReturnType<typeof toTranscribeJson>;
    const text = output.segments.map((segment) => segment.text).join(' ');
    expect(text).toContain('cough');
    expect(text).toContain('three days');
    expect(output.segments[0]).toMatchObject({ id: 's1', speaker: 'lege' });
    for (const segment of output.segments) {
      expect(segment.start).toBeLessThan(segment.end!);
      expect(segment.confidence).toBeGreaterThan(0);
    }
  }, 120_000);

  it('prints readable lines by default, and "Ingen tale registrert" for silence', async () => {
    const text = await runCli(['transcribe', consultation]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^\[0:0\d–0:0\d\] lege: /m);
    const quiet = await runCli(['transcribe', silence, '--format', 'json']);
    expect(quiet.code).toBe(0);
    expect(JSON.parse(quiet.stdout)).toEqual({ segments: [] });
    expect(quiet.stderr).toContain('Ingen tale registrert');
  }, 120_000);

  it('drafts a note from an audio file, and refuses to invent one from silence', async () => {
    const note = await runCli(['note', consultation, '--format', 'json']);
    expect(note.code).toBe(0);
    const output = JSON.parse(note.stdout) as { text: string };
    expect(output.text.toLowerCase()).toMatch(/cough|hoste/);
    const quiet = await runCli(['note', silence]);
    expect(quiet.code).toBe(2);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toContain('Ingen tale registrert');
  }, 120_000);

  it('explains a missing file, a non-audio file, an unknown engine and a language the engine lacks', async () => {
    expect((await runCli(['transcribe', join(folder, 'missing.wav')])).stderr).toContain('finnes ikke');
    const notes = join(folder, 'notes.txt');
    writeFileSync(notes, 'Lege: hei');
    expect((await runCli(['transcribe', notes])).stderr).toContain('ikke en lydfil');
    expect((await runCli(['transcribe', consultation, '--engine', 'deepspeech'])).stderr).toContain(
      'KOLLEGA_TRANSCRIPTION',
    );
    const norwegian = await runCli(['transcribe', consultation, '--lang', 'nb']);
    expect(norwegian.code).toBe(2);
    expect(norwegian.stderr).toContain('norsk');
  }, 120_000);
});
