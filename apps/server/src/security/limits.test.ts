import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../config';
import type { TestApp } from '../testing/create-test-app';
import { createTestApp } from '../testing/create-test-app';

// The server's own protection against slow or oversized requests, as configured by default.

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp({ config: { requestTimeoutMs: 90_000 } });
});
afterAll(async () => {
  await testApp.close();
});

describe('request limits', () => {
  it('sets a request timeout (whole request received) and a shorter headers timeout on the HTTP server', () => {
    const server = testApp.app.server;
    expect(server.requestTimeout).toBe(90_000);
    expect(server.headersTimeout).toBeGreaterThan(0);
    expect(server.headersTimeout).toBeLessThanOrEqual(server.requestTimeout);
    // Idle keep-alive connections are closed (Fastify's default 72 s), so they cannot pile up.
    expect(server.keepAliveTimeout).toBeGreaterThan(0);
    expect(server.keepAliveTimeout).toBeLessThanOrEqual(120_000);
  });

  it('limits the request body to the upload limit (10 MB by default) and answers 413 above it', async () => {
    expect(testApp.app.initialConfig.bodyLimit).toBe(DEFAULT_MAX_UPLOAD_BYTES);
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ content: 'a'.repeat(DEFAULT_MAX_UPLOAD_BYTES + 10) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('payload_too_large');
  });
});
