import { describe } from 'vitest';
import { createStorage } from './create-storage';
import { describeStorageContract } from './storage-contract';
import { usePostgresTestSchemas } from './testing/postgres-test-schemas';

// Runs only when KOLLEGA_TEST_POSTGRES_URL names a PostgreSQL database we may create schemas in.
// Every test gets a fresh schema; all of them are dropped afterwards.
const { postgresUrl, nextSchema } = usePostgresTestSchemas('kollega_test');

describe.skipIf(postgresUrl === undefined)('PostgreSQL', () => {
  describeStorageContract('PostgreSQL', (options) => {
    const schema = nextSchema();
    return createStorage(postgresUrl ?? '', { ...options, schema });
  });
});
