/** The outcome of taking a token: allowed, or refused with the seconds until one token is back. */
export interface TokenBucketDecision {
  allowed: boolean;
  /** Whole seconds until the next token (0 when allowed). */
  retryAfterSeconds: number;
}

/** An in-memory token bucket per key (user name, IP): `capacity` tries, refilled at `refillPerSecond`. */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    private readonly options: {
      capacity: number;
      refillPerSecond: number;
      now?: () => number;
      maxKeys?: number;
    },
  ) {}

  /** Takes one token for `key`; false (and no token taken) when the bucket is empty. */
  tryTake(key: string): boolean {
    return this.take(key).allowed;
  }

  /** Takes one token for `key`, or says how long until one is back (no token taken). */
  take(key: string): TokenBucketDecision {
    const bucket = this.refill(key);
    if (bucket.tokens < 1)
      return { allowed: false, retryAfterSeconds: this.secondsUntilToken(bucket.tokens) };
    bucket.tokens -= 1;
    return { allowed: true, retryAfterSeconds: 0 };
  }

  /** Whether `key` has a token left, without taking it; the same decision `take` would give. */
  peek(key: string): TokenBucketDecision {
    const tokens = this.buckets.has(key) ? this.refill(key).tokens : this.options.capacity;
    return tokens >= 1
      ? { allowed: true, retryAfterSeconds: 0 }
      : { allowed: false, retryAfterSeconds: this.secondsUntilToken(tokens) };
  }

  private secondsUntilToken(tokens: number): number {
    return Math.max(1, Math.ceil((1 - tokens) / this.options.refillPerSecond));
  }

  /** The key's bucket, refilled to now and moved to the newest end (least recently used goes first). */
  private refill(key: string): { tokens: number; updatedAt: number } {
    const now = (this.options.now ?? Date.now)();
    const bucket = this.buckets.get(key) ?? { tokens: this.options.capacity, updatedAt: now };
    const elapsedSeconds = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(
      this.options.capacity,
      bucket.tokens + elapsedSeconds * this.options.refillPerSecond,
    );
    bucket.updatedAt = now;
    if (this.buckets.size >= (this.options.maxKeys ?? 10_000) && !this.buckets.has(key)) {
      // Forget the oldest keys rather than grow without bound under a spray of addresses.
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    return bucket;
  }
}
