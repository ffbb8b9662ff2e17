import type { Kysely, Transaction } from 'kysely';
import type { DatabaseDialect } from './create-database';
import type { DatabaseSchema } from './schema';

/** What every Kysely repository needs: the database, its dialect, a clock and an id generator. */
export interface RepositoryOptions {
  db: Kysely<DatabaseSchema>;
  dialect: DatabaseDialect;
  now: () => Date;
  createId: () => string;
}

/** A Kysely instance or an open transaction. */
export type Executor = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;
