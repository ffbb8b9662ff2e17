import type { Language } from '@kollega/domain';
import { AppError } from '@kollega/domain';
import type { TranscriptionModel } from '../models/transcription-model';
import type { AuditSink } from '../audit/audit-sink';
import { guardTranscriptionModel } from '../middleware/guard-transcription-model';
import type { ResilienceOptions } from '../middleware/resilience-middleware';
import { createCircuitBreaker } from '../middleware/resilience-middleware';
import { createOpenAICompatibleProvider } from '../providers/openai-compatible/openai-compatible-provider';
import { PocketsphinxTranscriptionModel } from './pocketsphinx-transcription-model';
import { WhisperNodeTranscriptionModel } from './whisper-node-transcription-model';

/** A configured speech-to-text engine: the model plus what the pipeline needs to know about it. */
export interface TranscriptionEngine {
  /** The setting it was made from, without secrets: `pocketsphinx`, `openai-compatible:nb-whisper` … */
  id: string;
  /** Name shown to the GP ("Pocketsphinx (engelsk, lokal)"). */
  displayName: string;
  model: TranscriptionModel;
  /** Consultation languages the engine can transcribe; undefined: any. */
  languages?: readonly Language[];
  /** True when the engine labels speakers itself (segments carry a speaker label). */
  diarization: boolean;
  /** How many windows may be sent at once. */
  concurrency: number;
}

/** The kinds of `KOLLEGA_TRANSCRIPTION` value. */
export type TranscriptionSetting =
  | { kind: 'pocketsphinx' }
  | { kind: 'openai-compatible'; modelId: string }
  | { kind: 'whisper-node'; modelPath: string };

/** The default engine: pocketsphinx, which works offline on a fresh Debian machine. */
export const DEFAULT_TRANSCRIPTION_SETTING = 'pocketsphinx';

/**
 * Reads a `KOLLEGA_TRANSCRIPTION` value: `pocketsphinx`, `openai-compatible:MODEL` or
 * `whisper-node:/path/model.bin`. Anything else is `invalid_input` naming the accepted forms.
 */
export function parseTranscriptionSetting(value: string): TranscriptionSetting {
  const trimmed = value.trim();
  if (trimmed === 'pocketsphinx') return { kind: 'pocketsphinx' };
  const separator = trimmed.indexOf(':');
  const kind = separator < 0 ? trimmed : trimmed.slice(0, separator);
  const rest = separator < 0 ? '' : trimmed.slice(separator + 1).trim();
  if (kind === 'openai-compatible' && rest !== '') return { kind, modelId: rest };
  if (kind === 'whisper-node' && rest !== '') return { kind, modelPath: rest };
  throw new AppError(
    'invalid_input',
    'Ugyldig KOLLEGA_TRANSCRIPTION (bruk pocketsphinx, openai-compatible:MODELL eller whisper-node:/sti/modell.bin)',
    { details: { setting: 'KOLLEGA_TRANSCRIPTION' } },
  );
}

/** Options for `createTranscriptionEngine`. */
export interface CreateTranscriptionEngineOptions {
  /** A `KOLLEGA_TRANSCRIPTION` value; default `pocketsphinx`. */
  setting?: string;
  /** OpenAI-compatible only: base URL including `/v1`. */
  baseURL?: string;
  apiKey?: string;
  /** true: the server is on the practice's own network (counts as local). */
  local?: boolean;
  /** Refuse engines that send audio off this server. */
  localOnly?: boolean;
  /** OpenAI-compatible only: timeouts, retries and circuit breaking per window. */
  resilience?: ResilienceOptions;
  auditSink?: AuditSink;
  fetch?: typeof fetch;
  /** How many windows to transcribe at once; default 2 for pocketsphinx (two CPU cores), 1 otherwise. */
  concurrency?: number;
}

