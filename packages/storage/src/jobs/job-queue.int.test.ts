import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { createStorage } from '../create-storage';
import { describeJobQueueContract } from './job-queue-contract';

// Runs only when KOLLEGA_TEST_POSTGRES_URL names a PostgreSQL database we may create schemas in.
// Every test gets a fresh schema; all of them are dropped afterwards.
const postgresUrl = process.env.KOLLEGA_TEST_POSTGRES_URL;
const createdSchemas: string[] = [];

function nextSchema(): string {
  const schema = `kollega_jobs_${randomBytes(6).toString('hex')}`;
  createdSchemas.push(schema);
  return schema;
}

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
  describeJobQueueContract('PostgreSQL', {
    open: (options) => createStorage(postgresUrl ?? '', { ...options, schema: nextSchema() }),
    openTwo: async () => {
      const schema = nextSchema();
      const first = await createStorage(postgresUrl ?? '', { schema });
      return [first, await createStorage(postgresUrl ?? '', { schema })];
    },
  });
});
