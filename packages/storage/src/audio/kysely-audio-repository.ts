import type { Kysely, Transaction } from 'kysely';
import type { Language, Transcript } from '@kollega/domain';
import { AppError, LanguageSchema, TranscriptSchema } from '@kollega/domain';
import type { RepositoryOptions } from '../database/repository-options';
import { FieldCipher } from '../encryption/field-cipher';
import type { DatabaseSchema } from '../database/schema';
import type { AudioDatabaseSchema, AudioRecordingTable } from './audio-schema';
import type {
  AudioChunk,
  AudioRecording,
  AudioRecordingPatch,
  AudioRepository,
  AudioSource,
  AudioStatus,
  NewAudioChunk,
  NewAudioRecording,
} from './audio-repository';
import { AUDIO_STATUSES } from './audio-repository';

type AudioDatabase = DatabaseSchema & AudioDatabaseSchema;
type AudioExecutor = Kysely<AudioDatabase> | Transaction<AudioDatabase>;

function toSeconds(milliseconds: number | string | null): number | undefined {
  return milliseconds === null ? undefined : Number(milliseconds) / 1000;
}

function toMilliseconds(seconds: number): number {
  return Math.max(0, Math.round(seconds * 1000));
}

function readStatus(value: string): AudioStatus {
  const status = AUDIO_STATUSES.find((candidate) => candidate === value);
  if (status === undefined) throw new AppError('internal', 'Ukjent status på lydopptak');
  return status;
}

