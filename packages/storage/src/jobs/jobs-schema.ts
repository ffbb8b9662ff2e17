import type { DatabaseSchema } from '../database/schema';

/** One row of `jobs`; `payload`, `checkpoint`, `result` and `error` are JSON. */
export interface JobTable {
  id: string;
  kind: string;
  practice_id: string | null;
  idempotency_key: string | null;
  payload: string;
  state: string;
  attempts: number;
  max_attempts: number;
  backoff_ms: number;
  run_at: string;
  lease_owner: string | null;
  lease_token: string | null;
  lease_expires_at: string | null;
  checkpoint: string | null;
  result: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** The core tables plus `jobs`, as Kysely sees them. */
export interface JobsDatabaseSchema extends DatabaseSchema {
  jobs: JobTable;
}
