import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import type { FakeOidcProvider, FakeOidcUser } from '../../testing/fake-oidc-provider';
import { createTestClientKey, startFakeOidcProvider } from '../../testing/fake-oidc-provider';
import type { SignedInTestApp, TestUser } from '../../testing/signed-in-test-app';
import { createSignedInTestApp } from '../../testing/signed-in-test-app';
import { CSRF_COOKIE, SESSION_COOKIE } from '../auth-routes';
import { OIDC_LOGIN_COOKIE, safeReturnPath } from './oidc-routes';
import { readOidcSettings } from './oidc-settings';

const CLIENT_ID = 'kollega-test-client';
const PUBLIC_URL = 'http://127.0.0.1:3999';
const REDIRECT_URI = `${PUBLIC_URL}/api/auth/oidc/callback`;
const SCOPES =
  'openid profile email helseid://scopes/identity/pid helseid://scopes/identity/security_level helseid://scopes/hpr/hpr_number';

/** A synthetic doctor: the pid is a made-up test number, the HPR number is made up too. */
const DOCTOR: FakeOidcUser = {
  subject: 'helseid-subject-abc',
  name: 'Kari Testlege',
  givenName: 'Kari',
  familyName: 'Testlege',
  pid: '01017012345',
  hprNumber: '9144889',
  securityLevel: '4',
};

