import type { Consultation, ConsultationSetting, Language } from '@kollega/domain';
import {
  ConsultationSettingSchema,
  LanguageSchema,
  NoteStatusSchema,
  TranscriptSchema,
} from '@kollega/domain';
import type { RepositoryOptions } from '../database/repository-options';
import { FieldCipher } from '../encryption/field-cipher';
import type { ConsultationTable } from '../database/schema';
import type { ConsultationRepository, ConsultationSummary, NewConsultation } from '../repositories';

/** Metadata columns shared by `Consultation` and `ConsultationSummary`; the title is decrypted. */
function readMetadata(
  cipher: FieldCipher,
  row: Omit<ConsultationTable, 'transcript' | 'segment_count'>,
): {
  id: string;
  externalId?: string;
  title: string;
  language: Language;
  setting?: ConsultationSetting;
  createdAt: string;
  updatedAt: string;
} {
  return {
    id: row.id,
    ...(row.external_id === null ? {} : { externalId: row.external_id }),
    title: cipher.open('title', row.id, row.title),
    language: LanguageSchema.parse(row.language),
    ...(row.setting === null ? {} : { setting: ConsultationSettingSchema.parse(row.setting) }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * `ConsultationRepository` on Kysely (SQLite or PostgreSQL); the transcript is a JSON text column. Title and
 * transcript are encrypted with the keyring, bound to the row.
 */
export class KyselyConsultationRepository implements ConsultationRepository {
  private readonly cipher: FieldCipher;

  constructor(private readonly options: RepositoryOptions) {
    this.cipher = new FieldCipher(options.keyring, 'consultations');
  }

  async create(input: NewConsultation): Promise<Consultation> {
    const now = this.options.now().toISOString();
    const id = this.options.createId();
    const row: ConsultationTable = {
      id,
      external_id: input.externalId ?? null,
      title: this.cipher.seal('title', id, input.title),
      language: input.language,
      setting: input.setting ?? null,
      transcript: this.cipher.seal(
        'transcript',
        id,
        JSON.stringify(TranscriptSchema.parse(input.transcript)),
      ),
      segment_count: input.transcript.segments.length,
      created_at: now,
      updated_at: now,
    };
    await this.options.db.insertInto('consultations').values(row).execute();
    return { ...readMetadata(this.cipher, row), transcript: input.transcript };
  }

  async findById(id: string): Promise<Consultation | undefined> {
    const row = await this.options.db
      .selectFrom('consultations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      ...readMetadata(this.cipher, row),
      transcript: TranscriptSchema.parse(JSON.parse(this.cipher.open('transcript', row.id, row.transcript))),
    };
  }

  async listSummaries(): Promise<ConsultationSummary[]> {
    const rows = await this.options.db
      .selectFrom('consultations')
      .leftJoin('notes', 'notes.consultation_id', 'consultations.id')
      .select([
        'consultations.id',
        'consultations.external_id',
        'consultations.title',
        'consultations.language',
        'consultations.setting',
        'consultations.segment_count',
        'consultations.created_at',
        'consultations.updated_at',
        'notes.id as note_id',
        'notes.status as note_status',
      ])
      .orderBy('consultations.created_at', 'desc')
      .orderBy('consultations.id', 'desc')
      .execute();
    return rows.map((row) => ({
      ...readMetadata(this.cipher, row),
      segmentCount: Number(row.segment_count),
      noteStatus: row.note_status === null ? 'none' : NoteStatusSchema.parse(row.note_status),
      ...(row.note_id === null ? {} : { noteId: row.note_id }),
    }));
  }
}
