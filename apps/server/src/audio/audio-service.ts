import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type {
  Consultation,
  ConsultationSetting,
  Language,
  NoteRecord,
  Segment,
  SpeakerRole,
} from '@kollega/domain';
import { AppError, isAppError, toAppError } from '@kollega/domain';
import type { PcmAudio, TimedSegment, TranscriptionEngine } from '@kollega/ai';
import {
  assertDurationWithinLimit,
  assignSpeakerRoles,
  concatenateSpeechWavs,
  convertToSpeechWav,
  decodeWav,
  findPauseBefore,
  findSpeechThreshold,
  loadTranscriptionEngine,
  measureDuration,
  measureFrameLevels,
  probeAudioDuration,
  sliceAudio,
  supportsLanguage,
  toTranscriptSegments,
  transcribeAudio,
} from '@kollega/ai';
import type { AudioRecording, BlobStore, ByteRange, Job, JobHandlerContext } from '@kollega/storage';
import { createBlobStore } from '@kollega/storage';
import type { AppContext } from '../context';
import { formatNorwegianDateTime } from '../consultations/create-consultations';
import { createStorageAuditSink } from '../models/storage-audit-sink';
import { draftVerifiedNote } from '../notes/draft-verified-note';
import { draftConsultationNote, requireConsultation } from '../notes/note-service';
import type { AudioConfig } from './audio-config';
import { loadAudioConfig } from './audio-config';
import type { RecordingStatus } from './audio-views';
import { NO_SPEECH_MESSAGE, toRecordingView, toRetentionView } from './audio-views';
import { KeyedLock } from './keyed-lock';
import {
  TRANSCRIPTION_FINISH_JOB,
  TRANSCRIPTION_MAX_ATTEMPTS,
  TranscriptionCheckpointSchema,
  TranscriptionJobPayloadSchema,
  readTranscriptionRecordingId,
  transcriptionJobKey,
} from './transcription-job';

/** Test and composition seams for `AudioService`. */
export interface AudioServiceOptions {
  /** Settings that win over the environment. */
  config?: Partial<AudioConfig>;
  /** The speech-to-text engine; default from KOLLEGA_TRANSCRIPTION. */
  engine?: TranscriptionEngine;
  blobs?: BlobStore;
  env?: Record<string, string | undefined>;
}

/** Who asked for a recording and what the patient answered. */
export interface StartRecordingInput {
  language: Language;
  title?: string;
  setting?: ConsultationSetting;
  consent: { given: boolean; by: string };
  mimeType?: string;
}

/** An uploaded audio file, already on local disk. */
export interface UploadedAudio {
  path: string;
  fileName: string;
  mimeType?: string;
}

/** The outcome of storing one chunk. */
export interface ChunkReceipt {
  duplicate: boolean;
  nextSequence: number;
  partCount: number;
  receivedBytes: number;
}

/** A request to change speaker roles, segment by segment. */
export interface SpeakerRoleChange {
  id: string;
  speaker: SpeakerRole;
}

/** The job fields the final step uses: its id, what an earlier attempt saved, and the lease. */
interface TranscriptionJobSeams {
  id: string;
  checkpoint: unknown;
  saveCheckpoint: (checkpoint: unknown) => Promise<void>;
  extendLease: () => Promise<void>;
}

/** The result of a `transcription.finish` job. */
export interface TranscriptionJobResult {
  recordingId: string;
  /** The recording's status when the job ended (`transcribed`, `no_speech`, `failed` …). */
  status: string;
  /** Set when another, older job of the same recording was still active, so this one did nothing. */
  superseded?: boolean;
}

/** Recordings left in `recording` this long without a chunk are finished by the sweep. */
const ABANDONED_RECORDING_HOURS = 12;
/** A live step waits until the open part has this much audio beyond the last pause it could cut at. */
const LIVE_FORCE_CUT_SECONDS = 30;

function partKey(recordingId: string, part: number): string {
  return `recordings/${recordingId}/part-${part}.media`;
}
function uploadKey(recordingId: string): string {
  return `recordings/${recordingId}/upload.media`;
}
function audioKey(recordingId: string): string {
  return `recordings/${recordingId}/audio.wav`;
}

function recordingNotFound(recordingId: string): AppError {
  return new AppError('not_found', 'Fant ikke lydopptaket', { details: { recordingId } });
}

/** Writes a stream to a file, refusing more than `maxBytes` (the partial file is removed). */
async function writeStreamToFile(source: Readable, path: string, maxBytes: number): Promise<number> {
  const output = createWriteStream(path);
  let size = 0;
  try {
    for await (const chunk of source) {
      const bytes = chunk as Buffer;
      size += bytes.byteLength;
      if (size > maxBytes) {
        throw new AppError(
          'payload_too_large',
          `Lydfilen er for stor (maks ${Math.round(maxBytes / (1024 * 1024))} MB)`,
          {
            details: { maxBytes },
          },
        );
      }
      if (!output.write(bytes)) await new Promise<void>((resolve) => output.once('drain', resolve));
    }
    await new Promise<void>((resolve, reject) => {
      output.once('error', reject);
      output.end(resolve);
    });
    return size;
  } catch (error) {
    output.destroy();
    await rm(path, { force: true });
    throw error;
  }
}

/**
 * Recording, upload, transcription and retention of consultation audio. Chunks are appended durably (fsync)
 * one recording at a time; transcription runs beside them ("live") and after stop, never blocking uploads.
 */
export class AudioService {
  readonly config: AudioConfig;
  readonly blobs: BlobStore;
  private readonly engine: TranscriptionEngine | undefined;
  private readonly engineError: AppError | undefined;
  /** Serialises chunk appends and the stop of one recording. */
  private readonly appendLock = new KeyedLock();
  /** Serialises transcription steps and transcript edits of one recording. */
  private readonly processLock = new KeyedLock();
  private readonly liveState = new Map<string, { running: boolean; again: boolean }>();
  /** Aborts the final step running in this process, per recording (deleting the audio stops it). */
  private readonly finishing = new Map<string, AbortController>();
  /** Transcription jobs this process enqueued and has not seen finish (for `idle`). */
  private readonly enqueuedJobs = new Set<string>();
  /** This process's job worker, when it has one: woken after an enqueue. */
  private jobWorker: { wake(): void } | undefined;
  private readonly liveDrafts = new Map<string, { text: string; warnings: string[]; updatedAt: string }>();
  private readonly background = new Set<Promise<unknown>>();
  private readonly shutdown = new AbortController();
  private sweepTimer: NodeJS.Timeout | undefined;
  private readonly workRoot: Promise<string>;

