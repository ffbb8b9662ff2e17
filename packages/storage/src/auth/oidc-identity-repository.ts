import type { Kysely } from 'kysely';
import { AppError } from '@kollega/domain';
import type { RepositoryOptions } from '../database/repository-options';

/** What an admin may pre-register so that a first OpenID Connect sign-in can be linked to a user. */
export type OidcPreRegistrationKind = 'hpr' | 'email';

/** How an external identity came to be linked: by a pre-registered HPR number or e-mail address. */
export type OidcLinkMethod = OidcPreRegistrationKind;

/** An admin's note that the person with this HPR number or e-mail address is this local user. */
export interface OidcPreRegistration {
  id: string;
  practiceId: string;
  userId: string;
  kind: OidcPreRegistrationKind;
  /** Normalised: an HPR number's digits, an e-mail address in lower case. */
  value: string;
  createdBy: string;
  createdAt: string;
}

/** An external identity (issuer + subject) linked to a local user. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  userId: string;
  linkedBy: OidcLinkMethod;
  createdAt: string;
  lastLoginAt?: string;
}

interface OidcSchema {
  oidc_identities: {
    issuer: string;
    subject: string;
    user_id: string;
    linked_by: string;
    created_at: string;
    last_login_at: string | null;
  };
  oidc_pre_registrations: {
    id: string;
    practice_id: string;
    user_id: string;
    kind: string;
    value: string;
    created_by: string;
    created_at: string;
  };
  users: { id: string; practice_id: string };
}

/** An HPR number as digits only (1–9 digits), or an e-mail address trimmed and in lower case; else undefined. */
export function normalizePreRegistrationValue(
  kind: OidcPreRegistrationKind,
  value: string,
): string | undefined {
  const trimmed = value.trim();
  if (kind === 'hpr') return /^\d{1,9}$/.test(trimmed) ? String(Number(trimmed)) : undefined;
  const email = trimmed.toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 254 ? email : undefined;
}

