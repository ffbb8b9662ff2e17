import type { Kysely, Transaction } from 'kysely';
import { AppError, NoteRecordSchema } from '@kollega/domain';
import type { RepositoryOptions } from '../database/repository-options';
import { FieldCipher } from '../encryption/field-cipher';
import type { DatabaseSchema } from '../database/schema';
import type {
  DecisionSupportDatabaseSchema,
  DecisionSupportDecisionTable,
  NoteCodesTable,
} from './decision-support-schema';
import type {
  ApprovedNoteSummary,
  ChosenCode,
  ChosenCodes,
  DecisionAction,
  DecisionSupportDecision,
  DecisionSupportRepository,
  NewDecisionSupportDecision,
  PrescribingOutcome,
  SaveChosenCodesInput,
  SaveOutcomeInput,
} from './decision-support-repository';

type DecisionSupportDatabase = DatabaseSchema & DecisionSupportDatabaseSchema;
type DecisionSupportExecutor = Kysely<DecisionSupportDatabase> | Transaction<DecisionSupportDatabase>;

const CodesSchema = NoteRecordSchema.shape.codes.unwrap();

function readChosenCodes(row: NoteCodesTable): ChosenCodes {
  return {
    noteId: row.note_id,
    codes: CodesSchema.parse(JSON.parse(row.codes)),
    listVersion: row.list_version,
    chosenBy: row.chosen_by,
    chosenAt: row.chosen_at,
  };
}

function readAction(value: string): DecisionAction {
  if (value === 'accepted' || value === 'declined') return value;
  throw new AppError('internal', 'Ukjent beslutning i beslutningsstøtten');
}

