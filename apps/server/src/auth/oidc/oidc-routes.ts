import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, toAppError } from '@kollega/domain';
import type { AppContext } from '../../context';
import { parseRequestBody } from '../../http/api-schemas';
import { HTTP_STATUS_BY_ERROR_CODE } from '../../http/error-mapping';
import type { ApiOperation } from '../../http/openapi';
import { TokenBucketLimiter } from '../../security/token-bucket';
import { startSession } from '../auth-routes';
import { parseCookies } from '../cookies';
import type { SignedInUser } from '../request-scope';
import { resolveOidcUser } from './identity-mapping';
import type { PendingOidcLogin } from './oidc-client';
import { OidcLoginClient } from './oidc-client';
import { readOidcSettings } from './oidc-settings';
import { PendingLoginStore } from './pending-logins';

/** Binds a sign-in to the browser that started it (HttpOnly, SameSite=Lax: it must come back from the provider). */
export const OIDC_LOGIN_COOKIE = 'kollega_oidc_login';
const OIDC_COOKIE_PATH = '/api/auth/oidc';
const PENDING_LOGIN_SECONDS = 10 * 60;

const MethodsSchema = z.object({
  authEnabled: z.boolean(),
  password: z.boolean(),
  oidc: z.object({ label: z.string(), loginUrl: z.string() }).nullable(),
});
const LoginQuerySchema = z.object({ neste: z.string().max(2000).optional() });
const CallbackQuerySchema = z.object({
  state: z.string().max(512).optional(),
  code: z.string().max(4096).optional(),
  iss: z.string().max(2048).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
});
const PreRegistrationSchema = z.object({
  id: z.string(),
  userId: z.string(),
  kind: z.enum(['hpr', 'email']),
  value: z.string(),
  createdAt: z.string(),
});
const CreatePreRegistrationBodySchema = z
  .object({
    userId: z.string().min(1).max(100),
    hprNumber: z.string().trim().min(1).max(20).optional(),
    email: z.string().trim().min(3).max(254).optional(),
  })
  .refine((body) => (body.hprNumber === undefined) !== (body.email === undefined), {
    message: 'Oppgi enten hprNumber eller email',
    path: ['hprNumber'],
  });
const RemovePreRegistrationBodySchema = z.object({ id: z.string().min(1).max(100) });
const LinkListSchema = z.object({
  preRegistrations: z.array(PreRegistrationSchema),
  identities: z.array(
    z.object({
      userId: z.string(),
      issuer: z.string(),
      linkedBy: z.enum(['hpr', 'email']),
      createdAt: z.string(),
      lastLoginAt: z.string().optional(),
    }),
  ),
});

/** The OpenID Connect sign-in operations, for the OpenAPI document. */
export const OIDC_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/api/auth/methods',
    summary: 'Hvilke innloggingsmåter som finnes (passord, OpenID Connect/HelseID)',
    responses: { '200': { description: 'Innloggingsmåtene', schema: MethodsSchema } },
  },
  {
    method: 'get',
    path: '/api/auth/oidc/login',
    summary:
      'Start innlogging med OpenID Connect (HelseID): PAR, PKCE og DPoP; 302 til leverandøren med bare client_id og request_uri',
    responses: { '302': { description: 'Videre til identitetsleverandøren' } },
  },
  {
    method: 'get',
    path: '/api/auth/oidc/callback',
    summary:
      'Tilbake fra identitetsleverandøren: sjekker state, veksler koden (DPoP), kobler identiteten til en bruker og starter økten',
    responses: {
      '302': { description: 'Innlogget; videre i appen' },
      '403': { description: 'Identiteten er ikke koblet til en bruker' },
    },
  },
  {
    method: 'get',
    path: '/api/auth/oidc/pre-registrations',
    summary:
      'Forhåndsregistreringer (HPR-nummer/e-post) og koblede identiteter i legekontoret (administrator)',
    responses: { '200': { description: 'Listen', schema: LinkListSchema } },
  },
  {
    method: 'post',
    path: '/api/auth/oidc/pre-registrations',
    summary:
      'Forhåndsregistrer en brukers HPR-nummer eller e-post, så første HelseID-innlogging kobles (administrator)',
    requestBody: { contentType: 'application/json', schema: CreatePreRegistrationBodySchema, required: true },
    responses: { '201': { description: 'Registrert', schema: PreRegistrationSchema } },
  },
  {
    method: 'post',
    path: '/api/auth/oidc/pre-registrations/remove',
    summary: 'Fjern en forhåndsregistrering (administrator)',
    requestBody: { contentType: 'application/json', schema: RemovePreRegistrationBodySchema, required: true },
    responses: { '204': { description: 'Fjernet' } },
  },
];

