import { AsyncLocalStorage } from 'node:async_hooks';
import type { UserRole } from '@kollega/storage';

/** The signed-in user of the current request. */
export interface SignedInUser {
  id: string;
  practiceId: string;
  username: string;
  displayName: string;
  role: UserRole;
  /** Administers the practice (see `isAdministrator` in @kollega/storage). */
  administrator: boolean;
}

/** Mutable per-request holder: set once the session is checked. */
export interface RequestState {
  user?: SignedInUser;
}

/** Carries the signed-in user through a request (AsyncLocalStorage), so repositories can scope by practice. */
export class RequestScope {
  private readonly storage = new AsyncLocalStorage<RequestState>();

  /** Runs `work` with a request state (a fresh, empty one unless given). */
  run<T>(work: () => T, state: RequestState = {}): T {
    return this.storage.run(state, work);
  }

  /** The current request's state, or undefined outside a request. */
  current(): RequestState | undefined {
    return this.storage.getStore();
  }

  /** The signed-in user of the current request, if any. */
  currentUser(): SignedInUser | undefined {
    return this.storage.getStore()?.user;
  }
}
