import { readFileSync } from 'node:fs';
import { AppError } from '@kollega/domain';
import type { ServerConfig } from '../../config';

/** Scopes asked for when KOLLEGA_OIDC_SCOPES is not set: HelseID's security level and HPR number. No pid. */
export const DEFAULT_OIDC_SCOPES =
  'openid profile helseid://scopes/identity/security_level helseid://scopes/hpr/hpr_number';

/** The callback path; the redirect URL is KOLLEGA_PUBLIC_URL + this path. */
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

/** A client private key as read from KOLLEGA_OIDC_PRIVATE_KEY_FILE (a private JWK). */
export interface ClientPrivateJwk {
  kty: string;
  d: string;
  kid?: string;
  alg?: string;
  crv?: string;
  [member: string]: unknown;
}

/** Validated OpenID Connect settings. */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  privateJwk: ClientPrivateJwk;
  scopes: string;
  /** KOLLEGA_PUBLIC_URL + OIDC_CALLBACK_PATH, registered at the provider. */
  redirectUri: string;
  /** Shown on the sign-in button: `Logg inn med <label>`. */
  label: string;
}

function missing(setting: string): AppError {
  return new AppError(
    'invalid_input',
    `Ugyldig konfigurasjon: ${setting} mangler (kreves for OpenID Connect)`,
    {
      details: { setting },
    },
  );
}

/** Reads and checks a private JWK file; never puts the key (or the path's contents) into an error. */
export function readClientPrivateJwk(file: string): ClientPrivateJwk {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError(
      'invalid_input',
      'Ugyldig konfigurasjon: KOLLEGA_OIDC_PRIVATE_KEY_FILE kan ikke leses som JWK',
      {
        cause: error instanceof SyntaxError ? undefined : error,
        details: { setting: 'KOLLEGA_OIDC_PRIVATE_KEY_FILE' },
      },
    );
  }
  const jwk = parsed as Partial<ClientPrivateJwk> | null;
  if (
    jwk === null ||
    typeof jwk !== 'object' ||
    typeof jwk.kty !== 'string' ||
    !['RSA', 'EC', 'OKP'].includes(jwk.kty) ||
    typeof jwk.d !== 'string'
  ) {
    throw new AppError(
      'invalid_input',
      'Ugyldig konfigurasjon: KOLLEGA_OIDC_PRIVATE_KEY_FILE må være en privat JWK (RSA, EC eller OKP)',
      { details: { setting: 'KOLLEGA_OIDC_PRIVATE_KEY_FILE' } },
    );
  }
  return jwk as ClientPrivateJwk;
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/** True for an `http:` URL on a loopback address: allowed for tests and development only. */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

/**
 * The OIDC settings, or undefined when KOLLEGA_OIDC_ISSUER is not set. Throws `invalid_input` naming the
 * setting when the configuration is incomplete, the key file is not a private JWK, or an URL is plain http
 * outside loopback.
 */
export function readOidcSettings(config: ServerConfig): OidcSettings | undefined {
  if (config.oidcIssuer === undefined) return undefined;
  if (config.oidcClientId === undefined) throw missing('KOLLEGA_OIDC_CLIENT_ID');
  if (config.oidcPrivateKeyFile === undefined) throw missing('KOLLEGA_OIDC_PRIVATE_KEY_FILE');
  if (config.publicUrl === undefined) throw missing('KOLLEGA_PUBLIC_URL');
  const issuer = new URL(config.oidcIssuer);
  const publicUrl = new URL(config.publicUrl);
  for (const [setting, url] of [
    ['KOLLEGA_OIDC_ISSUER', issuer],
    ['KOLLEGA_PUBLIC_URL', publicUrl],
  ] as const) {
    if (url.protocol !== 'https:' && !isLoopbackHttp(url)) {
      throw new AppError('invalid_input', `Ugyldig konfigurasjon: ${setting} må bruke https`, {
        details: { setting },
      });
    }
  }
  const scopes = (config.oidcScopes ?? DEFAULT_OIDC_SCOPES).split(/\s+/).filter((scope) => scope !== '');
  if (!scopes.includes('openid')) scopes.unshift('openid');
  const base = publicUrl.href.replace(/\/+$/, '');
  return {
    issuer,
    clientId: config.oidcClientId,
    privateJwk: readClientPrivateJwk(config.oidcPrivateKeyFile),
    scopes: scopes.join(' '),
    redirectUri: `${base}${OIDC_CALLBACK_PATH}`,
    label: config.oidcLabel ?? 'HelseID',
  };
}
