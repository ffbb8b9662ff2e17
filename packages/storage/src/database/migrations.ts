import type { Kysely, Migration } from 'kysely';
import { Migrator } from 'kysely';
import { AppError } from '@kollega/domain';
import { audioMigration } from '../audio/audio-migration';
import { decisionSupportMigration } from '../decision-support/decision-support-migration';
import { patientToolsMigration } from '../patient/patient-tools-migration';
import { auditChainMigration } from '../audit/audit-chain-migration';
import { authMigration } from '../auth/auth-migration';
import { userAdministratorMigration } from '../auth/user-administrator-migration';
import { oidcIdentityMigration } from '../auth/oidc-identity-migration';
import { reviewEventsMigration } from '../review-events/review-events-migration';
import { messagesMigration } from '../messages/messages-migration';
import { jobsMigration } from '../jobs/jobs-migration';

// Migrations are plain code, ordered by name, and use only column types both SQLite and PostgreSQL know
// (text, integer). Never edit a released migration: add a new one.
const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': {
    async up(db) {
      await db.schema
        .createTable('consultations')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('external_id', 'text')
        .addColumn('title', 'text', (column) => column.notNull())
        .addColumn('language', 'text', (column) => column.notNull())
        .addColumn('setting', 'text')
        .addColumn('transcript', 'text', (column) => column.notNull())
        .addColumn('segment_count', 'integer', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('consultations_created_at_index')
        .on('consultations')
        .column('created_at')
        .execute();

      await db.schema
        .createTable('notes')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('consultation_id', 'text', (column) =>
          column.notNull().unique().references('consultations.id').onDelete('cascade'),
        )
        .addColumn('version', 'integer', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('engine', 'text', (column) => column.notNull())
        .addColumn('note', 'text', (column) => column.notNull())
        .addColumn('warnings', 'text', (column) => column.notNull())
        .addColumn('verification', 'text')
        .addColumn('dismissals', 'text', (column) => column.notNull())
        .addColumn('approved_by', 'text')
        .addColumn('approved_at', 'text')
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('note_edits')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('note_id', 'text', (column) => column.notNull().references('notes.id').onDelete('cascade'))
        .addColumn('from_version', 'integer', (column) => column.notNull())
        .addColumn('to_version', 'integer', (column) => column.notNull())
        .addColumn('diff', 'text', (column) => column.notNull())
        .addColumn('edited_by', 'text', (column) => column.notNull())
        .addColumn('at', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('note_edits_note_id_index').on('note_edits').column('note_id').execute();

      await db.schema
        .createTable('audit_events')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('at', 'text', (column) => column.notNull())
        .addColumn('actor', 'text', (column) => column.notNull())
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('entity_type', 'text', (column) => column.notNull())
        .addColumn('entity_id', 'text', (column) => column.notNull())
        .addColumn('outcome', 'text', (column) => column.notNull())
        .addColumn('details', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('audit_events_entity_index')
        .on('audit_events')
        .columns(['entity_type', 'entity_id'])
        .execute();
    },
  },
  '0002_audio': audioMigration,
  '0003_patient_tools': patientToolsMigration,
  '0004_decision_support': decisionSupportMigration,
  '0005_audit_chain': auditChainMigration,
  '0006_auth': authMigration,
  '0007_review_events': reviewEventsMigration,
  '0008_patient_messages': messagesMigration,
  '0009_jobs': jobsMigration,
  '0011_oidc_identities': oidcIdentityMigration,
  '0012_user_administrators': userAdministratorMigration,
};

/** The names of all migrations, in the order they run. */
export function listMigrationNames(): string[] {
  return Object.keys(MIGRATIONS).sort();
}

/**
 * Brings the schema up to date with Kysely's Migrator (its own tables record what ran and lock against
 * concurrent runs). `schema` places the migration tables in a PostgreSQL schema.
 */
export async function migrateToLatest<Schema>(
  db: Kysely<Schema>,
  options: { schema?: string } = {},
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
    ...(options.schema === undefined ? {} : { migrationTableSchema: options.schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'ukjent';
    throw new AppError('unavailable', `Databasemigrering feilet (${failed})`, { cause: error });
  }
}
