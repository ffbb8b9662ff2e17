import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Consultation, NoteRecord } from '@kollega/domain';
import { verifyAuditChain } from '@kollega/storage';
import { API_OPERATIONS } from '../http/openapi';
import type { SignedInTestApp, TestUser } from '../testing/signed-in-test-app';
import { TEST_PASSWORD, createSignedInTestApp } from '../testing/signed-in-test-app';
import { createTestEngine } from '../testing/test-engines';
import { createSetupCode } from './auth-routes';
import { hashPassword, verifyPassword } from './password';
import { parseCookies, serializeCookie } from './cookies';

const TRANSCRIPT = [
  { speaker: 'lege', text: 'Hva bringer deg hit?' },
  { speaker: 'pasient', text: 'Jeg har hatt hoste i en uke.' },
];

let testApp: SignedInTestApp;
beforeEach(async () => {
  testApp = await createSignedInTestApp({ context: { engine: createTestEngine() } });
});
afterEach(async () => {
  await testApp.close();
});

async function createConsultation(user: TestUser): Promise<Consultation> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/consultations',
    headers: user.headers,
    payload: { title: 'Hoste', language: 'nb', transcript: TRANSCRIPT },
  });
  expect(response.statusCode).toBe(201);
  return response.json<Consultation>();
}

async function draftNote(user: TestUser, consultationId: string): Promise<NoteRecord> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: `/api/consultations/${consultationId}/note`,
    headers: user.headers,
  });
  expect(response.statusCode).toBe(201);
  return response.json<NoteRecord>();
}

describe('password hashing', () => {
  it('uses scrypt with a per-user salt and verifies only the right password', async () => {
    const first = await hashPassword('et langt passord');
    const second = await hashPassword('et langt passord');
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('et langt passord', first)).toBe(true);
    expect(await verifyPassword('et langt passorD', first)).toBe(false);
    expect(await verifyPassword('x', 'ikke-en-hash')).toBe(false);
  });
});

describe('cookies', () => {
  it('parses and serialises with SameSite=Strict and HttpOnly/Secure as asked', () => {
    expect(parseCookies('a=1; b=%C3%A6; a=2; bad; =x')).toEqual({ a: '1', b: 'æ' });
    expect(serializeCookie('s', 'v', { httpOnly: true, secure: true, maxAge: 60 })).toBe(
      's=v; Path=/; Max-Age=60; SameSite=Strict; HttpOnly; Secure',
    );
  });
});

describe('sign-in', () => {
  it('answers 401 to an anonymous caller on protected routes, but serves the public ones', async () => {
    const { app } = testApp;
    expect((await app.inject({ method: 'GET', url: '/api/consultations' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/templates' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/setup/status' })).json()).toEqual({
      setupNeeded: true,
    });
  });

  it('sets HttpOnly SameSite=Strict session cookies and rejects a wrong password with 401', async () => {
    const user = await testApp.createPracticeUser();
    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    const setCookie = login.headers['set-cookie'] as string[];
    expect(setCookie.find((value) => value.startsWith('kollega_session='))).toMatch(/HttpOnly/);
    expect(setCookie.every((value) => value.includes('SameSite=Strict'))).toBe(true);
    const wrong = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'feil-passord-her' },
    });
    expect(wrong.statusCode).toBe(401);
    const unknown = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'finnes-ikke', password: 'feil-passord-her' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('requires the CSRF header on non-GET requests from a cookie session', async () => {
    const user = await testApp.createPracticeUser();
    const withoutHeader = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations',
      headers: { cookie: user.headers.cookie },
      payload: { title: 'X', language: 'nb', transcript: TRANSCRIPT },
    });
    expect(withoutHeader.statusCode).toBe(403);
    const wrongHeader = await testApp.app.inject({
      method: 'POST',
      url: '/api/consultations',
      headers: { cookie: user.headers.cookie, 'x-csrf-token': 'gjettet' },
      payload: { title: 'X', language: 'nb', transcript: TRANSCRIPT },
    });
    expect(wrongHeader.statusCode).toBe(403);
    expect(
      (
        await testApp.app.inject({
          method: 'GET',
          url: '/api/consultations',
          headers: { cookie: user.headers.cookie },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('ends the session on logout', async () => {
    const user = await testApp.createPracticeUser();
    const logout = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: user.headers,
    });
    expect(logout.statusCode).toBe(204);
    expect(
      (await testApp.app.inject({ method: 'GET', url: '/api/consultations', headers: user.headers }))
        .statusCode,
    ).toBe(401);
  });

  it('rate-limits repeated failed logins for one user name', async () => {
    const user = await testApp.createPracticeUser();
    const statuses: number[] = [];
    const retryAfter: Array<string | undefined> = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: `feil-${attempt}-passord` },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) retryAfter.push(response.headers['retry-after']);
    }
    expect(statuses).toContain(429);
    expect(retryAfter.every((value) => value !== undefined && Number(value) >= 1)).toBe(true);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
  });

  it('creates the first practice once with the one-time setup code, then refuses', async () => {
    const { app, context } = testApp;
    context.setup.code = createSetupCode();
    const body = {
      practiceName: 'Fjordlegene',
      username: 'kari.lege',
      displayName: 'Kari Lege',
      password: 'et-godt-langt-passord',
    };
    expect(
      (await app.inject({ method: 'POST', url: '/api/setup', payload: { ...body, setupCode: 'FEIL-KODE' } }))
        .statusCode,
    ).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...body, setupCode: context.setup.code },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ user: { username: 'kari.lege', role: 'lege' } });
    const cookie = created.cookies.map((item) => `${item.name}=${item.value}`).join('; ');
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json(),
    ).toMatchObject({
      user: { displayName: 'Kari Lege' },
    });
    const again = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...body, username: 'ny', setupCode: 'x' },
    });
    expect(again.statusCode).toBe(403);
  });
});

