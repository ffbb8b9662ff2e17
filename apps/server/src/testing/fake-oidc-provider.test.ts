import { createHash, randomBytes } from 'node:crypto';
import type { CryptoKey, JWK } from 'jose';
import { SignJWT, calculateJwkThumbprint, decodeJwt, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeOidcProvider } from './fake-oidc-provider';
import { HELSEID_CLAIMS, createTestClientKey, startFakeOidcProvider } from './fake-oidc-provider';

// These tests talk to the fake provider by hand, so that each rule it enforces is shown to be enforced: a
// client test against it then proves something.

const CLIENT_ID = 'fake-test-client';
const REDIRECT_URI = 'http://127.0.0.1:4999/callback';

let provider: FakeOidcProvider;
let clientKey: Awaited<ReturnType<typeof createTestClientKey>>;
let dpopKey: { privateKey: CryptoKey; publicJwk: JWK };

beforeAll(async () => {
  clientKey = await createTestClientKey('ES256');
  const pair = await generateKeyPair('ES256', { extractable: true });
  dpopKey = { privateKey: pair.privateKey, publicJwk: await exportJWK(pair.publicKey) };
  provider = await startFakeOidcProvider({
    clients: [{ clientId: CLIENT_ID, publicJwk: clientKey.publicJwk, redirectUris: [REDIRECT_URI] }],
    user: {
      subject: 'sub-1',
      name: 'Test Lege',
      givenName: 'Test',
      familyName: 'Lege',
      pid: '01017012345',
      hprNumber: '1234567',
    },
  });
});
afterAll(async () => {
  await provider.close();
});

const b64sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function clientAssertion(
  overrides: {
    typ?: string;
    aud?: string;
    iss?: string;
    lifetime?: number;
    jti?: string;
    key?: CryptoKey;
  } = {},
): Promise<string> {
  const now = nowSeconds();
  return new SignJWT({ jti: overrides.jti ?? randomBytes(16).toString('hex') })
    .setProtectedHeader({
      alg: 'ES256',
      typ: overrides.typ ?? 'client-authentication+jwt',
      kid: clientKey.publicJwk.kid,
    })
    .setIssuer(overrides.iss ?? CLIENT_ID)
    .setSubject(CLIENT_ID)
    .setAudience(overrides.aud ?? provider.issuer)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + (overrides.lifetime ?? 60))
    .sign(overrides.key ?? clientKey.privateKey);
}

async function dpopProof(
  overrides: {
    htm?: string;
    htu?: string;
    nonce?: string;
    typ?: string;
    jti?: string;
    ath?: string;
    iat?: number;
  } = {},
): Promise<string> {
  return new SignJWT({
    htm: overrides.htm ?? 'POST',
    htu: overrides.htu ?? `${provider.issuer}/connect/token`,
    jti: overrides.jti ?? randomBytes(16).toString('hex'),
    iat: overrides.iat ?? nowSeconds(),
    ...(overrides.nonce === undefined ? {} : { nonce: overrides.nonce }),
    ...(overrides.ath === undefined ? {} : { ath: overrides.ath }),
  })
    .setProtectedHeader({ alg: 'ES256', typ: overrides.typ ?? 'dpop+jwt', jwk: dpopKey.publicJwk })
    .sign(dpopKey.privateKey);
}

async function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${provider.issuer}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

async function withClientAuth(
  form: Record<string, string>,
  assertion?: string,
): Promise<Record<string, string>> {
  return {
    client_id: CLIENT_ID,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion ?? (await clientAssertion()),
    ...form,
  };
}

const VERIFIER = randomBytes(32).toString('base64url');
const PAR_PARAMETERS = {
  response_type: 'code',
  redirect_uri: REDIRECT_URI,
  scope: 'openid profile helseid://scopes/identity/pid helseid://scopes/hpr/hpr_number',
  state: 'state-1',
  nonce: 'nonce-1',
  code_challenge: b64sha256(VERIFIER),
  code_challenge_method: 'S256',
};

