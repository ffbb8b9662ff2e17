import type { ReactNode } from 'react';
import { UsersPage } from './users-page';

/** Where the account administration lives. */
export const USERS_PATH = '/brukere';

/** The users page for its path, or undefined. */
export function renderUsersRoute(pathname: string): ReactNode | undefined {
  return pathname.replace(/\/+$/, '') === USERS_PATH ? <UsersPage /> : undefined;
}
