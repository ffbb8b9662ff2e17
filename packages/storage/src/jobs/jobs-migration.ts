import type { Migration } from 'kysely';

/**
 * Migration `0009_jobs`: the durable job queue. One row per job with its lease (owner, token, expiry),
 * attempts, the time it may next run, a checkpoint, the result or the last error. `idempotency_key` is unique
 * (NULLs are distinct in SQLite and PostgreSQL), so a job enqueued twice under one key is one job. Only
 * `text` and `integer` columns, like `0001_initial`; times are ISO 8601 text (UTC), which sorts by time.
 */
export const jobsMigration: Migration = {
  async up(db) {
    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('practice_id', 'text')
      .addColumn('idempotency_key', 'text', (column) => column.unique())
      .addColumn('payload', 'text', (column) => column.notNull())
      .addColumn('state', 'text', (column) => column.notNull())
      .addColumn('attempts', 'integer', (column) => column.notNull())
      .addColumn('max_attempts', 'integer', (column) => column.notNull())
      .addColumn('backoff_ms', 'integer', (column) => column.notNull())
      .addColumn('run_at', 'text', (column) => column.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('lease_token', 'text')
      .addColumn('lease_expires_at', 'text')
      .addColumn('checkpoint', 'text')
      .addColumn('result', 'text')
      .addColumn('error', 'text')
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    // The poller's question: which jobs of these kinds may run now (queued and due, or with a lapsed lease).
    await db.schema.createIndex('jobs_ready_index').on('jobs').columns(['state', 'run_at']).execute();
    await db.schema
      .createIndex('jobs_practice_index')
      .on('jobs')
      .columns(['practice_id', 'created_at'])
      .execute();
  },
};
