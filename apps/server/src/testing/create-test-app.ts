import type { FastifyInstance } from 'fastify';
import type { ConfigOverrides } from '../config';
import { loadConfig } from '../config';
import type { AppContext, AppContextOptions } from '../context';
import { createAppContext } from '../context';
import { buildServer } from '../server';

/** An app on a fresh in-memory SQLite database, for `inject()` tests. */
export interface TestApp {
  app: FastifyInstance;
  context: AppContext;
  close(): Promise<void>;
}

/** Builds a test app: in-memory SQLite, logging off, no web build unless `webRoot` is given. */
export async function createTestApp(
  options: { config?: ConfigOverrides; context?: AppContextOptions } = {},
): Promise<TestApp> {
  const config = loadConfig({
    env: {},
    overrides: {
      databaseUrl: 'sqlite::memory:',
      logLevel: 'silent',
      webRoot: '/nonexistent-kollega-web',
      // Route tests of single features opt out of sign-in explicitly; auth tests use createSignedInTestApp.
      auth: 'off',
      rateLimitPerMinute: 1_000_000, // route tests fire hundreds of requests a second as one user
      draftWorkers: 0, // drafting in-process: no worker threads per test app
      ...options.config,
    },
  });
  const context = await createAppContext(config, options.context);
  const app = buildServer(context);
  await app.ready();
  return {
    app,
    context,
    close: async () => {
      await app.close();
      await context.close();
    },
  };
}

/** A multipart/form-data body with one file part (and optional text fields before it). */
export function buildMultipartBody(input: {
  fieldName?: string;
  filename: string;
  content: Buffer | string;
  fields?: Record<string, string>;
}): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----kollega${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(input.fields ?? {})) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${input.fieldName ?? 'file'}"; filename="${input.filename}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    typeof input.content === 'string' ? Buffer.from(input.content) : input.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
