import { importJWK } from 'jose';
import type { Configuration, DPoPHandle } from 'openid-client';
import {
  AuthorizationResponseError,
  PrivateKeyJwt,
  ResponseBodyError,
  WWWAuthenticateChallengeError,
  allowInsecureRequests,
  authorizationCodeGrant,
  buildAuthorizationUrlWithPAR,
  calculatePKCECodeChallenge,
  discovery,
  enableNonRepudiationChecks,
  fetchUserInfo,
  getDPoPHandle,
  modifyAssertion,
  randomDPoPKeyPair,
  randomNonce,
  randomPKCECodeVerifier,
  randomState,
} from 'openid-client';
import { AppError } from '@kollega/domain';
import type { ClientPrivateJwk, OidcSettings } from './oidc-settings';
import { isLoopbackHttp } from './oidc-settings';

/** The JWT `typ` HelseID expects on client assertions (norwegian-integration.md §1.2). */
export const CLIENT_ASSERTION_TYP = 'client-authentication+jwt';

/** HelseID's claim names used for linking and display (norwegian-integration.md §1.4). */
export const HELSEID_CLAIM_NAMES = {
  hprNumber: 'helseid://claims/hpr/hpr_number',
  securityLevel: 'helseid://claims/identity/security_level',
} as const;

/** What the server keeps between the redirect to the provider and the callback (in memory, never sent). */
export interface PendingOidcLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Bound to this login's own DPoP key pair: the same key at PAR, token and userinfo. */
  dpop: DPoPHandle;
}

/** The identity a successful sign-in proved (from the validated id token and user info). */
export interface OidcIdentityClaims {
  issuer: string;
  subject: string;
  hprNumber?: string;
  email?: string;
  emailVerified: boolean;
  name?: string;
  securityLevel?: string;
}

/** Where the provider failed, for the audit log (codes only). */
export type OidcFailureStage = 'discovery' | 'par' | 'callback' | 'token' | 'userinfo';

function describeProviderError(error: unknown): string | undefined {
  const code =
    error instanceof ResponseBodyError || error instanceof AuthorizationResponseError
      ? error.error
      : error instanceof WWWAuthenticateChallengeError
        ? error.cause[0]?.parameters.error
        : undefined;
  return typeof code === 'string' && /^[a-z_]{1,64}$/.test(code) ? code : undefined;
}

function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const name = error.name;
  return (
    name === 'AbortError' ||
    name === 'TimeoutError' ||
    (error instanceof TypeError && /fetch failed/i.test(error.message)) ||
    (error.cause instanceof Error && isNetworkFailure(error.cause))
  );
}

/**
 * Turns an openid-client failure into an `AppError` without token material: `unavailable` when the provider
 * cannot be reached, `unauthorized` otherwise. Details name the stage and the OAuth error code.
 */
export function toOidcAppError(stage: OidcFailureStage, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const providerError = describeProviderError(error);
  const details = {
    reason: stage,
    ...(providerError === undefined ? {} : { providerError }),
    ...(error instanceof Error && 'code' in error && typeof error.code === 'string'
      ? { clientError: error.code }
      : {}),
  };
  if (isNetworkFailure(error) || stage === 'discovery') {
    return new AppError('unavailable', 'Fikk ikke kontakt med innloggingstjenesten; prøv igjen om litt', {
      cause: error,
      details,
    });
  }
  if (stage === 'par') {
    // The provider refused Kollega itself (client key, redirect URL, scopes): a set-up problem, not the user's.
    return new AppError(
      'unavailable',
      'Innloggingstjenesten avviste Kollega; kontakt den som drifter Kollega',
      {
        cause: error,
        details,
      },
    );
  }
  return new AppError('unauthorized', 'Innloggingen kunne ikke fullføres; prøv igjen', {
    cause: error,
    details,
  });
}

function defaultAlgorithm(jwk: ClientPrivateJwk): string {
  if (typeof jwk.alg === 'string') return jwk.alg;
  if (jwk.kty === 'RSA') return 'PS256';
  if (jwk.kty === 'OKP') return 'EdDSA';
  return jwk.crv === 'P-384' ? 'ES384' : jwk.crv === 'P-521' ? 'ES512' : 'ES256';
}

