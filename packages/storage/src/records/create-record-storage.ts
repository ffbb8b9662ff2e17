import type { Kysely } from 'kysely';
import type { Database } from '../database/create-database';
import { createDatabase } from '../database/create-database';
import { createIdGenerator } from '../database/create-id';
import type { Keyring } from '../encryption/keyring';
import type { EncryptionOptions } from '../encryption/resolve-keyring';
import { resolveKeyring } from '../encryption/resolve-keyring';
import type { RecordStorageSchema } from './record-storage-schema';
import { migrateRecordTables } from './record-migrations';
import type { ClinicalDocumentRepository, RecordDocumentRepository } from './record-repositories';
import {
  KyselyClinicalDocumentRepository,
  KyselyRecordDocumentRepository,
} from './kysely-record-repositories';

/** The record and clinical-document repositories over one migrated database. */
export interface RecordStorage {
  records: RecordDocumentRepository;
  clinicalDocuments: ClinicalDocumentRepository;
  close(): Promise<void>;
}

/** Options of `createRecordStorage`. */
export interface CreateRecordStorageOptions {
  /** PostgreSQL only: the schema the tables live in. */
  schema?: string;
  now?: () => Date;
  createId?: () => string;
  /** Where the encryption keys come from; the same rules as `createStorage` (environment, key file). */
  encryption?: EncryptionOptions;
}

/** The repositories on an already open database (its record tables migrated here); closing is the caller's. */
export async function openRecordStorage(
  database: Pick<Database, 'db' | 'dialect' | 'schema'>,
  options: Omit<CreateRecordStorageOptions, 'schema' | 'encryption'> & { keyring?: Keyring } = {},
): Promise<Omit<RecordStorage, 'close'>> {
  const db = database.db.withTables<RecordStorageSchema>() as unknown as Kysely<RecordStorageSchema>;
  await migrateRecordTables(db, database.schema === undefined ? {} : { schema: database.schema });
  const repositoryOptions = {
    db,
    dialect: database.dialect,
    now: options.now ?? (() => new Date()),
    createId: options.createId ?? createIdGenerator(),
    ...(options.keyring === undefined ? {} : { keyring: options.keyring }),
  };
  return {
    records: new KyselyRecordDocumentRepository(repositoryOptions),
    clinicalDocuments: new KyselyClinicalDocumentRepository(repositoryOptions),
  };
}

/**
 * Opens the database a URL names (`sqlite:…`, `postgres://…`), migrates the record tables and returns the
 * repositories. Against a SQLite file or PostgreSQL this is the same data the rest of Kollega uses.
 */
export async function createRecordStorage(
  url: string,
  options: CreateRecordStorageOptions = {},
): Promise<RecordStorage> {
  const database = await createDatabase(url, options.schema === undefined ? {} : { schema: options.schema });
  try {
    const { keyring } = resolveKeyring(url, options.encryption);
    const repositories = await openRecordStorage(database, {
      ...(options.now === undefined ? {} : { now: options.now }),
      ...(options.createId === undefined ? {} : { createId: options.createId }),
      keyring,
    });
    return { ...repositories, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}
