import { RetryAfterError } from '@flowline/core';
import type { RateLimitHeaders } from './rate-headers.js';

export interface RateBudgetOptions {
  /** Burst requests per interval before any answer says otherwise (GHL: 100). */
  readonly max?: number;
  /** The burst interval before any answer says otherwise (GHL: 10 000 ms). */
  readonly intervalMs?: number;
  /** Requests per day before any answer says otherwise (GHL: 200 000). */
  readonly dailyLimit?: number;
  /**
   * When a spent daily budget is available again. GHL's documents do not say; the default is the
   * next midnight UTC.
   */
  readonly dailyResetAt?: (now: number) => number;
  /**
   * Until the first answer for a key has arrived (with its `X-RateLimit-*` headers), send one
   * request at a time for that key, so a first burst cannot overrun a budget that is smaller than
   * assumed or shared with other clients. Default true.
   */
  readonly probeFirst?: boolean;
  readonly now?: () => number;
}

/** A granted send. Settle it when the answer (or the failure) arrives. */
export interface RatePermit {
  /** The answer arrived: correct the budget from its headers; `blockMs` after a 429. */
  settle(headers?: RateLimitHeaders, blockMs?: number): void;
}

interface Waiter {
  readonly resolve: (permit: RatePermit) => void;
  readonly reject: (error: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

interface Lane {
  max: number;
  intervalMs: number;
  learned: boolean;
  /** Requests sent and not yet answered: they count until their answer, plus the interval. */
  inFlight: number;
  /** When each answered request ended, oldest first from `endedHead` (answers arrive in time order). */
  ended: number[];
  endedHead: number;
  blockedUntil: number;
  dailyLimit: number;
  /** Counted down locally per send, corrected by `X-RateLimit-Daily-Remaining`. */
  dailyRemaining: number;
  dailyResetAt: number;
  readonly queue: Waiter[];
  timer: NodeJS.Timeout | undefined;
  timerAt: number;
}

/** Requests the window counts: those in flight and those answered within the interval. */
function counted(lane: Lane): number {
  return lane.inFlight + lane.ended.length - lane.endedHead;
}

function nextUtcMidnight(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

function checkPositive(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isFinite(value) || value <= 0)) {
    throw new TypeError(`Expected \`rateLimit.${name}\` to be a positive number, got ${value}`);
  }
}

/**
 * The request budget of each GHL location (or company): at most `max` requests in any sliding
 * `intervalMs`, counting a request from when it is sent until its answer arrives plus the
 * interval (so the server, whichever moment in between it counted it, never sees more), and at
 * most the daily budget. Answers' `X-RateLimit-*` headers correct the budget (other clients of
 * the same app and location use it too). Callers over the budget queue in arrival order; nothing
 * is sent that the budget knows would be refused.
 */
export class RateBudget {
  readonly #lanes = new Map<string, Lane>();
  readonly #max: number;
  readonly #intervalMs: number;
  readonly #dailyLimit: number;
  readonly #dailyResetAt: (now: number) => number;
  readonly #probeFirst: boolean;
  readonly #now: () => number;

  constructor(options: RateBudgetOptions = {}) {
    checkPositive('max', options.max);
    checkPositive('intervalMs', options.intervalMs);
    checkPositive('dailyLimit', options.dailyLimit);
    this.#max = Math.floor(options.max ?? 100);
    this.#intervalMs = options.intervalMs ?? 10_000;
    this.#dailyLimit = options.dailyLimit ?? 200_000;
    this.#dailyResetAt = options.dailyResetAt ?? nextUtcMidnight;
    this.#probeFirst = options.probeFirst ?? true;
    this.#now = options.now ?? Date.now;
  }

