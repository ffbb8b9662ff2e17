import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '@kollega/domain';
import type { RepositoryOptions } from '../database/repository-options';
import { KyselyOidcIdentityRepository } from './oidc-identity-repository';

/** What a user may do: `lege` drafts and approves, `helsesekretær` prepares, `admin` manages accounts. */
export type UserRole = 'lege' | 'helsesekretær' | 'admin';

/** The roles, for validation. */
export const USER_ROLES: readonly UserRole[] = ['lege', 'helsesekretær', 'admin'];

/** A practice (legekontor): the tenant every clinical record belongs to. */
export interface Practice {
  id: string;
  name: string;
  createdAt: string;
}

/** A local user account; `passwordHash` never leaves the server. */
export interface UserAccount {
  id: string;
  practiceId: string;
  username: string;
  displayName: string;
  role: UserRole;
  /** Administers the practice (accounts, evaluation) on top of the role; role `admin` always does. */
  administrator: boolean;
  passwordHash: string;
  createdAt: string;
  disabledAt?: string;
}

/** A new account: `administrator` defaults to false. */
export type NewUser = Omit<
  UserAccount,
  'id' | 'practiceId' | 'createdAt' | 'disabledAt' | 'administrator'
> & {
  administrator?: boolean;
};

/** What an administrator may change on an account. */
export interface UserChanges {
  displayName?: string;
  role?: UserRole;
  administrator?: boolean;
  passwordHash?: string;
  /** true disables the account (and ends its sessions); false enables it again. */
  disabled?: boolean;
}

/** Whether a user administers the practice: role `admin`, or a user marked administrator. */
export function isAdministrator(user: Pick<UserAccount, 'role' | 'administrator'>): boolean {
  return user.role === 'admin' || user.administrator;
}

/** A session as stored: the token is kept only as its sha256. */
export interface SessionRecord {
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/** Who owns a consultation. `practiceId` is absent for rows made before sign-in existed. */
export interface ConsultationOwner {
  practiceId?: string;
  responsibleUserId?: string;
}

interface AuthSchema {
  practices: { id: string; name: string; created_at: string };
  users: {
    id: string;
    practice_id: string;
    username: string;
    display_name: string;
    role: string;
    administrator: number;
    password_hash: string;
    created_at: string;
    disabled_at: string | null;
  };
  sessions: {
    token_hash: string;
    user_id: string;
    csrf_token: string;
    created_at: string;
    expires_at: string;
  };
  owned_keys: { kind: string; key: string; practice_id: string };
  consultations: { id: string; practice_id: string | null; responsible_user_id: string | null };
  notes: { id: string; consultation_id: string };
  audio_recordings: { id: string; consultation_id: string };
  clinical_documents: { id: string; consultation_id: string };
  patient_summaries: { id: string; consultation_id: string };
}

/** sha256 hex of a session token: what the sessions table stores. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function readUser(row: AuthSchema['users']): UserAccount {
  return {
    id: row.id,
    practiceId: row.practice_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as UserRole,
    administrator: Number(row.administrator) === 1,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    ...(row.disabled_at === null ? {} : { disabledAt: row.disabled_at }),
  };
}

/** The record types whose owner can be looked up from an id in a URL. */
export type OwnedRecordKind = 'consultation' | 'note' | 'recording' | 'document' | 'patientSummary';

/** Practices, users, sessions and record ownership on Kysely. */
export class KyselyAuthRepository {
  private readonly db: Kysely<AuthSchema>;
  /** External (OpenID Connect) identities and admins' pre-registrations for linking them. */
  readonly oidcIdentities: KyselyOidcIdentityRepository;

  constructor(private readonly options: RepositoryOptions) {
    this.db = options.db as unknown as Kysely<AuthSchema>;
    this.oidcIdentities = new KyselyOidcIdentityRepository(options);
  }

