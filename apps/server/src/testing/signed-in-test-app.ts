import type { UserRole } from '@kollega/storage';
import type { ConfigOverrides } from '../config';
import type { AppContextOptions } from '../context';
import { CSRF_COOKIE, SESSION_COOKIE } from '../auth/auth-routes';
import { hashPassword } from '../auth/password';
import type { TestApp } from './create-test-app';
import { createTestApp } from './create-test-app';

/** Inject headers of a signed-in user: the session and CSRF cookies and the `x-csrf-token` header. */
export interface SignedInHeaders {
  cookie: string;
  'x-csrf-token': string;
  [name: string]: string;
}

/** A signed-in test user and the headers to act as them. */
export interface TestUser {
  id: string;
  practiceId: string;
  username: string;
  role: UserRole;
  headers: SignedInHeaders;
}

/** Role (default `lege`), user name and whether the user administers the practice (default false). */
export interface UserOptions {
  role?: UserRole;
  username?: string;
  administrator?: boolean;
}

/** A test app with sign-in on, plus helpers to make practices and users and sign them in. */
export interface SignedInTestApp extends TestApp {
  /** A new practice with one user of `role` (default `lege`), signed in. */
  createPracticeUser(options?: UserOptions): Promise<TestUser>;
  /** Another user in an existing practice, signed in. */
  createColleague(practiceId: string, options?: UserOptions): Promise<TestUser>;
}

/** The password every test user gets. */
export const TEST_PASSWORD = 'riktig-hest-batteri-stift';

let userCounter = 0;

/**
 * Builds a test app with sign-in on (in-memory SQLite). Users are created straight in storage and signed in
 * through the real `/api/auth/login` route, so the cookies and CSRF token are the server's own.
 */
export async function createSignedInTestApp(
  options: { config?: ConfigOverrides; context?: AppContextOptions } = {},
): Promise<SignedInTestApp> {
  const testApp = await createTestApp({ ...options, config: { ...options.config, auth: 'on' } });
  const { app, context } = testApp;
  const passwordHash = await hashPassword(TEST_PASSWORD);

  const signIn = async (username: string): Promise<SignedInHeaders> => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: TEST_PASSWORD },
    });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode}`);
    const cookies = Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie.value]));
    const session = cookies[SESSION_COOKIE] ?? '';
    const csrf = cookies[CSRF_COOKIE] ?? '';
    return { cookie: `${SESSION_COOKIE}=${session}; ${CSRF_COOKIE}=${csrf}`, 'x-csrf-token': csrf };
  };
  const nextUsername = (role: UserRole) => {
    userCounter += 1;
    return `${role === 'helsesekretær' ? 'sekretaer' : role}${userCounter}`;
  };

  return {
    ...testApp,
    async createPracticeUser(userOptions = {}) {
      const role = userOptions.role ?? 'lege';
      const username = userOptions.username ?? nextUsername(role);
      const { practice, user } = await context.storage.auth.createPracticeWithUser({
        practiceName: `Testkontoret ${username}`,
        user: {
          username,
          displayName: `Lege ${username}`,
          role,
          administrator: userOptions.administrator ?? false,
          passwordHash,
        },
      });
      return { id: user.id, practiceId: practice.id, username, role, headers: await signIn(username) };
    },
    async createColleague(practiceId, userOptions = {}) {
      const role = userOptions.role ?? 'lege';
      const username = userOptions.username ?? nextUsername(role);
      const user = await context.storage.auth.createUser({
        practiceId,
        username,
        displayName: `Kollega ${username}`,
        role,
        administrator: userOptions.administrator ?? false,
        passwordHash,
      });
      return { id: user.id, practiceId, username, role, headers: await signIn(username) };
    },
  };
}
