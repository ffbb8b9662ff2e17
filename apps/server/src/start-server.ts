import { AppError } from '@kollega/domain';
import { loadConfig } from './config';
import { createAppContext } from './context';
import { buildServer } from './server';
import { createSetupCode } from './auth/auth-routes';

/** Options for `startServer`; anything left out comes from the environment or the defaults. */
export interface StartServerOptions {
  port?: number;
  host?: string;
  databaseUrl?: string;
  webRoot?: string;
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Sign-in `on` (default) or `off`; KOLLEGA_AUTH otherwise. */
  auth?: 'on' | 'off';
}

/** A running server. */
export interface RunningServer {
  /** `http://host:port`, with the real port when 0 was asked for. */
  url: string;
  /**
   * The one-time first-time-setup code when sign-in is on and no practice exists yet (enter it on /oppsett);
   * `kollega serve` prints it.
   */
  setupCode?: string;
  /** Stops accepting requests, waits for open ones, and closes the database. */
  close(): Promise<void>;
}

/** Loads the configuration, builds the context and the app, and listens. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const config = loadConfig({ overrides: options });
  const context = await createAppContext(config);
  const app = buildServer(context);
  if (config.auth === 'on' && (await context.storage.auth.countPractices()) === 0) {
    context.setup.code = createSetupCode();
  }
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close().catch(() => undefined);
    await context.close();
    const inUse = (error as { code?: unknown }).code === 'EADDRINUSE';
    const reason = inUse ? ': porten er allerede i bruk' : '';
    throw new AppError(
      'unavailable',
      `Kunne ikke starte serveren på ${config.host}:${config.port}${reason}`,
      {
        cause: error,
        details: { host: config.host, port: config.port },
      },
    );
  }
  void context.draftWorkers?.warmUp(); // drafting workers start now, not on the day's first note
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    ...(context.setup.code === undefined ? {} : { setupCode: context.setup.code }),
    close: async () => {
      await app.close();
      await context.close();
    },
  };
}