/** A decision as stored, its reason opened (the doctor's own words may name the patient). */
function readDecision(cipher: FieldCipher, row: DecisionSupportDecisionTable): DecisionSupportDecision {
  return {
    id: row.id,
    consultationId: row.consultation_id,
    ...(row.note_id === null ? {} : { noteId: row.note_id }),
    action: readAction(row.action),
    ...(row.reason === null ? {} : { reason: cipher.open('reason', row.id, row.reason) }),
    rule: row.rule,
    recommendationKind: row.recommendation_kind,
    deviationCodes: row.deviation_codes === '' ? [] : row.deviation_codes.split(','),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

function alreadyApproved(noteId: string): AppError {
  return new AppError('already_approved', 'Notatet er allerede godkjent og kan ikke endres', {
    details: { noteId },
  });
}

/**
 * `DecisionSupportRepository` on Kysely (SQLite or PostgreSQL). Writes that depend on the note's state read
 * the note row in the same transaction (locked with `FOR UPDATE` on PostgreSQL), as the note repository does.
 */
export class KyselyDecisionSupportRepository implements DecisionSupportRepository {
  private readonly db: Kysely<DecisionSupportDatabase>;
  private readonly cipher: FieldCipher;

  constructor(private readonly options: RepositoryOptions) {
    this.db = options.db.withTables<DecisionSupportDatabaseSchema>();
    this.cipher = new FieldCipher(options.keyring, 'decision_support_decisions');
  }

  private async selectNote(
    executor: DecisionSupportExecutor,
    where: { column: 'id' | 'consultation_id'; value: string },
  ): Promise<{ id: string; status: string; version: number } | undefined> {
    let query = executor
      .selectFrom('notes')
      .select(['id', 'status', 'version'])
      .where(where.column, '=', where.value);
    if (this.options.dialect === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row === undefined ? undefined : { ...row, version: Number(row.version) };
  }

  async findChosenCodes(noteId: string): Promise<ChosenCodes | undefined> {
    const row = await this.db
      .selectFrom('note_codes')
      .selectAll()
      .where('note_id', '=', noteId)
      .executeTakeFirst();
    return row === undefined ? undefined : readChosenCodes(row);
  }

  async saveChosenCodes(input: SaveChosenCodesInput): Promise<ChosenCodes> {
    const codes: ChosenCode[] = CodesSchema.parse(input.codes);
    return this.db.transaction().execute(async (transaction) => {
      const note = await this.selectNote(transaction, { column: 'id', value: input.noteId });
      if (!note) throw new AppError('not_found', 'Fant ikke notatet', { details: { noteId: input.noteId } });
      if (note.status === 'approved') throw alreadyApproved(input.noteId);
      if (note.version !== input.expectedVersion) {
        throw new AppError(
          'conflict',
          `Notatet er endret i mellomtiden (versjon ${note.version}, ikke ${input.expectedVersion}); last inn på nytt`,
          {
            details: {
              noteId: input.noteId,
              expectedVersion: input.expectedVersion,
              currentVersion: note.version,
            },
          },
        );
      }
      const row: NoteCodesTable = {
        note_id: input.noteId,
        codes: JSON.stringify(codes),
        list_version: input.listVersion,
        chosen_by: input.chosenBy,
        chosen_at: this.options.now().toISOString(),
      };
      await transaction
        .insertInto('note_codes')
        .values(row)
        .onConflict((conflict) =>
          conflict.column('note_id').doUpdateSet({
            codes: row.codes,
            list_version: row.list_version,
            chosen_by: row.chosen_by,
            chosen_at: row.chosen_at,
          }),
        )
        .execute();
      return readChosenCodes(row);
    });
  }

  async addDecision(input: NewDecisionSupportDecision): Promise<DecisionSupportDecision> {
    return this.db.transaction().execute(async (transaction) => {
      const consultation = await transaction
        .selectFrom('consultations')
        .select('id')
        .where('id', '=', input.consultationId)
        .executeTakeFirst();
      if (!consultation) {
        throw new AppError('not_found', 'Fant ikke konsultasjonen', {
          details: { consultationId: input.consultationId },
        });
      }
      const note = await this.selectNote(transaction, {
        column: 'consultation_id',
        value: input.consultationId,
      });
      if (note?.status === 'approved') throw alreadyApproved(note.id);
      const id = this.options.createId();
      const row: DecisionSupportDecisionTable = {
        id,
        consultation_id: input.consultationId,
        note_id: note?.id ?? null,
        action: input.action,
        reason: this.cipher.sealNullable('reason', id, input.reason ?? null),
        rule: input.rule,
        recommendation_kind: input.recommendationKind,
        deviation_codes: input.deviationCodes.join(','),
        decided_by: input.decidedBy,
        decided_at: this.options.now().toISOString(),
      };
      await transaction.insertInto('decision_support_decisions').values(row).execute();
      return readDecision(this.cipher, row);
    });
  }

  async listDecisions(consultationId: string): Promise<DecisionSupportDecision[]> {
    const rows = await this.db
      .selectFrom('decision_support_decisions')
      .selectAll()
      .where('consultation_id', '=', consultationId)
      .orderBy('decided_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => readDecision(this.cipher, row));
  }

  async listApprovedNotes(range: { from: string; to: string }): Promise<ApprovedNoteSummary[]> {
    const rows = await this.db
      .selectFrom('notes')
      .leftJoin('decision_support_outcomes', 'decision_support_outcomes.note_id', 'notes.id')
      .select([
        'notes.id as noteId',
        'notes.consultation_id as consultationId',
        'notes.approved_by as approvedBy',
        'notes.approved_at as approvedAt',
        'decision_support_outcomes.computed_with as computedWith',
        'decision_support_outcomes.outcome as outcome',
      ])
      .where('notes.status', '=', 'approved')
      .where('notes.approved_at', '>=', range.from)
      .where('notes.approved_at', '<', range.to)
      .orderBy('notes.approved_at')
      .orderBy('notes.id')
      .execute();
    return rows.map((row) => ({
      noteId: row.noteId,
      consultationId: row.consultationId,
      approvedBy: row.approvedBy ?? 'ukjent',
      approvedAt: row.approvedAt ?? '',
      ...(row.computedWith === null || row.outcome === null
        ? {}
        : {
            stored: {
              computedWith: row.computedWith,
              outcome: JSON.parse(row.outcome) as PrescribingOutcome,
            },
          }),
    }));
  }

  async saveOutcome(input: SaveOutcomeInput): Promise<void> {
    const outcome = JSON.stringify(input.outcome);
    const computedAt = this.options.now().toISOString();
    await this.db
      .insertInto('decision_support_outcomes')
      .values({
        note_id: input.noteId,
        consultation_id: input.consultationId,
        approved_by: input.approvedBy,
        approved_at: input.approvedAt,
        computed_with: input.computedWith,
        outcome,
        computed_at: computedAt,
      })
      .onConflict((conflict) =>
        conflict.column('note_id').doUpdateSet({
          approved_by: input.approvedBy,
          approved_at: input.approvedAt,
          computed_with: input.computedWith,
          outcome,
          computed_at: computedAt,
        }),
      )
      .execute();
  }
}
