import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { createStorage } from './create-storage';
import { describeStorageContract } from './storage-contract';

// Runs only when KOLLEGA_TEST_POSTGRES_URL names a PostgreSQL database we may create schemas in.
// Every test gets a fresh schema; all of them are dropped afterwards.
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

describe.skipIf(postgresUrl === undefined)('PostgreSQL', () => {
  describeStorageContract('PostgreSQL', (options) => {
    const schema = `kollega_test_${randomBytes(6).toString('hex')}`;
    createdSchemas.push(schema);
    return createStorage(postgresUrl ?? '', { ...options, schema });
  });
});
