/**
 * A token bucket per client address: `burst` joins at once, then `perMinute`
 * a minute. Counters live in this process only: behind a load balancer each
 * process limits on its own, so an address gets up to (processes x rate).
 * That bounds PIN guessing without any shared store.
 */
export interface RateLimit {
  readonly burst: number;
  readonly perMinute: number;
}

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Past this many addresses, full buckets are forgotten: a full bucket is the same as none. */
const MAX_TRACKED_ADDRESSES = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.refillPerMs = limit.perMinute / 60_000;
  }

  take(address: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(address) ?? { tokens: this.limit.burst, updatedAt: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs);
    bucket.updatedAt = now;
    this.buckets.set(address, bucket);
    if (this.buckets.size > MAX_TRACKED_ADDRESSES) this.forgetFull(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000)) };
  }

  private forgetFull(now: number): void {
    for (const [address, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs >= this.limit.burst) this.buckets.delete(address);
    }
  }
}