/** PAR → authorize → the code from the redirect. */
async function obtainCode(): Promise<string> {
  const par = await post('/connect/par', await withClientAuth(PAR_PARAMETERS));
  expect(par.status).toBe(201);
  const authorize = await fetch(
    `${provider.issuer}/connect/authorize?client_id=${CLIENT_ID}&request_uri=${encodeURIComponent(String(par.body.request_uri))}`,
    { redirect: 'manual' },
  );
  expect(authorize.status).toBe(302);
  const location = new URL(authorize.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
  expect(location.searchParams.get('state')).toBe('state-1');
  expect(location.searchParams.get('iss')).toBe(provider.issuer);
  return location.searchParams.get('code') ?? '';
}

/** A token request for a code; gets the DPoP nonce first when `nonce` is true. */
async function requestToken(code: string, options: { verifier?: string; nonce?: string } = {}) {
  return post(
    '/connect/token',
    await withClientAuth({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: options.verifier ?? VERIFIER,
    }),
    { dpop: await dpopProof(options.nonce === undefined ? {} : { nonce: options.nonce }) },
  );
}

describe('fake OIDC provider: discovery', () => {
  it('announces PAR as required, private_key_jwt only, PKCE S256 and DPoP', async () => {
    const metadata = (await (
      await fetch(`${provider.issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: provider.issuer,
      require_pushed_authorization_requests: true,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
    });
    expect(metadata.dpop_signing_alg_values_supported).toContain('ES256');
  });
});

describe('fake OIDC provider: client authentication at PAR', () => {
  const cases: Array<[string, () => Promise<string>]> = [
    ['a wrong typ header', () => clientAssertion({ typ: 'JWT' })],
    ['an audience other than the issuer', () => clientAssertion({ aud: `${provider.issuer}/connect/par` })],
    ['iss other than the client id', () => clientAssertion({ iss: 'someone-else' })],
    ['a lifetime longer than two minutes', () => clientAssertion({ lifetime: 3600 })],
    [
      'a key the client did not register',
      async () => clientAssertion({ key: (await generateKeyPair('ES256')).privateKey }),
    ],
  ];
  for (const [name, makeAssertion] of cases) {
    it(`refuses an assertion with ${name} (invalid_client)`, async () => {
      const response = await post(
        '/connect/par',
        await withClientAuth(PAR_PARAMETERS, await makeAssertion()),
      );
      expect(response.status).toBe(401);
      expect(response.body.error).toBe('invalid_client');
    });
  }

  it('refuses a request without a client assertion, and a reused assertion jti', async () => {
    const withoutAssertion = await post('/connect/par', { client_id: CLIENT_ID, ...PAR_PARAMETERS });
    expect(withoutAssertion.body.error).toBe('invalid_client');
    const assertion = await clientAssertion({ jti: 'same-jti' });
    expect((await post('/connect/par', await withClientAuth(PAR_PARAMETERS, assertion))).status).toBe(201);
    const replay = await post('/connect/par', await withClientAuth(PAR_PARAMETERS, assertion));
    expect(replay).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('requires PKCE S256 and a registered redirect URI', async () => {
    const plain = await post(
      '/connect/par',
      await withClientAuth({ ...PAR_PARAMETERS, code_challenge_method: 'plain', code_challenge: VERIFIER }),
    );
    expect(plain.body.error).toBe('invalid_request');
    const { code_challenge: _challenge, ...withoutChallenge } = PAR_PARAMETERS;
    expect((await post('/connect/par', await withClientAuth(withoutChallenge))).body.error).toBe(
      'invalid_request',
    );
    const redirect = await post(
      '/connect/par',
      await withClientAuth({ ...PAR_PARAMETERS, redirect_uri: 'http://127.0.0.1:4999/other' }),
    );
    expect(redirect.body.error).toBe('invalid_request');
  });
});

describe('fake OIDC provider: authorize', () => {
  it('takes only client_id and request_uri, and each request_uri once', async () => {
    const par = await post('/connect/par', await withClientAuth(PAR_PARAMETERS));
    const requestUri = encodeURIComponent(String(par.body.request_uri));
    const extra = await fetch(
      `${provider.issuer}/connect/authorize?client_id=${CLIENT_ID}&request_uri=${requestUri}&scope=openid`,
      { redirect: 'manual' },
    );
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as { error: string }).error).toBe('invalid_request');
    const direct = await fetch(
      `${provider.issuer}/connect/authorize?client_id=${CLIENT_ID}&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`,
      { redirect: 'manual' },
    );
    expect(direct.status).toBe(400);
  });
});

describe('fake OIDC provider: token endpoint', () => {
  it('refuses a token request without a DPoP proof', async () => {
    const code = await obtainCode();
    const response = await post(
      '/connect/token',
      await withClientAuth({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: VERIFIER,
      }),
    );
    expect(response).toMatchObject({ status: 400, body: { error: 'invalid_dpop_proof' } });
  });

  it('asks for a DPoP nonce first, refuses bad proofs, then issues DPoP-bound tokens with HelseID claims', async () => {
    const code = await obtainCode();
    const first = await requestToken(code);
    expect(first).toMatchObject({ status: 400, body: { error: 'use_dpop_nonce' } });
    const nonce = first.headers.get('dpop-nonce') ?? '';
    expect(nonce).not.toBe('');

    const tokenForm = await withClientAuth({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: VERIFIER,
    });
    const badProofs = [
      await dpopProof({ nonce, typ: 'JWT' }),
      await dpopProof({ nonce, htu: `${provider.issuer}/connect/par` }),
      await dpopProof({ nonce, htm: 'GET' }),
      await dpopProof({ nonce, iat: nowSeconds() - 3600 }),
    ];
    for (const proof of badProofs) {
      const response = await post(
        '/connect/token',
        { ...tokenForm, client_assertion: await clientAssertion() },
        {
          dpop: proof,
        },
      );
      expect(response.body.error).toBe('invalid_dpop_proof');
    }
    const reused = await dpopProof({ nonce, jti: 'reused-proof' });
    await post(
      '/connect/token',
      { ...tokenForm, client_assertion: await clientAssertion(), code_verifier: 'wrong' },
      {
        dpop: reused,
      },
    );
    const replay = await post(
      '/connect/token',
      { ...tokenForm, client_assertion: await clientAssertion() },
      {
        dpop: reused,
      },
    );
    expect(replay.body.error).toBe('invalid_dpop_proof');

    // The wrong verifier above used the code up (codes are single use), so get a new one.
    const freshCode = await obtainCode();
    const wrongVerifier = await requestToken(freshCode, {
      nonce,
      verifier: randomBytes(32).toString('base64url'),
    });
    expect(wrongVerifier.body.error).toBe('invalid_grant');

    const goodCode = await obtainCode();
    const tokens = await requestToken(goodCode, { nonce });
    expect(tokens.status).toBe(200);
    expect(tokens.body.token_type).toBe('DPoP');
    const accessClaims = decodeJwt(String(tokens.body.access_token));
    expect(accessClaims.cnf).toEqual({ jkt: await calculateJwkThumbprint(dpopKey.publicJwk, 'sha256') });
    const idClaims = decodeJwt(String(tokens.body.id_token));
    expect(idClaims).toMatchObject({
      iss: provider.issuer,
      aud: CLIENT_ID,
      sub: 'sub-1',
      nonce: 'nonce-1',
      [HELSEID_CLAIMS.hprNumber]: '1234567',
      [HELSEID_CLAIMS.pid]: '01017012345',
    });
    const reuse = await requestToken(goodCode, { nonce });
    expect(reuse.body.error).toBe('invalid_grant');

    // User info: only with the DPoP scheme and a proof from the bound key for this token.
    const accessToken = String(tokens.body.access_token);
    const userInfoUrl = `${provider.issuer}/connect/userinfo`;
    const bearer = await fetch(userInfoUrl, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(bearer.status).toBe(401);
    expect(bearer.headers.get('www-authenticate')).toContain('invalid_token');
    const wrongAth = await fetch(userInfoUrl, {
      headers: {
        authorization: `DPoP ${accessToken}`,
        dpop: await dpopProof({ htm: 'GET', htu: userInfoUrl, ath: b64sha256('another token') }),
      },
    });
    expect(wrongAth.status).toBe(401);
    expect(wrongAth.headers.get('www-authenticate')).toContain('invalid_dpop_proof');
    const userInfo = await fetch(userInfoUrl, {
      headers: {
        authorization: `DPoP ${accessToken}`,
        dpop: await dpopProof({ htm: 'GET', htu: userInfoUrl, ath: b64sha256(accessToken) }),
      },
    });
    expect(userInfo.status).toBe(200);
    expect(await userInfo.json()).toMatchObject({ sub: 'sub-1', [HELSEID_CLAIMS.hprNumber]: '1234567' });
  });
});
