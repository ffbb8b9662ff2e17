import type { DatabaseSchema } from '../database/schema';

/** One row of `review_events`. */
export interface ReviewEventTable {
  id: string;
  note_id: string;
  type: string;
  statement_id: string | null;
  actor: string;
  at: string;
}

/** The core tables plus `review_events`, as Kysely sees them. */
export interface ReviewEventsDatabaseSchema extends DatabaseSchema {
  review_events: ReviewEventTable;
}