  constructor(
    private readonly context: AppContext,
    options: AudioServiceOptions = {},
  ) {
    const env = options.env ?? process.env;
    // A store given in code is used as is (no temporary folder is made for an in-memory database).
    const storeUrl = options.config?.storeUrl;
    const configEnv = storeUrl === undefined ? env : { ...env, KOLLEGA_AUDIO_STORE: storeUrl };
    this.config = { ...loadAudioConfig(configEnv, context.config), ...options.config };
    this.blobs =
      options.blobs ?? createBlobStore(this.config.storeUrl, { keyring: context.storage.encryption.keyring });
    let engine = options.engine;
    let engineError: AppError | undefined;
    if (engine === undefined) {
      try {
        engine = loadTranscriptionEngine(
          {
            ...env,
            ...(this.config.transcription === undefined
              ? {}
              : { KOLLEGA_TRANSCRIPTION: this.config.transcription }),
          },
          { auditSink: createStorageAuditSink(context.storage.audit) },
        );
      } catch (error) {
        // A wrong speech-to-text setting must not stop the server: recordings are still stored safely.
        engineError = toAppError(error);
      }
    }
    this.engine = engine;
    this.engineError = engineError;
    this.workRoot = mkdtemp(join(tmpdir(), 'kollega-audio-work-'));
  }

  /** The engine in use, or why there is none. */
  describeEngine(): {
    id?: string;
    displayName?: string;
    languages?: readonly Language[];
    local?: boolean;
    error?: string;
  } {
    if (this.engine === undefined)
      return { error: this.engineError?.message ?? 'Ingen talegjenkjenner er satt opp' };
    return {
      id: this.engine.id,
      displayName: this.engine.displayName,
      ...(this.engine.languages === undefined ? {} : { languages: this.engine.languages }),
      local: this.engine.model.local,
    };
  }

  private requireEngine(language: Language): TranscriptionEngine {
    if (this.engine === undefined) {
      throw this.engineError ?? new AppError('unavailable', 'Ingen talegjenkjenner er satt opp');
    }
    if (!supportsLanguage(this.engine, language)) {
      throw new AppError(
        'unavailable',
        `Talegjenkjenneren (${this.engine.displayName}) kan ikke ${language === 'nb' ? 'norsk' : 'dette språket'}; lyden er lagret, men ikke transkribert`,
        { details: { engine: this.engine.id, language, reason: 'language' } },
      );
    }
    return this.engine;
  }

  private async requireRecording(recordingId: string): Promise<AudioRecording> {
    const recording = await this.context.storage.audio.findById(recordingId);
    if (recording === undefined) throw recordingNotFound(recordingId);
    return recording;
  }

  private expiresAt(): string | undefined {
    const retention = this.config.retention;
    if (retention.policy !== 'hours') return undefined;
    return new Date(this.context.now().getTime() + retention.hours * 3_600_000).toISOString();
  }

  private defaultTitle(): string {
    return `Lydopptak ${formatNorwegianDateTime(this.context.now(), { withTime: true })}`;
  }

  /** Runs work in the background, keeping track of it so `close` can wait. */
  private track(work: Promise<unknown>): void {
    const tracked = work.catch(() => undefined);
    this.background.add(tracked);
    void tracked.finally(() => this.background.delete(tracked));
  }

  private async audit(
    action: string,
    entityId: string,
    details: Record<string, string | number | boolean | null>,
    options: { actor?: string; outcome?: 'success' | 'failure' } = {},
  ): Promise<void> {
    await this.context.storage.audit.append({
      actor: options.actor ?? 'system',
      action,
      entityType: 'audio',
      entityId,
      outcome: options.outcome ?? 'success',
      details,
    });
  }

  // ---------------------------------------------------------------- recording

  /**
   * Creates the consultation and its recording with the patient's answer. A refusal is stored too
   * (`consent_refused`); nothing can be recorded into it.
   */
  async startRecording(
    input: StartRecordingInput,
  ): Promise<{ recording: AudioRecording; consultation: Consultation }> {
    const consultation = await this.context.storage.consultations.create({
      title: input.title ?? this.defaultTitle(),
      language: input.language,
      ...(input.setting === undefined ? {} : { setting: input.setting }),
      transcript: { segments: [] },
    });
    const expiresAt = this.expiresAt();
    const recording = await this.context.storage.audio.create({
      consultationId: consultation.id,
      source: 'recording',
      language: input.language,
      consent: { given: input.consent.given, by: input.consent.by, at: this.context.now().toISOString() },
      ...(input.mimeType === undefined ? {} : { mimeType: input.mimeType }),
      ...(expiresAt === undefined || !input.consent.given ? {} : { expiresAt }),
    });
    return { recording, consultation };
  }

