export interface RateLimiterOptions {
  /** Requests a client may make per minute, sustained (default: 60). */
  requestsPerMinute?: number;
  /** Requests a client may make at once after a quiet spell (default: `requestsPerMinute`). */
  burst?: number;
  /** Clock in milliseconds (default: `Date.now`); tests inject their own. */
  now?: () => number;
  /** Clients tracked at most; past it, idle clients are forgotten first (default: 10 000). */
  maxClients?: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until the next request would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Takes one token from `clientKey`'s bucket, if there is one. */
  take(clientKey: string): RateLimitDecision;
  /** Clients currently tracked (for tests and the bench). */
  readonly size: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per client: `burst` tokens, refilled at `requestsPerMinute / 60` per second.
 * Memory is bounded: a full bucket carries no information, so those are dropped first when the
 * table grows past `maxClients`, then the oldest.
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const requestsPerMinute = options.requestsPerMinute ?? 60;
  const capacity = options.burst ?? requestsPerMinute;
  const refillPerMillisecond = requestsPerMinute / 60_000;
  const now = options.now ?? Date.now;
  const maxClients = options.maxClients ?? 10_000;
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, time: number): void => {
    const elapsed = Math.max(0, time - bucket.updatedAt);
    bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * refillPerMillisecond);
    bucket.updatedAt = time;
  };

  const prune = (time: number): void => {
    for (const [key, bucket] of buckets) {
      refill(bucket, time);
      if (bucket.tokens >= capacity) buckets.delete(key);
    }
    // Still full of busy clients: forget the oldest entries (Map keeps insertion order), down to
    // 90 % so that a flood of new addresses does not pay a full sweep on every request.
    const target = Math.floor(maxClients * 0.9);
    for (const key of buckets.keys()) {
      if (buckets.size <= target) break;
      buckets.delete(key);
    }
  };

  return {
    take(clientKey) {
      const time = now();
      let bucket = buckets.get(clientKey);
      if (bucket === undefined) {
        if (buckets.size >= maxClients) prune(time);
        bucket = { tokens: capacity, updatedAt: time };
        buckets.set(clientKey, bucket);
      } else {
        refill(bucket, time);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, retryAfterSeconds: 0 };
      }
      const missing = 1 - bucket.tokens;
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil(missing / refillPerMillisecond / 1000)),
      };
    },
    get size() {
      return buckets.size;
    },
  };
}
