import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';

/** The PostgreSQL server the storage tests may create schemas in, and a fresh schema name per call. */
export interface PostgresTestSchemas {
  /** KOLLEGA_TEST_POSTGRES_URL, or undefined: PostgreSQL tests are then skipped. */
  postgresUrl: string | undefined;
  /** A new schema name `<prefix>_<random hex>`, dropped (cascade) after the file's tests. */
  nextSchema: () => string;
}

/**
 * For a test file that runs against PostgreSQL when KOLLEGA_TEST_POSTGRES_URL is set: every test gets its own
 * schema, and all of them are dropped in the file's `afterAll`. Call at the top level of the test file.
 */
export function usePostgresTestSchemas(prefix: string): PostgresTestSchemas {
  const postgresUrl = process.env.KOLLEGA_TEST_POSTGRES_URL;
  const createdSchemas: string[] = [];
  afterAll(async () => {
    if (postgresUrl === undefined || createdSchemas.length === 0) return;
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      for (const schema of createdSchemas) await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
  });
  return {
    postgresUrl,
    nextSchema: () => {
      const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
      createdSchemas.push(schema);
      return schema;
    },
  };
}
