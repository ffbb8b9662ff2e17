import type { AuditEvent } from '@kollega/domain';
import { AuditEventSchema } from '@kollega/domain';
import type { RepositoryOptions } from '../database/repository-options';
import type { AuditEventTable } from '../database/schema';
import type { AuditFilter, AuditRepository, NewAuditEvent } from '../repositories';

function readEvent(row: AuditEventTable): AuditEvent {
  return AuditEventSchema.parse({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    outcome: row.outcome,
    details: JSON.parse(row.details) as unknown,
  });
}

/** `AuditRepository` on Kysely: append-only rows ordered by time, then by time-ordered id. */
export class KyselyAuditRepository implements AuditRepository {
  constructor(private readonly options: RepositoryOptions) {}

  async append(input: NewAuditEvent): Promise<AuditEvent> {
    const event = AuditEventSchema.parse({
      ...input,
      id: this.options.createId(),
      at: input.at ?? this.options.now().toISOString(),
      details: input.details ?? {},
    });
    await this.options.db
      .insertInto('audit_events')
      .values({
        id: event.id,
        at: event.at,
        actor: event.actor,
        action: event.action,
        entity_type: event.entityType,
        entity_id: event.entityId,
        outcome: event.outcome,
        details: JSON.stringify(event.details),
      })
      .execute();
    return event;
  }

  async list(filter: AuditFilter = {}): Promise<AuditEvent[]> {
    let query = this.options.db.selectFrom('audit_events').selectAll();
    if (filter.entityType !== undefined) query = query.where('entity_type', '=', filter.entityType);
    if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    const rows = await query
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.max(1, Math.min(filter.limit ?? 1000, 10_000)))
      .execute();
    return rows.reverse().map(readEvent);
  }
}
