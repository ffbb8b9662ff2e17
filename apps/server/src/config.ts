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
