import type { Migration } from 'kysely';

/**
 * Migration `0002_audio`: recordings (with consent, status, retention) and their uploaded chunks. Only
 * `text` and `integer` columns, like `0001_initial`. Chunks are keyed by (recording, sequence) so a
 * retried upload is recognised; deleting a consultation deletes its recordings and chunks.
 */
export const audioMigration: Migration = {
  async up(db) {
    await db.schema
      .createTable('audio_recordings')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('consultation_id', 'text', (column) =>
        column.notNull().unique().references('consultations.id').onDelete('cascade'),
      )
      .addColumn('source', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('language', 'text', (column) => column.notNull())
      .addColumn('consent_given', 'integer', (column) => column.notNull())
      .addColumn('consent_by', 'text', (column) => column.notNull())
      .addColumn('consent_at', 'text', (column) => column.notNull())
      .addColumn('mime_type', 'text')
      .addColumn('part_count', 'integer', (column) => column.notNull())
      .addColumn('next_sequence', 'integer', (column) => column.notNull())
      .addColumn('received_bytes', 'integer', (column) => column.notNull())
      .addColumn('duration_ms', 'integer')
      .addColumn('processed_ms', 'integer', (column) => column.notNull())
      .addColumn('part_durations', 'text', (column) => column.notNull())
      .addColumn('audio_key', 'text')
      .addColumn('engine', 'text')
      .addColumn('error_code', 'text')
      .addColumn('error_message', 'text')
      .addColumn('expires_at', 'text')
      .addColumn('stopped_at', 'text')
      .addColumn('deleted_at', 'text')
      .addColumn('deletion_reason', 'text')
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex('audio_recordings_deleted_at_index')
      .on('audio_recordings')
      .column('deleted_at')
      .execute();

    await db.schema
      .createTable('audio_chunks')
      .addColumn('recording_id', 'text', (column) =>
        column.notNull().references('audio_recordings.id').onDelete('cascade'),
      )
      .addColumn('sequence', 'integer', (column) => column.notNull())
      .addColumn('part', 'integer', (column) => column.notNull())
      .addColumn('byte_offset', 'integer', (column) => column.notNull())
      .addColumn('byte_length', 'integer', (column) => column.notNull())
      .addColumn('received_at', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('audio_chunks_primary_key', ['recording_id', 'sequence'])
      .execute();
  },
};
