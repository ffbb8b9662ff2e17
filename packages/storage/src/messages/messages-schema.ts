import type { DatabaseSchema } from '../database/schema';

/** One row of `patient_messages`; `red_flags` and `reasons` are JSON, `urgency_rank` 0 = akutt. */
export interface PatientMessageTable {
  id: string;
  practice_id: string;
  external_id: string | null;
  sender: string | null;
  message: string;
  received_at: string;
  urgency: string;
  urgency_rank: number;
  category: string;
  red_flags: string;
  reasons: string;
  suggested_reply: string;
  injection_attempt: number;
  rules_version: string;
  status: string;
  assigned_to: string | null;
  handled_by: string | null;
  handled_at: string | null;
  reply: string | null;
  replied_by: string | null;
  replied_at: string | null;
  created_at: string;
  updated_at: string;
}

/** The core tables plus `patient_messages`, as Kysely sees them. */
export interface MessagesDatabaseSchema extends DatabaseSchema {
  patient_messages: PatientMessageTable;
}
