import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { APP_ERROR_CODES, AppError } from '@kollega/domain';
import { loadConfig } from './config';
import { createAppContext } from './context';
import { buildServer } from './server';
import { HTTP_STATUS_BY_ERROR_CODE } from './http/error-mapping';
import { toErrorResponse } from './http/error-handler';
import { API_OPERATIONS } from './http/openapi';
import { startServer } from './start-server';
import type { TestApp } from './testing/create-test-app';
import { createTestApp } from './testing/create-test-app';

const temporaryFolder = mkdtempSync(join(tmpdir(), 'kollega-server-'));
afterAll(() => rmSync(temporaryFolder, { recursive: true, force: true }));

let testApp: TestApp | undefined;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

describe('GET /api/health', () => {
  it('reports ok, the database, the engine and the version', async () => {
    testApp = await createTestApp();
    const response = await testApp.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: 'sqlite',
      engine: 'builtin',
      version: '0.1.0',
    });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers 503 unavailable when the database is gone', async () => {
    testApp = await createTestApp();
    await testApp.context.storage.close();
    const response = await testApp.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('unavailable');
    testApp = undefined;
  });
});

describe('OpenAPI document', () => {
  it('documents exactly the API routes the server registers, at both addresses', async () => {
    const context = await createAppContext(
      loadConfig({ env: {}, overrides: { databaseUrl: 'sqlite::memory:', logLevel: 'silent' } }),
    );
    const app = buildServer(context);
    const registered: string[] = [];
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        if (route.url.startsWith('/api') && method !== 'HEAD') registered.push(`${method} ${route.url}`);
      }
    });
    await app.ready();
    testApp = {
      app,
      context,
      close: async () => {
        await app.close();
        await context.close();
      },
    };
    const documented = API_OPERATIONS.map(
      (operation) => `${operation.method.toUpperCase()} ${operation.path.replace(/\{(\w+)\}/g, ':$1')}`,
    );
    expect([...registered].sort()).toEqual([...documented].sort());

    const docs = await app.inject({ method: 'GET', url: '/api/docs' });
    const json = await app.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    expect(docs.statusCode).toBe(200);
    expect(json.json()).toEqual(docs.json());
    const document = docs.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths as object)).toContain('/api/notes/{noteId}/approve');
    const approve = document.paths['/api/notes/{noteId}/approve'].post;
    expect(approve.parameters).toEqual([
      { name: 'noteId', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    expect(approve.requestBody.content['application/json'].schema.required).toEqual([
      'approvedBy',
      'version',
    ]);
    expect(approve.responses.default.content['application/json'].schema.properties.error).toBeDefined();
    expect(JSON.stringify(document)).not.toContain('$schema');
  });
});

