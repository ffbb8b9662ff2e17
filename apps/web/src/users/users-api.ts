/** A user of the practice as the administrator sees it (GET /api/users). */
export interface ManagedUser {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  administrator: boolean;
  createdAt: string;
  disabledAt?: string;
}

/** The roles of a practice's users. */
export type UserRole = 'lege' | 'helsesekretær' | 'admin';

/** A pending HelseID link: the HPR number or e-mail the user's first HelseID sign-in is matched to. */
export interface PreRegistration {
  id: string;
  userId: string;
  kind: 'hpr' | 'email';
  value: string;
}

/** Which HelseID identities are linked, and which links wait for a first sign-in. */
export interface IdentityLinks {
  preRegistrations: PreRegistration[];
  identities: Array<{ userId: string; issuer: string; lastLoginAt?: string }>;
}

async function readJson<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => undefined)) as
    (T & { error?: { message?: string } }) | undefined;
  if (!response.ok) throw new Error(body?.error?.message ?? `Feil fra serveren (${response.status})`);
  return body as T;
}

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

/** The practice's users. */
export async function listUsers(): Promise<ManagedUser[]> {
  return readJson(await fetch('/api/users', { headers: { accept: 'application/json' } }));
}

/** Creates a user in the administrator's practice. */
export async function createUser(input: {
  username: string;
  displayName: string;
  role: UserRole;
  administrator: boolean;
  password: string;
}): Promise<ManagedUser> {
  return readJson(
    await fetch('/api/users', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(input) }),
  );
}

/** Changes a user (role, administrator, disabled, password, name). */
export async function updateUser(
  userId: string,
  changes: Partial<{
    displayName: string;
    role: UserRole;
    administrator: boolean;
    disabled: boolean;
    password: string;
  }>,
): Promise<ManagedUser> {
  return readJson(
    await fetch(`/api/users/${encodeURIComponent(userId)}`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(changes),
    }),
  );
}

/** Whether HelseID (OpenID Connect) sign-in is configured, and its label. */
export async function readOidcLabel(): Promise<string | undefined> {
  const body = await readJson<{ oidc: { label: string } | null }>(
    await fetch('/api/auth/methods', { headers: { accept: 'application/json' } }),
  );
  return body.oidc?.label;
}

/** HelseID links and pre-registrations of the practice. */
export async function listIdentityLinks(): Promise<IdentityLinks> {
  return readJson(
    await fetch('/api/auth/oidc/pre-registrations', { headers: { accept: 'application/json' } }),
  );
}

/** Pre-registers a user's HPR number so their first HelseID sign-in is linked to the account. */
export async function preRegisterHprNumber(userId: string, hprNumber: string): Promise<void> {
  await readJson(
    await fetch('/api/auth/oidc/pre-registrations', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ userId, hprNumber }),
    }),
  );
}