  /**
   * Appends one chunk durably: the bytes are on disk (fsync) before the chunk is recorded and acknowledged.
   * A chunk already received is acknowledged again without being stored twice; `part` starts a new part
   * (a new MediaRecorder stream after a reload) when it is one more than the last.
   */
  appendChunk(
    recordingId: string,
    input: { sequence: number; part: number; data: Uint8Array },
  ): Promise<ChunkReceipt> {
    return this.appendLock.run(recordingId, async () => {
      const recording = await this.requireRecording(recordingId);
      const receipt = (value: AudioRecording, duplicate: boolean): ChunkReceipt => ({
        duplicate,
        nextSequence: value.nextSequence,
        partCount: value.partCount,
        receivedBytes: value.receivedBytes,
      });
      if (!recording.consent.given) {
        throw new AppError('forbidden', 'Pasienten har ikke samtykket til lydopptak', {
          details: { recordingId },
        });
      }
      if (input.sequence < recording.nextSequence) return receipt(recording, true);
      if (recording.status !== 'recording' || recording.deletedAt !== undefined) {
        throw new AppError('conflict', 'Opptaket er avsluttet', {
          details: { recordingId, status: recording.status },
        });
      }
      if (input.sequence > recording.nextSequence) {
        throw new AppError(
          'conflict',
          `Lydbit nummer ${input.sequence} kom før nummer ${recording.nextSequence}`,
          {
            details: { recordingId, sequence: input.sequence, expectedSequence: recording.nextSequence },
          },
        );
      }
      const currentPart = recording.partCount - 1;
      if (input.part !== currentPart && input.part !== currentPart + 1) {
        throw new AppError('conflict', 'Ukjent del av opptaket', {
          details: { recordingId, part: input.part, expectedPart: Math.max(0, currentPart) },
        });
      }
      if (input.data.byteLength === 0) {
        throw new AppError('invalid_input', 'Tomt lydbit', { details: { recordingId } });
      }
      if (recording.receivedBytes + input.data.byteLength > this.config.maxBytes) {
        throw new AppError(
          'payload_too_large',
          `Opptaket er for stort (maks ${Math.round(this.config.maxBytes / (1024 * 1024))} MB)`,
          { details: { recordingId, maxBytes: this.config.maxBytes } },
        );
      }
      let expectedSize = 0;
      if (input.part === currentPart) {
        const last = (await this.context.storage.audio.listChunks(recordingId, input.part)).at(-1);
        expectedSize = last === undefined ? 0 : last.byteOffset + last.byteLength;
      }
      await this.blobs.append(partKey(recordingId, input.part), input.data, { expectedSize });
      const recorded = await this.context.storage.audio.recordChunk({
        recordingId,
        sequence: input.sequence,
        part: input.part,
        byteOffset: expectedSize,
        byteLength: input.data.byteLength,
      });
      this.scheduleLiveStep(recordingId);
      return receipt(recorded.recording, recorded.duplicate);
    });
  }

  /** Ends a recording and starts the final transcription; stopping twice is harmless. */
  stopRecording(recordingId: string): Promise<AudioRecording> {
    return this.appendLock.run(recordingId, async () => {
      const recording = await this.requireRecording(recordingId);
      if (recording.status !== 'recording') return recording;
      if (recording.partCount === 0) {
        // Nothing was recorded: there is no audio and no speech.
        const stopped = await this.context.storage.audio.update(recordingId, {
          status: 'no_speech',
          stoppedAt: this.context.now().toISOString(),
        });
        await this.audit('audio.stop', recordingId, { consultationId: recording.consultationId, chunks: 0 });
        return stopped;
      }
      const stopped = await this.context.storage.audio.update(recordingId, {
        status: 'processing',
        stoppedAt: this.context.now().toISOString(),
      });
      await this.audit('audio.stop', recordingId, {
        consultationId: recording.consultationId,
        chunks: recording.nextSequence,
        parts: recording.partCount,
      });
      await this.enqueueTranscription(stopped, 'stop');
      return stopped;
    });
  }

  // ---------------------------------------------------------------- upload

  /** Streams an upload to a temporary file within the size limit. */
  async receiveUpload(stream: Readable, fileName: string): Promise<UploadedAudio> {
    const folder = await mkdtemp(join(await this.workRoot, 'upload-'));
    const path = join(folder, 'upload.media');
    await writeStreamToFile(stream, path, this.config.maxBytes);
    return { path, fileName };
  }

  /**
   * Takes an uploaded audio file: checks that ffmpeg can read it and that it is not too long, then creates
   * the consultation and recording and starts transcription. The file is moved into the blob store.
   */
  async acceptUpload(
    upload: UploadedAudio,
    input: Omit<StartRecordingInput, 'mimeType'>,
  ): Promise<{ recording: AudioRecording; consultation: Consultation }> {
    try {
      if (!input.consent.given) {
        throw new AppError('forbidden', 'Pasienten har ikke samtykket til opptak; lydfilen er ikke lagret', {
          details: { field: 'consentGiven' },
        });
      }
      const declared = await probeAudioDuration(upload.path);
      if (declared !== undefined) assertDurationWithinLimit(declared, this.config.maxDurationSeconds);
      const consultation = await this.context.storage.consultations.create({
        title: input.title ?? this.defaultTitle(),
        language: input.language,
        ...(input.setting === undefined ? {} : { setting: input.setting }),
        transcript: { segments: [] },
      });
      const expiresAt = this.expiresAt();
      const recording = await this.context.storage.audio.create({
        consultationId: consultation.id,
        source: 'upload',
        language: input.language,
        consent: { given: true, by: input.consent.by, at: this.context.now().toISOString() },
        ...(upload.mimeType === undefined ? {} : { mimeType: upload.mimeType }),
        ...(expiresAt === undefined ? {} : { expiresAt }),
      });
      await this.blobs.importFile(uploadKey(recording.id), upload.path);
      const processing = await this.context.storage.audio.update(recording.id, {
        stoppedAt: this.context.now().toISOString(),
        ...(declared === undefined ? {} : { durationSeconds: declared }),
      });
      await this.enqueueTranscription(processing, 'upload');
      return { recording: processing, consultation };
    } finally {
      await rm(join(upload.path, '..'), { recursive: true, force: true });
    }
  }

  /** Starts transcription again after a failure, while the audio is kept. */
  async retry(recordingId: string): Promise<AudioRecording> {
    const recording = await this.requireRecording(recordingId);
    if (recording.status !== 'failed') {
      throw new AppError('conflict', 'Bare et mislykket opptak kan transkriberes på nytt', {
        details: { recordingId, status: recording.status },
      });
    }
    if (recording.deletedAt !== undefined) {
      throw new AppError('conflict', 'Lyden er slettet', { details: { recordingId } });
    }
    const updated = await this.context.storage.audio.update(recordingId, {
      status: 'processing',
      error: null,
    });
    // Keyed by the failure being retried: two retries of the same failure are one job.
    await this.enqueueTranscription(updated, `retry:${recording.updatedAt}`);
    return updated;
  }

  // ---------------------------------------------------------------- processing

  private workFolder(recordingId: string): Promise<string> {
    return this.workRoot.then(async (root) => {
      const folder = join(root, recordingId);
      await mkdir(folder, { recursive: true });
      return folder;
    });
  }

