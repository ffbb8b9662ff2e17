import type { Kysely, Migration } from 'kysely';
import { Migrator } from 'kysely';
import { AppError } from '@kollega/domain';

/**
 * Migrations of the record and clinical-document tables. They follow database/migrations.ts (plain code,
 * ordered by name, text and integer columns only, never edited once released) but keep their own
 * bookkeeping tables, so this feature's tables can be added beside the core schema without touching it.
 */
export const recordsMigration: Migration = {
  async up(db) {
    await db.schema
      .createTable('record_documents')
      .ifNotExists()
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('patient_key', 'text', (column) => column.notNull())
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('page_count', 'integer')
      .addColumn('passage_count', 'integer', (column) => column.notNull())
      .addColumn('passages', 'text', (column) => column.notNull())
      .addColumn('warnings', 'text', (column) => column.notNull())
      .addColumn('imported_by', 'text', (column) => column.notNull())
      .addColumn('imported_at', 'text', (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex('record_documents_patient_key_index')
      .ifNotExists()
      .on('record_documents')
      .column('patient_key')
      .execute();

    await db.schema
      .createTable('clinical_documents')
      .ifNotExists()
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('consultation_id', 'text', (column) => column.notNull())
      .addColumn('note_id', 'text', (column) => column.notNull())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('content', 'text', (column) => column.notNull())
      .addColumn('request', 'text', (column) => column.notNull())
      .addColumn('created_by', 'text', (column) => column.notNull())
      .addColumn('approved_by', 'text')
      .addColumn('approved_at', 'text')
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex('clinical_documents_consultation_index')
      .ifNotExists()
      .on('clinical_documents')
      .column('consultation_id')
      .execute();
  },
};

/**
 * The record migrations under their own bookkeeping. `recordsMigration` creates its tables only if missing,
 * so it can also be listed among the core migrations later without harm.
 */
export const RECORD_MIGRATIONS: Record<string, Migration> = {
  '0001_records_and_clinical_documents': recordsMigration,
};

/** Brings the record tables up to date (own migration tables: `kollega_records_migration`, `…_lock`). */
export async function migrateRecordTables<Schema>(
  db: Kysely<Schema>,
  options: { schema?: string } = {},
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(RECORD_MIGRATIONS) },
    migrationTableName: 'kollega_records_migration',
    migrationLockTableName: 'kollega_records_migration_lock',
    ...(options.schema === undefined ? {} : { migrationTableSchema: options.schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'ukjent';
    throw new AppError('unavailable', `Databasemigrering feilet (${failed})`, { cause: error });
  }
}
