import type { Kysely, Transaction } from 'kysely';
import { AppError } from '@kollega/domain';
import type { DatabaseDialect } from '../database/create-database';
import { FieldCipher } from '../encryption/field-cipher';
import type { Keyring } from '../encryption/keyring';
import type {
  ClinicalDocumentTable,
  RecordDocumentTable,
  RecordStorageSchema,
} from './record-storage-schema';
import type {
  ClinicalDocumentRepository,
  ClinicalDocumentStatus,
  NewClinicalDocument,
  NewRecordDocument,
  RecordDocumentRepository,
  RecordDocumentSummary,
  StoredClinicalDocument,
  StoredRecordDocument,
} from './record-repositories';

/** What the record repositories need: the database (with the record tables), its dialect, a clock, ids. */
export interface RecordRepositoryOptions {
  db: Kysely<RecordStorageSchema>;
  dialect: DatabaseDialect;
  now: () => Date;
  createId: () => string;
  /** Encrypts document names, passages, warnings and content; without it they are stored as is. */
  keyring?: Keyring;
}

type Executor = Kysely<RecordStorageSchema> | Transaction<RecordStorageSchema>;

function readSummary(cipher: FieldCipher, row: Omit<RecordDocumentTable, 'passages'>): RecordDocumentSummary {
  return {
    id: row.id,
    patientKey: row.patient_key,
    name: cipher.open('name', row.id, row.name),
    kind: row.kind,
    ...(row.page_count === null ? {} : { pageCount: Number(row.page_count) }),
    passageCount: Number(row.passage_count),
    warnings: JSON.parse(cipher.open('warnings', row.id, row.warnings)) as Array<{
      code: string;
      message: string;
    }>,
    importedBy: row.imported_by,
    importedAt: row.imported_at,
  };
}

const SUMMARY_COLUMNS = [
  'id',
  'patient_key',
  'name',
  'kind',
  'page_count',
  'passage_count',
  'warnings',
  'imported_by',
  'imported_at',
] as const;

/** `RecordDocumentRepository` on Kysely. */
export class KyselyRecordDocumentRepository implements RecordDocumentRepository {
  private readonly cipher: FieldCipher;

  constructor(private readonly options: RecordRepositoryOptions) {
    this.cipher = new FieldCipher(options.keyring, 'record_documents');
  }

  createId(): string {
    return this.options.createId();
  }

  async add(id: string, input: NewRecordDocument): Promise<RecordDocumentSummary> {
    const row: RecordDocumentTable = {
      id,
      patient_key: input.patientKey,
      name: this.cipher.seal('name', id, input.name),
      kind: input.kind,
      page_count: input.pageCount ?? null,
      passage_count: input.passages.length,
      passages: this.cipher.seal('passages', id, JSON.stringify(input.passages)),
      warnings: this.cipher.seal('warnings', id, JSON.stringify(input.warnings)),
      imported_by: input.importedBy,
      imported_at: this.options.now().toISOString(),
    };
    await this.options.db.insertInto('record_documents').values(row).execute();
    return readSummary(this.cipher, row);
  }

  async listWithPassages(patientKey: string): Promise<StoredRecordDocument[]> {
    const rows = await this.options.db
      .selectFrom('record_documents')
      .selectAll()
      .where('patient_key', '=', patientKey)
      .orderBy('imported_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      ...readSummary(this.cipher, row),
      passages: JSON.parse(this.cipher.open('passages', row.id, row.passages)) as unknown[],
    }));
  }

  async list(patientKey: string): Promise<RecordDocumentSummary[]> {
    const rows = await this.options.db
      .selectFrom('record_documents')
      .select(SUMMARY_COLUMNS)
      .where('patient_key', '=', patientKey)
      .orderBy('imported_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => readSummary(this.cipher, row));
  }

  async remove(patientKey: string, id: string): Promise<void> {
    const result = await this.options.db
      .deleteFrom('record_documents')
      .where('patient_key', '=', patientKey)
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) {
      throw new AppError('not_found', 'Fant ikke dokumentet', { details: { documentId: id } });
    }
  }

  async revision(patientKey: string): Promise<string> {
    const row = await this.options.db
      .selectFrom('record_documents')
      .select((builder) => [builder.fn.countAll<number>().as('count'), builder.fn.max('id').as('last')])
      .where('patient_key', '=', patientKey)
      .executeTakeFirst();
    return `${Number(row?.count ?? 0)}:${row?.last ?? ''}`;
  }
}

