import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { AuditEvent } from '@kollega/domain';
import { AuditEventSchema } from '@kollega/domain';
import type { RepositoryOptions } from '../database/repository-options';
import type { AuditEventTable } from '../database/schema';
import type { AuditFilter, AuditRepository, NewAuditEvent } from '../repositories';
import type { AuditChainEntry, AuditChainHead, AuditChainSource } from './audit-chain';
import { GENESIS_HASH, computeAuditHash } from './audit-chain';

/** The audit table with its hash-chain columns (migration `0005_audit_chain`). */
interface ChainedAuditEventTable extends AuditEventTable {
  sequence: number | null;
  previous_hash: string | null;
  hash: string | null;
}

interface AuditChainSchema {
  audit_events: ChainedAuditEventTable;
  audit_chain_head: { id: number; sequence: number; hash: string };
}

function readEvent(row: AuditEventTable): AuditEvent {
  return AuditEventSchema.parse({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    outcome: row.outcome,
    details: JSON.parse(row.details) as unknown,
  });
}

/** The stored fields as they are, without validation, so a tampered row still reaches the hash check. */
function readRawEvent(row: AuditEventTable): AuditEvent {
  let details: unknown;
  try {
    details = JSON.parse(row.details) as unknown;
  } catch {
    details = row.details;
  }
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    outcome: row.outcome,
    details,
  } as AuditEvent;
}

/**
 * `AuditRepository` on Kysely: append-only rows in a sha256 hash chain. Each append runs in one transaction
 * that first locks the chain head (SQLite `begin immediate`, PostgreSQL `select … for update`), so two
 * server processes on one database cannot fork the chain.
 */
export class KyselyAuditRepository implements AuditRepository, AuditChainSource {
  private readonly db: Kysely<AuditChainSchema>;

  constructor(private readonly options: RepositoryOptions) {
    this.db = options.db as unknown as Kysely<AuditChainSchema>;
  }

  async append(input: NewAuditEvent): Promise<AuditEvent> {
    const event = AuditEventSchema.parse({
      ...input,
      id: this.options.createId(),
      at: input.at ?? this.options.now().toISOString(),
      details: input.details ?? {},
    });
    await this.db.connection().execute(async (connection) => {
      const sqlite = this.options.dialect === 'sqlite';
      await sql.raw(sqlite ? 'begin immediate' : 'begin').execute(connection);
      try {
        let headQuery = connection
          .selectFrom('audit_chain_head')
          .select(['sequence', 'hash'])
          .where('id', '=', 1);
        if (!sqlite) headQuery = headQuery.forUpdate();
        const head = (await headQuery.executeTakeFirst()) ?? { sequence: 0, hash: GENESIS_HASH };
        const sequence = head.sequence + 1;
        const hash = computeAuditHash(head.hash, sequence, event);
        await connection
          .insertInto('audit_events')
          .values({
            id: event.id,
            at: event.at,
            actor: event.actor,
            action: event.action,
            entity_type: event.entityType,
            entity_id: event.entityId,
            outcome: event.outcome,
            details: JSON.stringify(event.details),
            sequence,
            previous_hash: head.hash,
            hash,
          })
          .execute();
        const updated = await connection
          .updateTable('audit_chain_head')
          .set({ sequence, hash })
          .where('id', '=', 1)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) {
          await connection.insertInto('audit_chain_head').values({ id: 1, sequence, hash }).execute();
        }
        await sql.raw('commit').execute(connection);
      } catch (error) {
        await sql
          .raw('rollback')
          .execute(connection)
          .catch(() => undefined);
        throw error;
      }
    });
    return event;
  }

  async list(filter: AuditFilter = {}): Promise<AuditEvent[]> {
    let query = this.db.selectFrom('audit_events').selectAll();
    if (filter.entityType !== undefined) query = query.where('entity_type', '=', filter.entityType);
    if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    const rows = await query
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.max(1, Math.min(filter.limit ?? 1000, 10_000)))
      .execute();
    return rows.reverse().map(readEvent);
  }

  /** Entries after `afterSequence`, in chain order; see `AuditChainSource`. */
  async readChain(afterSequence: number, limit: number): Promise<AuditChainEntry[]> {
    const rows = await this.db
      .selectFrom('audit_events')
      .selectAll()
      .where('sequence', '>', afterSequence)
      .orderBy('sequence')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      sequence: Number(row.sequence),
      event: readRawEvent(row),
      previousHash: row.previous_hash ?? '',
      hash: row.hash ?? '',
    }));
  }

  /** The head checkpoint; see `AuditChainSource`. */
  async readHead(): Promise<AuditChainHead> {
    const head = await this.db
      .selectFrom('audit_chain_head')
      .select(['sequence', 'hash'])
      .where('id', '=', 1)
      .executeTakeFirst();
    return head === undefined
      ? { sequence: 0, hash: GENESIS_HASH }
      : { sequence: Number(head.sequence), hash: head.hash };
  }

  /** Number of audit rows; see `AuditChainSource`. */
  async countEvents(): Promise<number> {
    const row = await this.db
      .selectFrom('audit_events')
      .select((expression) => expression.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