  /** A local path of a blob for ffmpeg (the blob itself for a file store). */
  private localPathOf(key: string): string {
    const path = this.blobs.localPath(key);
    if (path === undefined) throw new AppError('unavailable', 'Lydlageret støtter ikke lokal lesing');
    return path;
  }

  /** Decodes one recorded part (possibly still growing) to 16 kHz mono PCM. */
  private async decodePart(
    recordingId: string,
    part: number,
    signal: AbortSignal,
  ): Promise<{ audio: PcmAudio; path: string }> {
    const folder = await this.workFolder(recordingId);
    const path = join(folder, `part-${part}.wav`);
    await convertToSpeechWav(this.localPathOf(partKey(recordingId, part)), path, { signal });
    return { audio: decodeWav(await readFile(path)), path };
  }

  /**
   * Adds recognised segments to the consultation's transcript (numbered on from the last), with speaker
   * roles inferred for the new ones; roles already there (and corrected ones) stay.
   */
  private async appendSegments(
    recording: AudioRecording,
    timed: readonly TimedSegment[],
  ): Promise<Segment[]> {
    if (timed.length === 0) return [];
    const consultation = await requireConsultation(this.context, recording.consultationId);
    const existing = consultation.transcript.segments;
    const lastNumber = existing.reduce((highest, segment) => {
      const number = Number(/^s(\d+)$/.exec(segment.id)?.[1] ?? 0);
      return Math.max(highest, number);
    }, 0);
    const added = toTranscriptSegments(timed, lastNumber + 1);
    const segments = assignSpeakerRoles([...existing, ...added]);
    await this.context.storage.audio.replaceTranscript(recording.consultationId, { segments });
    return segments.slice(existing.length);
  }

  /** Rebuilds the running draft (not stored) from the transcript so far. */
  private async refreshLiveDraft(recording: AudioRecording): Promise<void> {
    const consultation = await requireConsultation(this.context, recording.consultationId);
    if (consultation.transcript.segments.length === 0) return;
    const draft = draftVerifiedNote(this.context.engine, consultation.transcript, {
      language: consultation.language,
      ...(consultation.setting === undefined ? {} : { setting: consultation.setting }),
    });
    this.liveDrafts.set(recording.id, {
      text: draft.text,
      warnings: draft.warnings.map((warning) => warning.message),
      updatedAt: this.context.now().toISOString(),
    });
  }

  /** Runs a live step soon; steps never overlap, and a request during a step runs one more after it. */
  private scheduleLiveStep(recordingId: string): void {
    const state = this.liveState.get(recordingId) ?? { running: false, again: false };
    this.liveState.set(recordingId, state);
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    const loop = async (): Promise<void> => {
      try {
        do {
          state.again = false;
          await this.processLock.run(recordingId, () => this.runLiveStep(recordingId));
        } while (state.again && !this.shutdown.signal.aborted);
      } finally {
        state.running = false;
        this.liveState.delete(recordingId);
      }
    };
    this.track(loop());
  }

  /**
   * Transcribes what has arrived of a recording that is still going: finished parts to their end, the open
   * part up to its last pause once enough new audio has come. Failures are kept for the final step.
   */
  private async runLiveStep(recordingId: string): Promise<void> {
    const recording = await this.context.storage.audio.findById(recordingId);
    if (recording?.status !== 'recording' || this.engine === undefined) return;
    // An API-only process (no job worker) leaves all transcription to the worker processes.
    if (this.jobWorker === undefined) return;
    if (!supportsLanguage(this.engine, recording.language)) return;
    try {
      const added = await this.transcribeParts(recording, { final: false, signal: this.shutdown.signal });
      if (added > 0) await this.refreshLiveDraft(recording);
    } catch {
      // The final step after stop transcribes whatever is left; a live failure only delays the transcript.
    }
  }

  /**
   * Transcribes recorded parts from `processedSeconds` on. With `final`, every part to its end; otherwise the
   * open (last) part only up to a pause, and only when enough new audio has arrived. Returns how many
   * segments were added.
   */
  private async transcribeParts(
    recording: AudioRecording,
    options: { final: boolean; signal: AbortSignal },
  ): Promise<number> {
    const engine = this.requireEngine(recording.language);
    const durations = [...recording.partDurations];
    let processed = recording.processedSeconds;
    let added = 0;
    for (let part = 0; part < recording.partCount; part += 1) {
      const partStart = durations.slice(0, part).reduce((sum, value) => sum + value, 0);
      const known = durations[part];
      if (known !== undefined && processed >= partStart + known - 0.01) continue;
      const finished = options.final || part < recording.partCount - 1;
      const { audio } = await this.decodePart(recording.id, part, options.signal);
      const length = measureDuration(audio);
      if (finished && durations.length === part) durations.push(length);
      const localStart = Math.max(0, Math.min(length, processed - partStart));
      let localEnd = length;
      if (!finished) {
        const pending = length - localStart;
        if (pending < this.config.liveStepSeconds) break;
        const levels = measureFrameLevels(audio);
        const pause = findPauseBefore(levels, {
          latestSeconds: length - 0.3,
          searchSeconds: Math.max(1, Math.min(8, pending - 2)),
          thresholdDb: findSpeechThreshold(levels),
        });
        const cut = pause ?? (pending >= LIVE_FORCE_CUT_SECONDS ? length - 0.5 : undefined);
        if (cut === undefined || cut <= localStart + 1) break;
        localEnd = cut;
      }
      if (localEnd > localStart) {
        await transcribeAudio(sliceAudio(audio, localStart, localEnd), {
          engine,
          language: recording.language,
          offsetSeconds: partStart + localStart,
          signal: options.signal,
          context: { consultationId: recording.consultationId, purpose: 'transcription', user: 'system' },
          onSegments: async (segments) => {
            // Stopped meanwhile (perhaps through another process, whose final step now owns the transcript).
            if (!options.final && (await this.requireRecording(recording.id)).status !== 'recording') {
              throw new AppError('conflict', 'Opptaket er avsluttet', {
                details: { recordingId: recording.id },
              });
            }
            added += (await this.appendSegments(recording, segments)).length;
          },
        });
      }
      processed = partStart + localEnd;
      await this.context.storage.audio.update(recording.id, {
        processedSeconds: processed,
        partDurations: durations,
        engine: engine.id,
      });
    }
    return added;
  }

