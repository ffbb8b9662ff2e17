import type { Kysely, Transaction } from 'kysely';
import type { Language } from '@kollega/domain';
import { AppError, LanguageSchema } from '@kollega/domain';
import type { RepositoryOptions } from '../database/repository-options';
import type { DatabaseSchema } from '../database/schema';
import { FieldCipher } from '../encryption/field-cipher';
import type {
  PatientSummaryTable,
  PatientToolsDatabaseSchema,
  QuestionnaireTable,
} from './patient-tools-schema';
import type {
  NewQuestionnaire,
  PatientSummaryRecord,
  PatientToolsRepository,
  QuestionnaireRecord,
} from './patient-tools-repository';

type PatientDatabase = DatabaseSchema & PatientToolsDatabaseSchema;
type PatientExecutor = Kysely<PatientDatabase> | Transaction<PatientDatabase>;

function readQuestionnaire(cipher: FieldCipher, row: QuestionnaireTable): QuestionnaireRecord {
  const answers = cipher.openNullable('answers', row.id, row.answers);
  const assessment = cipher.openNullable('assessment', row.id, row.assessment);
  const language: Language = LanguageSchema.parse(row.language);
  return {
    id: row.id,
    consultationId: row.consultation_id,
    language,
    status: row.status === 'submitted' ? 'submitted' : 'open',
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    ...(row.submitted_at === null ? {} : { submittedAt: row.submitted_at }),
    ...(answers === null ? {} : { answers: JSON.parse(answers) as unknown }),
    ...(assessment === null ? {} : { assessment: JSON.parse(assessment) as unknown }),
  };
}

