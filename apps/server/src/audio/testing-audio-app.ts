import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { TranscriptionEngine, TranscriptionRequest, TranscriptionResult } from '@kollega/ai';
import { decodeWav, findSpeechThreshold, FRAME_SECONDS, measureFrameLevels } from '@kollega/ai';
import { listBlockingFlags } from '@kollega/domain';
import type { NoteRecord } from '@kollega/domain';
import { loadConfig } from '../config';
import type { AppContext, AppContextOptions } from '../context';
import { createAppContext } from '../context';
import { buildServer } from '../server';
import type { AudioService, AudioServiceOptions } from './audio-service';
import { getAudioService, provideAudioOptions } from './audio-routes';

/** A server on in-memory SQLite with the audio seams set, for `inject()` tests. */
export interface AudioTestApp {
  app: FastifyInstance;
  context: AppContext;
  audio: AudioService;
  close(): Promise<void>;
}

/** Builds a test server whose audio service uses `audio` (engine, store, settings) and no environment. */
export async function createAudioTestApp(
  audio: AudioServiceOptions = {},
  contextOptions: AppContextOptions = {},
): Promise<AudioTestApp> {
  const config = loadConfig({
    env: {},
    overrides: {
      databaseUrl: 'sqlite::memory:',
      logLevel: 'silent',
      webRoot: '/nonexistent-kollega-web',
      auth: 'off',
    },
  });
  const context = await createAppContext(config, contextOptions);
  provideAudioOptions(context, { env: {}, ...audio });
  const app = buildServer(context);
  await app.ready();
  return {
    app,
    context,
    audio: getAudioService(context),
    close: async () => {
      await app.close();
      await context.close();
    },
  };
}

/** Stretches of speech (frames above the threshold) separated by at least 0.35 s of quiet, in seconds. */
function findBursts(audio: ReturnType<typeof decodeWav>): Array<{ start: number; end: number }> {
  const levels = measureFrameLevels(audio);
  const threshold = findSpeechThreshold(levels);
  const gapFrames = Math.round(0.35 / FRAME_SECONDS);
  const bursts: Array<{ start: number; end: number }> = [];
  let start: number | undefined;
  let quiet = 0;
  levels.forEach((level, index) => {
    if (level > threshold) {
      start ??= index;
      quiet = 0;
    } else if (start !== undefined && (quiet += 1) >= gapFrames) {
      bursts.push({ start: start * FRAME_SECONDS, end: (index - quiet + 1) * FRAME_SECONDS });
      start = undefined;
      quiet = 0;
    }
  });
  if (start !== undefined)
    bursts.push({ start: start * FRAME_SECONDS, end: (levels.length - quiet) * FRAME_SECONDS });
  return bursts.filter((burst) => burst.end - burst.start >= 0.2);
}

/**
 * A speech-to-text engine for tests: every burst of speech in a window (a stretch separated by a pause)
 * becomes one segment with the next line of `script`, timed like a recogniser would, with the given
 * confidence. It records the audio length of each call.
 */
export function createScriptedEngine(
  script: readonly string[],
  options: { confidence?: number; languages?: TranscriptionEngine['languages'] } = {},
): TranscriptionEngine & { calls: Array<{ seconds: number; language?: string }> } {
  const calls: Array<{ seconds: number; language?: string }> = [];
  let lineCount = 0;
  return {
    id: 'scripted',
    displayName: 'Skriptet testmotor',
    diarization: false,
    concurrency: 1,
    ...(options.languages === undefined ? {} : { languages: options.languages }),
    calls,
    model: {
      provider: 'scripted',
      modelId: 'test',
      local: true,
      transcribe(request: TranscriptionRequest): Promise<TranscriptionResult> {
        const audio = decodeWav(request.audio);
        const seconds = audio.samples.length / audio.sampleRate;
        calls.push({ seconds, ...(request.language === undefined ? {} : { language: request.language }) });
        const segments = findBursts(audio).map((burst) => {
          const text = script[lineCount % script.length] ?? '';
          lineCount += 1;
          return { ...burst, text, confidence: options.confidence ?? 0.9 };
        });
        return Promise.resolve({ text: segments.map((segment) => segment.text).join(' '), segments });
      },
    },
  };
}

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args);
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.toString().slice(0, 300)}`);
}

/** Speaks English lines with flite (one second of silence after each) into one 16 kHz WAV. */
export function speakLines(lines: readonly string[], folder: string, name: string): string {
  const silence = join(folder, `${name}-pause.wav`);
  run('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', silence, 'trim', '0', '1']);
  const parts = lines.map((line, index) => {
    const path = join(folder, `${name}-${index}.wav`);
    run('flite', ['-voice', 'slt', '-t', line, '-o', path]);
    return path;
  });
  const output = join(folder, `${name}.wav`);
  run('sox', [...parts.flatMap((part) => [part, silence]), output]);
  return output;
}

/** Silence (or faint noise with `noise`) as a 16 kHz WAV. */
export function makeQuietWav(seconds: number, folder: string, name: string, noise = false): string {
  const output = join(folder, `${name}.wav`);
  run('sox', [
    '-n',
    '-r',
    '16000',
    '-c',
    '1',
    '-b',
    '16',
    output,
    ...(noise ? ['synth', String(seconds), 'whitenoise', 'vol', '0.0005'] : ['trim', '0', String(seconds)]),
  ]);
  return output;
}

/** Encodes a WAV as WebM/Opus, as a browser's MediaRecorder would, and returns the bytes. */
export function encodeWebm(wavPath: string, folder: string, name: string): Buffer {
  const output = join(folder, `${name}.webm`);
  run('ffmpeg', [
    '-nostdin',
    '-loglevel',
    'error',
    '-y',
    '-i',
    wavPath,
    '-c:a',
    'libopus',
    '-b:a',
    '32k',
    '-f',
    'webm',
    output,
  ]);
  return readFileSync(output);
}

/** Splits bytes into `count` pieces of about equal size (like MediaRecorder's timesliced chunks). */
export function splitBytes(bytes: Buffer, count: number): Buffer[] {
  const size = Math.ceil(bytes.length / count);
  return Array.from({ length: count }, (_, index) => bytes.subarray(index * size, (index + 1) * size)).filter(
    (piece) => piece.length > 0,
  );
}

/** True when the programs the audio tests need are installed. */
export function hasAudioTools(...extra: string[]): boolean {
  return ['ffmpeg', 'ffprobe', 'flite', 'sox', ...extra].every(
    (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0,
  );
}

/** Dismisses every blocking flag through the API and approves the note, as a GP would. */
export async function approveThroughApi(
  app: FastifyInstance,
  noteId: string,
  doctor = 'Dr Test',
): Promise<NoteRecord> {
  let record = (await app.inject({ method: 'GET', url: `/api/notes/${noteId}` })).json<NoteRecord>();
  if (record.verification !== undefined) {
    for (const flagId of listBlockingFlags(record.verification, record.dismissals)) {
      const response = await app.inject({
        method: 'POST',
        url: `/api/notes/${noteId}/dismissals`,
        payload: { flagId, reason: 'Kontrollert mot lydopptaket', by: doctor },
      });
      record = response.json<NoteRecord>();
    }
  }
  const approved = await app.inject({
    method: 'POST',
    url: `/api/notes/${noteId}/approve`,
    payload: { approvedBy: doctor, version: record.version },
  });
  if (approved.statusCode !== 200)
    throw new Error(`approve failed: ${approved.statusCode} ${approved.body.slice(0, 200)}`);
  return approved.json<NoteRecord>();
}