  /** Builds the kept 16 kHz WAV of a recording: all parts decoded and joined with ffmpeg; the parts are removed. */
  private async assembleRecording(recording: AudioRecording, signal: AbortSignal): Promise<AudioRecording> {
    const folder = await this.workFolder(recording.id);
    const paths: string[] = [];
    const durations: number[] = [];
    for (let part = 0; part < recording.partCount; part += 1) {
      const { audio, path } = await this.decodePart(recording.id, part, signal);
      durations.push(measureDuration(audio));
      paths.push(path);
    }
    const joined = join(folder, 'audio.wav');
    await concatenateSpeechWavs(paths, joined, { signal });
    await this.blobs.importFile(audioKey(recording.id), joined);
    const assembled = await this.context.storage.audio.update(recording.id, {
      audioKey: audioKey(recording.id),
      partDurations: durations,
      durationSeconds: durations.reduce((sum, value) => sum + value, 0),
    });
    for (let part = 0; part < recording.partCount; part += 1)
      await this.blobs.delete(partKey(recording.id, part));
    return assembled;
  }

  /** Converts an uploaded file to the kept 16 kHz WAV (within the length limit); the original is removed. */
  private async convertUpload(recording: AudioRecording, signal: AbortSignal): Promise<AudioRecording> {
    const folder = await this.workFolder(recording.id);
    const converted = join(folder, 'audio.wav');
    await convertToSpeechWav(this.localPathOf(uploadKey(recording.id)), converted, { signal });
    const duration = measureDuration(decodeWav(await readFile(converted)));
    assertDurationWithinLimit(duration, this.config.maxDurationSeconds);
    await this.blobs.importFile(audioKey(recording.id), converted);
    const updated = await this.context.storage.audio.update(recording.id, {
      audioKey: audioKey(recording.id),
      durationSeconds: duration,
    });
    await this.blobs.delete(uploadKey(recording.id));
    return updated;
  }

  // ---------------------------------------------------------------- the transcription job

  /**
   * Lets this process's job worker run transcriptions: it is woken after an enqueue here, `idle` waits for
   * the jobs this process enqueued, and live transcription runs beside recordings. Without a worker (an
   * API-only process, KOLLEGA_WORKERS=0) this process transcribes nothing: jobs wait for another process.
   */
  attachJobWorker(worker: { wake(): void }): void {
    this.jobWorker = worker;
  }

  /**
   * Enqueues the final step of a recording now in `processing`: a `transcription.finish` job under the
   * practice that owns the consultation, its payload the recording id only. Idempotent per `attempt` (see
   * `transcriptionJobKey`), so any number of processes may ask for the same transcription.
   */
  private async enqueueTranscription(recording: AudioRecording, attempt: string): Promise<Job> {
    const owner = await this.context.storage.auth.findConsultationOwner(recording.consultationId);
    const { job, created } = await this.context.storage.jobs.enqueue({
      kind: TRANSCRIPTION_FINISH_JOB,
      payload: { recordingId: recording.id },
      ...(owner?.practiceId === undefined ? {} : { practiceId: owner.practiceId }),
      idempotencyKey: transcriptionJobKey(recording.id, attempt),
      maxAttempts: TRANSCRIPTION_MAX_ATTEMPTS,
    });
    if (job.state === 'queued' || job.state === 'running') this.enqueuedJobs.add(job.id);
    if (created) this.jobWorker?.wake();
    return job;
  }

  /** Transcription jobs waiting or running, in any process. */
  private async listActiveTranscriptionJobs(): Promise<Job[]> {
    const [queued, running] = await Promise.all(
      (['queued', 'running'] as const).map((state) =>
        this.context.storage.jobs.list({ kind: TRANSCRIPTION_FINISH_JOB, state, limit: 10_000 }),
      ),
    );
    return [...(queued ?? []), ...(running ?? [])];
  }

  /**
   * The `transcription.finish` handler (registered by the job service): runs the final step of one recording.
   * One job at a time per recording across processes: the step runs under this process's recording lock,
   * and a job that finds an older active job for the same recording (a recovery racing a stop) leaves the
   * work to it. The step itself is idempotent: it does nothing unless the recording is still `processing`,
   * resumes from `processedSeconds`, and drafts the note once per job (see `finish`). A shutdown or a lost
   * lease interrupts it without marking the recording failed; the job is then run again.
   */
  async runTranscriptionJob(handler: JobHandlerContext): Promise<TranscriptionJobResult> {
    const { job } = handler;
    const parsed = TranscriptionJobPayloadSchema.safeParse(job.payload);
    if (!parsed.success) {
      throw new AppError('invalid_input', 'Ugyldig jobb', { details: { jobId: job.id } });
    }
    const { recordingId } = parsed.data;
    const recording = await this.requireRecording(recordingId);
    // The job outlives the request that enqueued it: the consultation must still belong to its practice.
    if (job.practiceId !== undefined) {
      const owner = await this.context.storage.auth.findConsultationOwner(recording.consultationId);
      if (owner?.practiceId !== job.practiceId) throw recordingNotFound(recordingId);
    }
    const older = (await this.listActiveTranscriptionJobs()).some(
      (other) =>
        other.id !== job.id &&
        readTranscriptionRecordingId(other) === recordingId &&
        (other.createdAt < job.createdAt || (other.createdAt === job.createdAt && other.id < job.id)),
    );
    if (older) return { recordingId, status: recording.status, superseded: true };
    const controller = new AbortController();
    const signal = AbortSignal.any([controller.signal, this.shutdown.signal, handler.signal]);
    const outcome = await this.processLock.run(recordingId, async () => {
      this.finishing.set(recordingId, controller);
      try {
        return await this.finish(recordingId, {
          signal,
          interrupted: () => this.shutdown.signal.aborted || handler.signal.aborted,
          job: {
            id: job.id,
            checkpoint: job.checkpoint,
            saveCheckpoint: handler.saveCheckpoint,
            extendLease: handler.extendLease,
          },
        });
      } finally {
        if (this.finishing.get(recordingId) === controller) this.finishing.delete(recordingId);
      }
    });
    if (outcome === 'interrupted') {
      throw new AppError('unavailable', 'Transkripsjonen ble avbrutt og fortsetter senere', {
        details: { recordingId },
      });
    }
    const after = await this.requireRecording(recordingId);
    return { recordingId, status: after.status };
  }

