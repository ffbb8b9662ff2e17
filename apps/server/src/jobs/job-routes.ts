import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Job } from '@kollega/storage';
import type { AppContext } from '../context';
import { runAudited } from '../audit/audited';
import { DraftNoteBodySchema, parseRequestBody } from '../http/api-schemas';
import type { JobServiceOptions } from './job-service';
import { JobService } from './job-service';

const services = new WeakMap<AppContext, JobService>();
const pendingOptions = new WeakMap<AppContext, JobServiceOptions>();

/** Sets the job seams (settings, environment) for a context before its server is built; for tests. */
export function provideJobOptions(context: AppContext, options: JobServiceOptions): void {
  pendingOptions.set(context, options);
}

/** The job service of a context (made when its routes are registered). */
export function getJobService(context: AppContext): JobService {
  let service = services.get(context);
  if (service === undefined) {
    service = new JobService(context, pendingOptions.get(context) ?? {});
    services.set(context, service);
  }
  return service;
}

/** A job as the API shows it: no payload beyond the consultation id, no lease details. */
export const JobViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(['queued', 'running', 'succeeded', 'dead_letter']),
  consultationId: z.string().optional(),
  attempts: z.number(),
  maxAttempts: z.number(),
  result: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().optional(),
});
/** A job as the API returns it. */
export type JobView = z.infer<typeof JobViewSchema>;

/** The API view of a stored job. */
export function toJobView(job: Job): JobView {
  const payload = job.payload as { consultationId?: unknown } | null;
  const consultationId = typeof payload?.consultationId === 'string' ? payload.consultationId : undefined;
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    ...(consultationId === undefined ? {} : { consultationId }),
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    ...(job.result === undefined ? {} : { result: job.result }),
    ...(job.error === undefined ? {} : { error: job.error }),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    ...(job.finishedAt === undefined ? {} : { finishedAt: job.finishedAt }),
  };
}

/** The shape of `ApiOperation` (http/openapi.ts), repeated here so this module does not import its importer. */
interface JobOperation {
  method: 'get' | 'post';
  path: string;
  summary: string;
  requestBody?: { contentType: string; schema: z.ZodType; required: boolean };
  responses: Record<string, { description: string; schema?: z.ZodType }>;
}

/** The job routes for the API description (spread into `API_OPERATIONS`). */
export const JOB_OPERATIONS: readonly JobOperation[] = [
  {
    method: 'post',
    path: '/api/consultations/{id}/draft-jobs',
    summary:
      'Skriv notatet i bakgrunnen (202 med jobb-id); samme Idempotency-Key-header igjen gir samme jobb',
    requestBody: { contentType: 'application/json', schema: DraftNoteBodySchema, required: false },
    responses: { '202': { description: 'Jobben', schema: JobViewSchema } },
  },
  {
    method: 'get',
    path: '/api/jobs/{id}',
    summary:
      'Status for en bakgrunnsjobb (bare egen praksis): i kø, kjører, ferdig med resultat, eller feilet',
    responses: { '200': { description: 'Jobben', schema: JobViewSchema } },
  },
];

/**
 * Job routes: enqueue drafting of a note (202 + job), read a job's status. The worker starts when the server
 * is ready and stops gracefully when it closes (running jobs finish or are released for another process).
 */
export function registerJobRoutes(app: FastifyInstance, context: AppContext): void {
  pendingOptions.set(context, {
    log: (message, details) => app.log.warn(details, message),
    ...pendingOptions.get(context),
  });
  const service = getJobService(context);
  app.addHook('onReady', (done) => {
    service.start();
    done();
  });
  app.addHook('onClose', async () => {
    await service.close();
  });

  app.post<{ Params: { id: string } }>('/api/consultations/:id/draft-jobs', async (request, reply) => {
    const body = parseRequestBody(DraftNoteBodySchema, request.body);
    const header = request.headers['idempotency-key'];
    const idempotencyKey = Array.isArray(header) ? header[0] : header;
    const { job } = await runAudited(
      context,
      {
        action: 'note.draft_enqueue',
        entityType: 'note',
        entityId: '',
        details: { consultationId: request.params.id },
      },
      () =>
        service.enqueueDraft(request.params.id, {
          ...body,
          ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
        }),
      (result) => ({ details: { jobId: result.job.id, created: result.created } }),
    );
    return reply.status(202).header('location', `/api/jobs/${job.id}`).send(toJobView(job));
  });

  app.get<{ Params: { id: string } }>('/api/jobs/:id', async (request) =>
    toJobView(await service.requireJob(request.params.id)),
  );
}
