import { z } from 'zod';

/**
 * One audit event: who did what to which record, and how it went.
 * `details` holds ids, counts and codes only — never patient text.
 */
export const AuditEventSchema = z.object({
  id: z.string().min(1),
  /** ISO 8601 time (UTC). */
  at: z.string(),
  /** The user or system component that acted (`lege:ola.nordmann`, `system`). */
  actor: z.string().min(1),
  /** Verb-first action, e.g. `consultation.create`, `note.approve`, `model.call`. */
  action: z.string().min(1),
  entityType: z.enum(['consultation', 'note', 'document', 'message', 'audio', 'model', 'system']),
  entityId: z.string(),
  outcome: z.enum(['success', 'failure']),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
});
/** One audit event; see `AuditEventSchema`. */
export type AuditEvent = z.infer<typeof AuditEventSchema>;
