import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CryptoKey, JWK, JWTPayload } from 'jose';
import {
  EmbeddedJWK,
  SignJWT,
  calculateJwkThumbprint,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
} from 'jose';

/**
 * A small OpenID Connect provider for tests, on loopback, shaped like HelseID (norwegian-integration.md §1):
 * private_key_jwt client authentication only (assertion `typ: client-authentication+jwt`, iss = sub =
 * client_id, aud = issuer, short lifetime, unique jti), mandatory PAR with PKCE S256, an authorize endpoint that
 * takes only `client_id` + `request_uri`, DPoP-bound tokens with the nonce handshake at the token endpoint,
 * and HelseID-style claims. Every violation gets the OAuth error a real server would give, so tests can prove
 * that a client does each part right. It is a test double, not a security component.
 */

/** A client registered at the fake provider. */
export interface FakeOidcClient {
  clientId: string;
  /** The public half of the client's private_key_jwt key. */
  publicJwk: JWK;
  redirectUris: string[];
}

/** The person the fake provider signs in at /connect/authorize (no login screen). */
export interface FakeOidcUser {
  subject: string;
  name: string;
  givenName: string;
  familyName: string;
  /** Fødselsnummer of the user (synthetic in tests). */
  pid: string;
  hprNumber?: string;
  email?: string;
  emailVerified?: boolean;
  /** `3` or `4`; default `4`. */
  securityLevel?: string;
}

/** One request the fake provider answered (names of parameters only, no values). */
export interface FakeOidcEvent {
  endpoint: 'discovery' | 'jwks' | 'par' | 'authorize' | 'token' | 'userinfo' | 'unknown';
  method: string;
  status: number;
  /** The OAuth error code, when the request was refused. */
  error?: string;
  description?: string;
  parameterNames: string[];
  /** Whether a DPoP header came with the request. */
  withDpop: boolean;
  /** Whether the DPoP proof carried a nonce. */
  withDpopNonce: boolean;
  /** The client assertion's header and claims as sent (decoded; an assertion is single use, not a secret). */
  clientAssertion?: { header: Record<string, unknown>; claims: JWTPayload };
}

/** Options for `startFakeOidcProvider`. */
export interface FakeOidcProviderOptions {
  clients: FakeOidcClient[];
  user: FakeOidcUser;
  /** Require a server-issued nonce in DPoP proofs at the token endpoint (HelseID does). Default true. */
  requireDpopNonce?: boolean;
  /** Longest accepted client-assertion lifetime (exp − iat) in seconds; default 120. */
  maxAssertionLifetimeSeconds?: number;
}

/** A running fake provider. */
export interface FakeOidcProvider {
  /** `http://127.0.0.1:<port>` */
  issuer: string;
  /** Every request answered, oldest first. */
  events: FakeOidcEvent[];
  /** Changes who is signed in at the next authorize request. */
  setUser(user: FakeOidcUser): void;
  /** Decodes (without checking) the claims of the last issued id token, for assertions in tests. */
  lastIdTokenClaims(): JWTPayload | undefined;
  close(): Promise<void>;
}

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const ASSERTION_TYP = 'client-authentication+jwt';
const SIGNING_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];
const LIFETIME_SECONDS = 60;
const PROOF_WINDOW_SECONDS = 60;

/** HelseID's claim names (norwegian-integration.md §1.4). */
export const HELSEID_CLAIMS = {
  pid: 'helseid://claims/identity/pid',
  securityLevel: 'helseid://claims/identity/security_level',
  hprNumber: 'helseid://claims/hpr/hpr_number',
} as const;

/** HelseID's scopes for those claims. */
export const HELSEID_SCOPES = {
  pid: 'helseid://scopes/identity/pid',
  securityLevel: 'helseid://scopes/identity/security_level',
  hprNumber: 'helseid://scopes/hpr/hpr_number',
} as const;

class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}

