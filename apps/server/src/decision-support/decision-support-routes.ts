import type { FastifyInstance } from 'fastify';
import { NoteRecordSchema } from '@kollega/domain';
import type { AppContext } from '../context';
import { runAudited } from '../audit/audited';
import { parseRequestBody } from '../http/api-schemas';
import type { ApiOperation } from '../http/openapi';
import {
  ChooseCodesBodySchema,
  ConsultationDecisionSupportSchema,
  DecisionBodySchema,
  DecisionSchema,
  PrescribingMirrorSchema,
  PrescribingQuerySchema,
} from './decision-support-schemas';
import {
  chooseNoteCodes,
  computePrescribingMirror,
  getConsultationDecisionSupport,
  recordDecision,
} from './decision-support-service';
import { resolvePeriod } from './prescribing-statistics';

type ConsultationParams = { Params: { id: string } };
type NoteParams = { Params: { noteId: string } };

const json = (schema: ApiOperation['responses'][string]['schema']) => ({
  contentType: 'application/json',
  schema: schema ?? {},
  required: true,
});

/** The decision-support routes for the API description (spread into `API_OPERATIONS`). */
export const DECISION_SUPPORT_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/api/consultations/{id}/decision-support',
    summary:
      'Beslutningsstøtte: antibiotikaanbefaling etter nasjonal retningslinje (kilde, mangler, planvurdering, råd), ICPC-2-forslag med kilder',
    responses: { '200': { description: 'Beslutningsstøtten', schema: ConsultationDecisionSupportSchema } },
  },
  {
    method: 'post',
    path: '/api/consultations/{id}/decision-support/decisions',
    summary: 'Registrer at legen tok anbefalingen inn i planen, eller hvorfor ikke (lagres og logges)',
    requestBody: json(DecisionBodySchema),
    responses: { '201': { description: 'Beslutningen', schema: DecisionSchema } },
  },
  {
    method: 'put',
    path: '/api/notes/{noteId}/codes',
    summary: 'Velg ICPC-2-koder for notatet (versjonen må stemme; tom liste fjerner dem)',
    requestBody: json(ChooseCodesBodySchema),
    responses: { '200': { description: 'Notatet med kodene', schema: NoteRecordSchema } },
  },
  {
    method: 'get',
    path: '/api/statistics/prescribing',
    summary:
      'Forskrivningsspeil: luftveisinfeksjoner, andel med antibiotika, andel fenoksymetylpenicillin og avvik per måned, per lege og for praksisen (?from=ÅÅÅÅ-MM-DD&to=ÅÅÅÅ-MM-DD)',
    responses: { '200': { description: 'Speilet', schema: PrescribingMirrorSchema } },
  },
];

/** Decision support: the card beside the note, the doctor's decisions and codes, and the prescribing mirror. */
export function registerDecisionSupportRoutes(app: FastifyInstance, context: AppContext): void {
  app.get<ConsultationParams>('/api/consultations/:id/decision-support', async (request) =>
    runAudited(
      context,
      { action: 'decision_support.read', entityType: 'consultation', entityId: request.params.id },
      () => getConsultationDecisionSupport(context, request.params.id),
      (result) => ({
        details: {
          codes: result.codes.length,
          condition: result.decisionSupport.antibiotics?.condition.id ?? null,
        },
      }),
    ),
  );

  app.post<ConsultationParams>(
    '/api/consultations/:id/decision-support/decisions',
    async (request, reply) => {
      const body = parseRequestBody(DecisionBodySchema, request.body);
      const decision = await runAudited(
        context,
        {
          action: 'decision_support.decide',
          entityType: 'consultation',
          entityId: request.params.id,
          actor: body.by,
          details: { decision: body.action, withReason: body.reason !== undefined && body.reason !== '' },
        },
        () => recordDecision(context, request.params.id, body),
        (result) => ({
          details: {
            decisionId: result.id,
            rule: result.rule,
            recommendationKind: result.recommendationKind,
            deviations: result.deviationCodes.join(','),
          },
        }),
      );
      return reply.status(201).send(decision);
    },
  );

  app.put<NoteParams>('/api/notes/:noteId/codes', async (request) => {
    const body = parseRequestBody(ChooseCodesBodySchema, request.body);
    return runAudited(
      context,
      {
        action: 'note.choose_codes',
        entityType: 'note',
        entityId: request.params.noteId,
        ...(body.by === undefined ? {} : { actor: body.by }),
        details: { version: body.version, count: body.codes.length },
      },
      () => chooseNoteCodes(context, request.params.noteId, body),
    );
  });

  app.get('/api/statistics/prescribing', async (request) => {
    const query = parseRequestBody(PrescribingQuerySchema, request.query);
    const period = resolvePeriod(query, context.now());
    return runAudited(
      context,
      {
        action: 'statistics.prescribing',
        entityType: 'system',
        entityId: 'prescribing-mirror',
        details: { from: period.from, to: period.to },
      },
      () => computePrescribingMirror(context, period),
      (result) => ({
        details: { approvedNotes: result.practice.approvedNotes, doctors: result.doctors.length },
      }),
    );
  });
}
