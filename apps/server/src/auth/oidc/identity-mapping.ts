import { AppError } from '@kollega/domain';
import type { AppStorage, OidcPreRegistration, UserAccount } from '@kollega/storage';
import type { OidcIdentityClaims } from './oidc-client';

/** How the user was found: an identity linked before, or a pre-registered HPR number or e-mail address. */
export type OidcLinkReason = 'subject' | 'hpr' | 'email';

/** The message for an identity no admin has registered: no accounts are made automatically. */
export const UNKNOWN_IDENTITY_MESSAGE =
  'Du er logget inn hos identitetsleverandøren, men identiteten er ikke koblet til en bruker i Kollega. ' +
  'Be administratoren ved legekontoret registrere HPR-nummeret ditt (eller e-postadressen din) for brukeren din, ' +
  'og prøv igjen.';

function refuse(reason: string, message = UNKNOWN_IDENTITY_MESSAGE): AppError {
  return new AppError('forbidden', message, { details: { reason } });
}

/**
 * The local user for a signed-in external identity: the one linked to (issuer, subject); else, on a first
 * sign-in, the user an admin pre-registered by HPR number (HelseID's hpr_number claim) or by a verified
 * e-mail address — the identity is then linked and the pre-registration used up. Unknown identities and
 * disabled users get `forbidden`; nobody is added to a practice automatically.
 */
export async function resolveOidcUser(
  storage: AppStorage,
  identity: OidcIdentityClaims,
): Promise<{ user: UserAccount; linkedBy: OidcLinkReason }> {
  const identities = storage.auth.oidcIdentities;
  const linked = await identities.findIdentity(identity.issuer, identity.subject);
  if (linked !== undefined) {
    const user = await storage.auth.findUser(linked.userId);
    if (user === undefined || user.disabledAt !== undefined) {
      throw refuse(
        'disabled_user',
        'Brukeren er deaktivert i Kollega; kontakt administratoren ved legekontoret',
      );
    }
    await identities.recordLogin(identity.issuer, identity.subject);
    return { user, linkedBy: 'subject' };
  }

  let registration: OidcPreRegistration | undefined;
  if (identity.hprNumber !== undefined) {
    registration = await identities.findPreRegistration('hpr', identity.hprNumber);
  }
  if (registration === undefined && identity.email !== undefined && identity.emailVerified) {
    registration = await identities.findPreRegistration('email', identity.email);
  }
  if (registration === undefined) throw refuse('unknown_identity');
  const user = await storage.auth.findUser(registration.userId);
  if (user === undefined || user.disabledAt !== undefined) {
    throw refuse(
      'disabled_user',
      'Brukeren er deaktivert i Kollega; kontakt administratoren ved legekontoret',
    );
  }
  try {
    await identities.linkPreRegistered({
      preRegistrationId: registration.id,
      issuer: identity.issuer,
      subject: identity.subject,
    });
  } catch (error) {
    throw refuse('link_conflict', error instanceof AppError ? error.message : UNKNOWN_IDENTITY_MESSAGE);
  }
  return { user, linkedBy: registration.kind };
}
