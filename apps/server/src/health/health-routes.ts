import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';

/** GET /api/health: database reachable, which database and engine, server version. */
export function registerHealthRoutes(app: FastifyInstance, context: AppContext): void {
  app.get('/api/health', async () => {
    await context.storage.checkHealth();
    return {
      status: 'ok' as const,
      database: context.storage.dialect,
      // The engine that drafts notes now: a configured, allowed model, else the built-in engine.
      engine:
        context.models.noteDrafting === undefined
          ? context.engine.name
          : context.models.engineFor('note-drafting'),
      version: context.version,
    };
  });
}