interface PushedRequest {
  clientId: string;
  parameters: URLSearchParams;
  dpopJkt?: string;
  expiresAt: number;
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce?: string;
  scope: string;
  dpopJkt?: string;
  user: FakeOidcUser;
  expiresAt: number;
}

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

function claimsForScopes(user: FakeOidcUser, scope: string): Record<string, unknown> {
  const scopes = new Set(scope.split(' '));
  return {
    sub: user.subject,
    ...(scopes.has('profile')
      ? { name: user.name, given_name: user.givenName, family_name: user.familyName }
      : {}),
    ...(scopes.has(HELSEID_SCOPES.pid) ? { [HELSEID_CLAIMS.pid]: user.pid } : {}),
    ...(scopes.has(HELSEID_SCOPES.securityLevel)
      ? { [HELSEID_CLAIMS.securityLevel]: user.securityLevel ?? '4' }
      : {}),
    ...(scopes.has(HELSEID_SCOPES.hprNumber) && user.hprNumber !== undefined
      ? { [HELSEID_CLAIMS.hprNumber]: user.hprNumber }
      : {}),
    ...(scopes.has('email') && user.email !== undefined
      ? { email: user.email, email_verified: user.emailVerified ?? false }
      : {}),
  };
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > 64 * 1024) throw new OAuthError(413, 'invalid_request', 'body too large');
    chunks.push(buffer);
  }
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new OAuthError(400, 'invalid_request', 'expected application/x-www-form-urlencoded');
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function singleHeader(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Starts the fake provider on 127.0.0.1 and a free port. */
export async function startFakeOidcProvider(options: FakeOidcProviderOptions): Promise<FakeOidcProvider> {
  const signing = await generateKeyPair('RS256');
  const signingKid = randomBytes(8).toString('hex');
  const publicSigningJwk = {
    ...(await exportJWK(signing.publicKey)),
    kid: signingKid,
    use: 'sig',
    alg: 'RS256',
  };
  const clients = new Map(options.clients.map((client) => [client.clientId, client]));
  const requireDpopNonce = options.requireDpopNonce ?? true;
  const maxAssertionLifetime = options.maxAssertionLifetimeSeconds ?? 120;
  let user = options.user;
  let lastIdToken: string | undefined;

  const usedAssertionIds = new Set<string>();
  const usedProofIds = new Set<string>();
  const dpopNonces = new Map<string, number>();
  const pushedRequests = new Map<string, PushedRequest>();
  const codes = new Map<string, IssuedCode>();
  const events: FakeOidcEvent[] = [];
  let issuer = '';
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  const issueDpopNonce = (): string => {
    const nonce = randomToken();
    dpopNonces.set(nonce, nowSeconds() + 300);
    return nonce;
  };
  const isValidDpopNonce = (nonce: unknown): boolean =>
    typeof nonce === 'string' && (dpopNonces.get(nonce) ?? 0) > nowSeconds();

  /** Checks private_key_jwt client authentication and returns the client. */
  const authenticateClient = async (form: URLSearchParams, event: FakeOidcEvent): Promise<FakeOidcClient> => {
    const refuse = (description: string) => new OAuthError(401, 'invalid_client', description);
    if (form.get('client_assertion_type') !== ASSERTION_TYPE) {
      throw refuse('private_key_jwt client authentication required');
    }
    const assertion = form.get('client_assertion');
    if (assertion === null || assertion === '') throw refuse('client_assertion missing');
    let header;
    try {
      header = decodeProtectedHeader(assertion);
    } catch {
      throw refuse('client_assertion is not a JWT');
    }
    try {
      event.clientAssertion = { header: { ...header }, claims: decodeJwt(assertion) };
    } catch {
      throw refuse('client_assertion is not a JWT');
    }
    if (header.typ !== ASSERTION_TYP) throw refuse(`client_assertion typ must be ${ASSERTION_TYP}`);
    const clientId = form.get('client_id');
    const client = clientId === null ? undefined : clients.get(clientId);
    if (client === undefined) throw refuse('unknown client_id');
    let payload: JWTPayload;
    try {
      const key = await importJWK(client.publicJwk, header.alg);
      ({ payload } = await jwtVerify(assertion, key, {
        algorithms: SIGNING_ALGORITHMS,
        typ: ASSERTION_TYP,
        issuer: client.clientId,
        subject: client.clientId,
        audience: issuer,
        requiredClaims: ['exp', 'iat', 'jti'],
        clockTolerance: 5,
      }));
    } catch (error) {
      throw refuse(`client_assertion rejected: ${(error as { code?: string }).code ?? 'invalid'}`);
    }
    const lifetime = (payload.exp ?? 0) - (payload.iat ?? 0);
    if (lifetime > maxAssertionLifetime) throw refuse('client_assertion lifetime too long');
    const jti = String(payload.jti);
    if (usedAssertionIds.has(jti)) throw refuse('client_assertion jti reused');
    usedAssertionIds.add(jti);
    return client;
  };

  /** Checks a DPoP proof (RFC 9449 §4.3) and returns its key thumbprint and claims. */
  const verifyDpopProof = async (
    proof: string | undefined,
    expected: { method: string; url: string; accessToken?: string },
  ): Promise<{ jkt: string; payload: JWTPayload }> => {
    const refuse = (description: string) => new OAuthError(400, 'invalid_dpop_proof', description);
    if (proof === undefined || proof === '') throw refuse('DPoP proof required');
    let header;
    try {
      header = decodeProtectedHeader(proof);
    } catch {
      throw refuse('DPoP proof is not a JWT');
    }
    if (header.typ !== 'dpop+jwt') throw refuse('DPoP proof typ must be dpop+jwt');
    if (header.jwk === undefined || 'd' in header.jwk) throw refuse('DPoP proof needs a public jwk header');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(proof, EmbeddedJWK, {
        algorithms: SIGNING_ALGORITHMS,
        typ: 'dpop+jwt',
        requiredClaims: ['iat', 'jti'],
      }));
    } catch (error) {
      throw refuse(`DPoP proof signature rejected: ${(error as { code?: string }).code ?? 'invalid'}`);
    }
    if (payload.htm !== expected.method) throw refuse('DPoP proof htm does not match');
    if (payload.htu !== expected.url) throw refuse('DPoP proof htu does not match');
    if (Math.abs((payload.iat ?? 0) - nowSeconds()) > PROOF_WINDOW_SECONDS)
      throw refuse('DPoP proof iat out of range');
    const jti = String(payload.jti);
    if (usedProofIds.has(jti)) throw refuse('DPoP proof jti reused');
    usedProofIds.add(jti);
    if (expected.accessToken !== undefined && payload.ath !== sha256(expected.accessToken)) {
      throw refuse('DPoP proof ath does not match the access token');
    }
    return { jkt: await calculateJwkThumbprint(header.jwk, 'sha256'), payload };
  };

  const handlePar = async (
    request: IncomingMessage,
    event: FakeOidcEvent,
  ): Promise<{ status: number; body: unknown }> => {
    const form = await readForm(request);
    const client = await authenticateClient(form, event);
    if (form.has('request_uri'))
      throw new OAuthError(400, 'invalid_request', 'request_uri not allowed at PAR');
    if (form.get('response_type') !== 'code')
      throw new OAuthError(400, 'invalid_request', 'response_type must be code');
    const redirectUri = form.get('redirect_uri');
    if (redirectUri === null || !client.redirectUris.includes(redirectUri)) {
      throw new OAuthError(400, 'invalid_request', 'redirect_uri not registered');
    }
    if (!(form.get('scope') ?? '').split(' ').includes('openid')) {
      throw new OAuthError(400, 'invalid_scope', 'scope must include openid');
    }
    if (form.get('code_challenge_method') !== 'S256') {
      throw new OAuthError(400, 'invalid_request', 'PKCE with code_challenge_method S256 required');
    }
    if (!/^[\w-]{43}$/.test(form.get('code_challenge') ?? '')) {
      throw new OAuthError(400, 'invalid_request', 'code_challenge missing or malformed');
    }
    let dpopJkt = form.get('dpop_jkt') ?? undefined;
    const proof = singleHeader(request, 'dpop');
    if (proof !== undefined) {
      const { jkt } = await verifyDpopProof(proof, { method: 'POST', url: `${issuer}/connect/par` });
      if (dpopJkt !== undefined && dpopJkt !== jkt) {
        throw new OAuthError(400, 'invalid_dpop_proof', 'dpop_jkt does not match the DPoP proof');
      }
      dpopJkt = jkt;
    }
    const requestUri = `urn:ietf:params:oauth:request_uri:${randomToken()}`;
    pushedRequests.set(requestUri, {
      clientId: client.clientId,
      parameters: form,
      ...(dpopJkt === undefined ? {} : { dpopJkt }),
      expiresAt: nowSeconds() + LIFETIME_SECONDS,
    });
    return { status: 201, body: { request_uri: requestUri, expires_in: LIFETIME_SECONDS } };
  };

  const handleAuthorize = (url: URL): string => {
    const names = [...url.searchParams.keys()].sort();
    if (names.join(',') !== 'client_id,request_uri') {
      throw new OAuthError(
        400,
        'invalid_request',
        'authorize takes only client_id and request_uri (use PAR)',
      );
    }
    const requestUri = url.searchParams.get('request_uri') ?? '';
    const pushed = pushedRequests.get(requestUri);
    pushedRequests.delete(requestUri);
    if (pushed === undefined || pushed.expiresAt < nowSeconds()) {
      throw new OAuthError(400, 'invalid_request_uri', 'request_uri unknown, used or expired');
    }
    if (pushed.clientId !== url.searchParams.get('client_id')) {
      throw new OAuthError(400, 'invalid_request', 'client_id does not match the pushed request');
    }
    const code = randomToken();
    const parameters = pushed.parameters;
    const nonce = parameters.get('nonce');
    codes.set(code, {
      clientId: pushed.clientId,
      redirectUri: parameters.get('redirect_uri') ?? '',
      codeChallenge: parameters.get('code_challenge') ?? '',
      scope: parameters.get('scope') ?? 'openid',
      ...(nonce === null ? {} : { nonce }),
      ...(pushed.dpopJkt === undefined ? {} : { dpopJkt: pushed.dpopJkt }),
      user,
      expiresAt: nowSeconds() + LIFETIME_SECONDS,
    });
    const target = new URL(parameters.get('redirect_uri') ?? '');
    target.searchParams.set('code', code);
    const state = parameters.get('state');
    if (state !== null) target.searchParams.set('state', state);
    target.searchParams.set('iss', issuer);
    return target.href;
  };

  const handleToken = async (
    request: IncomingMessage,
    event: FakeOidcEvent,
  ): Promise<{ status: number; body: unknown }> => {
    const form = await readForm(request);
    const client = await authenticateClient(form, event);
    if (form.get('grant_type') !== 'authorization_code') {
      throw new OAuthError(400, 'unsupported_grant_type', 'only authorization_code');
    }
    const { jkt, payload } = await verifyDpopProof(singleHeader(request, 'dpop'), {
      method: 'POST',
      url: `${issuer}/connect/token`,
    });
    if (requireDpopNonce && !isValidDpopNonce(payload.nonce)) {
      throw new OAuthError(400, 'use_dpop_nonce', 'DPoP proof requires a server nonce', {
        'DPoP-Nonce': issueDpopNonce(),
      });
    }
    const codeValue = form.get('code') ?? '';
    const code = codes.get(codeValue);
    codes.delete(codeValue);
    if (code === undefined || code.expiresAt < nowSeconds()) {
      throw new OAuthError(400, 'invalid_grant', 'code unknown, used or expired');
    }
    if (code.clientId !== client.clientId)
      throw new OAuthError(400, 'invalid_grant', 'code issued to another client');
    if (form.get('redirect_uri') !== code.redirectUri)
      throw new OAuthError(400, 'invalid_grant', 'redirect_uri mismatch');
    if (sha256(form.get('code_verifier') ?? '') !== code.codeChallenge) {
      throw new OAuthError(400, 'invalid_grant', 'PKCE code_verifier does not match');
    }
    if (code.dpopJkt !== undefined && code.dpopJkt !== jkt) {
      throw new OAuthError(400, 'invalid_grant', 'DPoP key differs from the one used at PAR');
    }
    const now = nowSeconds();
    const accessToken = await new SignJWT({
      client_id: client.clientId,
      scope: code.scope,
      cnf: { jkt },
    })
      .setProtectedHeader({ alg: 'RS256', kid: signingKid, typ: 'at+jwt' })
      .setIssuer(issuer)
      .setSubject(code.user.subject)
      .setAudience('kollega-test-api')
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .setJti(randomToken())
      .sign(signing.privateKey);
    const idToken = await new SignJWT({
      ...claimsForScopes(code.user, code.scope),
      ...(code.nonce === undefined ? {} : { nonce: code.nonce }),
      auth_time: now,
      idp: 'testidp-oidc',
    })
      .setProtectedHeader({ alg: 'RS256', kid: signingKid, typ: 'JWT' })
      .setIssuer(issuer)
      .setSubject(code.user.subject)
      .setAudience(client.clientId)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(signing.privateKey);
    lastIdToken = idToken;
    return {
      status: 200,
      body: {
        access_token: accessToken,
        token_type: 'DPoP',
        expires_in: 300,
        scope: code.scope,
        id_token: idToken,
      },
    };
  };

  const handleUserInfo = async (
    request: IncomingMessage,
    method: string,
  ): Promise<{ status: number; body: unknown }> => {
    const authorization = singleHeader(request, 'authorization') ?? '';
    const challenge = (error: string, description: string) =>
      new OAuthError(401, error, description, {
        'WWW-Authenticate': `DPoP error="${error}", algs="ES256 PS256 RS256"`,
      });
    if (!authorization.startsWith('DPoP ')) {
      throw challenge('invalid_token', 'a DPoP-bound access token must be sent with the DPoP scheme');
    }
    const accessToken = authorization.slice('DPoP '.length).trim();
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(accessToken, signing.publicKey, { issuer, typ: 'at+jwt' }));
    } catch {
      throw challenge('invalid_token', 'access token rejected');
    }
    let proof;
    try {
      proof = await verifyDpopProof(singleHeader(request, 'dpop'), {
        method,
        url: `${issuer}/connect/userinfo`,
        accessToken,
      });
    } catch (error) {
      throw challenge('invalid_dpop_proof', error instanceof Error ? error.message : 'invalid DPoP proof');
    }
    if (proof.payload.nonce !== undefined && !isValidDpopNonce(proof.payload.nonce)) {
      throw challenge('invalid_dpop_proof', 'unknown DPoP nonce');
    }
    const confirmation = claims.cnf as { jkt?: string } | undefined;
    if (confirmation?.jkt !== proof.jkt)
      throw challenge('invalid_dpop_proof', 'DPoP key does not match cnf.jkt');
    return {
      status: 200,
      body: claimsForScopes(user, typeof claims.scope === 'string' ? claims.scope : 'openid'),
    };
  };

  const discovery = () => ({
    issuer,
    authorization_endpoint: `${issuer}/connect/authorize`,
    pushed_authorization_request_endpoint: `${issuer}/connect/par`,
    require_pushed_authorization_requests: true,
    token_endpoint: `${issuer}/connect/token`,
    userinfo_endpoint: `${issuer}/connect/userinfo`,
    jwks_uri: `${issuer}/.well-known/openid-configuration/jwks`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['public'],
    scopes_supported: ['openid', 'profile', 'email', ...Object.values(HELSEID_SCOPES)],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: SIGNING_ALGORITHMS,
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    dpop_signing_alg_values_supported: SIGNING_ALGORITHMS,
    authorization_response_iss_parameter_supported: true,
    claims_parameter_supported: false,
  });

  const respond = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', issuer);
    const method = request.method ?? 'GET';
    const proof = singleHeader(request, 'dpop');
    let proofHasNonce = false;
    if (proof !== undefined) {
      try {
        const [, payload = ''] = proof.split('.');
        proofHasNonce = 'nonce' in (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as object);
      } catch {
        proofHasNonce = false;
      }
    }
    const endpoint: FakeOidcEvent['endpoint'] =
      url.pathname === '/.well-known/openid-configuration'
        ? 'discovery'
        : url.pathname === '/.well-known/openid-configuration/jwks'
          ? 'jwks'
          : url.pathname === '/connect/par'
            ? 'par'
            : url.pathname === '/connect/authorize'
              ? 'authorize'
              : url.pathname === '/connect/token'
                ? 'token'
                : url.pathname === '/connect/userinfo'
                  ? 'userinfo'
                  : 'unknown';
    const event: FakeOidcEvent = {
      endpoint,
      method,
      status: 200,
      parameterNames: [...url.searchParams.keys()],
      withDpop: proof !== undefined,
      withDpopNonce: proofHasNonce,
    };
    events.push(event);
    const sendJson = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      event.status = status;
      response.writeHead(status, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
        ...headers,
      });
      response.end(JSON.stringify(body));
    };
    try {
      if (endpoint === 'discovery' && method === 'GET') return sendJson(200, discovery());
      if (endpoint === 'jwks' && method === 'GET') return sendJson(200, { keys: [publicSigningJwk] });
      if (endpoint === 'par' && method === 'POST') {
        const { status, body } = await handlePar(request, event);
        return sendJson(status, body);
      }
      if (endpoint === 'authorize' && method === 'GET') {
        const location = handleAuthorize(url);
        event.status = 302;
        response.writeHead(302, { location, 'cache-control': 'no-store' });
        response.end();
        return;
      }
      if (endpoint === 'token' && method === 'POST') {
        const { status, body } = await handleToken(request, event);
        return sendJson(status, body);
      }
      if (endpoint === 'userinfo' && (method === 'GET' || method === 'POST')) {
        const { status, body } = await handleUserInfo(request, method);
        return sendJson(status, body);
      }
      throw new OAuthError(404, 'not_found', 'no such endpoint');
    } catch (error) {
      const failure =
        error instanceof OAuthError ? error : new OAuthError(500, 'server_error', 'unexpected failure');
      event.error = failure.error;
      event.description = failure.description;
      sendJson(
        failure.status,
        { error: failure.error, error_description: failure.description },
        failure.headers,
      );
    }
  };

  const server: Server = createServer((request, response) => {
    void respond(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    events,
    setUser(next) {
      user = next;
    },
    lastIdTokenClaims() {
      if (lastIdToken === undefined) return undefined;
      const [, payload = ''] = lastIdToken.split('.');
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as JWTPayload;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

/** A fresh client key pair for tests: the private JWK (with kid and alg) and its public half. */
export async function createTestClientKey(
  alg: 'PS256' | 'RS256' | 'ES256' = 'PS256',
): Promise<{ privateJwk: JWK; publicJwk: JWK; privateKey: CryptoKey }> {
  const pair = await generateKeyPair(alg, { extractable: true });
  const kid = randomBytes(8).toString('hex');
  const privateJwk = { ...(await exportJWK(pair.privateKey)), kid, alg };
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg };
  return { privateJwk, publicJwk, privateKey: pair.privateKey };
}
