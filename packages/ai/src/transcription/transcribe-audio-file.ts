import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Language, Segment } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import { convertToSpeechWav, probeAudioDuration } from './audio-tools';
import type { SpeechMeasurement } from './speech-activity';
import { assignSpeakerRoles, toTranscriptSegments } from './to-transcript';
import type { TranscribeAudioOptions, TranscriptionProgress } from './transcribe-audio';
import { assertEngineSupportsLanguage, transcribeAudio } from './transcribe-audio';
import type { TranscriptionEngine } from './transcription-engine';
import { decodeWav } from './wav-audio';

/** File extensions Kollega reads as audio. */
export const AUDIO_FILE_EXTENSIONS = ['.wav', '.mp3', '.m4a', '.ogg', '.oga', '.opus', '.webm'] as const;

/** True when a file name ends in an audio extension. */
export function isAudioFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return AUDIO_FILE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** Options for `transcribeAudioFile`. */
export interface TranscribeAudioFileOptions {
  engine: TranscriptionEngine;
  language: Language;
  /** Longest accepted recording; default 2 hours. */
  maxDurationSeconds?: number;
  windowSeconds?: number;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: TranscriptionProgress) => void;
}

/** A transcribed audio file. */
export interface AudioFileTranscript {
  /** Segments with roles, times and confidence; empty when there was no speech. */
  segments: Segment[];
  /** True for silence or near-silence: "Ingen tale registrert", and no note should be written. */
  noSpeech: boolean;
  durationSeconds: number;
  speech: SpeechMeasurement;
  /** Seconds spent converting with ffmpeg, and in the whole call. */
  conversionSeconds: number;
  totalSeconds: number;
  engineSeconds: number;
}

/** Refuses audio longer than the limit with a message that names the limit. */
export function assertDurationWithinLimit(durationSeconds: number, maxDurationSeconds: number): void {
  if (durationSeconds > maxDurationSeconds + 1) {
    const limit =
      maxDurationSeconds >= 3600
        ? `${Math.round((maxDurationSeconds / 3600) * 10) / 10} timer`
        : maxDurationSeconds >= 60
          ? `${Math.round(maxDurationSeconds / 60)} minutter`
          : `${Math.round(maxDurationSeconds)} sekunder`;
    throw new AppError('payload_too_large', `Lydopptaket er for langt (maks ${limit})`, {
      details: { durationSeconds: Math.round(durationSeconds), maxDurationSeconds },
    });
  }
}

/**
 * Transcribes an audio file (wav, mp3, m4a, ogg/opus, webm): checks its length, converts it to 16 kHz mono
 * with ffmpeg, transcribes it in windows and assigns speaker roles.
 */
export async function transcribeAudioFile(
  path: string,
  options: TranscribeAudioFileOptions,
): Promise<AudioFileTranscript> {
  assertEngineSupportsLanguage(options.engine, options.language);
  const started = performance.now();
  const maxDurationSeconds = options.maxDurationSeconds ?? 7200;
  const signalOption = options.signal === undefined ? {} : { signal: options.signal };
  const declared = await probeAudioDuration(path, signalOption);
  if (declared !== undefined) assertDurationWithinLimit(declared, maxDurationSeconds);
  const folder = await mkdtemp(join(tmpdir(), 'kollega-audio-'));
  try {
    const wavPath = join(folder, 'speech.wav');
    await convertToSpeechWav(path, wavPath, signalOption);
    const audio = decodeWav(await readFile(wavPath));
    const conversionSeconds = (performance.now() - started) / 1000;
    const durationSeconds = audio.samples.length / audio.sampleRate;
    assertDurationWithinLimit(durationSeconds, maxDurationSeconds);
    const transcribeOptions: TranscribeAudioOptions = {
      engine: options.engine,
      language: options.language,
      ...(options.windowSeconds === undefined ? {} : { windowSeconds: options.windowSeconds }),
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...signalOption,
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    };
    const result = await transcribeAudio(audio, transcribeOptions);
    const segments = assignSpeakerRoles(toTranscriptSegments(result.segments));
    return {
      segments,
      noSpeech: segments.length === 0,
      durationSeconds,
      speech: result.speech,
      conversionSeconds,
      totalSeconds: (performance.now() - started) / 1000,
      engineSeconds: result.engineSeconds,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
