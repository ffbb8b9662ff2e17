import type { Migration } from 'kysely';

/**
 * Migration `0008_patient_messages`: the practice inbox of patient messages with their rule-based triage
 * (urgency, category, red flags as JSON) and how they were handled. Only `text` and `integer` columns, like
 * `0001_initial`; `urgency_rank` (0 = akutt) lets the inbox sort by urgency.
 */
export const messagesMigration: Migration = {
  async up(db) {
    await db.schema
      .createTable('patient_messages')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('practice_id', 'text', (column) => column.notNull())
      .addColumn('external_id', 'text')
      .addColumn('sender', 'text')
      .addColumn('message', 'text', (column) => column.notNull())
      .addColumn('received_at', 'text', (column) => column.notNull())
      .addColumn('urgency', 'text', (column) => column.notNull())
      .addColumn('urgency_rank', 'integer', (column) => column.notNull())
      .addColumn('category', 'text', (column) => column.notNull())
      .addColumn('red_flags', 'text', (column) => column.notNull())
      .addColumn('reasons', 'text', (column) => column.notNull())
      .addColumn('suggested_reply', 'text', (column) => column.notNull())
      .addColumn('injection_attempt', 'integer', (column) => column.notNull())
      .addColumn('rules_version', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('assigned_to', 'text')
      .addColumn('handled_by', 'text')
      .addColumn('handled_at', 'text')
      .addColumn('reply', 'text')
      .addColumn('replied_by', 'text')
      .addColumn('replied_at', 'text')
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex('patient_messages_practice_index')
      .on('patient_messages')
      .columns(['practice_id', 'status', 'urgency_rank', 'received_at'])
      .execute();
  },
};