  /** Number of practices (0 until first-time setup). */
  async countPractices(): Promise<number> {
    const row = await this.db
      .selectFrom('practices')
      .select((expression) => expression.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** The practice, or undefined. */
  async findPractice(id: string): Promise<Practice | undefined> {
    const row = await this.db.selectFrom('practices').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : { id: row.id, name: row.name, createdAt: row.created_at };
  }

  /**
   * Creates a practice and its first user in one transaction. With `onlyIfNone`, fails with `conflict`
   * when a practice already exists (first-time setup runs once), and adopts consultations without a practice.
   */
  async createPracticeWithUser(input: {
    practiceName: string;
    user: NewUser;
    onlyIfNone?: boolean;
  }): Promise<{ practice: Practice; user: UserAccount }> {
    const now = this.options.now().toISOString();
    const practice: Practice = { id: this.options.createId(), name: input.practiceName, createdAt: now };
    const user: UserAccount = {
      ...input.user,
      administrator: input.user.administrator ?? false,
      id: this.options.createId(),
      practiceId: practice.id,
      createdAt: now,
    };
    await this.db.transaction().execute(async (transaction) => {
      if (input.onlyIfNone === true) {
        const existing = await transaction.selectFrom('practices').select('id').limit(1).executeTakeFirst();
        if (existing !== undefined) throw new AppError('conflict', 'Kollega er allerede satt opp');
      }
      await transaction
        .insertInto('practices')
        .values({ id: practice.id, name: practice.name, created_at: now })
        .execute();
      await this.insertUser(transaction, user);
      if (input.onlyIfNone === true) {
        await transaction
          .updateTable('consultations')
          .set({ practice_id: practice.id, responsible_user_id: user.role === 'lege' ? user.id : null })
          .where('practice_id', 'is', null)
          .execute();
      }
    });
    return { practice, user };
  }

  /** Adds a user to an existing practice; `conflict` when the username is taken. */
  async createUser(input: NewUser & { practiceId: string }): Promise<UserAccount> {
    const user: UserAccount = {
      ...input,
      administrator: input.administrator ?? false,
      id: this.options.createId(),
      createdAt: this.options.now().toISOString(),
    };
    await this.insertUser(this.db, user);
    return user;
  }

  private async insertUser(db: Kysely<AuthSchema>, user: UserAccount): Promise<void> {
    const taken = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', user.username)
      .executeTakeFirst();
    if (taken !== undefined) throw new AppError('conflict', 'Brukernavnet er allerede i bruk');
    await db
      .insertInto('users')
      .values({
        id: user.id,
        practice_id: user.practiceId,
        username: user.username,
        display_name: user.displayName,
        role: user.role,
        administrator: user.administrator ? 1 : 0,
        password_hash: user.passwordHash,
        created_at: user.createdAt,
        disabled_at: null,
      })
      .execute();
  }

  /** The practice's users, by display name. */
  async listUsers(practiceId: string): Promise<UserAccount[]> {
    const rows = await this.db
      .selectFrom('users')
      .selectAll()
      .where('practice_id', '=', practiceId)
      .orderBy('display_name')
      .orderBy('id')
      .execute();
    return rows.map(readUser);
  }

  /**
   * Changes an account; disabling ends its sessions in the same transaction. Refuses (`conflict`) a change
   * that would leave the practice without an enabled administrator. Returns undefined for an unknown id.
   */
  async updateUser(id: string, changes: UserChanges): Promise<UserAccount | undefined> {
    return this.db.transaction().execute(async (transaction) => {
      const row = await transaction.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      if (row === undefined) return undefined;
      const before = readUser(row);
      const disabledAt =
        changes.disabled === undefined
          ? (before.disabledAt ?? null)
          : changes.disabled
            ? (before.disabledAt ?? this.options.now().toISOString())
            : null;
      const after: UserAccount = {
        ...before,
        ...(changes.displayName === undefined ? {} : { displayName: changes.displayName }),
        ...(changes.role === undefined ? {} : { role: changes.role }),
        ...(changes.administrator === undefined ? {} : { administrator: changes.administrator }),
        ...(changes.passwordHash === undefined ? {} : { passwordHash: changes.passwordHash }),
      };
      if (
        isAdministrator(before) &&
        before.disabledAt === undefined &&
        (!isAdministrator(after) || disabledAt !== null)
      ) {
        const others = await transaction
          .selectFrom('users')
          .select(['role', 'administrator'])
          .where('practice_id', '=', before.practiceId)
          .where('id', '!=', id)
          .where('disabled_at', 'is', null)
          .execute();
        if (!others.some((other) => other.role === 'admin' || Number(other.administrator) === 1)) {
          throw new AppError('conflict', 'Praksisen må ha minst én aktiv administrator', {
            details: { reason: 'last_administrator' },
          });
        }
      }
      await transaction
        .updateTable('users')
        .set({
          display_name: after.displayName,
          role: after.role,
          administrator: after.administrator ? 1 : 0,
          password_hash: after.passwordHash,
          disabled_at: disabledAt,
        })
        .where('id', '=', id)
        .execute();
      if (disabledAt !== null || changes.passwordHash !== undefined) {
        await transaction.deleteFrom('sessions').where('user_id', '=', id).execute();
      }
      const { disabledAt: _previous, ...rest } = after;
      return disabledAt === null ? rest : { ...rest, disabledAt };
    });
  }

  /** The user with this username, or undefined. */
  async findUserByUsername(username: string): Promise<UserAccount | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    return row === undefined ? undefined : readUser(row);
  }

  /** The user, or undefined. */
  async findUser(id: string): Promise<UserAccount | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : readUser(row);
  }