  /**
   * Removes transcript segments that start at or after `fromSeconds`: on a resume they come from a window
   * whose progress was never recorded (the worker died between the two writes), and are transcribed again.
   */
  private async dropSegmentsFrom(recording: AudioRecording, fromSeconds: number): Promise<void> {
    const consultation = await requireConsultation(this.context, recording.consultationId);
    const segments = consultation.transcript.segments;
    const kept = segments.filter((segment) => segment.start === undefined || segment.start < fromSeconds);
    if (kept.length === segments.length) return;
    await this.context.storage.audio.replaceTranscript(recording.consultationId, {
      ...consultation.transcript,
      segments: kept,
    });
  }

  /**
   * Drafts the note at the end of a transcription, once per job: the first attempt records the note's
   * version in the job's checkpoint; an attempt that finds a newer version knows an earlier attempt drafted
   * it (and died before finishing), and does not draft again. The lease is renewed right before the write.
   */
  private async draftNoteOnce(consultationId: string, job: TranscriptionJobSeams | undefined): Promise<void> {
    if (job === undefined) {
      await this.draftNote(consultationId);
      return;
    }
    const current = await this.context.storage.notes.findByConsultationId(consultationId);
    const saved = TranscriptionCheckpointSchema.safeParse(job.checkpoint);
    let baseVersion: number;
    if (saved.success) {
      baseVersion = saved.data.noteBaseVersion;
    } else {
      baseVersion = current?.version ?? 0;
      await job.saveCheckpoint({ noteBaseVersion: baseVersion });
    }
    if (current !== undefined && current.version > baseVersion) return;
    await job.extendLease();
    await this.draftNote(consultationId, 'system', job.id);
  }

  /**
   * The final step after stop or upload: the kept WAV is built, the rest is transcribed window by window with
   * progress, and then either the note is drafted or, without speech, "Ingen tale registrert" is recorded.
   * Returns `interrupted` when a shutdown or a lost lease stopped it (the recording stays `processing`).
   */
  private async finish(
    recordingId: string,
    options: { signal: AbortSignal; interrupted: () => boolean; job?: TranscriptionJobSeams },
  ): Promise<'done' | 'interrupted'> {
    const { signal } = options;
    let recording = await this.requireRecording(recordingId);
    if (recording.status !== 'processing' || recording.deletedAt !== undefined) return 'done';
    try {
      if (recording.audioKey === undefined) {
        recording =
          recording.source === 'upload'
            ? await this.convertUpload(recording, signal)
            : await this.assembleRecording(recording, signal);
      }
      const engine = this.requireEngine(recording.language);
      const audio = decodeWav(await this.blobs.read(audioKey(recordingId)));
      const total = measureDuration(audio);
      const start = Math.min(total, recording.processedSeconds);
      if (start < total - 0.05) {
        const current = recording;
        await this.dropSegmentsFrom(current, start);
        await transcribeAudio(sliceAudio(audio, start, total), {
          engine,
          language: recording.language,
          offsetSeconds: start,
          signal,
          context: { consultationId: recording.consultationId, purpose: 'transcription', user: 'system' },
          onSegments: async (segments, window) => {
            signal.throwIfAborted();
            await this.appendSegments(current, segments);
            await this.context.storage.audio.update(recordingId, {
              processedSeconds: window.end,
              engine: engine.id,
            });
          },
        });
      }
      recording = await this.context.storage.audio.update(recordingId, {
        processedSeconds: total,
        engine: engine.id,
      });
      const consultation = await requireConsultation(this.context, recording.consultationId);
      const segmentCount = consultation.transcript.segments.length;
      if (segmentCount === 0) {
        await this.context.storage.audio.update(recordingId, { status: 'no_speech' });
        this.liveDrafts.delete(recordingId);
        await this.audit('audio.transcribe', recordingId, {
          consultationId: recording.consultationId,
          engine: engine.id,
          durationSeconds: Math.round(total),
          segments: 0,
          noSpeech: true,
        });
        // Audio without speech holds nothing worth keeping.
        this.track(this.deleteAudio(recordingId, 'no_speech'));
        return 'done';
      }
      // The note first, then the status: a worker that dies in between leaves the recording `processing`,
      // and the next attempt finds the note already drafted (`draftNoteOnce`) and only sets the status.
      signal.throwIfAborted();
      await this.draftNoteOnce(recording.consultationId, options.job);
      await this.context.storage.audio.update(recordingId, { status: 'transcribed' });
      await this.audit('audio.transcribe', recordingId, {
        consultationId: recording.consultationId,
        engine: engine.id,
        durationSeconds: Math.round(total),
        segments: segmentCount,
      });
      this.liveDrafts.delete(recordingId);
      return 'done';
    } catch (error) {
      if (options.interrupted()) return 'interrupted'; // run again by the job queue
      const appError = toAppError(error);
      // When even the failure cannot be stored, the job fails and is retried.
      await this.context.storage.audio.update(recordingId, {
        status: 'failed',
        error: {
          code: appError.code,
          message: isAppError(error) ? appError.message : 'Transkripsjonen feilet',
        },
      });
      await this.audit(
        'audio.transcribe',
        recordingId,
        { consultationId: recording.consultationId, code: appError.code },
        { outcome: 'failure' },
      ).catch(() => undefined);
      return 'done';
    }
  }

  /** Drafts (or re-drafts) the stored note, recorded in the audit log like a drafting request. */
  private async draftNote(
    consultationId: string,
    actor = 'system',
    jobId?: string,
  ): Promise<NoteRecord | undefined> {
    const existing = await this.context.storage.notes.findByConsultationId(consultationId);
    if (existing?.status === 'approved') return existing;
    const record = await draftConsultationNote(this.context, consultationId, {});
    await this.context.storage.audit.append({
      actor,
      action: 'note.draft',
      entityType: 'note',
      entityId: record.id,
      outcome: 'success',
      details: {
        consultationId,
        version: record.version,
        engine: record.engine,
        source: 'audio',
        ...(jobId === undefined ? {} : { jobId }),
      },
    });
    return record;
  }

