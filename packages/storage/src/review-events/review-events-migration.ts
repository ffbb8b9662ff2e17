import type { Migration } from 'kysely';

/**
 * Migration `0007_review_events`: what the doctor looked at while reviewing a draft (evidence opened, a flag
 * viewed, the consultation ended). Ids and times only, never note or transcript text; deleting a note
 * deletes its events.
 */
export const reviewEventsMigration: Migration = {
  async up(db) {
    await db.schema
      .createTable('review_events')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('note_id', 'text', (column) => column.notNull().references('notes.id').onDelete('cascade'))
      .addColumn('type', 'text', (column) => column.notNull())
      .addColumn('statement_id', 'text')
      .addColumn('actor', 'text', (column) => column.notNull())
      .addColumn('at', 'text', (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex('review_events_note_id_index')
      .on('review_events')
      .column('note_id')
      .execute();
  },
};
