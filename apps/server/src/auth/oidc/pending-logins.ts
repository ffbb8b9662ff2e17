/** Sign-ins that have been sent to the provider and not come back, by `state`; each may be taken once. */
export class PendingLoginStore<Login> {
  private readonly logins = new Map<string, { login: Login; expiresAt: number }>();

  constructor(private readonly options: { lifetimeMs: number; maxEntries: number; now: () => number }) {}

  /** Keeps a login under its state; the oldest entries give way when the store is full. */
  put(state: string, login: Login): void {
    this.removeExpired();
    while (this.logins.size >= this.options.maxEntries) {
      const oldest = this.logins.keys().next().value;
      if (oldest === undefined) break;
      this.logins.delete(oldest);
    }
    this.logins.set(state, { login, expiresAt: this.options.now() + this.options.lifetimeMs });
  }

  /** Removes and returns the login for a state; undefined when unknown, already taken or expired. */
  take(state: string): Login | undefined {
    const entry = this.logins.get(state);
    this.logins.delete(state);
    if (entry === undefined || entry.expiresAt <= this.options.now()) return undefined;
    return entry.login;
  }

  /** How many logins are waiting. */
  get size(): number {
    return this.logins.size;
  }

  private removeExpired(): void {
    const now = this.options.now();
    for (const [state, entry] of this.logins) {
      if (entry.expiresAt <= now) this.logins.delete(state);
    }
  }
}