function readRecording(row: AudioRecordingTable): AudioRecording {
  const language: Language = LanguageSchema.parse(row.language);
  const durationSeconds = toSeconds(row.duration_ms);
  const partDurations = (JSON.parse(row.part_durations) as number[]).map((value) => value / 1000);
  return {
    id: row.id,
    consultationId: row.consultation_id,
    source: (row.source === 'upload' ? 'upload' : 'recording') satisfies AudioSource,
    status: readStatus(row.status),
    language,
    consent: { given: Number(row.consent_given) === 1, by: row.consent_by, at: row.consent_at },
    ...(row.mime_type === null ? {} : { mimeType: row.mime_type }),
    partCount: Number(row.part_count),
    nextSequence: Number(row.next_sequence),
    receivedBytes: Number(row.received_bytes),
    ...(durationSeconds === undefined ? {} : { durationSeconds }),
    processedSeconds: Number(row.processed_ms) / 1000,
    partDurations,
    ...(row.audio_key === null ? {} : { audioKey: row.audio_key }),
    ...(row.engine === null ? {} : { engine: row.engine }),
    ...(row.error_code === null ? {} : { error: { code: row.error_code, message: row.error_message ?? '' } }),
    ...(row.expires_at === null ? {} : { expiresAt: row.expires_at }),
    ...(row.stopped_at === null ? {} : { stoppedAt: row.stopped_at }),
    ...(row.deleted_at === null ? {} : { deletedAt: row.deleted_at }),
    ...(row.deletion_reason === null ? {} : { deletionReason: row.deletion_reason }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function recordingNotFound(recordingId: string): AppError {
  return new AppError('not_found', 'Fant ikke lydopptaket', { details: { recordingId } });
}

/** True for a unique-constraint violation in SQLite or PostgreSQL. */
function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return (
    error.code === '23505' ||
    error.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * `AudioRepository` on Kysely (SQLite or PostgreSQL). Chunk bookkeeping runs in a transaction that
 * reads the recording (locked with `FOR UPDATE` on PostgreSQL) before it writes.
 */
export class KyselyAudioRepository implements AudioRepository {
  private readonly db: Kysely<AudioDatabase>;

  constructor(private readonly options: RepositoryOptions) {
    this.db = options.db.withTables<AudioDatabaseSchema>();
  }

  private async selectRow(
    executor: AudioExecutor,
    recordingId: string,
    lock = false,
  ): Promise<AudioRecordingTable | undefined> {
    let query = executor.selectFrom('audio_recordings').selectAll().where('id', '=', recordingId);
    if (lock && this.options.dialect === 'postgres') query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async create(input: NewAudioRecording): Promise<AudioRecording> {
    const now = this.options.now().toISOString();
    const row: AudioRecordingTable = {
      id: this.options.createId(),
      consultation_id: input.consultationId,
      source: input.source,
      status: input.consent.given
        ? input.source === 'upload'
          ? 'processing'
          : 'recording'
        : 'consent_refused',
      language: input.language,
      consent_given: input.consent.given ? 1 : 0,
      consent_by: input.consent.by,
      consent_at: input.consent.at,
      mime_type: input.mimeType ?? null,
      part_count: 0,
      next_sequence: 0,
      received_bytes: 0,
      duration_ms: null,
      processed_ms: 0,
      part_durations: '[]',
      audio_key: null,
      engine: null,
      error_code: null,
      error_message: null,
      expires_at: input.expiresAt ?? null,
      stopped_at: null,
      deleted_at: null,
      deletion_reason: null,
      created_at: now,
      updated_at: now,
    };
    try {
      await this.db.insertInto('audio_recordings').values(row).execute();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('conflict', 'Konsultasjonen har allerede et lydopptak', {
          cause: error,
          details: { consultationId: input.consultationId },
        });
      }
      throw error;
    }
    return readRecording(row);
  }

  async findById(id: string): Promise<AudioRecording | undefined> {
    const row = await this.selectRow(this.db, id);
    return row === undefined ? undefined : readRecording(row);
  }

  async findByConsultationId(consultationId: string): Promise<AudioRecording | undefined> {
    const row = await this.db
      .selectFrom('audio_recordings')
      .selectAll()
      .where('consultation_id', '=', consultationId)
      .executeTakeFirst();
    return row === undefined ? undefined : readRecording(row);
  }

  async recordChunk(input: NewAudioChunk): Promise<{ duplicate: boolean; recording: AudioRecording }> {
    return this.db.transaction().execute(async (transaction) => {
      const row = await this.selectRow(transaction, input.recordingId, true);
      if (row === undefined) throw recordingNotFound(input.recordingId);
      const existing = await transaction
        .selectFrom('audio_chunks')
        .select(['sequence', 'part', 'byte_length'])
        .where('recording_id', '=', input.recordingId)
        .where('sequence', '=', input.sequence)
        .executeTakeFirst();
      if (existing !== undefined) return { duplicate: true, recording: readRecording(row) };
      const expected = Number(row.next_sequence);
      if (input.sequence !== expected) {
        throw new AppError(
          'conflict',
          `Lydbit nummer ${input.sequence} kom i feil rekkefølge (ventet ${expected})`,
          {
            details: { recordingId: input.recordingId, sequence: input.sequence, expectedSequence: expected },
          },
        );
      }
      const now = this.options.now().toISOString();
      await transaction
        .insertInto('audio_chunks')
        .values({
          recording_id: input.recordingId,
          sequence: input.sequence,
          part: input.part,
          byte_offset: input.byteOffset,
          byte_length: input.byteLength,
          received_at: now,
        })
        .execute();
      const updated: AudioRecordingTable = {
        ...row,
        next_sequence: expected + 1,
        received_bytes: Number(row.received_bytes) + input.byteLength,
        part_count: Math.max(Number(row.part_count), input.part + 1),
        updated_at: now,
      };
      await transaction
        .updateTable('audio_recordings')
        .set({
          next_sequence: updated.next_sequence,
          received_bytes: updated.received_bytes,
          part_count: updated.part_count,
          updated_at: now,
        })
        .where('id', '=', input.recordingId)
        .execute();
      return { duplicate: false, recording: readRecording(updated) };
    });
  }

  async listChunks(recordingId: string, part?: number): Promise<AudioChunk[]> {
    let query = this.db
      .selectFrom('audio_chunks')
      .selectAll()
      .where('recording_id', '=', recordingId)
      .orderBy('sequence', 'asc');
    if (part !== undefined) query = query.where('part', '=', part);
    const rows = await query.execute();
    return rows.map((row) => ({
      recordingId: row.recording_id,
      sequence: Number(row.sequence),
      part: Number(row.part),
      byteOffset: Number(row.byte_offset),
      byteLength: Number(row.byte_length),
      receivedAt: row.received_at,
    }));
  }

  async update(recordingId: string, patch: AudioRecordingPatch): Promise<AudioRecording> {
    return this.db.transaction().execute(async (transaction) => {
      const row = await this.selectRow(transaction, recordingId, true);
      if (row === undefined) throw recordingNotFound(recordingId);
      const changes: Partial<AudioRecordingTable> = { updated_at: this.options.now().toISOString() };
      if (patch.status !== undefined) changes.status = patch.status;
      if (patch.mimeType !== undefined) changes.mime_type = patch.mimeType;
      if (patch.durationSeconds !== undefined)
        changes.duration_ms = patch.durationSeconds === null ? null : toMilliseconds(patch.durationSeconds);
      if (patch.processedSeconds !== undefined) changes.processed_ms = toMilliseconds(patch.processedSeconds);
      if (patch.partDurations !== undefined)
        changes.part_durations = JSON.stringify(patch.partDurations.map(toMilliseconds));
      if (patch.audioKey !== undefined) changes.audio_key = patch.audioKey;
      if (patch.engine !== undefined) changes.engine = patch.engine;
      if (patch.error !== undefined) {
        changes.error_code = patch.error?.code ?? null;
        changes.error_message = patch.error?.message ?? null;
      }
      if (patch.expiresAt !== undefined) changes.expires_at = patch.expiresAt;
      if (patch.stoppedAt !== undefined) changes.stopped_at = patch.stoppedAt;
      await transaction.updateTable('audio_recordings').set(changes).where('id', '=', recordingId).execute();
      return readRecording({ ...row, ...changes });
    });
  }

  async markDeleted(recordingId: string, reason: string): Promise<AudioRecording> {
    const row = await this.selectRow(this.db, recordingId);
    if (row === undefined) throw recordingNotFound(recordingId);
    const now = this.options.now().toISOString();
    const changes = { deleted_at: now, deletion_reason: reason, audio_key: null, updated_at: now };
    await this.db.updateTable('audio_recordings').set(changes).where('id', '=', recordingId).execute();
    return readRecording({ ...row, ...changes });
  }

  async listKeptWithApprovedNote(): Promise<AudioRecording[]> {
    const rows = await this.db
      .selectFrom('audio_recordings')
      .innerJoin('notes', 'notes.consultation_id', 'audio_recordings.consultation_id')
      .selectAll('audio_recordings')
      .where('audio_recordings.deleted_at', 'is', null)
      .where('audio_recordings.consent_given', '=', 1)
      .where('notes.status', '=', 'approved')
      .execute();
    return rows.map(readRecording);
  }

  async listKeptExpiredAt(at: string): Promise<AudioRecording[]> {
    const rows = await this.db
      .selectFrom('audio_recordings')
      .selectAll()
      .where('deleted_at', 'is', null)
      .where('consent_given', '=', 1)
      .where('expires_at', 'is not', null)
      .where('expires_at', '<=', at)
      .execute();
    return rows.map(readRecording);
  }

  async listUnfinished(): Promise<AudioRecording[]> {
    const rows = await this.db
      .selectFrom('audio_recordings')
      .selectAll()
      .where('status', 'in', ['recording', 'processing'])
      .where('deleted_at', 'is', null)
      .execute();
    return rows.map(readRecording);
  }

  async replaceTranscript(consultationId: string, transcript: Transcript): Promise<void> {
    const parsed = TranscriptSchema.parse(transcript);
    const result = await this.db
      .updateTable('consultations')
      .set({
        transcript: new FieldCipher(this.options.keyring, 'consultations').seal(
          'transcript',
          consultationId,
          JSON.stringify(parsed),
        ),
        segment_count: parsed.segments.length,
        updated_at: this.options.now().toISOString(),
      })
      .where('id', '=', consultationId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new AppError('not_found', 'Fant ikke konsultasjonen', { details: { consultationId } });
    }
  }
}
