import type { Migration } from 'kysely';

/**
 * Migration `0004_decision_support`: the ICPC-2 codes chosen for a note, the doctor's decisions on the
 * antibiotic recommendation, and the stored outcome of each approved note for the prescribing mirror. Only
 * `text` and `integer` columns, like `0001_initial`; deleting a consultation deletes all three.
 */
export const decisionSupportMigration: Migration = {
  async up(db) {
    await db.schema
      .createTable('note_codes')
      .addColumn('note_id', 'text', (column) =>
        column.primaryKey().references('notes.id').onDelete('cascade'),
      )
      .addColumn('codes', 'text', (column) => column.notNull())
      .addColumn('list_version', 'text', (column) => column.notNull())
      .addColumn('chosen_by', 'text', (column) => column.notNull())
      .addColumn('chosen_at', 'text', (column) => column.notNull())
      .execute();

    await db.schema
      .createTable('decision_support_decisions')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('consultation_id', 'text', (column) =>
        column.notNull().references('consultations.id').onDelete('cascade'),
      )
      .addColumn('note_id', 'text', (column) => column.references('notes.id').onDelete('cascade'))
      .addColumn('action', 'text', (column) => column.notNull())
      .addColumn('reason', 'text')
      .addColumn('rule', 'text', (column) => column.notNull())
      .addColumn('recommendation_kind', 'text', (column) => column.notNull())
      .addColumn('deviation_codes', 'text', (column) => column.notNull())
      .addColumn('decided_by', 'text', (column) => column.notNull())
      .addColumn('decided_at', 'text', (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex('decision_support_decisions_consultation_index')
      .on('decision_support_decisions')
      .column('consultation_id')
      .execute();

    await db.schema
      .createTable('decision_support_outcomes')
      .addColumn('note_id', 'text', (column) =>
        column.primaryKey().references('notes.id').onDelete('cascade'),
      )
      .addColumn('consultation_id', 'text', (column) =>
        column.notNull().references('consultations.id').onDelete('cascade'),
      )
      .addColumn('approved_by', 'text', (column) => column.notNull())
      .addColumn('approved_at', 'text', (column) => column.notNull())
      .addColumn('computed_with', 'text', (column) => column.notNull())
      .addColumn('outcome', 'text', (column) => column.notNull())
      .addColumn('computed_at', 'text', (column) => column.notNull())
      .execute();

    // The prescribing mirror reads approved notes by approval time.
    await db.schema.createIndex('notes_approved_at_index').on('notes').column('approved_at').execute();
  },
};
