import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@kollega/domain';
import { parseCookies } from '../auth/cookies';
import { SESSION_COOKIE } from '../auth/auth-routes';
import { TokenBucketLimiter } from './token-bucket';

/** Options for `registerApiRateLimit`. */
export interface ApiRateLimitOptions {
  /** Requests per minute per signed-in user, and per address for requests without a user; also the burst. */
  perMinute: number;
  /** Clock in milliseconds (tests). */
  now?: () => number;
}

/** Requests a single address may make with a session cookie the server does not know, before it is slowed. */
const INVALID_SESSION_BURST = 30;
/** Sustained rate of unknown-session requests per address: one every two seconds. */
const INVALID_SESSION_PER_SECOND = 0.5;

function isApiRequest(request: FastifyRequest): boolean {
  return request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?');
}

function hasSessionCookie(request: FastifyRequest): boolean {
  const token = parseCookies(request.headers.cookie)[SESSION_COOKIE];
  return token !== undefined && token !== '';
}

function refuse(reply: FastifyReply, retryAfterSeconds: number): never {
  reply.header('retry-after', String(retryAfterSeconds));
  throw new AppError('rate_limited', 'For mange forespørsler; vent litt og prøv igjen', {
    details: { retryAfterSeconds },
  });
}

/**
 * Rate limits on the API (`/api/…`), a token bucket each: per signed-in user, and per client address for
 * requests without one (anonymous, or sign-in off). Over the limit the answer is 429 `rate_limited` with
 * `Retry-After`. An address that keeps sending unknown session cookies is slowed before the session lookup.
 * Register before the auth guard: requests without a session cookie are counted before any database work,
 * the rest once the guard knows the user (at `preParsing`, so a refused body is never parsed). The buckets
 * live in this process's memory.
 */
export function registerApiRateLimit(app: FastifyInstance, options: ApiRateLimitOptions): void {
  const clock = options.now === undefined ? {} : { now: options.now };
  const bucketOptions = { capacity: options.perMinute, refillPerSecond: options.perMinute / 60, ...clock };
  const perUser = new TokenBucketLimiter(bucketOptions);
  const perAddress = new TokenBucketLimiter(bucketOptions);
  const invalidSessions = new TokenBucketLimiter({
    capacity: INVALID_SESSION_BURST,
    refillPerSecond: INVALID_SESSION_PER_SECOND,
    ...clock,
  });
  const counted = new WeakSet<FastifyRequest>();
  const withCookie = new WeakSet<FastifyRequest>();

  app.addHook('onRequest', async (request, reply) => {
    if (!isApiRequest(request)) return;
    if (hasSessionCookie(request)) {
      withCookie.add(request);
      const decision = invalidSessions.peek(request.ip);
      if (!decision.allowed) refuse(reply, decision.retryAfterSeconds);
      return;
    }
    counted.add(request);
    const decision = perAddress.take(request.ip);
    if (!decision.allowed) refuse(reply, decision.retryAfterSeconds);
  });

  app.addHook('preParsing', async (request, reply) => {
    if (!isApiRequest(request) || counted.has(request)) return;
    const user = request.signedInUser;
    const decision = user === undefined ? perAddress.take(request.ip) : perUser.take(user.id);
    if (!decision.allowed) refuse(reply, decision.retryAfterSeconds);
  });

  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode === 401 && withCookie.has(request) && request.signedInUser === undefined) {
      invalidSessions.take(request.ip);
    }
  });
}