describe('web app', () => {
  it('serves the build with SPA fallback, and JSON 404 for unknown API paths', async () => {
    const webRoot = join(temporaryFolder, 'dist');
    mkdirSync(join(webRoot, 'assets'), { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    testApp = await createTestApp({ config: { webRoot } });
    const index = await testApp.app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('id="root"');
    const asset = await testApp.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.body).toBe('console.log(1)');
    const deepLink = await testApp.app.inject({ method: 'GET', url: '/konsultasjoner/abc?tab=notat' });
    expect(deepLink.statusCode).toBe(200);
    expect(deepLink.headers['content-type']).toContain('text/html');
    expect(deepLink.body).toContain('id="root"');
    const api = await testApp.app.inject({ method: 'GET', url: '/api/finnes-ikke' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not_found');
    const post = await testApp.app.inject({ method: 'POST', url: '/konsultasjoner', payload: {} });
    expect(post.statusCode).toBe(404);
  });

  it('says to run npm run build when there is no build', async () => {
    testApp = await createTestApp({ config: { webRoot: join(temporaryFolder, 'mangler') } });
    const response = await testApp.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('npm run build');
  });
});

describe('errors', () => {
  it('maps every AppError code to a 4xx or 5xx status', () => {
    for (const code of APP_ERROR_CODES) {
      expect(HTTP_STATUS_BY_ERROR_CODE[code]).toBeGreaterThanOrEqual(400);
      expect(HTTP_STATUS_BY_ERROR_CODE[code]).toBeLessThan(600);
    }
  });

  it('hides the message of unexpected errors', () => {
    const { status, body } = toErrorResponse(new Error('SQLITE: value "Ola Nordmann" failed'), {
      maxUploadBytes: 1,
    });
    expect(status).toBe(500);
    expect(body).toEqual({ error: { code: 'internal', message: 'Uventet feil', details: {} } });
  });

  it('keeps AppError codes, messages and details', () => {
    const { status, body } = toErrorResponse(
      new AppError('approval_blocked', 'Blokkert', { details: { count: 2 } }),
      {
        maxUploadBytes: 1,
      },
    );
    expect(status).toBe(409);
    expect(body.error).toEqual({ code: 'approval_blocked', message: 'Blokkert', details: { count: 2 } });
  });
});

describe('logging', () => {
  it('logs requests and errors without patient text', async () => {
    const lines: string[] = [];
    const secret = 'Pasienthemmelighet-9921';
    testApp = await createTestApp({
      config: { logLevel: 'info' },
      context: { logStream: { write: (line: string) => void lines.push(line) } },
    });
    const created = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations',
      payload: { transcript: [{ speaker: 'pasient', text: `Jeg har ${secret} og vondt.` }] },
    });
    await testApp.app.inject({ method: 'GET', url: `/api/consultations/${created.json().id}` });
    await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations',
      payload: { transcript: [{ speaker: 'ukjent-rolle-x', text: secret }] },
    });
    await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations',
      headers: { 'content-type': 'application/json' },
      payload: `{"transcript": "${secret}`,
    });
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.join('')).not.toContain(secret);
    expect(lines.join('')).toContain('request rejected');
  });
});

describe('loadConfig', () => {
  it('uses defaults, then the environment, then overrides', () => {
    const defaults = loadConfig({ env: {} });
    expect(defaults).toMatchObject({
      databaseUrl: 'sqlite:./data/kollega.db',
      port: 3000,
      host: '127.0.0.1',
      logLevel: 'info',
    });
    expect(defaults.webRoot.endsWith(join('apps', 'web', 'dist'))).toBe(true);
    const fromEnvironment = loadConfig({
      env: {
        KOLLEGA_PORT: '4000',
        KOLLEGA_HOST: '0.0.0.0',
        KOLLEGA_DATABASE_URL: 'postgres://x/y',
        KOLLEGA_WEB_ROOT: '',
      },
    });
    expect(fromEnvironment).toMatchObject({ port: 4000, host: '0.0.0.0', databaseUrl: 'postgres://x/y' });
    expect(fromEnvironment.webRoot).toBe(defaults.webRoot);
    expect(loadConfig({ env: { KOLLEGA_PORT: '4000' }, overrides: { port: 0 } }).port).toBe(0);
  });

  it('names the bad setting, not its value', () => {
    let caught: unknown;
    try {
      loadConfig({ env: { KOLLEGA_PORT: 'hemmelig-port' } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).message).toBe('Ugyldig konfigurasjon: KOLLEGA_PORT');
  });
});

describe('startServer', () => {
  it('listens on a free port, serves /api/health, and closes', async () => {
    const running = await startServer({
      port: 0,
      databaseUrl: `sqlite:${join(temporaryFolder, 'start', 'kollega.db')}`,
      webRoot: join(temporaryFolder, 'ingen-web'),
      logLevel: 'silent',
    });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${running.url}/api/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
    } finally {
      await running.close();
    }
  });
});

describe('startServer on a busy port', () => {
  it('fails with a clear unavailable error and closes what it opened', async () => {
    const first = await startServer({ port: 0, databaseUrl: 'sqlite::memory:', logLevel: 'silent' });
    try {
      const port = Number(new URL(first.url).port);
      const error = await startServer({ port, databaseUrl: 'sqlite::memory:', logLevel: 'silent' }).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('unavailable');
      expect((error as AppError).message).toBe(
        `Kunne ikke starte serveren på 127.0.0.1:${port}: porten er allerede i bruk`,
      );
    } finally {
      await first.close();
    }
  });
});