describe('tenancy and approval', () => {
  it('shows a practice only its own consultations and notes', async () => {
    const alice = await testApp.createPracticeUser();
    const bob = await testApp.createPracticeUser();
    const consultation = await createConsultation(alice);
    const note = await draftNote(alice, consultation.id);
    const list = (user: TestUser) =>
      testApp.app
        .inject({ method: 'GET', url: '/api/consultations', headers: user.headers })
        .then((response) => response.json<{ items: { id: string }[] }>().items.map((item) => item.id));
    expect(await list(alice)).toEqual([consultation.id]);
    expect(await list(bob)).toEqual([]);
    for (const url of [
      `/api/consultations/${consultation.id}`,
      `/api/consultations/${consultation.id}/note`,
      `/api/notes/${note.id}`,
      `/api/notes/${note.id}/text`,
      `/api/notes/${note.id}/edits`,
    ]) {
      const response = await testApp.app.inject({ method: 'GET', url, headers: bob.headers });
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('hoste');
    }
    const edit = await testApp.app.inject({
      method: 'PUT',
      url: `/api/notes/${note.id}`,
      headers: bob.headers,
      payload: { version: note.version, note: note.note },
    });
    expect(edit.statusCode).toBe(404);
  });

  it('lets only the responsible doctor approve, in their own name from the session', async () => {
    const alice = await testApp.createPracticeUser();
    const colleague = await testApp.createColleague(alice.practiceId);
    const secretary = await testApp.createColleague(alice.practiceId, { role: 'helsesekretær' });
    const consultation = await createConsultation(alice);
    const note = await draftNote(alice, consultation.id);
    const approve = (user: TestUser) =>
      testApp.app.inject({
        method: 'POST',
        url: `/api/notes/${note.id}/approve`,
        headers: user.headers,
        payload: { version: note.version, approvedBy: 'Noen Andre' },
      });
    expect((await approve(secretary)).statusCode).toBe(403);
    expect((await approve(colleague)).statusCode).toBe(403);
    const approved = await approve(alice);
    expect(approved.statusCode).toBe(200);
    expect(approved.json<NoteRecord>().approvedBy).toBe(`Lege ${alice.username}`);
    const events = await testApp.context.storage.audit.list({ action: 'note.approve' });
    expect(events.at(-1)?.outcome).toBe('success');
    expect(await verifyAuditChain(testApp.context.storage.auditChain)).toMatchObject({ ok: true });
  });
});

describe('every API operation', () => {
  const PUBLIC = new Set([
    '/api/health',
    '/api/docs',
    '/api/docs/openapi.json',
    '/api/questionnaire/open',
    '/api/questionnaire/check',
    '/api/questionnaire/submit',
  ]);

  it('answers an anonymous caller 401 (public routes excepted) and another practice never 2xx on foreign ids', async () => {
    const alice = await testApp.createPracticeUser();
    const mallory = await testApp.createPracticeUser();
    const consultation = await createConsultation(alice);
    const note = await draftNote(alice, consultation.id);
    const ids: Record<string, string> = {
      id: consultation.id,
      noteId: note.id,
      documentId: 'd-1',
      summaryId: 's-1',
      patientKey: 'pasient-1',
      format: 'pdf',
    };
    // Alice uses the patient key first, so it is hers.
    await testApp.app.inject({
      method: 'GET',
      url: '/api/records/pasient-1/documents',
      headers: alice.headers,
    });
    for (const operation of API_OPERATIONS) {
      const url = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => ids[name] ?? 'x');
      const anonymous = await testApp.app.inject({
        method: operation.method.toUpperCase() as 'GET',
        url,
        payload: {},
      });
      if (PUBLIC.has(operation.path) || /^\/api\/(auth|setup)\b/.test(operation.path)) {
        expect(anonymous.statusCode, `${operation.method} ${url}`).toBeLessThan(500);
      } else {
        expect(anonymous.statusCode, `${operation.method} ${url}`).toBe(401);
      }
      if (!operation.path.includes('{')) continue;
      const foreign = await testApp.app.inject({
        method: operation.method.toUpperCase() as 'GET',
        url,
        headers: mallory.headers,
        payload: {},
      });
      expect([400, 403, 404, 409, 415, 422], `${operation.method} ${url} as another practice`).toContain(
        foreign.statusCode,
      );
      expect(foreign.body).not.toContain('hoste');
    }
  });
});

describe('security headers', () => {
  it('sets CSP, nosniff, referrer policy, framing and permissions policy on every response', async () => {
    for (const url of ['/api/health', '/api/consultations', '/finnes-ikke']) {
      const response = await testApp.app.inject({ method: 'GET', url });
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['permissions-policy']).toContain('microphone=(self)');
    }
  });
});
