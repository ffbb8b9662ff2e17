import { describe } from 'vitest';
import { createStorage } from '../create-storage';
import { describeJobQueueContract } from './job-queue-contract';
import { usePostgresTestSchemas } from '../testing/postgres-test-schemas';

// Runs only when KOLLEGA_TEST_POSTGRES_URL names a PostgreSQL database we may create schemas in.
// Every test gets a fresh schema; all of them are dropped afterwards.
const { postgresUrl, nextSchema } = usePostgresTestSchemas('kollega_jobs');

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
