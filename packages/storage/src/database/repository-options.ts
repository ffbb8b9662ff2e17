import type { Kysely, Transaction } from 'kysely';
import type { Keyring } from '../encryption/keyring';
import type { DatabaseDialect } from './create-database';
import type { DatabaseSchema } from './schema';

/** What every Kysely repository needs: the database, its dialect, a clock, an id generator and the keyring. */
export interface RepositoryOptions {
  db: Kysely<DatabaseSchema>;
  dialect: DatabaseDialect;
  now: () => Date;
  createId: () => string;
  /** Encrypts the sensitive columns (see encryption/encrypted-columns.ts); without it they are stored as is. */
  keyring?: Keyring;
}

/** A Kysely instance or an open transaction. */
export type Executor = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;
