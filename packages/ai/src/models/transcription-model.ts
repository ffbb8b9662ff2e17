import type { ModelCallContext } from './text-model';

/** Audio to transcribe. */
export interface TranscriptionRequest {
  audio: Uint8Array;
  /** MIME type (`audio/wav`, `audio/webm`, `audio/mpeg` …). */
  mediaType: string;
  /** File name sent with the upload; some servers read the format from its extension. */
  fileName?: string;
  /** ISO 639-1 language of the speech (`no`, `en`); servers detect it when left out. */
  language?: string;
  /** Vocabulary hint (drug names, the practice's terms). */
  prompt?: string;
  signal?: AbortSignal;
  context?: ModelCallContext;
}

/** One recognised stretch of speech. Times are seconds from the start of the audio. */
export interface TranscriptionSegment {
  start: number;
  end: number;
  text: string;
  /** Recogniser confidence in [0, 1] (from the average log-probability), when reported. */
  confidence?: number;
}

/** The recognised text with its timed segments. */
export interface TranscriptionResult {
  text: string;
  segments: TranscriptionSegment[];
  /** Language the server detected or was told. */
  language?: string;
  /** Length of the audio in seconds, when reported. */
  durationSeconds?: number;
}

/**
 * A speech-to-text model. Audio cannot be de-identified, so a non-local transcription model sends
 * the recording itself; `describeDataFlow` says so and `localOnly` refuses it.
 */
export interface TranscriptionModel {
  readonly provider: string;
  readonly modelId: string;
  readonly local: boolean;
  readonly host?: string;
  /** Transcribes one recording. */
  transcribe(request: TranscriptionRequest): Promise<TranscriptionResult>;
}
