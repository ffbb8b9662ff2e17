import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '@kollega/domain';
import type { AppContext } from '../context';
import { runAudited } from '../audit/audited';
import { parseRequestBody } from '../http/api-schemas';
import type { ApiOperation } from '../http/openapi';
import type { EvaluationRequester, EvaluationServiceOptions } from './evaluation-service';
import { EvaluationService } from './evaluation-service';
import {
  EvaluationDatasetListSchema,
  EvaluationEngineListSchema,
  EvaluationRunListSchema,
  EvaluationRunViewSchema,
  StartEvaluationBodySchema,
} from './evaluation-schemas';

/**
 * The report's Content-Security-Policy: its inline CSS and SVG only; no scripts, no requests, no forms, and a
 * sandbox, so even a dataset that smuggled markup past the escaping could run nothing.
 */
export const REPORT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  'sandbox',
].join('; ');

const services = new WeakMap<AppContext, EvaluationService>();
const pendingOptions = new WeakMap<AppContext, EvaluationServiceOptions>();

/** Sets the evaluation seams (folders, environment) for a context before its first evaluation request; for tests. */
export function provideEvaluationOptions(context: AppContext, options: EvaluationServiceOptions): void {
  if (services.has(context)) throw new Error('the evaluation service of this context exists already');
  pendingOptions.set(context, options);
}

/** The evaluation service of a context, made on first use. */
export function getEvaluationService(context: AppContext, app?: FastifyInstance): EvaluationService {
  let service = services.get(context);
  if (service === undefined) {
    const options = pendingOptions.get(context) ?? {};
    service = new EvaluationService(context, {
      ...options,
      ...(options.log === undefined && app !== undefined ? { log: app.log } : {}),
    });
    services.set(context, service);
  }
  return service;
}

/**
 * Only an admin may evaluate (it reads whole datasets and may send them to the configured models). With sign-in
 * off (a single user on loopback) there are no roles, and the routes are open like every other route.
 */
function requireAdmin(context: AppContext, request: FastifyRequest): void {
  if (context.config.auth === 'off') return;
  const user = request.signedInUser;
  if (user === undefined) throw new AppError('unauthorized', 'Logg inn for å bruke Kollega');
  if (!user.administrator) {
    throw new AppError('forbidden', 'Bare en administrator kan kjøre evalueringer', {
      details: { reason: 'role' },
    });
  }
}

function describeRequester(request: FastifyRequest): EvaluationRequester {
  const user = request.signedInUser;
  return user === undefined
    ? { actor: 'anonym' }
    : { practiceId: user.practiceId, actor: `bruker:${user.id}` };
}

const RunIdParametersSchema = z.object({ id: z.string().min(1).max(100) });

const runView = { description: 'Kjøringen', schema: EvaluationRunViewSchema };

/** The evaluation routes for the API description. */
export const EVALUATION_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/api/evaluation/datasets',
    summary:
      'Datasettene serveren kan evaluere (JSONL-filer i KOLLEGA_EVAL_DATASETS_DIR, standard de delte utviklingsdataene); bare administrator',
    responses: { '200': { description: 'Datasettene', schema: EvaluationDatasetListSchema } },
  },
  {
    method: 'get',
    path: '/api/evaluation/engines',
    summary:
      'Motorene som kan evalueres: den innebygde og de oppsatte språkmodellene, og notatmalene; bare administrator',
    responses: { '200': { description: 'Motorene', schema: EvaluationEngineListSchema } },
  },
  {
    method: 'post',
    path: '/api/evaluation/runs',
    summary:
      'Start en evaluering i bakgrunnen (datasett-id, motorer, valgfritt antall tilfeller, mal og språk); én om gangen (409); bare administrator',
    requestBody: { contentType: 'application/json', schema: StartEvaluationBodySchema, required: true },
    responses: { '202': runView },
  },
  {
    method: 'get',
    path: '/api/evaluation/runs',
    summary:
      'Evalueringene, nyeste først (høyst 50): status, framdrift per motor og sammendrag; bare administrator',
    responses: { '200': { description: 'Kjøringene', schema: EvaluationRunListSchema } },
  },
  {
    method: 'get',
    path: '/api/evaluation/runs/{id}',
    summary:
      'Én evaluering: status, framdrift per motor, sammendrag når den er ferdig, feil; bare administrator',
    responses: { '200': runView },
  },
  {
    method: 'get',
    path: '/api/evaluation/runs/{id}/report',
    summary:
      'Evalueringens HTML-rapport med motorene side om side (egen CSP: ingen skript); bare administrator',
    responses: { '200': { description: 'Rapporten', contentType: 'text/html', schema: { type: 'string' } } },
  },
  {
    method: 'post',
    path: '/api/evaluation/runs/{id}/cancel',
    summary:
      'Avbryt en evaluering etter tilfellet som kjører; resultatene så langt beholdes; bare administrator',
    responses: { '202': runView },
  },
  {
    method: 'post',
    path: '/api/evaluation/runs/{id}/resume',
    summary:
      'Fortsett en avbrutt, stoppet eller feilet evaluering (ferdige tilfeller hoppes over, feilede prøves igjen); bare administrator',
    responses: { '202': runView },
  },
];