function readString(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * The confidential OpenID Connect client for user sign-in, shaped by HelseID's security profile
 * (norwegian-integration.md §1.2–1.3): private_key_jwt (assertion `typ: client-authentication+jwt`,
 * iss = sub = client_id, aud = issuer, 60 s lifetime, unique jti — the last four from oauth4webapi), PAR with
 * PKCE S256, state and nonce, DPoP with a fresh key pair per sign-in (openid-client retries once on
 * `use_dpop_nonce` with the server's nonce), the authorization code grant with id token validation
 * (signature against the provider's JWKS, iss, aud, exp, nonce), and user info.
 * Not tested against real HelseID; see auth/oidc/README in the report.
 */
export class OidcLoginClient {
  private configuration: Promise<Configuration> | undefined;

  constructor(private readonly settings: OidcSettings) {}

  /** Discovers the provider once (retried after a failure) and builds the client configuration. */
  private async configure(): Promise<Configuration> {
    this.configuration ??= (async () => {
      const { privateJwk } = this.settings;
      const key = await importJWK(privateJwk, defaultAlgorithm(privateJwk));
      if (!(key instanceof CryptoKey)) {
        throw new AppError('invalid_input', 'Ugyldig konfigurasjon: KOLLEGA_OIDC_PRIVATE_KEY_FILE', {
          details: { setting: 'KOLLEGA_OIDC_PRIVATE_KEY_FILE' },
        });
      }
      const clientAuthentication = PrivateKeyJwt(
        { key, ...(typeof privateJwk.kid === 'string' ? { kid: privateJwk.kid } : {}) },
        {
          [modifyAssertion]: (header) => {
            header.typ = CLIENT_ASSERTION_TYP;
          },
        },
      );
      const configuration = await discovery(
        this.settings.issuer,
        this.settings.clientId,
        { redirect_uris: [this.settings.redirectUri], response_types: ['code'] },
        clientAuthentication,
        {
          timeout: 15,
          ...(isLoopbackHttp(this.settings.issuer) ? { execute: [allowInsecureRequests] } : {}),
        },
      );
      enableNonRepudiationChecks(configuration);
      return configuration;
    })();
    try {
      return await this.configuration;
    } catch (error) {
      this.configuration = undefined;
      throw toOidcAppError('discovery', error);
    }
  }

  /** Pushes the authorization request (PAR) and returns the authorize URL (client_id + request_uri only). */
  async startLogin(): Promise<{ authorizationUrl: URL; pending: PendingOidcLogin }> {
    const configuration = await this.configure();
    const dpop = getDPoPHandle(configuration, await randomDPoPKeyPair('ES256'));
    const pending: PendingOidcLogin = {
      state: randomState(),
      nonce: randomNonce(),
      codeVerifier: randomPKCECodeVerifier(),
      dpop,
    };
    try {
      const authorizationUrl = await buildAuthorizationUrlWithPAR(
        configuration,
        {
          redirect_uri: this.settings.redirectUri,
          response_type: 'code',
          scope: this.settings.scopes,
          state: pending.state,
          nonce: pending.nonce,
          code_challenge: await calculatePKCECodeChallenge(pending.codeVerifier),
          code_challenge_method: 'S256',
        },
        { DPoP: dpop },
      );
      return { authorizationUrl, pending };
    } catch (error) {
      throw toOidcAppError('par', error);
    }
  }

  /**
   * Finishes a sign-in from the callback URL: checks the authorization response (state, iss), exchanges the
   * code with the PKCE verifier and a DPoP proof, validates the id token, and reads user info.
   */
  async finishLogin(callbackUrl: URL, pending: PendingOidcLogin): Promise<OidcIdentityClaims> {
    const configuration = await this.configure();
    let tokens;
    try {
      tokens = await authorizationCodeGrant(
        configuration,
        callbackUrl,
        {
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          pkceCodeVerifier: pending.codeVerifier,
          idTokenExpected: true,
        },
        undefined,
        { DPoP: pending.dpop },
      );
    } catch (error) {
      throw toOidcAppError(error instanceof AuthorizationResponseError ? 'callback' : 'token', error);
    }
    const idClaims = tokens.claims();
    if (idClaims === undefined || tokens.token_type.toLowerCase() !== 'dpop') {
      throw new AppError('unauthorized', 'Innloggingen kunne ikke fullføres; prøv igjen', {
        details: { reason: idClaims === undefined ? 'id_token' : 'token_type' },
      });
    }
    let userInfo: Record<string, unknown> = {};
    if (configuration.serverMetadata().userinfo_endpoint !== undefined) {
      try {
        userInfo = await fetchUserInfo(configuration, tokens.access_token, idClaims.sub, {
          DPoP: pending.dpop,
        });
      } catch (error) {
        throw toOidcAppError('userinfo', error);
      }
    }
    const claims: Record<string, unknown> = { ...userInfo, ...idClaims };
    const emailVerified = claims.email_verified === true || claims.email_verified === 'true';
    const hprNumber = readString(claims[HELSEID_CLAIM_NAMES.hprNumber]);
    const email = readString(claims.email);
    const name = readString(claims.name);
    const securityLevel = readString(claims[HELSEID_CLAIM_NAMES.securityLevel]);
    return {
      issuer: idClaims.iss,
      subject: idClaims.sub,
      emailVerified,
      ...(hprNumber === undefined ? {} : { hprNumber }),
      ...(email === undefined ? {} : { email }),
      ...(name === undefined ? {} : { name }),
      ...(securityLevel === undefined ? {} : { securityLevel }),
    };
  }
}