  // ---------------------------------------------------------------- reading

  /** The recording with the transcript from segment `segmentsAfter` on, and the running draft. */
  async describeRecording(recordingId: string, segmentsAfter = 0): Promise<RecordingStatus> {
    const recording = await this.requireRecording(recordingId);
    const consultation = await requireConsultation(this.context, recording.consultationId);
    const note = await this.context.storage.notes.findByConsultationId(recording.consultationId);
    const draft = this.liveDrafts.get(recordingId);
    const segments = consultation.transcript.segments;
    return {
      recording: toRecordingView(recording),
      retention: toRetentionView(this.config.retention),
      segments: segments.slice(Math.max(0, segmentsAfter)),
      segmentCount: segments.length,
      ...(draft === undefined || note !== undefined ? {} : { draft }),
      ...(note === undefined ? {} : { noteId: note.id }),
      ...(recording.status === 'no_speech' ? { message: NO_SPEECH_MESSAGE } : {}),
    };
  }

  /** The consultation's recording, or `not_found`. */
  async findByConsultation(consultationId: string): Promise<AudioRecording> {
    const recording = await this.context.storage.audio.findByConsultationId(consultationId);
    if (recording === undefined) {
      throw new AppError('not_found', 'Konsultasjonen har ikke lydopptak', { details: { consultationId } });
    }
    return recording;
  }

  /** The kept WAV of a consultation (or a byte range of it), with its size. */
  async openAudio(
    consultationId: string,
    range?: ByteRange,
  ): Promise<{ stream: Readable; size: number; recording: AudioRecording }> {
    const recording = await this.findByConsultation(consultationId);
    if (recording.deletedAt !== undefined) {
      throw new AppError('not_found', 'Lydopptaket er slettet', { details: { consultationId } });
    }
    if (recording.audioKey === undefined) {
      throw new AppError('not_found', 'Lyden er ikke klar ennå', { details: { consultationId } });
    }
    const size = (await this.blobs.size(recording.audioKey)) ?? 0;
    return { stream: await this.blobs.openReadStream(recording.audioKey, range), size, recording };
  }

  /** Size of the kept WAV, for range requests. */
  async audioSize(consultationId: string): Promise<number> {
    const recording = await this.findByConsultation(consultationId);
    if (recording.audioKey === undefined || recording.deletedAt !== undefined) {
      throw new AppError('not_found', 'Lyden er ikke tilgjengelig', { details: { consultationId } });
    }
    return (await this.blobs.size(recording.audioKey)) ?? 0;
  }

  // ---------------------------------------------------------------- speaker roles

  /**
   * Sets speaker roles segment by segment (the GP's correction) and re-drafts the note. An approved note is
   * `already_approved`; an unknown segment id is `invalid_input`.
   */
  async updateSpeakerRoles(
    consultationId: string,
    changes: readonly SpeakerRoleChange[],
    actor: string,
  ): Promise<{ consultation: Consultation; note?: NoteRecord }> {
    const recording = await this.context.storage.audio.findByConsultationId(consultationId);
    const lockKey = recording?.id ?? `consultation:${consultationId}`;
    return this.processLock.run(lockKey, async () => {
      const consultation = await requireConsultation(this.context, consultationId);
      const existing = await this.context.storage.notes.findByConsultationId(consultationId);
      if (existing?.status === 'approved') {
        throw new AppError('already_approved', 'Notatet er godkjent; transkripsjonen kan ikke endres', {
          details: { noteId: existing.id },
        });
      }
      const roles = new Map(changes.map((change) => [change.id, change.speaker]));
      const known = new Set(consultation.transcript.segments.map((segment) => segment.id));
      const unknown = changes.find((change) => !known.has(change.id));
      if (unknown !== undefined) {
        throw new AppError('invalid_input', `Replikken «${unknown.id.slice(0, 40)}» finnes ikke`, {
          details: { segmentId: unknown.id.slice(0, 40) },
        });
      }
      const segments = consultation.transcript.segments.map((segment) => {
        const speaker = roles.get(segment.id);
        return speaker === undefined ? segment : { ...segment, speaker };
      });
      await this.context.storage.audio.replaceTranscript(consultationId, { segments });
      const busy = recording?.status === 'recording' || recording?.status === 'processing';
      const note =
        existing !== undefined || (!busy && segments.length > 0)
          ? await this.draftNote(consultationId, actor)
          : undefined;
      if (recording !== undefined && busy) await this.refreshLiveDraft(recording);
      return {
        consultation: await requireConsultation(this.context, consultationId),
        ...(note === undefined ? {} : { note }),
      };
    });
  }

  // ---------------------------------------------------------------- retention

  /**
   * Deletes a recording's audio (blobs and working files); the consent, the transcript and the note stay.
   * The deletion is recorded in the audit log with its reason.
   */
  async deleteAudio(recordingId: string, reason: string, actor = 'system'): Promise<AudioRecording> {
    this.finishing.get(recordingId)?.abort();
    return this.appendLock.run(recordingId, () =>
      this.processLock.run(recordingId, async () => {
        const recording = await this.requireRecording(recordingId);
        if (recording.deletedAt !== undefined) return recording;
        await this.blobs.deletePrefix(`recordings/${recordingId}`);
        await rm(join(await this.workRoot, recordingId), { recursive: true, force: true });
        const status =
          recording.status === 'recording' || recording.status === 'processing' ? 'failed' : undefined;
        if (status !== undefined) {
          await this.context.storage.audio.update(recordingId, {
            status,
            error: { code: 'conflict', message: 'Lyden ble slettet før transkripsjonen var ferdig' },
          });
        }
        const deleted = await this.context.storage.audio.markDeleted(recordingId, reason);
        this.liveDrafts.delete(recordingId);
        await this.audit(
          'audio.delete',
          recordingId,
          { consultationId: recording.consultationId, reason },
          { actor },
        );
        return deleted;
      }),
    );
  }

