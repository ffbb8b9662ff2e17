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
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