function readClinicalDocument(cipher: FieldCipher, row: ClinicalDocumentTable): StoredClinicalDocument {
  return {
    id: row.id,
    consultationId: row.consultation_id,
    noteId: row.note_id,
    kind: row.kind,
    version: Number(row.version),
    status: row.status as ClinicalDocumentStatus,
    content: JSON.parse(cipher.open('content', row.id, row.content)) as unknown,
    request: JSON.parse(cipher.open('request', row.id, row.request)) as unknown,
    createdBy: row.created_by,
    ...(row.approved_by === null ? {} : { approvedBy: row.approved_by }),
    ...(row.approved_at === null ? {} : { approvedAt: row.approved_at }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** `ClinicalDocumentRepository` on Kysely; writes lock the row (`FOR UPDATE` on PostgreSQL) and check it. */
export class KyselyClinicalDocumentRepository implements ClinicalDocumentRepository {
  private readonly cipher: FieldCipher;

  constructor(private readonly options: RecordRepositoryOptions) {
    this.cipher = new FieldCipher(options.keyring, 'clinical_documents');
  }

  private async selectForUpdate(
    executor: Executor,
    id: string,
    expectedVersion: number,
  ): Promise<ClinicalDocumentTable> {
    let query = executor.selectFrom('clinical_documents').selectAll().where('id', '=', id);
    if (this.options.dialect === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) throw new AppError('not_found', 'Fant ikke dokumentet', { details: { documentId: id } });
    if (row.status === 'approved') {
      throw new AppError('already_approved', 'Dokumentet er allerede godkjent og kan ikke endres', {
        details: { documentId: id },
      });
    }
    if (Number(row.version) !== expectedVersion) {
      throw new AppError(
        'conflict',
        `Dokumentet er endret i mellomtiden (versjon ${row.version}, ikke ${expectedVersion}); last inn på nytt`,
        { details: { documentId: id, expectedVersion, currentVersion: Number(row.version) } },
      );
    }
    return row;
  }

  async create(input: NewClinicalDocument): Promise<StoredClinicalDocument> {
    const now = this.options.now().toISOString();
    const id = this.options.createId();
    const row: ClinicalDocumentTable = {
      id,
      consultation_id: input.consultationId,
      note_id: input.noteId,
      kind: input.kind,
      version: 1,
      status: 'draft',
      content: this.cipher.seal('content', id, JSON.stringify(input.content)),
      request: this.cipher.seal('request', id, JSON.stringify(input.request)),
      created_by: input.createdBy,
      approved_by: null,
      approved_at: null,
      created_at: now,
      updated_at: now,
    };
    await this.options.db.insertInto('clinical_documents').values(row).execute();
    return readClinicalDocument(this.cipher, row);
  }

  async findById(id: string): Promise<StoredClinicalDocument | undefined> {
    const row = await this.options.db
      .selectFrom('clinical_documents')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? readClinicalDocument(this.cipher, row) : undefined;
  }

  async listByConsultation(consultationId: string): Promise<StoredClinicalDocument[]> {
    const rows = await this.options.db
      .selectFrom('clinical_documents')
      .selectAll()
      .where('consultation_id', '=', consultationId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map((row) => readClinicalDocument(this.cipher, row));
  }

  async saveEdit(input: {
    id: string;
    expectedVersion: number;
    content: unknown;
  }): Promise<StoredClinicalDocument> {
    return this.options.db.transaction().execute(async (transaction) => {
      const row = await this.selectForUpdate(transaction, input.id, input.expectedVersion);
      const updated: ClinicalDocumentTable = {
        ...row,
        version: Number(row.version) + 1,
        content: this.cipher.seal('content', input.id, JSON.stringify(input.content)),
        updated_at: this.options.now().toISOString(),
      };
      await transaction
        .updateTable('clinical_documents')
        .set({ version: updated.version, content: updated.content, updated_at: updated.updated_at })
        .where('id', '=', input.id)
        .execute();
      return readClinicalDocument(this.cipher, updated);
    });
  }

  async approve(input: {
    id: string;
    expectedVersion: number;
    approvedBy: string;
  }): Promise<StoredClinicalDocument> {
    return this.options.db.transaction().execute(async (transaction) => {
      const row = await this.selectForUpdate(transaction, input.id, input.expectedVersion);
      const now = this.options.now().toISOString();
      const updated: ClinicalDocumentTable = {
        ...row,
        status: 'approved',
        approved_by: input.approvedBy,
        approved_at: now,
        updated_at: now,
      };
      await transaction
        .updateTable('clinical_documents')
        .set({ status: 'approved', approved_by: input.approvedBy, approved_at: now, updated_at: now })
        .where('id', '=', input.id)
        .execute();
      return readClinicalDocument(this.cipher, updated);
    });
  }
}