const folder = mkdtempSync(join(tmpdir(), 'kollega-oidc-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Setup {
  testApp: SignedInTestApp;
  provider: FakeOidcProvider;
  doctor: TestUser;
  admin: TestUser;
  logLines: string[];
}

let current: Setup | undefined;
afterEach(async () => {
  await current?.testApp.close();
  await current?.provider.close();
  current = undefined;
});

async function setUp(options: { registeredKey?: JWK; user?: FakeOidcUser } = {}): Promise<Setup> {
  const clientKey = await createTestClientKey('PS256');
  const keyFile = join(folder, `client-${Math.random().toString(16).slice(2)}.jwk.json`);
  writeFileSync(keyFile, JSON.stringify(clientKey.privateJwk));
  const provider = await startFakeOidcProvider({
    clients: [
      {
        clientId: CLIENT_ID,
        publicJwk: options.registeredKey ?? clientKey.publicJwk,
        redirectUris: [REDIRECT_URI],
      },
    ],
    user: options.user ?? DOCTOR,
  });
  const logLines: string[] = [];
  const testApp = await createSignedInTestApp({
    context: { logStream: { write: (line) => logLines.push(line) } },
    config: {
      logLevel: 'info',
      oidcIssuer: provider.issuer,
      oidcClientId: CLIENT_ID,
      oidcPrivateKeyFile: keyFile,
      oidcScopes: SCOPES,
      publicUrl: PUBLIC_URL,
    },
  });
  const doctor = await testApp.createPracticeUser({ role: 'lege' });
  const admin = await testApp.createColleague(doctor.practiceId, { role: 'admin' });
  current = { testApp, provider, doctor, admin, logLines };
  return current;
}

async function preRegister(setup: Setup, body: Record<string, string>): Promise<number> {
  const response = await setup.testApp.app.inject({
    method: 'POST',
    url: '/api/auth/oidc/pre-registrations',
    headers: setup.admin.headers,
    payload: body,
  });
  return response.statusCode;
}

/** Login → the provider's authorize endpoint (real HTTP on loopback) → the callback, as a browser would. */
async function signInThroughProvider(setup: Setup, options: { accept?: string } = {}) {
  const { app } = setup.testApp;
  const login = await app.inject({ method: 'GET', url: '/api/auth/oidc/login?neste=/konsultasjoner' });
  if (login.statusCode !== 302) return { login };
  const browserCookie = login.cookies.find((cookie) => cookie.name === OIDC_LOGIN_COOKIE)?.value ?? '';
  const authorize = await fetch(String(login.headers.location), { redirect: 'manual' });
  const callbackUrl = new URL(authorize.headers.get('location') ?? '');
  const callbackPath = `${callbackUrl.pathname}${callbackUrl.search}`;
  const callback = await app.inject({
    method: 'GET',
    url: callbackPath,
    headers: {
      cookie: `${OIDC_LOGIN_COOKIE}=${browserCookie}`,
      ...(options.accept === undefined ? {} : { accept: options.accept }),
    },
  });
  return { login, authorize, callbackUrl, callbackPath, browserCookie, callback };
}

function sessionHeaders(cookies: Array<{ name: string; value: string }>): Record<string, string> {
  const session = cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value ?? '';
  const csrf = cookies.find((cookie) => cookie.name === CSRF_COOKIE)?.value ?? '';
  return { cookie: `${SESSION_COOKIE}=${session}; ${CSRF_COOKIE}=${csrf}`, 'x-csrf-token': csrf };
}

describe('OpenID Connect sign-in against the fake HelseID on loopback', () => {
  it('signs a pre-registered doctor in with PAR, PKCE, private_key_jwt and DPoP, and the session works', async () => {
    const setup = await setUp();
    const { app, context } = setup.testApp;
    expect(await preRegister(setup, { userId: setup.doctor.id, hprNumber: DOCTOR.hprNumber ?? '' })).toBe(
      201,
    );

    const methods = await app.inject({ method: 'GET', url: '/api/auth/methods' });
    expect(methods.json()).toEqual({
      authEnabled: true,
      password: true,
      oidc: { label: 'HelseID', loginUrl: '/api/auth/oidc/login' },
    });

    const flow = await signInThroughProvider(setup);
    expect(flow.login.statusCode).toBe(302);
    const authorizeUrl = new URL(String(flow.login.headers.location));
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(
      `${setup.provider.issuer}/connect/authorize`,
    );
    expect([...authorizeUrl.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
    expect(flow.login.cookies.find((cookie) => cookie.name === OIDC_LOGIN_COOKIE)).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    expect(flow.authorize?.status).toBe(302);
    expect(flow.callbackUrl?.searchParams.get('iss')).toBe(setup.provider.issuer);
    expect(flow.callback?.statusCode, flow.callback?.body).toBe(302);
    expect(flow.callback?.headers.location).toBe('/konsultasjoner');

    // What the provider saw: PAR (with a DPoP proof), authorize with only client_id + request_uri, the token
    // request refused once for a missing DPoP nonce and retried with it, and user info with DPoP.
    const seen = setup.provider.events.map((event) => ({
      endpoint: event.endpoint,
      status: event.status,
      error: event.error,
      withDpop: event.withDpop,
      withDpopNonce: event.withDpopNonce,
    }));
    expect(seen.filter((event) => event.endpoint !== 'jwks' && event.endpoint !== 'discovery')).toEqual([
      { endpoint: 'par', status: 201, error: undefined, withDpop: true, withDpopNonce: false },
      { endpoint: 'authorize', status: 302, error: undefined, withDpop: false, withDpopNonce: false },
      { endpoint: 'token', status: 400, error: 'use_dpop_nonce', withDpop: true, withDpopNonce: false },
      { endpoint: 'token', status: 200, error: undefined, withDpop: true, withDpopNonce: true },
      { endpoint: 'userinfo', status: 200, error: undefined, withDpop: true, withDpopNonce: true },
    ]);
    // Every client assertion (PAR and both token requests): typ, iss = sub = client_id, aud = issuer,
    // a lifetime of at most 60 s, and a fresh jti each time.
    const assertions = setup.provider.events.flatMap((event) =>
      event.clientAssertion === undefined ? [] : [event.clientAssertion],
    );
    expect(assertions).toHaveLength(3);
    for (const { header, claims } of assertions) {
      expect(header.typ).toBe('client-authentication+jwt');
      expect(claims).toMatchObject({ iss: CLIENT_ID, sub: CLIENT_ID, aud: setup.provider.issuer });
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBeLessThanOrEqual(60);
    }
    expect(new Set(assertions.map(({ claims }) => claims.jti)).size).toBe(3);
    // The id token's signature was checked against the provider's keys.
    expect(seen.some((event) => event.endpoint === 'jwks' && event.status === 200)).toBe(true);
    expect(setup.provider.lastIdTokenClaims()).toMatchObject({
      'helseid://claims/hpr/hpr_number': DOCTOR.hprNumber,
      'helseid://claims/identity/pid': DOCTOR.pid,
    });

    const headers = sessionHeaders(flow.callback?.cookies ?? []);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers });
    expect(me.json()).toMatchObject({ user: { id: setup.doctor.id, role: 'lege' } });
    const created = await app.inject({
      method: 'POST',
      url: '/api/consultations',
      headers,
      payload: {
        title: 'Via HelseID',
        language: 'nb',
        transcript: [{ speaker: 'lege', text: 'Hva bringer deg hit?' }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const list = await app.inject({ method: 'GET', url: '/api/consultations', headers });
    expect(list.statusCode).toBe(200);
    expect(JSON.stringify(list.json())).toContain('Via HelseID');
    const anonymous = await app.inject({ method: 'GET', url: '/api/consultations' });
    expect(anonymous.statusCode).toBe(401);

    // The pre-registration is used up; the identity is linked, so the next sign-in finds it by subject.
    const links = await app.inject({
      method: 'GET',
      url: '/api/auth/oidc/pre-registrations',
      headers: setup.admin.headers,
    });
    expect(links.json()).toMatchObject({
      preRegistrations: [],
      identities: [{ userId: setup.doctor.id, issuer: setup.provider.issuer, linkedBy: 'hpr' }],
    });
    const again = await signInThroughProvider(setup);
    expect(again.callback?.statusCode).toBe(302);

    const audit = await context.storage.audit.list({ action: 'auth.login' });
    const oidcEvents = audit.filter((event) => event.details.method === 'oidc');
    expect(oidcEvents.map((event) => [event.outcome, event.details.linkedBy, event.entityId])).toEqual([
      ['success', 'hpr', setup.doctor.id],
      ['success', 'subject', setup.doctor.id],
    ]);
    const auditText = JSON.stringify(audit);
    expect(auditText).not.toMatch(/eyJ[\w-]+\./); // no JWTs (tokens) in the audit log
    expect(auditText).not.toContain(DOCTOR.pid);
    // The server's log has requests, but not the callback's authorization code.
    const code = flow.callbackUrl?.searchParams.get('code') ?? '';
    expect(code).not.toBe('');
    expect(setup.logLines.some((line) => line.includes('/api/auth/oidc/login'))).toBe(true);
    expect(setup.logLines.join('\n')).not.toContain(code);
  });

  it('refuses an identity no admin has registered with 403 and starts no session', async () => {
    const setup = await setUp();
    const flow = await signInThroughProvider(setup);
    expect(flow.callback?.statusCode).toBe(403);
    expect(flow.callback?.json()).toMatchObject({
      error: { code: 'forbidden', details: { reason: 'unknown_identity' } },
    });
    expect(flow.callback?.json().error.message).toContain('ikke koblet til en bruker');
    expect(flow.callback?.cookies.some((cookie) => cookie.name === SESSION_COOKIE)).toBe(false);

    const browser = await signInThroughProvider(setup, { accept: 'text/html' });
    expect(browser.callback?.statusCode).toBe(403);
    expect(browser.callback?.headers['content-type']).toContain('text/html');
    expect(browser.callback?.body).toContain('ikke koblet til en bruker');

    const audit = await setup.testApp.context.storage.audit.list({ action: 'auth.login' });
    expect(audit.filter((event) => event.details.method === 'oidc').map((event) => event.details)).toEqual([
      { method: 'oidc', code: 'forbidden', reason: 'unknown_identity' },
      { method: 'oidc', code: 'forbidden', reason: 'unknown_identity' },
    ]);
  });

  it('refuses a replayed callback (state used once) without asking the provider again', async () => {
    const setup = await setUp();
    await preRegister(setup, { userId: setup.doctor.id, hprNumber: DOCTOR.hprNumber ?? '' });
    const flow = await signInThroughProvider(setup);
    expect(flow.callback?.statusCode).toBe(302);
    const tokenRequests = setup.provider.events.filter((event) => event.endpoint === 'token').length;
    const replay = await setup.testApp.app.inject({
      method: 'GET',
      url: flow.callbackPath ?? '',
      headers: { cookie: `${OIDC_LOGIN_COOKIE}=${flow.browserCookie ?? ''}` },
    });
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({ error: { details: { reason: 'state' } } });
    expect(replay.cookies.some((cookie) => cookie.name === SESSION_COOKIE)).toBe(false);
    expect(setup.provider.events.filter((event) => event.endpoint === 'token')).toHaveLength(tokenRequests);
  });

  it('refuses a callback that comes back to another browser (no login cookie)', async () => {
    const setup = await setUp();
    await preRegister(setup, { userId: setup.doctor.id, hprNumber: DOCTOR.hprNumber ?? '' });
    const { app } = setup.testApp;
    const login = await app.inject({ method: 'GET', url: '/api/auth/oidc/login' });
    const authorize = await fetch(String(login.headers.location), { redirect: 'manual' });
    const callbackUrl = new URL(authorize.headers.get('location') ?? '');
    const callback = await app.inject({ method: 'GET', url: `${callbackUrl.pathname}${callbackUrl.search}` });
    expect(callback.statusCode).toBe(400);
    expect(callback.json()).toMatchObject({ error: { details: { reason: 'browser_binding' } } });
    expect(setup.provider.events.some((event) => event.endpoint === 'token')).toBe(false);
  });

  it('is refused by the provider when Kollega signs with a key the provider does not know', async () => {
    const otherKey = await createTestClientKey('PS256');
    const setup = await setUp({ registeredKey: otherKey.publicJwk });
    const flow = await signInThroughProvider(setup);
    expect(flow.login.statusCode).toBe(503);
    expect(flow.login.json()).toMatchObject({
      error: { code: 'unavailable', details: { reason: 'par', providerError: 'invalid_client' } },
    });
    expect(setup.provider.events.find((event) => event.endpoint === 'par')).toMatchObject({
      status: 401,
      error: 'invalid_client',
    });
    const audit = await setup.testApp.context.storage.audit.list({ action: 'auth.login' });
    expect(audit.at(-1)).toMatchObject({ outcome: 'failure', details: { method: 'oidc', reason: 'par' } });
  });

  it('links a first sign-in by a verified e-mail address, but not by an unverified one', async () => {
    const person: FakeOidcUser = {
      ...DOCTOR,
      subject: 'own-idp-subject-1',
      email: 'Kari.Testlege@legekontor.example',
      emailVerified: false,
    };
    delete person.hprNumber;
    const setup = await setUp({ user: person });
    expect(
      await preRegister(setup, { userId: setup.doctor.id, email: 'kari.testlege@legekontor.example' }),
    ).toBe(201);
    const unverified = await signInThroughProvider(setup);
    expect(unverified.callback?.statusCode).toBe(403);
    setup.provider.setUser({ ...person, emailVerified: true });
    const verified = await signInThroughProvider(setup);
    expect(verified.callback?.statusCode).toBe(302);
    const me = await setup.testApp.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: sessionHeaders(verified.callback?.cookies ?? []),
    });
    expect(me.json()).toMatchObject({ user: { id: setup.doctor.id } });
  });

  it('lets only an admin pre-register, and only users of their own practice', async () => {
    const setup = await setUp();
    const { app } = setup.testApp;
    const asDoctor = await app.inject({
      method: 'POST',
      url: '/api/auth/oidc/pre-registrations',
      headers: setup.doctor.headers,
      payload: { userId: setup.doctor.id, hprNumber: '123' },
    });
    expect(asDoctor.statusCode).toBe(403);
    const outsider = await setup.testApp.createPracticeUser({ role: 'lege' });
    expect(await preRegister(setup, { userId: outsider.id, hprNumber: '123' })).toBe(400);
    expect(await preRegister(setup, { userId: setup.doctor.id, hprNumber: '12x' })).toBe(400);
    expect(await preRegister(setup, { userId: setup.doctor.id })).toBe(400);
    expect(await preRegister(setup, { userId: setup.doctor.id, hprNumber: '123' })).toBe(201);
    expect(await preRegister(setup, { userId: setup.doctor.id, hprNumber: '123' })).toBe(409);
    const list = await app.inject({
      method: 'GET',
      url: '/api/auth/oidc/pre-registrations',
      headers: setup.admin.headers,
    });
    const [registration] = list.json<{ preRegistrations: Array<{ id: string }> }>().preRegistrations;
    const removed = await app.inject({
      method: 'POST',
      url: '/api/auth/oidc/pre-registrations/remove',
      headers: setup.admin.headers,
      payload: { id: registration?.id },
    });
    expect(removed.statusCode).toBe(204);
  });
});

describe('safeReturnPath', () => {
  it('keeps paths inside the app and turns anything else into /', () => {
    expect(safeReturnPath('/konsultasjoner?fane=2')).toBe('/konsultasjoner?fane=2');
    for (const unsafe of [
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      'https://evil.example',
      '',
    ]) {
      expect(safeReturnPath(unsafe), unsafe).toBe('/');
    }
    expect(safeReturnPath(undefined)).toBe('/');
  });
});

describe('OpenID Connect configuration', () => {
  it('offers no OIDC sign-in when it is not configured', async () => {
    const testApp = await createSignedInTestApp();
    try {
      const methods = await testApp.app.inject({ method: 'GET', url: '/api/auth/methods' });
      expect(methods.json()).toMatchObject({ password: true, oidc: null });
      const login = await testApp.app.inject({ method: 'GET', url: '/api/auth/oidc/login' });
      expect(login.statusCode).toBe(404);
      const callback = await testApp.app.inject({ method: 'GET', url: '/api/auth/oidc/callback?state=x' });
      expect(callback.statusCode).toBe(404);
    } finally {
      await testApp.close();
    }
  });

  it('names the missing or unsafe setting, and derives the redirect URL from KOLLEGA_PUBLIC_URL', async () => {
    const key = await createTestClientKey('ES256');
    const keyFile = join(folder, 'settings.jwk.json');
    writeFileSync(keyFile, JSON.stringify(key.privateJwk));
    const publicKeyFile = join(folder, 'public.jwk.json');
    writeFileSync(publicKeyFile, JSON.stringify(key.publicJwk));
    const env = {
      KOLLEGA_OIDC_ISSUER: 'https://helseid-sts.test.nhn.no',
      KOLLEGA_OIDC_CLIENT_ID: 'klient',
      KOLLEGA_OIDC_PRIVATE_KEY_FILE: keyFile,
      KOLLEGA_PUBLIC_URL: 'https://kollega.legekontor.example/',
    };
    const settings = readOidcSettings(loadConfig({ env }));
    expect(settings?.redirectUri).toBe('https://kollega.legekontor.example/api/auth/oidc/callback');
    expect(settings?.scopes.split(' ')).toContain('helseid://scopes/hpr/hpr_number');
    expect(settings?.scopes.split(' ')).not.toContain('helseid://scopes/identity/pid');
    expect(readOidcSettings(loadConfig({ env: {} }))).toBeUndefined();
    expect(() => readOidcSettings(loadConfig({ env: { ...env, KOLLEGA_PUBLIC_URL: '' } }))).toThrow(
      'KOLLEGA_PUBLIC_URL',
    );
    expect(() =>
      readOidcSettings(loadConfig({ env: { ...env, KOLLEGA_OIDC_ISSUER: 'http://idp.example.no' } })),
    ).toThrow('https');
    expect(() =>
      readOidcSettings(loadConfig({ env: { ...env, KOLLEGA_OIDC_PRIVATE_KEY_FILE: publicKeyFile } })),
    ).toThrow('privat JWK');
  });
});
