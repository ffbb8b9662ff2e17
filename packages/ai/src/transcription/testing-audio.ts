import { spawnSync } from 'node:child_process';
import { SPEECH_SAMPLE_RATE } from './wav-audio';
import type { PcmAudio } from './wav-audio';

/** A piece of synthetic audio: a voiced tone (speech-like energy), noise, or digital silence. */
export type SyntheticPiece =
  | { kind: 'tone'; seconds: number; db?: number }
  | { kind: 'noise'; seconds: number; db: number }
  | { kind: 'silence'; seconds: number };

/** Builds 16 kHz mono audio from pieces, for tests (deterministic noise). */
export function buildSyntheticAudio(pieces: readonly SyntheticPiece[]): PcmAudio {
  const total = pieces.reduce((sum, piece) => sum + Math.round(piece.seconds * SPEECH_SAMPLE_RATE), 0);
  const samples = new Int16Array(total);
  let offset = 0;
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32 - 0.5;
  };
  for (const piece of pieces) {
    const length = Math.round(piece.seconds * SPEECH_SAMPLE_RATE);
    for (let index = 0; index < length; index += 1) {
      let value = 0;
      if (piece.kind === 'tone') {
        const amplitude = 10 ** ((piece.db ?? -12) / 20) * Math.SQRT2;
        // 150 Hz with a 4 Hz syllable-like envelope.
        const envelope = 0.6 + 0.4 * Math.sin((2 * Math.PI * 4 * index) / SPEECH_SAMPLE_RATE);
        value = amplitude * envelope * Math.sin((2 * Math.PI * 150 * index) / SPEECH_SAMPLE_RATE);
      } else if (piece.kind === 'noise') {
        value = 10 ** (piece.db / 20) * Math.sqrt(12) * random();
      }
      samples[offset + index] = Math.max(-32768, Math.min(32767, Math.round(value * 32767)));
    }
    offset += length;
  }
  return { sampleRate: SPEECH_SAMPLE_RATE, samples };
}

/** True when every named program is on the PATH (the audio tests need Debian's ffmpeg, flite, pocketsphinx). */
export function hasPrograms(...names: string[]): boolean {
  return names.every((name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0);
}

/** Speaks `text` with flite's `slt` voice into a 16 kHz mono WAV file (synthetic test speech). */
export function speakWithFlite(text: string, outputPath: string): void {
  const result = spawnSync('flite', ['-voice', 'slt', '-t', text, '-o', outputPath]);
  if (result.status !== 0) throw new Error('flite failed');
}

/** Runs sox with arguments (concatenation, padding, conversion) and fails loudly. */
export function runSox(args: readonly string[]): void {
  const result = spawnSync('sox', args);
  if (result.status !== 0) throw new Error(`sox failed: ${result.stderr.toString().slice(0, 200)}`);
}

/** Runs ffmpeg quietly (format conversion for test files) and fails loudly. */
export function runFfmpeg(args: readonly string[]): void {
  const result = spawnSync('ffmpeg', ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...args]);
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${result.stderr.toString().slice(0, 200)}`);
}
