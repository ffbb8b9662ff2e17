import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, sql } from 'kysely';
import type { DatabaseConnection, Driver, SqliteDialectConfig } from 'kysely';
import pg from 'pg';
import { AppError } from '@kollega/domain';
import type { DatabaseSchema } from './schema';

/** Which database a URL selected. */
export type DatabaseDialect = 'sqlite' | 'postgres';

/** An open database: the Kysely instance, its dialect, and how to close it. */
export interface Database {
  db: Kysely<DatabaseSchema>;
  dialect: DatabaseDialect;
  /** PostgreSQL schema the tables live in, when one was chosen. */
  schema?: string;
  close(): Promise<void>;
}

/** Options for `createDatabase`. */
export interface CreateDatabaseOptions {
  /** PostgreSQL only: put every table in this schema (created if missing). Used to isolate test runs. */
  schema?: string;
}

/** A parsed database URL. */
export type DatabaseLocation =
  { dialect: 'sqlite'; filename: string } | { dialect: 'postgres'; connectionString: string };

/**
 * Reads `sqlite:./data/kollega.db`, `sqlite:/abs/path.db`, `sqlite::memory:` or `postgres://…`
 * (`postgresql://…`). Relative SQLite paths resolve from the working directory.
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  const trimmed = url.trim();
  if (trimmed.startsWith('sqlite:')) {
    const path = trimmed.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === ':memory:') return { dialect: 'sqlite', filename: ':memory:' };
    if (path === '')
      throw new AppError('invalid_input', 'SQLite-URL mangler filsti (f.eks. sqlite:./data/kollega.db)');
    return { dialect: 'sqlite', filename: resolve(path) };
  }
  if (/^postgres(?:ql)?:\/\//.test(trimmed)) return { dialect: 'postgres', connectionString: trimmed };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1] ?? '';
  // Name only the scheme: the rest of a URL may hold a password.
  throw new AppError(
    'invalid_input',
    `Ukjent database-URL${scheme === '' ? '' : ` («${scheme}:»)`}; bruk sqlite: eller postgres://`,
    {
      details: { scheme },
    },
  );
}

/**
 * SQLite transactions start with `BEGIN IMMEDIATE`: the write lock is taken up front, so a transaction that reads
 * and then writes waits (busy_timeout) for another process's writer instead of failing with SQLITE_BUSY when
 * its read snapshot went stale. Several server processes can then share one SQLite file safely.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly sqliteConfig: SqliteDialectConfig) {
    super(sqliteConfig);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqliteConfig);
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function openSqlite(filename: string): Database {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const connection = new SQLite(filename);
  if (filename !== ':memory:') connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 15000');
  const db = new Kysely<DatabaseSchema>({ dialect: new ImmediateSqliteDialect({ database: connection }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

async function openPostgres(connectionString: string, schema: string | undefined): Promise<Database> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new AppError('invalid_input', 'Ugyldig navn på databaseskjema', { details: { field: 'schema' } });
  }
  if (schema !== undefined) {
    // Create the schema on a short-lived connection before the pool pins `search_path` to it.
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query(`create schema if not exists "${schema}"`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', ...(schema === undefined ? {} : { schema }), close: () => db.destroy() };
}

/**
 * Opens the database a URL names: SQLite through better-sqlite3 (parent folder created, WAL mode,
 * foreign keys on) or PostgreSQL through a `pg` pool. Does not migrate; see `createStorage`.
 */
export async function createDatabase(url: string, options: CreateDatabaseOptions = {}): Promise<Database> {
  const location = parseDatabaseUrl(url);
  switch (location.dialect) {
    case 'sqlite':
      return openSqlite(location.filename);
    case 'postgres':
      return openPostgres(location.connectionString, options.schema);
  }
}

/** Runs `select 1`; throws `unavailable` when the database does not answer. */
export async function checkDatabase(database: Database): Promise<void> {
  try {
    await sql`select 1`.execute(database.db);
  } catch (error) {
    throw new AppError('unavailable', 'Databasen svarer ikke', { cause: error });
  }
}
