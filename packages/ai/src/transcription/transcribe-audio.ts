import type { Language } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import type { ModelCallContext } from '../models/text-model';
import type { TranscriptionSegment } from '../models/transcription-model';
import type { AudioWindow } from './plan-windows';
import { planAudioWindows } from './plan-windows';
import type { SpeechMeasurement } from './speech-activity';
import { FRAME_SECONDS, measureFrameLevels, measureSpeech } from './speech-activity';
import type { TranscriptionEngine } from './transcription-engine';
import { supportsLanguage, toSpeechLanguageCode } from './transcription-engine';
import type { PcmAudio } from './wav-audio';
import { encodeWav, measureDuration, sliceAudio } from './wav-audio';

/** A recognised segment with times on the whole recording's clock, and the diarization label if any. */
export interface TimedSegment extends TranscriptionSegment {
  /** The engine's speaker label, when it diarizes ("SPEAKER_1"). */
  speakerLabel?: string;
}

/** Progress of a transcription, for the UI's progress bar. */
export interface TranscriptionProgress {
  processedSeconds: number;
  totalSeconds: number;
}

/** Options for `transcribeAudio`. */
export interface TranscribeAudioOptions {
  engine: TranscriptionEngine;
  language: Language;
  /** Longest window sent to the engine at once; default 30 s. */
  windowSeconds?: number;
  /** Windows in flight at once; default the engine's. */
  concurrency?: number;
  /** Added to every time: where this audio starts on the recording's clock (live transcription). */
  offsetSeconds?: number;
  /** Vocabulary hint for engines that take one. */
  prompt?: string;
  signal?: AbortSignal;
  context?: ModelCallContext;
  /** Called as windows finish, in order. */
  onProgress?: (progress: TranscriptionProgress) => void;
  /** Called with each window's segments, in order, as soon as it and all earlier windows are done. */
  onSegments?: (segments: TimedSegment[], window: AudioWindow) => void | Promise<void>;
}

/** The outcome of transcribing one stretch of audio. */
export interface AudioTranscription {
  segments: TimedSegment[];
  speech: SpeechMeasurement;
  durationSeconds: number;
  /** Windows sent to the engine, and windows skipped as silent. */
  windowCount: number;
  skippedWindowCount: number;
  /** Seconds spent waiting for the engine (summed over windows; may exceed wall time when parallel). */
  engineSeconds: number;
}

/** Refuses a language the engine cannot transcribe, with a message the GP can act on. */
export function assertEngineSupportsLanguage(engine: TranscriptionEngine, language: Language): void {
  if (!supportsLanguage(engine, language)) {
    throw new AppError(
      'unavailable',
      `Talegjenkjenneren (${engine.displayName}) kan ikke ${language === 'nb' ? 'norsk' : 'dette språket'}; ` +
        'sett opp en norsk modell (KOLLEGA_TRANSCRIPTION) eller velg engelsk',
      { details: { engine: engine.id, language, reason: 'language' } },
    );
  }
}

/**
 * Transcribes 16 kHz mono audio: measures speech energy (silence gives no segments and no engine call),
 * cuts the audio into windows of at most 30 s at pauses, sends the windows with speech to the engine
 * (`concurrency` at a time), and returns the segments on one clock, in order, reporting progress.
 */
export async function transcribeAudio(
  audio: PcmAudio,
  options: TranscribeAudioOptions,
): Promise<AudioTranscription> {
  assertEngineSupportsLanguage(options.engine, options.language);
  const offset = options.offsetSeconds ?? 0;
  const durationSeconds = measureDuration(audio);
  const levels = measureFrameLevels(audio, FRAME_SECONDS);
  const speech = measureSpeech(audio, levels);
  const empty: AudioTranscription = {
    segments: [],
    speech,
    durationSeconds,
    windowCount: 0,
    skippedWindowCount: 0,
    engineSeconds: 0,
  };
  if (!speech.hasSpeech) {
    options.onProgress?.({
      processedSeconds: offset + durationSeconds,
      totalSeconds: offset + durationSeconds,
    });
    return empty;
  }
  const windows = planAudioWindows(levels, {
    thresholdDb: speech.thresholdDb,
    frameSeconds: FRAME_SECONDS,
    windowSeconds: options.windowSeconds ?? 30,
  });
  const language = toSpeechLanguageCode(options.language);
  const results: Array<TimedSegment[] | undefined> = windows.map(() => undefined);
  let engineSeconds = 0;
  let emitted = 0;
  let emitting = Promise.resolve();

  const transcribeWindow = async (window: AudioWindow): Promise<TimedSegment[]> => {
    if (!window.hasSpeech) return [];
    const slice = sliceAudio(audio, window.start, window.end);
    const started = performance.now();
    const result = await options.engine.model.transcribe({
      audio: encodeWav(slice),
      mediaType: 'audio/wav',
      fileName: 'audio.wav',
      language,
      ...(options.prompt === undefined ? {} : { prompt: options.prompt }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.context === undefined ? {} : { context: options.context }),
    });
    engineSeconds += (performance.now() - started) / 1000;
    const windowLength = window.end - window.start;
    return result.segments
      .filter((segment) => segment.text.trim() !== '')
      .map((segment) => {
        const start = Math.min(windowLength, Math.max(0, segment.start));
        const end = Math.min(windowLength, Math.max(start, segment.end));
        const label = (segment as TimedSegment).speakerLabel;
        return {
          start: offset + window.start + start,
          end: offset + window.start + end,
          text: segment.text.trim(),
          ...(segment.confidence === undefined ? {} : { confidence: segment.confidence }),
          ...(label === undefined ? {} : { speakerLabel: label }),
        };
      });
  };

  // Hands finished windows on in order, so the transcript grows front to back.
  const emitReady = (): Promise<void> => {
    emitting = emitting.then(async () => {
      while (emitted < windows.length && results[emitted] !== undefined) {
        const window = windows[emitted];
        const segments = results[emitted] ?? [];
        emitted += 1;
        if (window !== undefined) {
          await options.onSegments?.(segments, {
            ...window,
            start: offset + window.start,
            end: offset + window.end,
          });
          options.onProgress?.({
            processedSeconds: offset + window.end,
            totalSeconds: offset + durationSeconds,
          });
        }
      }
    });
    return emitting;
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < windows.length) {
      const index = next;
      next += 1;
      const window = windows[index];
      if (window === undefined) continue;
      try {
        results[index] = await transcribeWindow(window);
      } catch (error) {
        next = windows.length; // stop the other workers taking new windows
        throw error;
      }
      await emitReady();
    }
  };
  const concurrency = Math.max(
    1,
    Math.min(options.concurrency ?? options.engine.concurrency, windows.length),
  );
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  await emitReady();
  return {
    ...empty,
    segments: results.flatMap((segments) => segments ?? []),
    windowCount: windows.filter((window) => window.hasSpeech).length,
    skippedWindowCount: windows.filter((window) => !window.hasSpeech).length,
    engineSeconds,
  };
}