  /** After a note is approved: deletes its consultation's audio when the policy is "on approval". */
  async handleNoteApproved(noteId: string): Promise<void> {
    if (this.config.retention.policy !== 'on_approval') return;
    const note = await this.context.storage.notes.findById(noteId);
    if (note?.status !== 'approved') return;
    const recording = await this.context.storage.audio.findByConsultationId(note.consultationId);
    if (recording === undefined || recording.deletedAt !== undefined || !recording.consent.given) return;
    await this.deleteAudio(recording.id, 'note_approved', note.approvedBy ?? 'system');
  }

  /**
   * The periodic sweep: deletes audio that is due (approved notes, or expired hours), finishes recordings
   * abandoned for 12 hours, and marks failed the recordings whose transcription job was given up. Returns how
   * many recordings it deleted.
   */
  async sweep(): Promise<number> {
    const now = this.context.now();
    const due =
      this.config.retention.policy === 'on_approval'
        ? await this.context.storage.audio.listKeptWithApprovedNote()
        : await this.context.storage.audio.listKeptExpiredAt(now.toISOString());
    let deleted = 0;
    for (const recording of due) {
      if (recording.status === 'processing') continue; // deleted once its transcript is complete
      const reason = this.config.retention.policy === 'on_approval' ? 'note_approved' : 'retention_expired';
      await this.deleteAudio(recording.id, reason);
      deleted += 1;
    }
    const unfinished = await this.context.storage.audio.listUnfinished();
    for (const recording of unfinished) {
      const idleHours = (now.getTime() - Date.parse(recording.updatedAt)) / 3_600_000;
      if (recording.status === 'recording' && idleHours >= ABANDONED_RECORDING_HOURS) {
        await this.stopRecording(recording.id);
      }
    }
    await this.failGivenUpTranscriptions(unfinished);
    return deleted;
  }

  /**
   * Marks `failed` the recordings left in `processing` whose transcription job the queue gave up on
   * (dead-lettered after its attempts, e.g. a worker killed on every try) with no other job waiting or running,
   * so the doctor sees the failure and can retry instead of waiting for ever. Only a job given up after the
   * recording last changed counts: a retry or recovery since then has its own job.
   */
  private async failGivenUpTranscriptions(unfinished: readonly AudioRecording[]): Promise<void> {
    const processing = unfinished.filter(
      (recording) => recording.status === 'processing' && recording.deletedAt === undefined,
    );
    if (processing.length === 0) return;
    const [givenUp, active] = await Promise.all([
      this.context.storage.jobs.list({ kind: TRANSCRIPTION_FINISH_JOB, state: 'dead_letter', limit: 10_000 }),
      this.listActiveTranscriptionJobs(),
    ]);
    const activeRecordings = new Set(active.map(readTranscriptionRecordingId));
    const lastGivenUp = new Map<string, Job>();
    for (const job of givenUp) {
      const recordingId = readTranscriptionRecordingId(job);
      if (recordingId === undefined) continue;
      const latest = lastGivenUp.get(recordingId);
      if (latest === undefined || latest.updatedAt < job.updatedAt) lastGivenUp.set(recordingId, job);
    }
    for (const recording of processing) {
      const job = lastGivenUp.get(recording.id);
      if (job === undefined || activeRecordings.has(recording.id) || job.updatedAt < recording.updatedAt)
        continue;
      await this.processLock.run(recording.id, async () => {
        const current = await this.requireRecording(recording.id);
        if (current.status !== 'processing' || current.updatedAt !== recording.updatedAt) return;
        await this.context.storage.audio.update(recording.id, {
          status: 'failed',
          error: {
            code: job.error?.code ?? 'unavailable',
            message: `Transkripsjonen ble gitt opp etter ${job.attempts} forsøk; prøv igjen`,
          },
        });
        await this.audit(
          'audio.transcribe',
          recording.id,
          { consultationId: recording.consultationId, code: job.error?.code ?? 'unavailable', jobId: job.id },
          { outcome: 'failure' },
        );
      });
    }
  }

  /**
   * On start: enqueues the final step of recordings left in `processing` with no transcription job waiting or
   * running (a process that died between the status change and the enqueue, or recordings from before
   * transcription ran as a job), then starts the periodic sweep. Processes starting together enqueue one job
   * per recording (the key names the recording's state).
   */
  async start(): Promise<void> {
    const stuck = (await this.context.storage.audio.listUnfinished()).filter(
      (recording) => recording.status === 'processing' && recording.deletedAt === undefined,
    );
    if (stuck.length > 0) {
      const active = new Set((await this.listActiveTranscriptionJobs()).map(readTranscriptionRecordingId));
      for (const recording of stuck) {
        if (!active.has(recording.id))
          await this.enqueueTranscription(recording, `recover:${recording.updatedAt}`);
      }
    }
    const runSweep = (): void => {
      this.track(this.sweep());
    };
    runSweep();
    this.sweepTimer = setInterval(runSweep, this.config.sweepIntervalMs);
    this.sweepTimer.unref();
  }

  /** Waits until this process's background work (live steps, sweeps, deletions) has settled. */
  private async settle(): Promise<void> {
    while (this.background.size > 0) await Promise.all([...this.background]);
    await this.processLock.idle();
  }

  /**
   * Waits until background work has settled and, when this process has a job worker, until the
   * transcription jobs it enqueued have finished (whichever process ran them). For tests.
   */
  async idle(): Promise<void> {
    for (;;) {
      await this.settle();
      if (this.jobWorker === undefined) this.enqueuedJobs.clear();
      for (const jobId of [...this.enqueuedJobs]) {
        const job = await this.context.storage.jobs.findById(jobId);
        if (job === undefined || job.state === 'succeeded' || job.state === 'dead_letter') {
          this.enqueuedJobs.delete(jobId);
        }
      }
      if (this.enqueuedJobs.size === 0 && this.background.size === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Stops the sweep, cancels running work and removes working files (and a temporary store). */
  async close(): Promise<void> {
    clearInterval(this.sweepTimer);
    this.shutdown.abort();
    await this.settle();
    await rm(await this.workRoot, { recursive: true, force: true });
    if (this.config.temporaryStore) {
      const path = this.blobs.localPath('x');
      if (path !== undefined) await rm(join(path, '..'), { recursive: true, force: true });
    }
  }
}
