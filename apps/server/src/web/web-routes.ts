import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '@kollega/domain';
import { toErrorResponse } from '../http/error-handler';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><title>Kollega</title></head>
<body>
<h1>Kollega</h1>
<p>Nettappen er ikke bygget ennå. Kjør <code>npm run build</code> og start serveren på nytt.</p>
<p>API-et kjører: se <a href="/api/health">/api/health</a> og <a href="/api/docs">/api/docs</a>.</p>
</body>
</html>
`;

/**
 * Serves the built web app from `webRoot`, with every other non-API GET answered by index.html (the app
 * routes in the browser). Without a build, those GETs get a short page saying to run `npm run build`.
 * Unknown API paths and other methods get a JSON 404.
 */
export function registerWebRoutes(
  app: FastifyInstance,
  options: { webRoot: string; maxUploadBytes: number },
): void {
  const hasBuild = existsSync(join(options.webRoot, 'index.html'));
  if (hasBuild) {
    void app.register(fastifyStatic, {
      root: options.webRoot,
      prefix: '/',
      wildcard: true,
      index: 'index.html',
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') && path !== '/api' && !path.startsWith('/api/');
    if (!isPage) {
      const { status, body } = toErrorResponse(
        new AppError('not_found', 'Ukjent adresse', { details: { method: request.method } }),
        options,
      );
      return reply.status(status).send(body);
    }
    reply.status(200).header('cache-control', 'no-cache');
    if (hasBuild) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
  });
}