function loginCookie(value: string, options: { secure: boolean; maxAge: number }): string {
  return [
    `${OIDC_LOGIN_COOKIE}=${value}`,
    `Path=${OIDC_COOKIE_PATH}`,
    `Max-Age=${options.maxAge}`,
    'SameSite=Lax',
    'HttpOnly',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** A path inside the app to go on to after sign-in (never another site). */
export function safeReturnPath(next: string | undefined): string {
  // Printable ASCII only (browsers drop tabs and newlines, so `/\t/evil` would become `//evil`), one leading
  // slash, no backslashes.
  if (next === undefined || !/^\/(?![/\\])[\x21-\x7e]*$/.test(next) || next.includes('\\')) return '/';
  return next;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function requireAdmin(request: FastifyRequest): SignedInUser {
  const user = request.signedInUser;
  if (user === undefined) throw new AppError('unauthorized', 'Logg inn for å bruke Kollega');
  if (!user.administrator) {
    throw new AppError('forbidden', 'Bare administrator kan forhåndsregistrere innlogging', {
      details: { reason: 'role' },
    });
  }
  return user;
}

interface PendingBrowserLogin {
  oidc: PendingOidcLogin;
  /** sha256 of the login cookie's value. */
  browserBinding: Buffer;
  returnTo: string;
}

/**
 * /api/auth/methods, /api/auth/oidc/login, /api/auth/oidc/callback and the admin's pre-registrations.
 * The routes always exist; without KOLLEGA_OIDC_ISSUER (or with sign-in off) the sign-in routes answer 404.
 * Throws `invalid_input` at start-up when the OIDC configuration is incomplete.
 */
export function registerOidcRoutes(app: FastifyInstance, context: AppContext): void {
  const settings = context.config.auth === 'on' ? readOidcSettings(context.config) : undefined;
  const client = settings === undefined ? undefined : new OidcLoginClient(settings);
  const pending = new PendingLoginStore<PendingBrowserLogin>({
    lifetimeMs: PENDING_LOGIN_SECONDS * 1000,
    maxEntries: 10_000,
    now: () => context.now().getTime(),
  });
  const perAddress = new TokenBucketLimiter({ capacity: 20, refillPerSecond: 1 / 6 });
  const secure = context.config.secureCookies === 'on';

  const audit = async (
    outcome: 'success' | 'failure',
    input: { userId?: string; details: Record<string, string> },
  ): Promise<void> => {
    await context.storage.audit.append({
      actor: input.userId === undefined ? 'anonym' : `bruker:${input.userId}`,
      action: 'auth.login',
      entityType: 'system',
      entityId: input.userId ?? '',
      outcome,
      details: { method: 'oidc', ...input.details },
    });
  };

  const notConfigured = () =>
    new AppError('not_found', 'Innlogging med OpenID Connect er ikke satt opp', {
      details: { reason: 'oidc_off' },
    });

  /** A refused callback: the audit event, then an HTML page for a browser or the JSON error for others. */
  const refuseCallback = async (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    const appError = toAppError(error);
    await audit('failure', {
      details: {
        code: appError.code,
        reason: String(appError.details.reason ?? 'unknown'),
        ...(typeof appError.details.providerError === 'string'
          ? { providerError: appError.details.providerError }
          : {}),
      },
    });
    reply.header('set-cookie', loginCookie('', { secure, maxAge: 0 }));
    if (!(request.headers.accept ?? '').includes('text/html')) throw appError;
    const message = escapeHtml(appError.message);
    return reply
      .status(HTTP_STATUS_BY_ERROR_CODE[appError.code])
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Innlogging – Kollega</title></head>` +
          `<body><main><h1>Innloggingen ble ikke fullført</h1><p>${message}</p>` +
          `<p><a href="/logg-inn">Tilbake til innlogging</a></p></main></body></html>`,
      );
  };

  app.get('/api/auth/methods', () => ({
    authEnabled: context.config.auth === 'on',
    password: context.config.auth === 'on',
    oidc: settings === undefined ? null : { label: settings.label, loginUrl: '/api/auth/oidc/login' },
  }));

  app.get('/api/auth/oidc/login', async (request, reply) => {
    if (client === undefined) throw notConfigured();
    if (!perAddress.tryTake(`oidc:${request.ip}`)) {
      throw new AppError('rate_limited', 'For mange forsøk; vent litt og prøv igjen', {
        details: { retryAfterSeconds: 60 },
      });
    }
    const query = LoginQuerySchema.safeParse(request.query ?? {});
    const returnTo = safeReturnPath(query.success ? query.data.neste : undefined);
    let started;
    try {
      started = await client.startLogin();
    } catch (error) {
      const appError = toAppError(error);
      await audit('failure', {
        details: { code: appError.code, reason: String(appError.details.reason ?? 'par') },
      });
      throw appError;
    }
    const browserToken = randomBytes(32).toString('base64url');
    pending.put(started.pending.state, {
      oidc: started.pending,
      browserBinding: sha256(browserToken),
      returnTo,
    });
    reply.header('set-cookie', loginCookie(browserToken, { secure, maxAge: PENDING_LOGIN_SECONDS }));
    reply.header('cache-control', 'no-store');
    return reply.redirect(started.authorizationUrl.href, 302);
  });

  // logLevel warn: the request line would carry the authorization code in its query; the audit log records sign-ins.
  app.get('/api/auth/oidc/callback', { logLevel: 'warn' }, async (request, reply) => {
    if (client === undefined || settings === undefined) throw notConfigured();
    try {
      if (!perAddress.tryTake(`oidc:${request.ip}`)) {
        throw new AppError('rate_limited', 'For mange forsøk; vent litt og prøv igjen', {
          details: { retryAfterSeconds: 60, reason: 'rate_limited' },
        });
      }
      const query = CallbackQuerySchema.safeParse(request.query ?? {});
      const state = query.success ? query.data.state : undefined;
      const login = state === undefined ? undefined : pending.take(state);
      if (login === undefined) {
        throw new AppError(
          'invalid_input',
          'Innloggingsforsøket er ukjent, brukt eller utløpt; start på nytt',
          {
            details: { reason: 'state' },
          },
        );
      }
      const browserToken = parseCookies(request.headers.cookie)[OIDC_LOGIN_COOKIE] ?? '';
      if (!timingSafeEqual(sha256(browserToken), login.browserBinding)) {
        throw new AppError('invalid_input', 'Innloggingen ble startet i en annen nettleser; start på nytt', {
          details: { reason: 'browser_binding' },
        });
      }
      const callbackUrl = new URL(settings.redirectUri);
      const rawQuery = request.url.split('?')[1] ?? '';
      for (const [name, value] of new URLSearchParams(rawQuery)) callbackUrl.searchParams.append(name, value);

      const identity = await client.finishLogin(callbackUrl, login.oidc);
      const { user, linkedBy } = await resolveOidcUser(context.storage, identity);
      await startSession(context, reply, user.id);
      reply.header('set-cookie', loginCookie('', { secure, maxAge: 0 }));
      await audit('success', {
        userId: user.id,
        details: {
          linkedBy,
          ...(identity.securityLevel === undefined ? {} : { securityLevel: identity.securityLevel }),
        },
      });
      reply.header('cache-control', 'no-store');
      return reply.redirect(login.returnTo, 302);
    } catch (error) {
      return refuseCallback(request, reply, error);
    }
  });

  app.get('/api/auth/oidc/pre-registrations', async (request) => {
    const admin = requireAdmin(request);
    const identities = context.storage.auth.oidcIdentities;
    return {
      preRegistrations: (await identities.listPreRegistrations(admin.practiceId)).map((registration) => ({
        id: registration.id,
        userId: registration.userId,
        kind: registration.kind,
        value: registration.value,
        createdAt: registration.createdAt,
      })),
      identities: (await identities.listIdentities(admin.practiceId)).map((identity) => ({
        userId: identity.userId,
        issuer: identity.issuer,
        linkedBy: identity.linkedBy,
        createdAt: identity.createdAt,
        ...(identity.lastLoginAt === undefined ? {} : { lastLoginAt: identity.lastLoginAt }),
      })),
    };
  });

  app.post('/api/auth/oidc/pre-registrations', async (request, reply) => {
    const admin = requireAdmin(request);
    const body = parseRequestBody(CreatePreRegistrationBodySchema, request.body);
    const kind = body.hprNumber === undefined ? 'email' : 'hpr';
    const registration = await context.storage.auth.oidcIdentities.createPreRegistration({
      practiceId: admin.practiceId,
      userId: body.userId,
      kind,
      value: body.hprNumber ?? body.email ?? '',
      createdBy: admin.id,
    });
    await context.storage.audit.append({
      actor: `bruker:${admin.id}`,
      action: 'auth.oidc.pre_register',
      entityType: 'system',
      entityId: registration.userId,
      outcome: 'success',
      details: { kind },
    });
    return reply.status(201).send({
      id: registration.id,
      userId: registration.userId,
      kind: registration.kind,
      value: registration.value,
      createdAt: registration.createdAt,
    });
  });

  app.post('/api/auth/oidc/pre-registrations/remove', async (request, reply) => {
    const admin = requireAdmin(request);
    const body = parseRequestBody(RemovePreRegistrationBodySchema, request.body);
    const removed = await context.storage.auth.oidcIdentities.deletePreRegistration(
      body.id,
      admin.practiceId,
    );
    if (!removed) throw new AppError('not_found', 'Fant ikke forhåndsregistreringen');
    await context.storage.audit.append({
      actor: `bruker:${admin.id}`,
      action: 'auth.oidc.pre_register.remove',
      entityType: 'system',
      entityId: body.id,
      outcome: 'success',
    });
    return reply.status(204).send();
  });
}
