import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@kollega/domain';
import { loadConfig } from '../config';
import { registerErrorHandler } from '../http/error-handler';
import type { SignedInTestApp } from '../testing/signed-in-test-app';
import { createSignedInTestApp } from '../testing/signed-in-test-app';
import { createTestApp } from '../testing/create-test-app';
import { registerApiRateLimit } from './rate-limit';

interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
});

async function signedInApp(perMinute: number): Promise<SignedInTestApp> {
  const testApp = await createSignedInTestApp({ config: { rateLimitPerMinute: perMinute } });
  opened.push(testApp);
  return testApp;
}

describe('API rate limit per signed-in user', () => {
  it('answers 429 rate_limited with Retry-After once a user has spent the burst', async () => {
    const testApp = await signedInApp(4);
    const { app } = testApp;
    const doctor = await testApp.createPracticeUser();
    const statuses: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      statuses.push(
        (await app.inject({ method: 'GET', url: '/api/consultations', headers: doctor.headers })).statusCode,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200]);
    const refused = await app.inject({ method: 'GET', url: '/api/consultations', headers: doctor.headers });
    expect(refused.statusCode).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    // 4 a minute: one token back after 15 s.
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(15);
    const body = refused.json<ErrorBody>();
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/For mange forespørsler/);
    expect(body.error.details.retryAfterSeconds).toBe(retryAfter);
  });

  it('keeps one bucket per user, not per address: a colleague on the same address is not affected', async () => {
    const testApp = await signedInApp(3);
    const { app } = testApp;
    const doctor = await testApp.createPracticeUser();
    const colleague = await testApp.createColleague(doctor.practiceId);
    for (let index = 0; index < 3; index += 1) {
      await app.inject({ method: 'GET', url: '/api/consultations', headers: doctor.headers });
    }
    expect(
      (await app.inject({ method: 'GET', url: '/api/consultations', headers: doctor.headers })).statusCode,
    ).toBe(429);
    expect(
      (await app.inject({ method: 'GET', url: '/api/consultations', headers: colleague.headers })).statusCode,
    ).toBe(200);
  });

  it('refuses before the body is parsed or the handler runs: nothing is created', async () => {
    const testApp = await signedInApp(2);
    const { app, context } = testApp;
    const doctor = await testApp.createPracticeUser();
    const create = () =>
      app.inject({
        method: 'POST',
        url: '/api/consultations',
        headers: doctor.headers,
        payload: { title: 'Grense', language: 'nb', transcript: [{ speaker: 'pasient', text: 'Hoste.' }] },
      });
    expect((await create()).statusCode).toBe(201);
    expect((await create()).statusCode).toBe(201);
    expect((await create()).statusCode).toBe(429);
    // Outside a request the storage is not scoped: this is every consultation there is.
    expect(await context.storage.consultations.listSummaries()).toHaveLength(2);
  });
});

describe('API rate limit for requests without a user', () => {
  it('limits anonymous requests per address, and does not count them against signed-in users', async () => {
    const testApp = await signedInApp(5);
    const { app } = testApp;
    // Signing in is itself an anonymous request: one token of the address.
    const doctor = await testApp.createPracticeUser();
    const statuses: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      statuses.push((await app.inject({ method: 'GET', url: '/api/health' })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const otherAddress = await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.1.2.3' });
    expect(otherAddress.statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/consultations', headers: doctor.headers })).statusCode,
    ).toBe(200);
  });

  it('slows an address that keeps sending unknown session cookies, before looking them up', async () => {
    const testApp = await signedInApp(1000);
    const { app } = testApp;
    const statuses = new Map<number, number>();
    for (let index = 0; index < 40; index += 1) {
      const response = await app.inject({
        method: 'GET',
        url: '/api/consultations',
        headers: { cookie: `kollega_session=forged${index}` },
      });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
    }
    // 30 unknown sessions are answered 401; then the address waits (0.5 a second refill).
    expect(statuses.get(401)).toBeGreaterThanOrEqual(30);
    expect(statuses.get(401)).toBeLessThan(40);
    expect(statuses.get(429)).toBeGreaterThan(0);
    // Another address with a real session is unaffected.
    const doctor = await testApp.createPracticeUser();
    const real = await app.inject({
      method: 'GET',
      url: '/api/consultations',
      headers: doctor.headers,
      remoteAddress: '10.9.9.9',
    });
    expect(real.statusCode).toBe(200);
  });

  it('applies per address when sign-in is off', async () => {
    const testApp = await createTestApp({ config: { rateLimitPerMinute: 2 } });
    opened.push(testApp);
    const statuses: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      statuses.push((await testApp.app.inject({ method: 'GET', url: '/api/consultations' })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('leaves everything outside /api alone', async () => {
    const testApp = await createTestApp({ config: { rateLimitPerMinute: 1 } });
    opened.push(testApp);
    const statuses: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      statuses.push((await testApp.app.inject({ method: 'GET', url: '/apiary' })).statusCode);
    }
    expect(statuses.includes(429)).toBe(false);
  });
});

describe('registerApiRateLimit refill', () => {
  it('gives tokens back over time at perMinute / 60 a second', async () => {
    let now = 1_000_000;
    const app = Fastify();
    opened.push(app);
    registerApiRateLimit(app, { perMinute: 60, now: () => now });
    registerErrorHandler(app, { maxUploadBytes: 1024 });
    app.get('/api/ping', () => Promise.resolve({ ok: true }));
    const ping = async () => (await app.inject({ method: 'GET', url: '/api/ping' })).statusCode;
    for (let index = 0; index < 60; index += 1) expect(await ping()).toBe(200);
    const refused = await app.inject({ method: 'GET', url: '/api/ping' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    now += 2_000;
    expect([await ping(), await ping(), await ping()]).toEqual([200, 200, 429]);
  });
});

describe('configuration', () => {
  it('reads KOLLEGA_RATE_LIMIT_PER_MINUTE, defaults to a generous 600, and rejects nonsense by name', () => {
    expect(loadConfig({ env: {} }).rateLimitPerMinute).toBe(600);
    expect(loadConfig({ env: { KOLLEGA_RATE_LIMIT_PER_MINUTE: '1200' } }).rateLimitPerMinute).toBe(1200);
    for (const value of ['0', '-5', 'many', '1.5']) {
      let caught: unknown;
      try {
        loadConfig({ env: { KOLLEGA_RATE_LIMIT_PER_MINUTE: value } });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).details.setting).toBe('KOLLEGA_RATE_LIMIT_PER_MINUTE');
    }
  });
});