/** Builds the engine a setting names; see `parseTranscriptionSetting`. */
export function createTranscriptionEngine(
  options: CreateTranscriptionEngineOptions = {},
): TranscriptionEngine {
  const settingText = options.setting?.trim() || DEFAULT_TRANSCRIPTION_SETTING;
  const setting = parseTranscriptionSetting(settingText);
  switch (setting.kind) {
    case 'pocketsphinx':
      return {
        id: 'pocketsphinx',
        displayName: 'Pocketsphinx (bare engelsk, lokal)',
        model: new PocketsphinxTranscriptionModel(),
        languages: ['en'],
        diarization: false,
        concurrency: options.concurrency ?? 2,
      };
    case 'whisper-node':
      return {
        id: `whisper-node:${setting.modelPath}`,
        displayName: 'Whisper (innebygd, lokal)',
        model: new WhisperNodeTranscriptionModel({ modelPath: setting.modelPath }),
        diarization: false,
        concurrency: options.concurrency ?? 1,
      };
    case 'openai-compatible': {
      if (options.baseURL === undefined || options.baseURL.trim() === '') {
        throw new AppError(
          'invalid_input',
          'KOLLEGA_TRANSCRIPTION_BASE_URL mangler (f.eks. http://127.0.0.1:8080/v1 for whisper.cpp-serveren)',
          { details: { setting: 'KOLLEGA_TRANSCRIPTION_BASE_URL' } },
        );
      }
      const provider = createOpenAICompatibleProvider({
        name: 'openai-compatible',
        displayName: 'Talegjenkjenner',
        baseURL: options.baseURL,
        ...(options.apiKey === undefined || options.apiKey === '' ? {} : { apiKey: options.apiKey }),
        ...(options.local === undefined ? {} : { local: options.local }),
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      });
      const model = provider.transcriptionModel?.(setting.modelId);
      if (model === undefined) throw new AppError('internal', 'Leverandøren har ingen talegjenkjenning');
      if (options.localOnly === true && !model.local) {
        throw new AppError(
          'forbidden',
          'Talegjenkjenneren er ikke lokal, og bare lokale modeller er tillatt',
          {
            details: { setting: 'KOLLEGA_TRANSCRIPTION', host: model.host ?? '' },
          },
        );
      }
      const resilience = options.resilience ?? {};
      return {
        id: `openai-compatible:${setting.modelId}`,
        displayName: model.local
          ? `${setting.modelId} (lokal server)`
          : `${setting.modelId} (${model.host ?? 'ekstern'})`,
        model: guardTranscriptionModel(model, {
          resilience: {
            ...resilience,
            circuitBreaker:
              resilience.circuitBreaker ??
              createCircuitBreaker({ provider: 'openai-compatible', failureThreshold: 5 }),
          },
          ...(options.auditSink === undefined ? {} : { auditSink: options.auditSink }),
          purpose: 'transcription',
        }),
        diarization: false,
        concurrency: options.concurrency ?? 1,
      };
    }
  }
}

/**
 * The engine the environment configures: `KOLLEGA_TRANSCRIPTION` (default `pocketsphinx`),
 * `KOLLEGA_TRANSCRIPTION_BASE_URL` (falls back to `KOLLEGA_OPENAI_BASE_URL`), `KOLLEGA_TRANSCRIPTION_API_KEY`,
 * `KOLLEGA_TRANSCRIPTION_LOCAL`, `KOLLEGA_TRANSCRIPTION_TIMEOUT_MS`, and `KOLLEGA_MODEL_LOCAL_ONLY`.
 */
export function loadTranscriptionEngine(
  env: Record<string, string | undefined> = process.env,
  options: Pick<CreateTranscriptionEngineOptions, 'auditSink' | 'fetch'> = {},
): TranscriptionEngine {
  const flag = (value: string | undefined): boolean | undefined =>
    value === undefined || value.trim() === '' ? undefined : /^(1|true|yes|ja|on)$/i.test(value.trim());
  const timeout = Number(env.KOLLEGA_TRANSCRIPTION_TIMEOUT_MS);
  const baseURL =
    env.KOLLEGA_TRANSCRIPTION_BASE_URL?.trim() || env.KOLLEGA_OPENAI_BASE_URL?.trim() || undefined;
  const apiKey = env.KOLLEGA_TRANSCRIPTION_API_KEY?.trim() || undefined;
  const local = flag(env.KOLLEGA_TRANSCRIPTION_LOCAL);
  const localOnly = flag(env.KOLLEGA_MODEL_LOCAL_ONLY);
  return createTranscriptionEngine({
    ...(env.KOLLEGA_TRANSCRIPTION === undefined ? {} : { setting: env.KOLLEGA_TRANSCRIPTION }),
    ...(baseURL === undefined ? {} : { baseURL }),
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(local === undefined ? {} : { local }),
    ...(localOnly === undefined ? {} : { localOnly }),
    ...(Number.isFinite(timeout) && timeout > 0 ? { resilience: { timeoutMs: timeout } } : {}),
    ...options,
  });
}

/** True when the engine can transcribe speech in `language`. */
export function supportsLanguage(engine: TranscriptionEngine, language: Language): boolean {
  return engine.languages === undefined || engine.languages.includes(language);
}

/** The ISO 639-1 code speech-to-text servers expect for a consultation language (`nb` → `no`). */
export function toSpeechLanguageCode(language: Language): string {
  return language === 'nb' ? 'no' : language;
}