function readPreRegistration(row: OidcSchema['oidc_pre_registrations']): OidcPreRegistration {
  return {
    id: row.id,
    practiceId: row.practice_id,
    userId: row.user_id,
    kind: row.kind as OidcPreRegistrationKind,
    value: row.value,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

function readIdentity(row: OidcSchema['oidc_identities']): OidcIdentity {
  return {
    issuer: row.issuer,
    subject: row.subject,
    userId: row.user_id,
    linkedBy: row.linked_by as OidcLinkMethod,
    createdAt: row.created_at,
    ...(row.last_login_at === null ? {} : { lastLoginAt: row.last_login_at }),
  };
}

/** External (OpenID Connect) identities of local users, and admins' pre-registrations, on Kysely. */
export class KyselyOidcIdentityRepository {
  private readonly db: Kysely<OidcSchema>;

  constructor(private readonly options: RepositoryOptions) {
    this.db = options.db as unknown as Kysely<OidcSchema>;
  }

  /** The linked identity for an issuer and subject, or undefined. */
  async findIdentity(issuer: string, subject: string): Promise<OidcIdentity | undefined> {
    const row = await this.db
      .selectFrom('oidc_identities')
      .selectAll()
      .where('issuer', '=', issuer)
      .where('subject', '=', subject)
      .executeTakeFirst();
    return row === undefined ? undefined : readIdentity(row);
  }

  /** Records the time of a sign-in through a linked identity. */
  async recordLogin(issuer: string, subject: string): Promise<void> {
    await this.db
      .updateTable('oidc_identities')
      .set({ last_login_at: this.options.now().toISOString() })
      .where('issuer', '=', issuer)
      .where('subject', '=', subject)
      .execute();
  }

  /**
   * Registers that the person with this HPR number or e-mail address is `userId` (a user of `practiceId`).
   * `invalid_input` for a malformed value or a user outside the practice; `conflict` when the value is
   * already pre-registered.
   */
  async createPreRegistration(input: {
    practiceId: string;
    userId: string;
    kind: OidcPreRegistrationKind;
    value: string;
    createdBy: string;
  }): Promise<OidcPreRegistration> {
    const value = normalizePreRegistrationValue(input.kind, input.value);
    if (value === undefined) {
      throw new AppError(
        'invalid_input',
        input.kind === 'hpr' ? 'Ugyldig HPR-nummer (bare sifre)' : 'Ugyldig e-postadresse',
        { details: { field: input.kind } },
      );
    }
    const user = await this.db
      .selectFrom('users')
      .select('practice_id')
      .where('id', '=', input.userId)
      .executeTakeFirst();
    if (user?.practice_id !== input.practiceId) {
      throw new AppError('invalid_input', 'Fant ikke brukeren i legekontoret', {
        details: { field: 'userId' },
      });
    }
    const taken = await this.findPreRegistration(input.kind, value);
    if (taken !== undefined) {
      throw new AppError('conflict', 'Denne verdien er allerede forhåndsregistrert', {
        details: { kind: input.kind },
      });
    }
    const registration: OidcPreRegistration = {
      id: this.options.createId(),
      practiceId: input.practiceId,
      userId: input.userId,
      kind: input.kind,
      value,
      createdBy: input.createdBy,
      createdAt: this.options.now().toISOString(),
    };
    try {
      await this.db
        .insertInto('oidc_pre_registrations')
        .values({
          id: registration.id,
          practice_id: registration.practiceId,
          user_id: registration.userId,
          kind: registration.kind,
          value: registration.value,
          created_by: registration.createdBy,
          created_at: registration.createdAt,
        })
        .execute();
    } catch (error) {
      throw new AppError('conflict', 'Denne verdien er allerede forhåndsregistrert', {
        cause: error,
        details: { kind: input.kind },
      });
    }
    return registration;
  }

  /** The pre-registration of an HPR number or e-mail address (normalised here), or undefined. */
  async findPreRegistration(
    kind: OidcPreRegistrationKind,
    value: string,
  ): Promise<OidcPreRegistration | undefined> {
    const normalized = normalizePreRegistrationValue(kind, value);
    if (normalized === undefined) return undefined;
    const row = await this.db
      .selectFrom('oidc_pre_registrations')
      .selectAll()
      .where('kind', '=', kind)
      .where('value', '=', normalized)
      .executeTakeFirst();
    return row === undefined ? undefined : readPreRegistration(row);
  }

  /** The practice's pre-registrations, oldest first. */
  async listPreRegistrations(practiceId: string): Promise<OidcPreRegistration[]> {
    const rows = await this.db
      .selectFrom('oidc_pre_registrations')
      .selectAll()
      .where('practice_id', '=', practiceId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(readPreRegistration);
  }

  /** The linked identities of the practice's users, oldest first. */
  async listIdentities(practiceId: string): Promise<OidcIdentity[]> {
    const rows = await this.db
      .selectFrom('oidc_identities')
      .innerJoin('users', 'users.id', 'oidc_identities.user_id')
      .selectAll('oidc_identities')
      .where('users.practice_id', '=', practiceId)
      .orderBy('oidc_identities.created_at')
      .execute();
    return rows.map(readIdentity);
  }

  /**
   * Uses up a pre-registration to link an external identity to its user, in one transaction.
   * `conflict` when the pre-registration is gone (used by a concurrent sign-in) or the identity is linked.
   */
  async linkPreRegistered(input: {
    preRegistrationId: string;
    issuer: string;
    subject: string;
  }): Promise<OidcIdentity> {
    const now = this.options.now().toISOString();
    return this.db.transaction().execute(async (transaction) => {
      const row = await transaction
        .selectFrom('oidc_pre_registrations')
        .selectAll()
        .where('id', '=', input.preRegistrationId)
        .executeTakeFirst();
      const deleted = await transaction
        .deleteFrom('oidc_pre_registrations')
        .where('id', '=', input.preRegistrationId)
        .executeTakeFirst();
      if (row === undefined || Number(deleted.numDeletedRows) !== 1) {
        throw new AppError('conflict', 'Forhåndsregistreringen er allerede brukt');
      }
      const existing = await transaction
        .selectFrom('oidc_identities')
        .select('user_id')
        .where('issuer', '=', input.issuer)
        .where('subject', '=', input.subject)
        .executeTakeFirst();
      if (existing !== undefined)
        throw new AppError('conflict', 'Identiteten er allerede koblet til en bruker');
      const identity: OidcIdentity = {
        issuer: input.issuer,
        subject: input.subject,
        userId: row.user_id,
        linkedBy: row.kind as OidcLinkMethod,
        createdAt: now,
        lastLoginAt: now,
      };
      await transaction
        .insertInto('oidc_identities')
        .values({
          issuer: identity.issuer,
          subject: identity.subject,
          user_id: identity.userId,
          linked_by: identity.linkedBy,
          created_at: now,
          last_login_at: now,
        })
        .execute();
      return identity;
    });
  }

  /** Removes a pre-registration of the practice; false when there was none. */
  async deletePreRegistration(id: string, practiceId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('oidc_pre_registrations')
      .where('id', '=', id)
      .where('practice_id', '=', practiceId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
