import { describe, expect, it } from 'vitest';
import { TokenBucketLimiter } from './token-bucket';

describe('TokenBucketLimiter', () => {
  it('allows the capacity at once, then refuses with the seconds until the next token', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ capacity: 3, refillPerSecond: 0.25, now: () => now });
    expect([limiter.tryTake('a'), limiter.tryTake('a'), limiter.tryTake('a')]).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 4 });
    now += 1_000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 3 });
    now += 3_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.tryTake('b')).toBe(true);
  });

  it('peeks without taking', () => {
    const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 1, now: () => 0 });
    expect(limiter.peek('a').allowed).toBe(true);
    expect(limiter.peek('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.peek('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('forgets the least recently used key when full', () => {
    const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 0.001, now: () => 0, maxKeys: 2 });
    expect(limiter.tryTake('a')).toBe(true);
    expect(limiter.tryTake('b')).toBe(true);
    expect(limiter.tryTake('c')).toBe(true);
    // `a` was forgotten, so it starts full again; `c` is still remembered.
    expect(limiter.tryTake('a')).toBe(true);
    expect(limiter.tryTake('c')).toBe(false);
  });
});
