import type { Migration } from 'kysely';

/**
 * Migration `0006_auth`: practices, local user accounts, sessions, and tenancy columns on consultations
 * (`practice_id`, `responsible_user_id`). Rows without a practice are visible to no one when sign-in is on,
 * until first-time setup adopts them into the first practice. `owned_keys` records which practice owns a
 * free-form key (a record's patient key) the first time that practice uses it.
 */
export const authMigration: Migration = {
  async up(db) {
    await db.schema
      .createTable('practices')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .execute();
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('practice_id', 'text', (column) =>
        column.notNull().references('practices.id').onDelete('cascade'),
      )
      .addColumn('username', 'text', (column) => column.notNull().unique())
      .addColumn('display_name', 'text', (column) => column.notNull())
      .addColumn('role', 'text', (column) => column.notNull())
      .addColumn('password_hash', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('disabled_at', 'text')
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (column) => column.primaryKey())
      .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('expires_at', 'text', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('sessions_user_id_index').on('sessions').column('user_id').execute();
    await db.schema
      .createTable('owned_keys')
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('key', 'text', (column) => column.notNull())
      .addColumn('practice_id', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('owned_keys_primary_key', ['kind', 'key'])
      .execute();
    await db.schema.alterTable('consultations').addColumn('practice_id', 'text').execute();
    await db.schema.alterTable('consultations').addColumn('responsible_user_id', 'text').execute();
    await db.schema
      .createIndex('consultations_practice_id_index')
      .on('consultations')
      .column('practice_id')
      .execute();
  },
};
