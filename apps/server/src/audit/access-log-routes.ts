import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '@kollega/domain';
import type { AuditEvent } from '@kollega/domain';
import type { AppContext } from '../context';
import type { ApiOperation } from '../http/openapi';
import { requireConsultation } from '../notes/note-service';
import { runAudited } from './audited';

/** One access to a consultation or its note: who, in which role, did what, when. Ids and action names only. */
export const AccessLogEntrySchema = z.object({
  at: z.string(),
  action: z.string(),
  outcome: z.enum(['success', 'failure']),
  /** The user's display name, or the system component (`system`, `anonym`). */
  who: z.string(),
  role: z.string().optional(),
});

/** The access log of one consultation, oldest first. */
export const AccessLogSchema = z.object({
  consultationId: z.string(),
  entries: z.array(AccessLogEntrySchema),
});

/** The access-log route for the API description. */
export const ACCESS_LOG_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/api/consultations/{id}/access-log',
    summary:
      'Tilgangsloggen for en konsultasjon og notatet: hvem (navn og rolle) som leste, endret, godkjente eller eksporterte, og når – svaret på pasientens «hvem har lest journalen min?» (bare lege og administrator)',
    responses: { '200': { description: 'Loggen, eldste først', schema: AccessLogSchema } },
  },
];

/** GET /api/consultations/:id/access-log: who has read or changed a consultation and its note. */
export function registerAccessLogRoutes(app: FastifyInstance, context: AppContext): void {
  app.get<{ Params: { id: string } }>('/api/consultations/:id/access-log', async (request) => {
    const user = context.scope.currentUser();
    // A secretary prepares consultations but does not answer for the record's access log.
    if (user !== undefined && user.role === 'helsesekretær' && !user.administrator) {
      throw new AppError('forbidden', 'Bare lege eller administrator kan se tilgangsloggen', {
        details: { reason: 'role' },
      });
    }
    const consultationId = request.params.id;
    return runAudited(
      context,
      { action: 'access_log.read', entityType: 'consultation', entityId: consultationId },
      async () => {
        await requireConsultation(context, consultationId);
        const note = await context.storage.notes.findByConsultationId(consultationId);
        const events: AuditEvent[] = [
          ...(await context.storage.audit.list({ entityId: consultationId })),
          ...(note === undefined ? [] : await context.storage.audit.list({ entityId: note.id })),
        ].sort((left, right) => left.at.localeCompare(right.at) || left.id.localeCompare(right.id));
        const people = new Map<string, { who: string; role?: string }>();
        const describeActor = async (actor: string): Promise<{ who: string; role?: string }> => {
          const known = people.get(actor);
          if (known !== undefined) return known;
          const userId = actor.startsWith('bruker:') ? actor.slice('bruker:'.length) : undefined;
          const account = userId === undefined ? undefined : await context.storage.auth.findUser(userId);
          const described =
            account === undefined ? { who: actor } : { who: account.displayName, role: account.role };
          people.set(actor, described);
          return described;
        };
        const entries = [];
        for (const event of events) {
          entries.push({
            at: event.at,
            action: event.action,
            outcome: event.outcome,
            ...(await describeActor(event.actor)),
          });
        }
        return { consultationId, entries };
      },
      (result) => ({ details: { entries: result.entries.length } }),
    );
  });
}
