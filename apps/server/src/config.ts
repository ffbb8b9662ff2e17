import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '@kollega/domain';
import { ModelConfigSchema } from '@kollega/ai';
import { loadServerModelConfig } from './models/load-server-model-config';

/** The repository root, found from this file (apps/server/src/config.ts). */
export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Largest accepted transcript upload or JSON body: 10 MB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Server configuration; every field has a default, so Kollega runs with no configuration at all. */
export const ServerConfigSchema = z.object({
  /** `sqlite:./data/kollega.db` (default), `sqlite::memory:` or `postgres://…`. Env KOLLEGA_DATABASE_URL. */
  databaseUrl: z.string().min(1).default('sqlite:./data/kollega.db'),
  /** TCP port; 0 picks a free one. Env KOLLEGA_PORT. */
  port: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** Interface to listen on; loopback by default so nothing is exposed by accident. Env KOLLEGA_HOST. */
  host: z.string().min(1).default('127.0.0.1'),
  /** Folder of the built web app. Env KOLLEGA_WEB_ROOT; default apps/web/dist in the repository. */
  webRoot: z
    .string()
    .min(1)
    .default(resolve(REPOSITORY_ROOT, 'apps', 'web', 'dist')),
  /** pino log level, or `silent`. Env KOLLEGA_LOG_LEVEL. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest upload or request body in bytes. */
  maxUploadBytes: z.number().int().positive().default(DEFAULT_MAX_UPLOAD_BYTES),
  /**
   * Language models per purpose; none by default (the built-in engine). Env KOLLEGA_MODEL_*, KOLLEGA_OPENAI_* …,
   * see docs/language-models.md. Holds API keys: never log the configuration.
   */
  models: ModelConfigSchema.prefault({}),
  /**
   * Sign-in (local accounts, practices, sessions): `on` by default, so the product is protected out of the
   * box. `off` only for tests and single-user experiments on a loopback address. Env KOLLEGA_AUTH.
   */
  auth: z.enum(['on', 'off']).default('on'),
  /** Mark cookies `Secure` (`on` behind https, e.g. a TLS proxy). Env KOLLEGA_SECURE_COOKIES. */
  secureCookies: z.enum(['on', 'off']).default('off'),
  /** Longest time to receive a whole request, in milliseconds (slow-client protection). */
  requestTimeoutMs: z.coerce.number().int().min(1000).default(120_000),
  /** Kollega's public base URL (`https://kollega.legekontor.no`); the OIDC redirect URL is built from it. Env KOLLEGA_PUBLIC_URL. */
  publicUrl: z.url().optional(),
  /** OpenID Connect sign-in (HelseID or the practice's own provider), see auth/oidc. Env KOLLEGA_OIDC_ISSUER. */
  oidcIssuer: z.url().optional(),
  /** The OIDC client id. Env KOLLEGA_OIDC_CLIENT_ID. */
  oidcClientId: z.string().min(1).optional(),
  /** File with the client's private key as a JWK (private_key_jwt). Env KOLLEGA_OIDC_PRIVATE_KEY_FILE. */
  oidcPrivateKeyFile: z.string().min(1).optional(),
  /** Space-separated scopes; HelseID identity + HPR scopes by default. Env KOLLEGA_OIDC_SCOPES. */
  oidcScopes: z.string().min(1).optional(),
  /** Name on the sign-in button (`Logg inn med …`); default HelseID. Env KOLLEGA_OIDC_LABEL. */
  oidcLabel: z.string().min(1).max(60).optional(),
  /** API requests per minute per signed-in user (per address without one); also the burst. Env KOLLEGA_RATE_LIMIT_PER_MINUTE. */
  rateLimitPerMinute: z.coerce.number().int().min(1).default(600),
  /** Worker threads that draft and verify notes with the built-in engine; 0 drafts on the main thread. Env KOLLEGA_DRAFT_WORKERS. */
  draftWorkers: z.coerce.number().int().min(0).max(32).default(Math.min(4, availableParallelism())),
});
/** Validated server configuration; see `ServerConfigSchema`. */
export type ServerConfig = z.infer<typeof ServerConfigSchema>;

/** Configuration values given in code; they win over the environment. */
export type ConfigOverrides = Partial<ServerConfig>;

const ENVIRONMENT_NAMES: Record<string, string> = {
  databaseUrl: 'KOLLEGA_DATABASE_URL',
  port: 'KOLLEGA_PORT',
  host: 'KOLLEGA_HOST',
  webRoot: 'KOLLEGA_WEB_ROOT',
  logLevel: 'KOLLEGA_LOG_LEVEL',
  auth: 'KOLLEGA_AUTH',
  secureCookies: 'KOLLEGA_SECURE_COOKIES',
  publicUrl: 'KOLLEGA_PUBLIC_URL',
  oidcIssuer: 'KOLLEGA_OIDC_ISSUER',
  oidcClientId: 'KOLLEGA_OIDC_CLIENT_ID',
  oidcPrivateKeyFile: 'KOLLEGA_OIDC_PRIVATE_KEY_FILE',
  oidcScopes: 'KOLLEGA_OIDC_SCOPES',
  oidcLabel: 'KOLLEGA_OIDC_LABEL',
  rateLimitPerMinute: 'KOLLEGA_RATE_LIMIT_PER_MINUTE',
  draftWorkers: 'KOLLEGA_DRAFT_WORKERS',
};

/**
 * Reads the configuration from the environment (empty values count as unset), applies `overrides`, fills in
 * defaults and validates. Throws `invalid_input` naming the setting that is wrong (never its value).
 */
export function loadConfig(
  options: { env?: NodeJS.ProcessEnv; overrides?: ConfigOverrides } = {},
): ServerConfig {
  const env = options.env ?? process.env;
  const fromEnvironment: Record<string, string> = {};
  for (const [field, name] of Object.entries(ENVIRONMENT_NAMES)) {
    const value = env[name]?.trim();
    if (value !== undefined && value !== '') fromEnvironment[field] = value;
  }
  const definedOverrides = Object.fromEntries(
    Object.entries(options.overrides ?? {}).filter(([, value]) => value !== undefined),
  );
  const result = ServerConfigSchema.safeParse({
    ...fromEnvironment,
    ...(options.overrides?.models === undefined ? { models: loadServerModelConfig(env) } : {}),
    ...definedOverrides,
  });
  if (!result.success) {
    const field = String(result.error.issues[0]?.path[0] ?? 'ukjent');
    const setting = ENVIRONMENT_NAMES[field] ?? field;
    throw new AppError('invalid_input', `Ugyldig konfigurasjon: ${setting}`, { details: { setting } });
  }
  return { ...result.data, webRoot: resolve(result.data.webRoot) };
}
