import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LanguageSchema } from '@kollega/domain';
import type { AppContext } from '../context';
import { parseRequestBody } from '../http/api-schemas';
import type { ApiOperation } from '../http/openapi';
import { DataFlowReportSchema, buildDataFlowReport } from './data-flow-report';

const DataFlowQuerySchema = z.object({ lang: LanguageSchema.optional() });

/** The about routes for the API description (spread into `API_OPERATIONS`). */
export const ABOUT_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/api/about/data-flow',
    summary:
      'Hvor data går: motor per formål, om teksten sendes (avidentifisert) til en annen vert, og policyen «bare lokale modeller» (?lang=nb|en)',
    responses: { '200': { description: 'Dataflyten', schema: DataFlowReportSchema } },
  },
];

/** GET /api/about/data-flow: where each purpose's data goes, for the UI's data-flow badge and settings. */
export function registerAboutRoutes(app: FastifyInstance, context: AppContext): void {
  app.get('/api/about/data-flow', (request) => {
    const query = parseRequestBody(DataFlowQuerySchema, request.query);
    return buildDataFlowReport(context.models, query.lang ?? 'nb');
  });
}