  /** Stores a session under the sha256 of its token. */
  async createSession(token: string, session: SessionRecord): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: hashSessionToken(token),
        user_id: session.userId,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  /** The unexpired session for a token, or undefined (expired sessions are deleted on sight). */
  async findSession(token: string): Promise<SessionRecord | undefined> {
    const tokenHash = hashSessionToken(token);
    const row = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    if (row.expires_at <= this.options.now().toISOString()) {
      await this.deleteSession(token);
      return undefined;
    }
    return {
      userId: row.user_id,
      csrfToken: row.csrf_token,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    };
  }

  /** Ends a session. */
  async deleteSession(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', hashSessionToken(token)).execute();
  }

  /** Marks a consultation as the practice's, with its responsible doctor (when the creator is a `lege`). */
  async assignConsultation(
    consultationId: string,
    owner: { practiceId: string; responsibleUserId?: string },
  ): Promise<void> {
    await this.db
      .updateTable('consultations')
      .set({ practice_id: owner.practiceId, responsible_user_id: owner.responsibleUserId ?? null })
      .where('id', '=', consultationId)
      .execute();
  }

  /** Ids of the practice's consultations. */
  async listConsultationIds(practiceId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('consultations')
      .select('id')
      .where('practice_id', '=', practiceId)
      .execute();
    return new Set(rows.map((row) => row.id));
  }

  /** Owner of a consultation, or undefined when it does not exist. */
  async findConsultationOwner(consultationId: string): Promise<ConsultationOwner | undefined> {
    const row = await this.db
      .selectFrom('consultations')
      .select(['practice_id', 'responsible_user_id'])
      .where('id', '=', consultationId)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return {
      ...(row.practice_id === null ? {} : { practiceId: row.practice_id }),
      ...(row.responsible_user_id === null ? {} : { responsibleUserId: row.responsible_user_id }),
    };
  }

  /** The consultation a record belongs to, or undefined (also when that feature's table does not exist). */
  async findConsultationIdOf(kind: OwnedRecordKind, id: string): Promise<string | undefined> {
    if (kind === 'consultation') return id;
    const table = (
      {
        note: 'notes',
        recording: 'audio_recordings',
        document: 'clinical_documents',
        patientSummary: 'patient_summaries',
      } as const
    )[kind];
    try {
      const row = await this.db
        .selectFrom(table)
        .select('consultation_id')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.consultation_id;
    } catch {
      return undefined;
    }
  }

  /**
   * The practice that owns a free-form key (e.g. a record's patient key); the first practice to use a key
   * claims it. Returns the owning practice.
   */
  async claimKey(kind: string, key: string, practiceId: string): Promise<string> {
    const existing = await this.db
      .selectFrom('owned_keys')
      .select('practice_id')
      .where('kind', '=', kind)
      .where('key', '=', key)
      .executeTakeFirst();
    if (existing !== undefined) return existing.practice_id;
    try {
      await this.db.insertInto('owned_keys').values({ kind, key, practice_id: practiceId }).execute();
      return practiceId;
    } catch {
      const raced = await this.db
        .selectFrom('owned_keys')
        .select('practice_id')
        .where('kind', '=', kind)
        .where('key', '=', key)
        .executeTakeFirst();
      return raced?.practice_id ?? '';
    }
  }
}
