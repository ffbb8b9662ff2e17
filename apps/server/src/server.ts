import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context';
import { registerConsultationRoutes } from './consultations/consultation-routes';
import { registerDecisionSupportRoutes } from './decision-support/decision-support-routes';
import { registerErrorHandler } from './http/error-handler';
import { registerDocsRoutes } from './http/openapi';
import { registerHealthRoutes } from './health/health-routes';
import { registerNoteRoutes } from './notes/note-routes';
import { registerAboutRoutes } from './about/about-routes';
import { registerStatisticsRoutes } from './statistics/statistics-routes';
import { registerPatientRoutes } from './patient/patient-routes';
import { registerAudioRoutes } from './audio/audio-routes';
import { registerRecordRoutes } from './records/record-routes';
import { registerDocumentRoutes } from './documents/document-routes';
import { registerMessageRoutes } from './messages/message-routes';
import { registerJobRoutes } from './jobs/job-routes';
import { registerEvaluationRoutes } from './evaluation/evaluation-routes';
import { registerUserRoutes } from './users/user-routes';
import { registerAccessLogRoutes } from './audit/access-log-routes';
import { registerWebRoutes } from './web/web-routes';
import { registerAuthGuard } from './auth/auth-guard';
import { registerAuthRoutes } from './auth/auth-routes';
import { registerOidcRoutes } from './auth/oidc/oidc-routes';
import { registerSecurityHeaders } from './security/security-headers';
import { registerApiRateLimit } from './security/rate-limit';

/**
 * Builds the Fastify app on a context (not listening; use `inject()` in tests or `listen()`).
 * Logs go through pino with Fastify's request serializers: method, URL (ids only), status, time —
 * never request or response bodies.
 */
export function buildServer(context: AppContext): FastifyInstance {
  const { config } = context;
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            ...(context.logStream === undefined ? {} : { stream: context.logStream }),
          },
    bodyLimit: config.maxUploadBytes,
    routerOptions: { ignoreTrailingSlash: true },
    requestTimeout: config.requestTimeoutMs,
  });

  // JSON only (plus multipart on the upload route): text/plain gets 415. An empty JSON body counts as
  // absent, so `POST …/note` works without `{}`.
  app.removeContentTypeParser(['text/plain', 'application/json']);
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    void parseJson(request, text, done);
  });

  registerSecurityHeaders(app);
  registerApiRateLimit(app, { perMinute: config.rateLimitPerMinute });
  if (config.auth === 'on') registerAuthGuard(app, context);

  registerErrorHandler(app, { maxUploadBytes: config.maxUploadBytes });
  // The API in one plugin, so its routes are added at `ready()` (hooks such as `onRoute` see all of them).
  void app.register((api, _options, done) => {
    registerHealthRoutes(api, context);
    registerAuthRoutes(api, context);
    registerOidcRoutes(api, context);
    registerDocsRoutes(api, context);
    registerConsultationRoutes(api, context);
    registerNoteRoutes(api, context);
    registerDecisionSupportRoutes(api, context);
    registerAboutRoutes(api, context);
    registerStatisticsRoutes(api, context);
    registerPatientRoutes(api, context);
    registerAudioRoutes(api, context);
    registerRecordRoutes(api, context);
    registerDocumentRoutes(api, context);
    registerMessageRoutes(api, context);
    registerJobRoutes(api, context);
    registerEvaluationRoutes(api, context);
    registerUserRoutes(api, context);
    registerAccessLogRoutes(api, context);
    done();
  });
  registerWebRoutes(app, { webRoot: config.webRoot, maxUploadBytes: config.maxUploadBytes });
  return app;
}
