import { spawn } from 'node:child_process';
import { AppError } from '@kollega/domain';
import { SPEECH_SAMPLE_RATE } from './wav-audio';

/** What a finished external tool printed and returned. */
export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options for `runTool`. */
export interface RunToolOptions {
  signal?: AbortSignal;
  /** Kills the tool after this long; default 10 minutes. */
  timeoutMs?: number;
}

/**
 * Runs a command with arguments (no shell), collecting its output. A missing program is
 * `AppError('unavailable')`; a timeout is `timeout`; cancellation rejects with the signal's reason.
 * Error messages never include the tool's output (it may name files or quote metadata).
 */
export function runTool(
  command: string,
  args: readonly string[],
  options: RunToolOptions = {},
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(
        new AppError('unavailable', `${command} ble avbrutt`, {
          details: { tool: command, reason: 'cancelled' },
        }),
      );
      return;
    }
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (error: AppError | undefined, result?: ToolResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else if (result) resolve(result);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new AppError('timeout', `${command} brukte for lang tid`, { details: { tool: command } }));
    }, options.timeoutMs ?? 600_000);
    const onAbort = (): void => {
      child.kill('SIGKILL');
      finish(
        new AppError('unavailable', `${command} ble avbrutt`, {
          details: { tool: command, reason: 'cancelled' },
        }),
      );
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      // Keep the tail only: ffmpeg can be chatty on long files.
      stderr = (stderr + chunk).slice(-20_000);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      const missing = error.code === 'ENOENT';
      finish(
        new AppError(
          'unavailable',
          missing ? `${command} er ikke installert på serveren` : `${command} kunne ikke startes`,
          { cause: error, details: { tool: command, reason: missing ? 'missing' : 'spawn_failed' } },
        ),
      );
    });
    child.on('close', (code) => finish(undefined, { code, stdout, stderr }));
  });
}

/**
 * Converts any audio ffmpeg reads (wav, mp3, m4a, ogg/opus, webm …) to 16 kHz mono 16-bit WAV without
 * metadata. A file ffmpeg cannot decode is `unsupported_media_type`.
 */
export async function convertToSpeechWav(
  inputPath: string,
  outputPath: string,
  options: RunToolOptions = {},
): Promise<void> {
  const result = await runTool(
    'ffmpeg',
    [
      '-nostdin',
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-i',
      inputPath,
      '-vn',
      '-ac',
      '1',
      '-ar',
      String(SPEECH_SAMPLE_RATE),
      '-c:a',
      'pcm_s16le',
      '-map_metadata',
      '-1',
      '-bitexact',
      '-f',
      'wav',
      outputPath,
    ],
    options,
  );
  if (result.code !== 0) {
    throw new AppError(
      'unsupported_media_type',
      'Lydfilen kunne ikke leses (ukjent eller skadet lydformat)',
      {
        details: { tool: 'ffmpeg', exitCode: result.code },
      },
    );
  }
}

/** Joins speech WAV files end to end with ffmpeg's concat filter into one 16 kHz mono WAV. */
export async function concatenateSpeechWavs(
  inputPaths: readonly string[],
  outputPath: string,
  options: RunToolOptions = {},
): Promise<void> {
  if (inputPaths.length === 0) throw new AppError('invalid_input', 'Ingen lyddeler å sette sammen');
  const inputs = inputPaths.flatMap((path) => ['-i', path]);
  const filter = `${inputPaths.map((_, index) => `[${index}:a]`).join('')}concat=n=${inputPaths.length}:v=0:a=1[joined]`;
  const result = await runTool(
    'ffmpeg',
    [
      '-nostdin',
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      ...inputs,
      '-filter_complex',
      filter,
      '-map',
      '[joined]',
      '-ac',
      '1',
      '-ar',
      String(SPEECH_SAMPLE_RATE),
      '-c:a',
      'pcm_s16le',
      '-map_metadata',
      '-1',
      '-bitexact',
      '-f',
      'wav',
      outputPath,
    ],
    options,
  );
  if (result.code !== 0) {
    throw new AppError('unsupported_media_type', 'Lyddelene kunne ikke settes sammen', {
      details: { tool: 'ffmpeg', exitCode: result.code },
    });
  }
}

/** The length of an audio file in seconds as ffprobe reads it from the container, or undefined if unknown. */
export async function probeAudioDuration(
  path: string,
  options: RunToolOptions = {},
): Promise<number | undefined> {
  const result = await runTool(
    'ffprobe',
    ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=noprint_wrappers=1:nokey=1', path],
    options,
  );
  if (result.code !== 0) {
    throw new AppError(
      'unsupported_media_type',
      'Lydfilen kunne ikke leses (ukjent eller skadet lydformat)',
      {
        details: { tool: 'ffprobe', exitCode: result.code },
      },
    );
  }
  const seconds = Number(result.stdout.trim());
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}