  /** Waits for room in the budget of `key`; rejects with RetryAfterError when the daily budget is spent. */
  acquire(key: string, signal?: AbortSignal): Promise<RatePermit> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const lane = this.#lane(key);
    return new Promise<RatePermit>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = lane.queue.indexOf(waiter);
          if (index >= 0) lane.queue.splice(index, 1);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      lane.queue.push(waiter);
      this.#pump(key, lane);
    });
  }

  /** How many requests for `key` are counted in the current window (for tests and metrics). */
  inWindow(key: string): number {
    const lane = this.#lanes.get(key);
    if (!lane) return 0;
    this.#prune(lane, this.#now());
    return counted(lane);
  }

  #lane(key: string): Lane {
    let lane = this.#lanes.get(key);
    if (!lane) {
      lane = {
        max: this.#max,
        intervalMs: this.#intervalMs,
        learned: !this.#probeFirst,
        inFlight: 0,
        ended: [],
        endedHead: 0,
        blockedUntil: 0,
        dailyLimit: this.#dailyLimit,
        dailyRemaining: this.#dailyLimit,
        dailyResetAt: this.#dailyResetAt(this.#now()),
        queue: [],
        timer: undefined,
        timerAt: Infinity,
      };
      this.#lanes.set(key, lane);
    }
    return lane;
  }

  #prune(lane: Lane, now: number): void {
    const { ended } = lane;
    while (lane.endedHead < ended.length && (ended[lane.endedHead] ?? Infinity) + lane.intervalMs <= now) lane.endedHead += 1;
    if (lane.endedHead > 1024 && lane.endedHead * 2 > ended.length) {
      lane.ended = ended.slice(lane.endedHead);
      lane.endedHead = 0;
    }
  }

  #wake(key: string, lane: Lane, at: number): void {
    if (lane.timer !== undefined && lane.timerAt <= at) return;
    if (lane.timer !== undefined) clearTimeout(lane.timer);
    lane.timerAt = at;
    lane.timer = setTimeout(() => {
      lane.timer = undefined;
      lane.timerAt = Infinity;
      this.#pump(key, lane);
    }, Math.max(0, at - this.#now()));
  }

  #pump(key: string, lane: Lane): void {
    while (lane.queue.length > 0) {
      const now = this.#now();
      this.#prune(lane, now);
      if (now >= lane.dailyResetAt) {
        lane.dailyRemaining = lane.dailyLimit;
        lane.dailyResetAt = this.#dailyResetAt(now);
      }
      if (lane.dailyRemaining <= 0) {
        const waitMs = Math.max(0, lane.dailyResetAt - now);
        const resetsAt = new Date(lane.dailyResetAt).toISOString();
        for (const waiter of lane.queue.splice(0)) {
          waiter.signal?.removeEventListener('abort', waiter.onAbort);
          waiter.reject(
            new RetryAfterError(waitMs, `The daily GHL request budget of ${key} (${lane.dailyLimit}) is spent; it resets at ${resetsAt}`, {
              details: { budgetKey: key, dailyLimit: lane.dailyLimit, resetsAt },
              hint: 'Nothing was sent. Retry after the reset, or spread the work over more days.',
            }),
          );
        }
        return;
      }
      if (lane.blockedUntil > now) return this.#wake(key, lane, lane.blockedUntil);
      if (!lane.learned && lane.inFlight > 0) return; // the probe's answer pumps again
      if (counted(lane) >= lane.max) {
        const oldest = lane.ended[lane.endedHead];
        if (oldest !== undefined) this.#wake(key, lane, oldest + lane.intervalMs);
        return; // otherwise a settle pumps again
      }
      const waiter = lane.queue.shift();
      if (!waiter) return;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      lane.inFlight += 1;
      lane.dailyRemaining -= 1;
      waiter.resolve(this.#permit(key, lane));
    }
  }

  #permit(key: string, lane: Lane): RatePermit {
    let settled = false;
    return {
      settle: (headers, blockMs) => {
        if (settled) return;
        settled = true;
        const now = this.#now();
        lane.inFlight -= 1;
        lane.ended.push(now);
        if (headers) this.#learn(lane, headers, now);
        if (blockMs !== undefined && blockMs > 0) lane.blockedUntil = Math.max(lane.blockedUntil, now + blockMs);
        this.#pump(key, lane);
      },
    };
  }

  #learn(lane: Lane, headers: RateLimitHeaders, now: number): void {
    if (headers.intervalMs !== undefined && headers.intervalMs > 0) lane.intervalMs = headers.intervalMs;
    if (headers.max !== undefined && headers.max >= 1) lane.max = Math.floor(headers.max);
    lane.learned = true; // an answer arrived: whatever its headers said (or did not) is what we know
    this.#prune(lane, now);
    if (headers.remaining !== undefined) {
      // Requests the server counted that this process did not send: other clients of the budget.
      const serverUsed = lane.max - headers.remaining;
      const unknown = serverUsed - counted(lane);
      for (let i = 0; i < unknown; i += 1) lane.ended.push(now);
    }
    if (headers.dailyLimit !== undefined) lane.dailyLimit = headers.dailyLimit;
    if (headers.dailyRemaining !== undefined) lane.dailyRemaining = headers.dailyRemaining - lane.inFlight;
  }
}