/** GET/POST /api/evaluation/…: datasets, engines, runs, progress, report, cancel and resume (admins only). */
export function registerEvaluationRoutes(app: FastifyInstance, context: AppContext): void {
  const service = () => getEvaluationService(context, app);
  const onRequest = (request: FastifyRequest, _reply: unknown, done: (error?: Error) => void): void => {
    try {
      requireAdmin(context, request);
      done();
    } catch (error) {
      done(error as Error);
    }
  };
  app.addHook('onClose', async () => {
    await services.get(context)?.close();
  });

  app.get('/api/evaluation/datasets', { onRequest }, async () => {
    const evaluation = service();
    return {
      configured: evaluation.config.datasetsDirectory !== undefined,
      datasets: await evaluation.listDatasets(),
    };
  });

  app.get('/api/evaluation/engines', { onRequest }, () => service().listEngines());

  app.post('/api/evaluation/runs', { onRequest }, async (request, reply) => {
    const body = parseRequestBody(StartEvaluationBodySchema, request.body);
    const run = await runAudited(
      context,
      {
        action: 'evaluation.start',
        entityType: 'system',
        entityId: '',
        details: { engines: body.engines.length, limit: body.limit ?? null },
      },
      () => service().startRun(body, describeRequester(request)),
      (started) => ({ entityId: started.id, details: { cases: started.dataset.cases } }),
    );
    return reply.status(202).send(run);
  });

  app.get('/api/evaluation/runs', { onRequest }, async (request) => ({
    runs: await service().listRuns(describeRequester(request)),
  }));

  app.get('/api/evaluation/runs/:id', { onRequest }, async (request) => {
    const { id } = parseRequestBody(RunIdParametersSchema, request.params);
    return service().getRun(id, describeRequester(request));
  });

  app.get(
    '/api/evaluation/runs/:id/report',
    {
      onRequest,
      // Route-level onSend runs after the app's security headers, so this policy replaces the web app's.
      onSend: async (_request, reply, payload) => {
        reply.header('content-security-policy', REPORT_CONTENT_SECURITY_POLICY);
        return payload;
      },
    },
    async (request, reply) => {
      const { id } = parseRequestBody(RunIdParametersSchema, request.params);
      const report = await service().readReport(id, describeRequester(request));
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(report);
    },
  );

  app.post('/api/evaluation/runs/:id/cancel', { onRequest }, async (request, reply) => {
    const { id } = parseRequestBody(RunIdParametersSchema, request.params);
    const run = await runAudited(
      context,
      { action: 'evaluation.cancel', entityType: 'system', entityId: id },
      () => service().cancelRun(id, describeRequester(request)),
    );
    return reply.status(202).send(run);
  });

  app.post('/api/evaluation/runs/:id/resume', { onRequest }, async (request, reply) => {
    const { id } = parseRequestBody(RunIdParametersSchema, request.params);
    const run = await runAudited(
      context,
      { action: 'evaluation.resume', entityType: 'system', entityId: id },
      () => service().resumeRun(id, describeRequester(request)),
    );
    return reply.status(202).send(run);
  });
}
