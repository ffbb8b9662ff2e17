import type { Kysely } from 'kysely';
import type { TriageCategory, TriageRedFlag, TriageUrgency } from '@kollega/domain';
import { TRIAGE_URGENCIES } from '@kollega/domain';
import type { RepositoryOptions } from '../database/repository-options';
import { FieldCipher } from '../encryption/field-cipher';
import type {
  MessageRepository,
  NewPatientMessage,
  PatientMessage,
  PatientMessageFilter,
  PatientMessageStatus,
  PatientMessageUpdate,
} from './message-repository';
import type { MessagesDatabaseSchema, PatientMessageTable } from './messages-schema';

/** 0 for `akutt`, rising to `rutine`: the order of `TRIAGE_URGENCIES`. */
function rankUrgency(urgency: TriageUrgency): number {
  return TRIAGE_URGENCIES.indexOf(urgency);
}

/** Decrypts the message's text columns (see encryption/encrypted-columns.ts). */
function openMessageRow(cipher: FieldCipher, row: PatientMessageTable): PatientMessageTable {
  return {
    ...row,
    sender: cipher.openNullable('sender', row.id, row.sender),
    message: cipher.open('message', row.id, row.message),
    red_flags: cipher.open('red_flags', row.id, row.red_flags),
    reasons: cipher.open('reasons', row.id, row.reasons),
    suggested_reply: cipher.open('suggested_reply', row.id, row.suggested_reply),
    reply: cipher.openNullable('reply', row.id, row.reply),
  };
}

function toPatientMessage(row: PatientMessageTable): PatientMessage {
  const optional = (key: keyof PatientMessage, value: string | null) =>
    value === null ? {} : { [key]: value };
  return {
    id: row.id,
    practiceId: row.practice_id,
    ...optional('externalId', row.external_id),
    ...optional('sender', row.sender),
    message: row.message,
    receivedAt: row.received_at,
    urgency: row.urgency as TriageUrgency,
    category: row.category as TriageCategory,
    redFlags: JSON.parse(row.red_flags) as TriageRedFlag[],
    reasons: JSON.parse(row.reasons) as string[],
    suggestedReply: row.suggested_reply,
    injectionAttempt: row.injection_attempt === 1,
    rulesVersion: row.rules_version,
    status: row.status as PatientMessageStatus,
    ...optional('assignedTo', row.assigned_to),
    ...optional('handledBy', row.handled_by),
    ...optional('handledAt', row.handled_at),
    ...optional('reply', row.reply),
    ...optional('repliedBy', row.replied_by),
    ...optional('repliedAt', row.replied_at),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** `MessageRepository` on Kysely (SQLite or PostgreSQL). */
export class KyselyMessageRepository implements MessageRepository {
  private readonly db: Kysely<MessagesDatabaseSchema>;
  private readonly cipher: FieldCipher;

  constructor(private readonly options: RepositoryOptions) {
    this.db = options.db as unknown as Kysely<MessagesDatabaseSchema>;
    this.cipher = new FieldCipher(options.keyring, 'patient_messages');
  }

  private read = (row: PatientMessageTable): PatientMessage =>
    toPatientMessage(openMessageRow(this.cipher, row));

  /** Stores a triaged message as `open`. */
  async create(input: NewPatientMessage): Promise<PatientMessage> {
    const now = this.options.now().toISOString();
    const id = this.options.createId();
    const row: PatientMessageTable = {
      id,
      practice_id: input.practiceId,
      external_id: input.externalId ?? null,
      sender: this.cipher.sealNullable('sender', id, input.sender ?? null),
      message: this.cipher.seal('message', id, input.message),
      received_at: input.receivedAt,
      urgency: input.urgency,
      urgency_rank: rankUrgency(input.urgency),
      category: input.category,
      red_flags: this.cipher.seal('red_flags', id, JSON.stringify(input.redFlags)),
      reasons: this.cipher.seal('reasons', id, JSON.stringify(input.reasons)),
      suggested_reply: this.cipher.seal('suggested_reply', id, input.suggestedReply),
      injection_attempt: input.injectionAttempt ? 1 : 0,
      rules_version: input.rulesVersion,
      status: 'open',
      assigned_to: null,
      handled_by: null,
      handled_at: null,
      reply: null,
      replied_by: null,
      replied_at: null,
      created_at: now,
      updated_at: now,
    };
    await this.db.insertInto('patient_messages').values(row).execute();
    return this.read(row);
  }

  /** The message if it belongs to the practice, else undefined. */
  async findById(practiceId: string, id: string): Promise<PatientMessage | undefined> {
    const row = await this.db
      .selectFrom('patient_messages')
      .selectAll()
      .where('practice_id', '=', practiceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : this.read(row);
  }

  /** The practice's messages, most urgent first (akutt first), then oldest first. */
  async list(practiceId: string, filter: PatientMessageFilter = {}): Promise<PatientMessage[]> {
    let query = this.db.selectFrom('patient_messages').selectAll().where('practice_id', '=', practiceId);
    if (filter.urgency !== undefined) query = query.where('urgency', '=', filter.urgency);
    if (filter.category !== undefined) query = query.where('category', '=', filter.category);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    const rows = await query
      .orderBy('urgency_rank', 'asc')
      .orderBy('received_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(this.read);
  }

  /** Applies a change and returns the message, or undefined when it is not the practice's. */
  async update(
    practiceId: string,
    id: string,
    update: PatientMessageUpdate,
  ): Promise<PatientMessage | undefined> {
    const now = this.options.now().toISOString();
    const changes: Partial<PatientMessageTable> = { updated_at: now };
    if (update.assignedTo !== undefined) {
      changes.assigned_to = update.assignedTo.trim() === '' ? null : update.assignedTo.trim();
    }
    if (update.reply !== undefined) {
      changes.reply = this.cipher.seal('reply', id, update.reply);
      changes.replied_by = update.repliedBy ?? null;
      changes.replied_at = now;
    }
    if (update.status === 'handled') {
      changes.status = 'handled';
      changes.handled_by = update.handledBy ?? null;
      changes.handled_at = now;
    } else if (update.status === 'open') {
      changes.status = 'open';
      changes.handled_by = null;
      changes.handled_at = null;
    }
    const result = await this.db
      .updateTable('patient_messages')
      .set(changes)
      .where('practice_id', '=', practiceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return undefined;
    return this.findById(practiceId, id);
  }
}
