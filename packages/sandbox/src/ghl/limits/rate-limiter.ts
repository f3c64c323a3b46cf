/** GoHighLevel's documented limits: 100 requests per 10 seconds and 200,000 per day, per location. */
export interface RateLimitOptions {
  readonly limit: number;
  readonly windowMs: number;
  readonly dailyLimit: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 100, windowMs: 10_000, dailyLimit: 200_000 };

const DAY_MS = 86_400_000;

export interface RateLimitDecision {
  readonly allowed: boolean;
  /** The `X-RateLimit-*` headers GHL sends on every answer (and `Retry-After` on a 429). */
  readonly headers: Record<string, string>;
  readonly retryAfterSeconds: number;
}

interface Bucket {
  windowStart: number;
  count: number;
  dayStart: number;
  dayCount: number;
}

/**
 * Fixed-window counters per key (a location id). A refused request does not use up quota.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly options: RateLimitOptions,
    private readonly now: () => number,
  ) {}

  take(key: string): RateLimitDecision {
    const now = this.now();
    let b = this.buckets.get(key);
    if (b === undefined) {
      b = { windowStart: now, count: 0, dayStart: now, dayCount: 0 };
      this.buckets.set(key, b);
    }
    if (now - b.windowStart >= this.options.windowMs) {
      b.windowStart = now;
      b.count = 0;
    }
    if (now - b.dayStart >= DAY_MS) {
      b.dayStart = now;
      b.dayCount = 0;
    }
    const allowed = b.count < this.options.limit && b.dayCount < this.options.dailyLimit;
    if (allowed) {
      b.count++;
      b.dayCount++;
    }
    const windowLeft = b.windowStart + this.options.windowMs - now;
    const retryMs = b.dayCount >= this.options.dailyLimit ? b.dayStart + DAY_MS - now : windowLeft;
    const retryAfterSeconds = Math.max(1, Math.ceil(retryMs / 1000));
    const headers: Record<string, string> = {
      'x-ratelimit-max': String(this.options.limit),
      'x-ratelimit-remaining': String(Math.max(0, this.options.limit - b.count)),
      'x-ratelimit-interval-milliseconds': String(this.options.windowMs),
      'x-ratelimit-limit-daily': String(this.options.dailyLimit),
      'x-ratelimit-daily-remaining': String(Math.max(0, this.options.dailyLimit - b.dayCount)),
    };
    if (!allowed) headers['retry-after'] = String(retryAfterSeconds);
    return { allowed, headers, retryAfterSeconds };
  }

  reset(): void {
    this.buckets.clear();
  }
}