function readSummary(cipher: FieldCipher, row: PatientSummaryTable): PatientSummaryRecord {
  return {
    id: row.id,
    noteId: row.note_id,
    consultationId: row.consultation_id,
    language: row.language,
    version: Number(row.version),
    status: row.status === 'approved' ? 'approved' : 'draft',
    summary: JSON.parse(cipher.open('summary', row.id, row.summary)) as unknown,
    ...(row.approved_by === null ? {} : { approvedBy: row.approved_by }),
    ...(row.approved_at === null ? {} : { approvedAt: row.approved_at }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function summaryNotFound(id: string): AppError {
  return new AppError('not_found', 'Fant ikke pasientoppsummeringen', { details: { summaryId: id } });
}

function summaryApproved(id: string): AppError {
  return new AppError('already_approved', 'Pasientoppsummeringen er godkjent og kan ikke endres', {
    details: { summaryId: id },
  });
}

/** True for a unique-constraint violation in SQLite or PostgreSQL. */
function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return error.code === '23505' || error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * `PatientToolsRepository` on Kysely. Questionnaire submission is one conditional update (open and not
 * expired), so a token cannot be used twice; summary writes read the row in a transaction (`FOR UPDATE` on
 * PostgreSQL), check status and version, then write.
 */
export class KyselyPatientToolsRepository implements PatientToolsRepository {
  private readonly db: Kysely<PatientDatabase>;
  private readonly questionnaireCipher: FieldCipher;
  private readonly summaryCipher: FieldCipher;

  constructor(private readonly options: RepositoryOptions) {
    this.db = options.db.withTables<PatientToolsDatabaseSchema>();
    this.questionnaireCipher = new FieldCipher(options.keyring, 'questionnaires');
    this.summaryCipher = new FieldCipher(options.keyring, 'patient_summaries');
  }

  private readQuestionnaire = (row: QuestionnaireTable): QuestionnaireRecord =>
    readQuestionnaire(this.questionnaireCipher, row);

  private readSummary = (row: PatientSummaryTable): PatientSummaryRecord =>
    readSummary(this.summaryCipher, row);

  async createQuestionnaire(input: NewQuestionnaire): Promise<QuestionnaireRecord> {
    const consultation = await this.db
      .selectFrom('consultations')
      .select('id')
      .where('id', '=', input.consultationId)
      .executeTakeFirst();
    if (!consultation) {
      throw new AppError('not_found', 'Fant ikke konsultasjonen', {
        details: { consultationId: input.consultationId },
      });
    }
    const row: QuestionnaireTable = {
      id: this.options.createId(),
      consultation_id: input.consultationId,
      token_hash: input.tokenHash,
      language: input.language,
      status: 'open',
      created_by: input.createdBy,
      created_at: this.options.now().toISOString(),
      expires_at: input.expiresAt,
      submitted_at: null,
      answers: null,
      assessment: null,
    };
    await this.db.insertInto('questionnaires').values(row).execute();
    return this.readQuestionnaire(row);
  }

  async findQuestionnaireByTokenHash(tokenHash: string): Promise<QuestionnaireRecord | undefined> {
    const row = await this.db
      .selectFrom('questionnaires')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? this.readQuestionnaire(row) : undefined;
  }

  async listQuestionnaires(consultationId: string): Promise<QuestionnaireRecord[]> {
    const rows = await this.db
      .selectFrom('questionnaires')
      .selectAll()
      .where('consultation_id', '=', consultationId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(this.readQuestionnaire);
  }

  async submitQuestionnaire(input: {
    id: string;
    answers: unknown;
    assessment: unknown;
    at: string;
  }): Promise<QuestionnaireRecord> {
    const result = await this.db
      .updateTable('questionnaires')
      .set({
        status: 'submitted',
        submitted_at: input.at,
        answers: this.questionnaireCipher.seal('answers', input.id, JSON.stringify(input.answers)),
        assessment: this.questionnaireCipher.seal('assessment', input.id, JSON.stringify(input.assessment)),
      })
      .where('id', '=', input.id)
      .where('status', '=', 'open')
      .where('expires_at', '>', input.at)
      .executeTakeFirst();
    const row = await this.db
      .selectFrom('questionnaires')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!row)
      throw new AppError('not_found', 'Fant ikke skjemaet', { details: { questionnaireId: input.id } });
    if (Number(result.numUpdatedRows) === 0) {
      const expired = row.status === 'open';
      throw new AppError('conflict', expired ? 'Lenken er utløpt' : 'Skjemaet er allerede sendt inn', {
        details: { questionnaireId: input.id, reason: expired ? 'expired' : 'submitted' },
      });
    }
    return this.readQuestionnaire(row);
  }

  private async selectSummary(
    executor: PatientExecutor,
    id: string,
    lock: boolean,
  ): Promise<PatientSummaryTable | undefined> {
    let query = executor.selectFrom('patient_summaries').selectAll().where('id', '=', id);
    if (lock && this.options.dialect === 'postgres') query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async findSummary(noteId: string, language: string): Promise<PatientSummaryRecord | undefined> {
    const row = await this.db
      .selectFrom('patient_summaries')
      .selectAll()
      .where('note_id', '=', noteId)
      .where('language', '=', language)
      .executeTakeFirst();
    return row ? this.readSummary(row) : undefined;
  }

  async findSummaryById(id: string): Promise<PatientSummaryRecord | undefined> {
    const row = await this.selectSummary(this.db, id, false);
    return row ? this.readSummary(row) : undefined;
  }

  async listSummaries(noteId: string): Promise<PatientSummaryRecord[]> {
    const rows = await this.db
      .selectFrom('patient_summaries')
      .selectAll()
      .where('note_id', '=', noteId)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(this.readSummary);
  }

  async saveSummaryDraft(input: {
    noteId: string;
    consultationId: string;
    language: string;
    summary: unknown;
  }): Promise<PatientSummaryRecord> {
    try {
      return await this.db.transaction().execute(async (transaction) => {
        let query = transaction
          .selectFrom('patient_summaries')
          .selectAll()
          .where('note_id', '=', input.noteId)
          .where('language', '=', input.language);
        if (this.options.dialect === 'postgres') query = query.forUpdate();
        const existing = await query.executeTakeFirst();
        const now = this.options.now().toISOString();
        if (existing) {
          if (existing.status === 'approved') throw summaryApproved(existing.id);
          await transaction
            .updateTable('patient_summaries')
            .set({
              summary: this.summaryCipher.seal('summary', existing.id, JSON.stringify(input.summary)),
              version: Number(existing.version) + 1,
              updated_at: now,
            })
            .where('id', '=', existing.id)
            .execute();
          const updated = await this.selectSummary(transaction, existing.id, false);
          if (!updated) throw summaryNotFound(existing.id);
          return this.readSummary(updated);
        }
        const id = this.options.createId();
        const row: PatientSummaryTable = {
          id,
          note_id: input.noteId,
          consultation_id: input.consultationId,
          language: input.language,
          version: 1,
          status: 'draft',
          summary: this.summaryCipher.seal('summary', id, JSON.stringify(input.summary)),
          approved_by: null,
          approved_at: null,
          created_at: now,
          updated_at: now,
        };
        await transaction.insertInto('patient_summaries').values(row).execute();
        return this.readSummary(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError(
          'conflict',
          'Oppsummeringen ble laget samtidig av en annen forespørsel; prøv igjen',
          {
            details: { noteId: input.noteId },
          },
        );
      }
      throw error;
    }
  }

  /** Reads a draft for a write, checking it exists, is not approved and is at `expectedVersion`. */
  private async selectDraft(
    executor: PatientExecutor,
    id: string,
    expectedVersion: number,
  ): Promise<PatientSummaryTable> {
    const row = await this.selectSummary(executor, id, true);
    if (!row) throw summaryNotFound(id);
    if (row.status === 'approved') throw summaryApproved(id);
    if (Number(row.version) !== expectedVersion) {
      throw new AppError(
        'conflict',
        `Oppsummeringen er endret i mellomtiden (versjon ${row.version}, ikke ${expectedVersion}); last inn på nytt`,
        { details: { summaryId: id, expectedVersion, currentVersion: Number(row.version) } },
      );
    }
    return row;
  }

  async saveSummaryEdit(input: {
    id: string;
    expectedVersion: number;
    summary: unknown;
  }): Promise<PatientSummaryRecord> {
    return this.db.transaction().execute(async (transaction) => {
      await this.selectDraft(transaction, input.id, input.expectedVersion);
      await transaction
        .updateTable('patient_summaries')
        .set({
          summary: this.summaryCipher.seal('summary', input.id, JSON.stringify(input.summary)),
          version: input.expectedVersion + 1,
          updated_at: this.options.now().toISOString(),
        })
        .where('id', '=', input.id)
        .execute();
      const row = await this.selectSummary(transaction, input.id, false);
      if (!row) throw summaryNotFound(input.id);
      return this.readSummary(row);
    });
  }

  async approveSummary(input: {
    id: string;
    expectedVersion: number;
    approvedBy: string;
  }): Promise<PatientSummaryRecord> {
    return this.db.transaction().execute(async (transaction) => {
      await this.selectDraft(transaction, input.id, input.expectedVersion);
      const now = this.options.now().toISOString();
      await transaction
        .updateTable('patient_summaries')
        .set({ status: 'approved', approved_by: input.approvedBy, approved_at: now, updated_at: now })
        .where('id', '=', input.id)
        .execute();
      const row = await this.selectSummary(transaction, input.id, false);
      if (!row) throw summaryNotFound(input.id);
      return this.readSummary(row);
    });
  }
}
