import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '@kollega/domain';
import { isAdministrator } from '@kollega/storage';
import type { AppContext } from '../context';
import { parseRequestBody } from '../http/api-schemas';
import { TokenBucketLimiter } from '../security/token-bucket';
import { parseCookies, serializeCookie } from './cookies';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './password';
import type { SignedInUser } from './request-scope';
import type { ApiOperation } from '../http/openapi';

/** The session cookie (HttpOnly) and the CSRF cookie the web app echoes in `x-csrf-token`. */
export const SESSION_COOKIE = 'kollega_session';
/** Readable by the page's script, so it can send the double-submit header. */
export const CSRF_COOKIE = 'kollega_csrf';
/** The header every non-GET API request from a cookie session must carry. */
export const CSRF_HEADER = 'x-csrf-token';
/** How long a session lasts: one working day. */
export const SESSION_SECONDS = 12 * 60 * 60;

/** API routes anyone may call: health, docs, sign-in, first-time setup, and the token-protected patient questionnaire. */
const PUBLIC_ROUTES = new Set([
  '/api/health',
  '/api/docs',
  '/api/docs/openapi.json',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/me',
  '/api/auth/methods',
  '/api/auth/oidc/login',
  '/api/auth/oidc/callback',
  '/api/setup/status',
  '/api/setup',
  '/api/questionnaire/open',
  '/api/questionnaire/check',
  '/api/questionnaire/submit',
]);

/** True when a registered route pattern needs a signed-in user. */
export function isProtectedRoute(pattern: string | undefined, rawPath: string): boolean {
  if (pattern === undefined) return rawPath.startsWith('/api');
  return pattern.startsWith('/api') && !PUBLIC_ROUTES.has(pattern.replace(/\/+$/, ''));
}

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9._@-]+$/, 'Brukernavn: bokstaver a–z, tall og . _ @ -');
export const PasswordSchema = z.string().min(12, 'Passordet må ha minst 12 tegn').max(256);

const LoginBodySchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
});
const SetupBodySchema = z.object({
  setupCode: z.string().trim().min(1).max(64),
  practiceName: z.string().trim().min(1).max(200),
  username: UsernameSchema,
  displayName: z.string().trim().min(1).max(200),
  password: PasswordSchema,
});

export const UserSchema = z.object({
  id: z.string(),
  practiceId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['lege', 'helsesekretær', 'admin']),
  administrator: z.boolean(),
});
const SignedInSchema = z.object({ user: UserSchema, csrfToken: z.string() });

/** The sign-in and setup operations, for the OpenAPI document. */
export const AUTH_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/api/setup/status',
    summary: 'Om førstegangsoppsett trengs (ingen legekontor ennå)',
    responses: { '200': { description: 'Status', schema: z.object({ setupNeeded: z.boolean() }) } },
  },
  {
    method: 'post',
    path: '/api/setup',
    summary: 'Førstegangsoppsett med engangskoden: oppretter legekontoret og første lege, og logger inn',
    requestBody: { contentType: 'application/json', schema: SetupBodySchema, required: true },
    responses: {
      '201': {
        description: 'Kontoret og brukeren',
        schema: SignedInSchema.extend({
          practice: z.object({ id: z.string(), name: z.string(), createdAt: z.string() }),
        }),
      },
    },
  },
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Logg inn (setter øktinformasjonskapsel og CSRF-token); begrenset antall forsøk',
    requestBody: { contentType: 'application/json', schema: LoginBodySchema, required: true },
    responses: { '200': { description: 'Innlogget', schema: SignedInSchema } },
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Logg ut (krever x-csrf-token)',
    responses: { '204': { description: 'Utlogget' } },
  },
  {
    method: 'get',
    path: '/api/auth/me',
    summary: 'Innlogget bruker og CSRF-token (401 uten økt)',
    responses: { '200': { description: 'Brukeren', schema: { type: 'object' } } },
  },
];

export function toPublicUser(user: SignedInUser) {
  return {
    id: user.id,
    practiceId: user.practiceId,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    administrator: isAdministrator(user),
  };
}

function equalSecrets(left: string, right: string): boolean {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A one-time setup code, e.g. `K7QF-2MZD-9XWA-P3RT` (80 bits). */
export function createSetupCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  const characters = [...bytes].map((byte) => alphabet[byte % alphabet.length] ?? 'A').join('');
  return characters.match(/.{4}/g)?.join('-') ?? characters;
}

/** Starts a session for a user: stores it and sets the session (HttpOnly) and CSRF cookies. */
export async function startSession(
  context: AppContext,
  reply: FastifyReply,
  userId: string,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const now = context.now();
  await context.storage.auth.createSession(token, {
    userId,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_SECONDS * 1000).toISOString(),
  });
  const secure = context.config.secureCookies === 'on';
  reply.header('set-cookie', [
    serializeCookie(SESSION_COOKIE, token, { httpOnly: true, secure, maxAge: SESSION_SECONDS }),
    serializeCookie(CSRF_COOKIE, csrfToken, { httpOnly: false, secure, maxAge: SESSION_SECONDS }),
  ]);
  return csrfToken;
}

