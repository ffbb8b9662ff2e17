import type { AuditSink } from '@kollega/ai';
import type { AuditEvent } from '@kollega/domain';
import type { AuditRepository } from '@kollega/storage';

/**
 * An `AuditSink` that appends the ai layer's `model.call` events to the storage audit log. The event's
 * details are ids, hashes, counts and codes (see `toModelCallAuditEvent`); the repository assigns its own
 * time-ordered id. `record` resolves once the row is written.
 */
export function createStorageAuditSink(audit: Pick<AuditRepository, 'append'>): AuditSink {
  return {
    async record(event: AuditEvent): Promise<void> {
      await audit.append({
        at: event.at,
        actor: event.actor,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        outcome: event.outcome,
        details: event.details,
      });
    },
  };
}
