import type { Kysely } from 'kysely';
import type { RepositoryOptions } from '../database/repository-options';
import type {
  DatabaseTable,
  NewReviewEvent,
  ReviewEvent,
  ReviewEventRepository,
  ReviewEventType,
} from './review-event-repository';
import type { ReviewEventTable, ReviewEventsDatabaseSchema } from './review-events-schema';

const CHUNK = 500;

function toReviewEvent(row: ReviewEventTable): ReviewEvent {
  return {
    id: row.id,
    noteId: row.note_id,
    type: row.type as ReviewEventType,
    ...(row.statement_id === null ? {} : { statementId: row.statement_id }),
    actor: row.actor,
    at: row.at,
  };
}

/** `ReviewEventRepository` on Kysely (SQLite or PostgreSQL). */
export class KyselyReviewEventRepository implements ReviewEventRepository {
  private readonly db: Kysely<ReviewEventsDatabaseSchema>;

  constructor(private readonly options: RepositoryOptions) {
    this.db = options.db as unknown as Kysely<ReviewEventsDatabaseSchema>;
  }

  /** Appends an event and returns it as stored. */
  async append(event: NewReviewEvent): Promise<ReviewEvent> {
    const row: ReviewEventTable = {
      id: this.options.createId(),
      note_id: event.noteId,
      type: event.type,
      statement_id: event.statementId ?? null,
      actor: event.actor,
      at: event.at ?? this.options.now().toISOString(),
    };
    await this.db.insertInto('review_events').values(row).execute();
    return toReviewEvent(row);
  }

  /** The events of these notes, oldest first. */
  async listForNotes(noteIds: readonly string[]): Promise<ReviewEvent[]> {
    const events: ReviewEvent[] = [];
    for (let start = 0; start < noteIds.length; start += CHUNK) {
      const rows = await this.db
        .selectFrom('review_events')
        .selectAll()
        .where('note_id', 'in', noteIds.slice(start, start + CHUNK))
        .execute();
      events.push(...rows.map(toReviewEvent));
    }
    return events.sort(
      (first, second) => first.at.localeCompare(second.at) || first.id.localeCompare(second.id),
    );
  }

  /** The tables (and columns) of the running database, sorted by name; Kysely's own tables left out. */
  async listDatabaseTables(): Promise<DatabaseTable[]> {
    const tables = await this.db.introspection.getTables();
    return tables
      .filter((table) => !table.name.startsWith('kysely_'))
      .map((table) => ({ name: table.name, columns: table.columns.map((column) => column.name) }))
      .sort((first, second) => first.name.localeCompare(second.name));
  }
}