/** The signed-in user and CSRF token of a request's session cookie, or undefined. */
export async function readSession(
  context: AppContext,
  request: FastifyRequest,
): Promise<{ user: SignedInUser; csrfToken: string; token: string } | undefined> {
  const token = parseCookies(request.headers.cookie)[SESSION_COOKIE];
  if (token === undefined || token === '' || token.length > 200) return undefined;
  const session = await context.storage.auth.findSession(token);
  if (session === undefined) return undefined;
  const user = await context.storage.auth.findUser(session.userId);
  if (user === undefined || user.disabledAt !== undefined) return undefined;
  return {
    token,
    csrfToken: session.csrfToken,
    user: {
      id: user.id,
      practiceId: user.practiceId,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      administrator: isAdministrator(user),
    },
  };
}

/** Throws `forbidden` unless the request carries the session's CSRF token in `x-csrf-token`. */
export function assertCsrf(request: FastifyRequest, csrfToken: string): void {
  const header = request.headers[CSRF_HEADER];
  const sent = Array.isArray(header) ? header[0] : header;
  if (sent === undefined || !equalSecrets(sent, csrfToken)) {
    throw new AppError('forbidden', 'Mangler eller ugyldig CSRF-token (x-csrf-token)', {
      details: { reason: 'csrf' },
    });
  }
}

/** /api/auth/login, /api/auth/logout, /api/auth/me, /api/setup/status and /api/setup. */
export function registerAuthRoutes(app: FastifyInstance, context: AppContext): void {
  const perAddress = new TokenBucketLimiter({ capacity: 10, refillPerSecond: 1 / 30 });
  const perUsername = new TokenBucketLimiter({ capacity: 5, refillPerSecond: 1 / 60 });
  const limit = (allowed: boolean): void => {
    if (!allowed) {
      throw new AppError('rate_limited', 'For mange forsøk; vent litt og prøv igjen', {
        details: { retryAfterSeconds: 60 },
      });
    }
  };

  app.get('/api/setup/status', async () => ({
    setupNeeded: (await context.storage.auth.countPractices()) === 0,
  }));

  app.post('/api/setup', async (request, reply) => {
    limit(perAddress.tryTake(`setup:${request.ip}`));
    const body = parseRequestBody(SetupBodySchema, request.body);
    const code = context.setup.code;
    if (code === undefined || !equalSecrets(body.setupCode.toUpperCase(), code)) {
      throw new AppError('forbidden', 'Feil oppsettskode (se serverens utskrift ved oppstart)', {
        details: { reason: 'setup_code' },
      });
    }
    const { practice, user } = await context.storage.auth.createPracticeWithUser({
      practiceName: body.practiceName,
      user: {
        username: body.username,
        displayName: body.displayName,
        role: 'lege',
        // The first user sets the practice up: a doctor who also administers it.
        administrator: true,
        passwordHash: await hashPassword(body.password),
      },
      onlyIfNone: true,
    });
    context.setup.code = undefined;
    const csrfToken = await startSession(context, reply, user.id);
    await context.storage.audit.append({
      actor: `bruker:${user.id}`,
      action: 'practice.setup',
      entityType: 'system',
      entityId: practice.id,
      outcome: 'success',
    });
    return reply.status(201).send({ practice, user: toPublicUser(user), csrfToken });
  });

  app.post('/api/auth/login', async (request, reply) => {
    limit(perAddress.tryTake(`login:${request.ip}`));
    const body = parseRequestBody(LoginBodySchema, request.body);
    limit(perUsername.tryTake(body.username));
    const user = await context.storage.auth.findUserByUsername(body.username);
    const matches = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (user === undefined || !matches || user.disabledAt !== undefined) {
      await context.storage.audit.append({
        actor: 'anonym',
        action: 'auth.login',
        entityType: 'system',
        entityId: '',
        outcome: 'failure',
        details: { code: 'unauthorized' },
      });
      throw new AppError('unauthorized', 'Feil brukernavn eller passord');
    }
    const csrfToken = await startSession(context, reply, user.id);
    await context.storage.audit.append({
      actor: `bruker:${user.id}`,
      action: 'auth.login',
      entityType: 'system',
      entityId: user.id,
      outcome: 'success',
    });
    return { user: toPublicUser(user), csrfToken };
  });

  app.post('/api/auth/logout', async (request, reply) => {
    const session = await readSession(context, request);
    if (session !== undefined) {
      assertCsrf(request, session.csrfToken);
      await context.storage.auth.deleteSession(session.token);
    }
    const secure = context.config.secureCookies === 'on';
    reply.header('set-cookie', [
      serializeCookie(SESSION_COOKIE, '', { httpOnly: true, secure, maxAge: 0 }),
      serializeCookie(CSRF_COOKIE, '', { httpOnly: false, secure, maxAge: 0 }),
    ]);
    return reply.status(204).send();
  });

  app.get('/api/auth/me', async (request) => {
    if (context.config.auth === 'off') return { user: null, authEnabled: false };
    const session = await readSession(context, request);
    if (session === undefined) throw new AppError('unauthorized', 'Ikke innlogget');
    return { user: toPublicUser(session.user), csrfToken: session.csrfToken, authEnabled: true };
  });
}
