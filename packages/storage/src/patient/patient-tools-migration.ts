import type { Migration } from 'kysely';

/**
 * Migration `0003_patient_tools`: pre-visit questionnaires (a hashed one-time token, expiry, the patient's
 * answers) and patient summaries of approved notes (one per note and language, a draft until the doctor
 * approves it). Only `text` and `integer` columns, like `0001_initial`; deleting a consultation deletes both.
 */
export const patientToolsMigration: Migration = {
  async up(db) {
    await db.schema
      .createTable('questionnaires')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('consultation_id', 'text', (column) =>
        column.notNull().references('consultations.id').onDelete('cascade'),
      )
      .addColumn('token_hash', 'text', (column) => column.notNull().unique())
      .addColumn('language', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('created_by', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('expires_at', 'text', (column) => column.notNull())
      .addColumn('submitted_at', 'text')
      .addColumn('answers', 'text')
      .addColumn('assessment', 'text')
      .execute();
    await db.schema
      .createIndex('questionnaires_consultation_id_index')
      .on('questionnaires')
      .column('consultation_id')
      .execute();

    await db.schema
      .createTable('patient_summaries')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('note_id', 'text', (column) => column.notNull().references('notes.id').onDelete('cascade'))
      .addColumn('consultation_id', 'text', (column) =>
        column.notNull().references('consultations.id').onDelete('cascade'),
      )
      .addColumn('language', 'text', (column) => column.notNull())
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('summary', 'text', (column) => column.notNull())
      .addColumn('approved_by', 'text')
      .addColumn('approved_at', 'text')
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .addUniqueConstraint('patient_summaries_note_language_unique', ['note_id', 'language'])
      .execute();
  },
};
