import type { FlagDismissal, NoteRecord } from '@kollega/domain';
import { AppError, FlagDismissalSchema, NoteRecordSchema, NoteSchema } from '@kollega/domain';
import type { Executor, RepositoryOptions } from '../database/repository-options';
import type { NoteTable } from '../database/schema';
import { FieldCipher } from '../encryption/field-cipher';
import type {
  ApproveNoteInput,
  NoteEdit,
  NoteRepository,
  SaveDraftInput,
  SaveEditInput,
  StatementChange,
} from '../repositories';
import { diffNotes } from './note-diff';

/** The note columns stored encrypted (see encryption/encrypted-columns.ts). */
type SealedNoteColumns = Pick<NoteTable, 'note' | 'warnings' | 'verification' | 'dismissals'>;

/** Encrypts the note's content columns, bound to the note's id. */
function sealNoteColumns(cipher: FieldCipher, id: string, columns: SealedNoteColumns): SealedNoteColumns {
  return {
    note: cipher.seal('note', id, columns.note),
    warnings: cipher.seal('warnings', id, columns.warnings),
    verification: cipher.sealNullable('verification', id, columns.verification),
    dismissals: cipher.seal('dismissals', id, columns.dismissals),
  };
}

function readNote(cipher: FieldCipher, sealed: NoteTable): NoteRecord {
  const row = {
    ...sealed,
    note: cipher.open('note', sealed.id, sealed.note),
    warnings: cipher.open('warnings', sealed.id, sealed.warnings),
    verification: cipher.openNullable('verification', sealed.id, sealed.verification),
    dismissals: cipher.open('dismissals', sealed.id, sealed.dismissals),
  };
  return NoteRecordSchema.parse({
    id: row.id,
    consultationId: row.consultation_id,
    version: Number(row.version),
    status: row.status,
    engine: row.engine,
    note: JSON.parse(row.note) as unknown,
    warnings: JSON.parse(row.warnings) as unknown,
    ...(row.verification === null ? {} : { verification: JSON.parse(row.verification) as unknown }),
    dismissals: JSON.parse(row.dismissals) as unknown,
    ...(row.approved_by === null ? {} : { approvedBy: row.approved_by }),
    ...(row.approved_at === null ? {} : { approvedAt: row.approved_at }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

function noteNotFound(noteId: string): AppError {
  return new AppError('not_found', 'Fant ikke notatet', { details: { noteId } });
}

function alreadyApproved(noteId: string): AppError {
  return new AppError('already_approved', 'Notatet er allerede godkjent og kan ikke endres', {
    details: { noteId },
  });
}

/** True for a unique-constraint violation in SQLite or PostgreSQL. */
function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return error.code === '23505' || error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * `NoteRepository` on Kysely. Each write runs in a transaction that reads the row (locked with
 * `FOR UPDATE` on PostgreSQL; SQLite runs one transaction at a time), checks status and version, then writes.
 */
export class KyselyNoteRepository implements NoteRepository {
  private readonly cipher: FieldCipher;
  private readonly editCipher: FieldCipher;

  constructor(private readonly options: RepositoryOptions) {
    this.cipher = new FieldCipher(options.keyring, 'notes');
    this.editCipher = new FieldCipher(options.keyring, 'note_edits');
  }

  private async selectRow(
    executor: Executor,
    where: { column: 'id' | 'consultation_id'; value: string; lock: boolean },
  ): Promise<NoteTable | undefined> {
    let query = executor.selectFrom('notes').selectAll().where(where.column, '=', where.value);
    if (where.lock && this.options.dialect === 'postgres') query = query.forUpdate();
    return query.executeTakeFirst();
  }

  /** Reads the row for a write and checks it exists and is not approved. */
  private async selectDraftForUpdate(executor: Executor, noteId: string): Promise<NoteTable> {
    const row = await this.selectRow(executor, { column: 'id', value: noteId, lock: true });
    if (!row) throw noteNotFound(noteId);
    if (row.status === 'approved') throw alreadyApproved(noteId);
    return row;
  }

  private static checkVersion(row: NoteTable, expectedVersion: number): void {
    if (Number(row.version) !== expectedVersion) {
      throw new AppError(
        'conflict',
        `Notatet er endret i mellomtiden (versjon ${row.version}, ikke ${expectedVersion}); last inn på nytt`,
        { details: { noteId: row.id, expectedVersion, currentVersion: Number(row.version) } },
      );
    }
  }

  private async insertEdit(
    executor: Executor,
    edit: { noteId: string; fromVersion: number; diff: StatementChange[]; editedBy: string; at: string },
  ): Promise<void> {
    const id = this.options.createId();
    await executor
      .insertInto('note_edits')
      .values({
        id,
        note_id: edit.noteId,
        from_version: edit.fromVersion,
        to_version: edit.fromVersion + 1,
        diff: this.editCipher.seal('diff', id, JSON.stringify(edit.diff)),
        edited_by: edit.editedBy,
        at: edit.at,
      })
      .execute();
  }

  private async selectById(executor: Executor, noteId: string): Promise<NoteRecord> {
    const row = await this.selectRow(executor, { column: 'id', value: noteId, lock: false });
    if (!row) throw noteNotFound(noteId);
    return readNote(this.cipher, row);
  }

  async findById(id: string): Promise<NoteRecord | undefined> {
    const row = await this.selectRow(this.options.db, { column: 'id', value: id, lock: false });
    return row ? readNote(this.cipher, row) : undefined;
  }

  async findByConsultationId(consultationId: string): Promise<NoteRecord | undefined> {
    const row = await this.selectRow(this.options.db, {
      column: 'consultation_id',
      value: consultationId,
      lock: false,
    });
    return row ? readNote(this.cipher, row) : undefined;
  }

  async saveDraft(input: SaveDraftInput): Promise<NoteRecord> {
    const note = NoteSchema.parse(input.note);
    try {
      return await this.options.db.transaction().execute(async (transaction) => {
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
        const now = this.options.now().toISOString();
        const existing = await this.selectRow(transaction, {
          column: 'consultation_id',
          value: input.consultationId,
          lock: true,
        });
        const storedVersion = existing === undefined ? 0 : Number(existing.version);
        if (input.expectedVersion !== undefined && storedVersion !== input.expectedVersion) {
          throw new AppError('conflict', 'Notatet er endret i mellomtiden', {
            details: { expectedVersion: input.expectedVersion, version: storedVersion },
          });
        }
        const content = (id: string) => ({
          engine: input.engine,
          ...sealNoteColumns(this.cipher, id, {
            note: JSON.stringify(note),
            warnings: JSON.stringify(input.warnings),
            verification: input.verification === undefined ? null : JSON.stringify(input.verification),
            dismissals: '[]',
          }),
          updated_at: now,
        });
        if (!existing) {
          const id = this.options.createId();
          await transaction
            .insertInto('notes')
            .values({
              id,
              consultation_id: input.consultationId,
              version: 1,
              status: 'draft',
              approved_by: null,
              approved_at: null,
              created_at: now,
              ...content(id),
            })
            .execute();
          return this.selectById(transaction, id);
        }
        if (existing.status === 'approved') throw alreadyApproved(existing.id);
        const fromVersion = Number(existing.version);
        // Conditional on the version read above: atomic on SQLite too, where the row lock is a no-op.
        const updated = await transaction
          .updateTable('notes')
          .set({ ...content(existing.id), version: fromVersion + 1 })
          .where('id', '=', existing.id)
          .where('version', '=', fromVersion)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) {
          throw new AppError('conflict', 'Notatet er endret i mellomtiden', {
            details: { consultationId: input.consultationId },
          });
        }
        await this.insertEdit(transaction, {
          noteId: existing.id,
          fromVersion,
          diff: diffNotes(
            NoteSchema.parse(JSON.parse(this.cipher.open('note', existing.id, existing.note))),
            note,
          ),
          editedBy: input.draftedBy ?? 'system',
          at: now,
        });
        return this.selectById(transaction, existing.id);
      });
    } catch (error) {
      // Two first drafts of one consultation at once (PostgreSQL): the loser gets a conflict, not a crash.
      if (isUniqueViolation(error)) {
        throw new AppError('conflict', 'Notatet ble laget samtidig av en annen forespørsel; prøv igjen', {
          details: { consultationId: input.consultationId },
        });
      }
      throw error;
    }
  }

  async saveEdit(input: SaveEditInput): Promise<NoteRecord> {
    const note = NoteSchema.parse(input.note);
    return this.options.db.transaction().execute(async (transaction) => {
      const row = await this.selectDraftForUpdate(transaction, input.noteId);
      KyselyNoteRepository.checkVersion(row, input.expectedVersion);
      const now = this.options.now().toISOString();
      await transaction
        .updateTable('notes')
        .set({
          version: input.expectedVersion + 1,
          note: this.cipher.seal('note', input.noteId, JSON.stringify(note)),
          ...(input.verification === undefined
            ? {}
            : {
                verification: this.cipher.seal(
                  'verification',
                  input.noteId,
                  JSON.stringify(input.verification),
                ),
              }),
          ...(input.dismissals === undefined
            ? {}
            : {
                dismissals: this.cipher.seal(
                  'dismissals',
                  input.noteId,
                  JSON.stringify(input.dismissals.map((dismissal) => FlagDismissalSchema.parse(dismissal))),
                ),
              }),
          updated_at: now,
        })
        .where('id', '=', input.noteId)
        .execute();
      await this.insertEdit(transaction, {
        noteId: input.noteId,
        fromVersion: input.expectedVersion,
        diff: diffNotes(NoteSchema.parse(JSON.parse(this.cipher.open('note', row.id, row.note))), note),
        editedBy: input.editedBy,
        at: now,
      });
      return this.selectById(transaction, input.noteId);
    });
  }

  async addDismissal(noteId: string, dismissal: FlagDismissal): Promise<NoteRecord> {
    const parsed = FlagDismissalSchema.parse(dismissal);
    return this.options.db.transaction().execute(async (transaction) => {
      const row = await this.selectDraftForUpdate(transaction, noteId);
      const dismissals = FlagDismissalSchema.array()
        .parse(JSON.parse(this.cipher.open('dismissals', noteId, row.dismissals)))
        .filter((existing) => existing.flagId !== parsed.flagId);
      await transaction
        .updateTable('notes')
        .set({
          dismissals: this.cipher.seal('dismissals', noteId, JSON.stringify([...dismissals, parsed])),
          updated_at: this.options.now().toISOString(),
        })
        .where('id', '=', noteId)
        .execute();
      return this.selectById(transaction, noteId);
    });
  }

  async approve(input: ApproveNoteInput): Promise<NoteRecord> {
    return this.options.db.transaction().execute(async (transaction) => {
      const row = await this.selectDraftForUpdate(transaction, input.noteId);
      KyselyNoteRepository.checkVersion(row, input.expectedVersion);
      const now = this.options.now().toISOString();
      await transaction
        .updateTable('notes')
        .set({ status: 'approved', approved_by: input.approvedBy, approved_at: now, updated_at: now })
        .where('id', '=', input.noteId)
        .execute();
      return this.selectById(transaction, input.noteId);
    });
  }

  async listEdits(noteId: string): Promise<NoteEdit[]> {
    const rows = await this.options.db
      .selectFrom('note_edits')
      .selectAll()
      .where('note_id', '=', noteId)
      .orderBy('to_version', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      noteId: row.note_id,
      fromVersion: Number(row.from_version),
      toVersion: Number(row.to_version),
      diff: JSON.parse(this.editCipher.open('diff', row.id, row.diff)) as StatementChange[],
      editedBy: row.edited_by,
      at: row.at,
    }));
  }
}
