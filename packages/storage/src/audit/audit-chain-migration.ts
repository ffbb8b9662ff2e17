import type { Kysely, Migration } from 'kysely';
import { SqliteAdapter, sql } from 'kysely';
import type { AuditEvent } from '@kollega/domain';
import { GENESIS_HASH, computeAuditHash } from './audit-chain';

interface LegacyAuditRow {
  id: string;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  outcome: string;
  details: string;
}

/** True when the Kysely instance talks to SQLite. */
export function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/**
 * Migration `0005_audit_chain`: every audit event gets `sequence`, `previous_hash` and `hash` (sha256 chain,
 * see audit-chain.ts); `audit_chain_head` keeps one row with the last sequence and hash (so a removed tail
 * shows). Existing events are chained in their listing order (time, then id). Triggers then refuse UPDATE and
 * DELETE on `audit_events` (append-only at the database level; someone with DDL rights can still drop them,
 * which the hash chain detects).
 */
export const auditChainMigration: Migration = {
  async up(db) {
    await db.schema.alterTable('audit_events').addColumn('sequence', 'integer').execute();
    await db.schema.alterTable('audit_events').addColumn('previous_hash', 'text').execute();
    await db.schema.alterTable('audit_events').addColumn('hash', 'text').execute();
    await db.schema
      .createTable('audit_chain_head')
      .addColumn('id', 'integer', (column) => column.primaryKey())
      .addColumn('sequence', 'integer', (column) => column.notNull())
      .addColumn('hash', 'text', (column) => column.notNull())
      .execute();

    const typed = db as unknown as Kysely<{
      audit_events: LegacyAuditRow & { sequence: number; previous_hash: string; hash: string };
    }>;
    const rows = await typed.selectFrom('audit_events').selectAll().orderBy('at').orderBy('id').execute();
    let previousHash = GENESIS_HASH;
    let sequence = 0;
    for (const row of rows) {
      sequence += 1;
      const event = {
        id: row.id,
        at: row.at,
        actor: row.actor,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        outcome: row.outcome,
        details: JSON.parse(row.details) as unknown,
      } as AuditEvent;
      const hash = computeAuditHash(previousHash, sequence, event);
      await typed
        .updateTable('audit_events')
        .set({ sequence, previous_hash: previousHash, hash })
        .where('id', '=', row.id)
        .execute();
      previousHash = hash;
    }
    await sql`insert into audit_chain_head (id, sequence, hash) values (1, ${sequence}, ${previousHash})`.execute(
      db,
    );
    await db.schema
      .createIndex('audit_events_sequence_index')
      .unique()
      .on('audit_events')
      .column('sequence')
      .execute();

    if (isSqlite(db)) {
      await sql`create trigger audit_events_no_update before update on audit_events
        begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
      await sql`create trigger audit_events_no_delete before delete on audit_events
        begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
    } else {
      await sql`create or replace function kollega_audit_append_only() returns trigger language plpgsql as $$
        begin raise exception 'audit_events is append-only'; end; $$`.execute(db);
      await sql`create trigger audit_events_append_only before update or delete on audit_events
        for each row execute function kollega_audit_append_only()`.execute(db);
    }
  },
};
