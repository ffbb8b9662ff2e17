import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { REVIEW_EVENT_TYPES } from '@kollega/storage';
import type { AppContext } from '../context';
import { runAudited } from '../audit/audited';
import { parseRequestBody } from '../http/api-schemas';
import type { ApiOperation } from '../http/openapi';
import { requireNote } from '../notes/note-service';
import { collectReviewFacts } from './review-facts';
import { ReviewStatisticsSchema, computeReviewStatistics } from './review-statistics';

const DATE_OR_TIME = z
  .string()
  .trim()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'en dato (ÅÅÅÅ-MM-DD) eller et ISO 8601-tidspunkt');

/** Query of GET /api/statistics/review. */
export const ReviewStatisticsQuerySchema = z.object({
  from: DATE_OR_TIME.optional(),
  to: DATE_OR_TIME.optional(),
  groupBy: z.literal('week').default('week'),
});

/** Body of POST /api/notes/:noteId/review-events: ids only, never text. */
export const ReviewEventBodySchema = z.object({
  type: z.enum(REVIEW_EVENT_TYPES),
  statementId: z.string().trim().min(1).max(100).optional(),
  by: z.string().trim().min(1).max(100).optional(),
});

/** A stored review event. */
export const ReviewEventSchema = z.object({
  id: z.string(),
  noteId: z.string(),
  type: z.enum(REVIEW_EVENT_TYPES),
  statementId: z.string().optional(),
  actor: z.string(),
  at: z.string(),
});

/** The statistics routes for the API description. */
export const STATISTICS_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/api/statistics/review',
    summary:
      'Gjennomgangsstatistikk per lege og praksis (?from&to&groupBy=week): tid til godkjenning, endringsandel, flagg og hvordan de ble løst, godkjent uten å åpne flaggenes grunnlag. Bare id-er, ingen tekst',
    responses: { '200': { description: 'Statistikken', schema: ReviewStatisticsSchema } },
  },
  {
    method: 'post',
    path: '/api/notes/{noteId}/review-events',
    summary:
      'Registrer en gjennomgangshendelse (evidence_opened, flag_viewed, consultation_ended) med setnings-id',
    requestBody: { contentType: 'application/json', schema: ReviewEventBodySchema, required: true },
    responses: { '201': { description: 'Hendelsen', schema: ReviewEventSchema } },
  },
];

/** GET /api/statistics/review and POST /api/notes/:noteId/review-events. */
export function registerStatisticsRoutes(app: FastifyInstance, context: AppContext): void {
  app.get('/api/statistics/review', async (request) => {
    const query = parseRequestBody(ReviewStatisticsQuerySchema, request.query);
    const range = {
      ...(query.from === undefined ? {} : { from: query.from }),
      ...(query.to === undefined ? {} : { to: query.to }),
    };
    return runAudited(
      context,
      { action: 'statistics.review', entityType: 'note', entityId: '' },
      async () => computeReviewStatistics(await collectReviewFacts(context, range), range),
      (result) => ({ details: { notes: result.practice.notesApproved } }),
    );
  });

  app.post<{ Params: { noteId: string } }>('/api/notes/:noteId/review-events', async (request, reply) => {
    const body = parseRequestBody(ReviewEventBodySchema, request.body);
    await requireNote(context, request.params.noteId);
    const event = await context.storage.reviewEvents.append({
      noteId: request.params.noteId,
      type: body.type,
      ...(body.statementId === undefined ? {} : { statementId: body.statementId }),
      actor: body.by ?? 'anonym',
    });
    return reply.status(201).send(event);
  });
}
