import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LanguageSchema } from '@kollega/domain';
import type { AppContext } from '../context';
import { parseRequestBody } from '../http/api-schemas';
import type { ApiOperation } from '../http/openapi';
import { DataFlowReportSchema, buildDataFlowReport } from './data-flow-report';
import { EvaluationListSchema, findEvaluationDirectory, listEvaluationRuns } from './evaluation-summaries';
import { buildPrivacyExport, renderPrivacyMarkdown } from './privacy-export';

const DataFlowQuerySchema = z.object({ lang: LanguageSchema.optional() });
const PrivacyQuerySchema = z.object({ format: z.enum(['json', 'markdown']).default('json') });

/** The about routes for the API description (spread into `API_OPERATIONS`). */
export const ABOUT_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/api/about/data-flow',
    summary:
      'Hvor data går: motor per formål, om teksten sendes (avidentifisert) til en annen vert, og policyen «bare lokale modeller» (?lang=nb|en)',
    responses: { '200': { description: 'Dataflyten', schema: DataFlowReportSchema } },
  },
  {
    method: 'get',
    path: '/api/about/evaluations',
    summary:
      'Siste evalueringer (summary.json fra `kollega eval` i KOLLEGA_EVAL_DIR, standard ./eval-results), nyeste først',
    responses: { '200': { description: 'Evalueringene', schema: EvaluationListSchema } },
  },
  {
    method: 'get',
    path: '/api/about/privacy-export',
    summary:
      'Personvernoversikt for ROS/DPIA fra kjørende konfigurasjon: datakategorier, dataflyt, databehandlere, lagringstid, tilgangslogg, kryptering (?format=json|markdown)',
    responses: {
      '200': {
        description: 'Oversikten (JSON, eller Markdown med format=markdown)',
        schema: { type: 'object' },
      },
    },
  },
];

/** GET /api/about/data-flow (where each purpose's data goes), /api/about/evaluations and /api/about/privacy-export. */
export function registerAboutRoutes(app: FastifyInstance, context: AppContext): void {
  app.get('/api/about/data-flow', (request) => {
    const query = parseRequestBody(DataFlowQuerySchema, request.query);
    return buildDataFlowReport(context.models, query.lang ?? 'nb');
  });

  app.get('/api/about/evaluations', async () => ({
    runs: await listEvaluationRuns(findEvaluationDirectory()),
  }));

  app.get('/api/about/privacy-export', async (request, reply) => {
    const query = parseRequestBody(PrivacyQuerySchema, request.query);
    const report = await buildPrivacyExport(context);
    if (query.format === 'markdown') {
      return reply.type('text/markdown; charset=utf-8').send(renderPrivacyMarkdown(report));
    }
    return report;
  });
}
