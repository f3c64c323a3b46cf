import { setTimeout as sleep } from 'node:timers/promises';
import { signDelivery } from '../../packages/sandbox/src/index.js';
import type { Workload } from './crash-deliveries.js';

/**
 * What one POST got: `accepted` (202, this request committed the delivery), `duplicate` (200,
 * committed earlier), `refused` (no connection: nothing committed), `unknown` (the connection
 * broke or timed out mid-request: it may have been committed), `rejected` (another answer).
 */
export type AttemptOutcome = 'accepted' | 'duplicate' | 'refused' | 'unknown' | 'rejected';

export interface Attempt {
  readonly identity: string;
  readonly orderingKey: string;
  /** Position in the send order. */
  readonly sendIndex: number;
  readonly outcome: AttemptOutcome;
  readonly status?: number;
  readonly detail?: string;
}

export interface DeliverySenderOptions {
  readonly url: string;
  readonly secret: string;
  readonly workload: Workload;
  /** Deliveries in flight at once, never two of one customer (default 6). */
  readonly concurrency?: number;
  /** Pause before re-sending after a failure (default 25 ms). */
  readonly retryDelayMs?: number;
  /** Give up on a delivery that is not acknowledged for this long (default 120 s). */
  readonly giveUpAfterMs?: number;
  /** Per-request timeout (default 15 s). */
  readonly timeoutMs?: number;
}

function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return error instanceof Error ? error.name : 'unknown';
}

/**
 * Plays PushPress: sends the workload's deliveries (signed) in send order, several at once but
 * never two of one customer, and re-sends a delivery until it is acknowledged with a 2xx, the way
 * PushPress retries. So each customer's deliveries are committed in send order whatever the
 * crashes do, and a run without crashes sees the same order per customer. How far the sender may
 * go is raised step by step (`allowUpTo`), so the kill schedule decides how much work is in flight.
 */
export class DeliverySender {
  readonly attempts: Attempt[] = [];
  private allowance = 0;
  private next = 0;
  private acknowledged = 0;
  private readonly busy = new Set<string>();
  private wake: (() => void) | undefined;
  private failure: Error | undefined;
  private readonly options: Required<Omit<DeliverySenderOptions, 'workload'>> & { workload: Workload };

  constructor(options: DeliverySenderOptions) {
    if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(options.url)) throw new TypeError(`Expected a loopback webhook URL, got ${options.url}`);
    const concurrency = options.concurrency ?? 6;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new TypeError(`Expected \`concurrency\` to be a positive integer, got ${concurrency}`);
    this.options = { retryDelayMs: 25, giveUpAfterMs: 120_000, timeoutMs: 15_000, ...options, concurrency };
  }

  /** Sends of the send order acknowledged so far. */
  get progress(): number {
    return this.acknowledged;
  }

  get total(): number {
    return this.options.workload.sendOrder.length;
  }

  /** Lets the sender go on up to (not including) position `count` of the send order. */
  allowUpTo(count: number): void {
    this.allowance = Math.max(this.allowance, Math.min(count, this.total));
    this.poke();
  }

  /** Resolves once `count` sends are acknowledged, or after `timeoutMs` (bounded). */
  async reached(count: number, timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.acknowledged < count && Date.now() < until && this.failure === undefined) await sleep(10);
  }

  /** Sends everything allowed, as it is allowed; resolves when the whole send order is acknowledged. */
  async run(): Promise<void> {
    const { workload, concurrency } = this.options;
    const pending: Array<{ sendIndex: number; key: string }> = [];
    const inFlight = new Set<Promise<void>>();
    while (this.acknowledged < this.total) {
      if (this.failure) throw this.failure;
      while (this.next < this.allowance) {
        const item = workload.deliveries[workload.sendOrder[this.next] ?? -1];
        if (!item) throw new Error(`Send order position ${this.next} names no delivery`);
        pending.push({ sendIndex: this.next, key: item.orderingKey });
        this.next++;
      }
      // The earliest waiting send whose customer has nothing in flight; a customer's later sends
      // wait behind its earlier ones (they are found first in `pending`).
      const blocked = new Set(this.busy);
      let started = false;
      for (let i = 0; i < pending.length && inFlight.size < concurrency; i++) {
        const candidate = pending[i];
        if (!candidate || blocked.has(candidate.key)) {
          if (candidate) blocked.add(candidate.key);
          continue;
        }
        pending.splice(i, 1);
        i--;
        blocked.add(candidate.key);
        this.busy.add(candidate.key);
        const task = this.send(candidate.sendIndex).then(
          () => {
            this.busy.delete(candidate.key);
            this.acknowledged++;
          },
          (error: unknown) => {
            this.failure = error instanceof Error ? error : new Error(String(error));
          },
        );
        const tracked: Promise<void> = task.finally(() => {
          inFlight.delete(tracked);
          this.poke();
        });
        inFlight.add(tracked);
        started = true;
      }
      if (!started) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
      }
    }
    if (this.failure) throw this.failure;
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private async send(sendIndex: number): Promise<void> {
    const { workload } = this.options;
    const item = workload.deliveries[workload.sendOrder[sendIndex] ?? -1];
    if (!item) throw new Error(`Send order position ${sendIndex} names no delivery`);
    const signed = signDelivery(item.delivery, this.options.secret);
    const started = Date.now();
    for (;;) {
      const attempt = await this.post(sendIndex, item.identity, item.orderingKey, signed);
      this.attempts.push(attempt);
      if (attempt.outcome === 'accepted' || attempt.outcome === 'duplicate') return;
      if (attempt.outcome === 'rejected' && attempt.status !== undefined && attempt.status < 500) {
        throw new Error(`The receiver refused delivery ${item.identity} with ${attempt.status}: ${attempt.detail ?? ''}`);
      }
      if (Date.now() - started > this.options.giveUpAfterMs) {
        throw new Error(`Delivery ${item.identity} was not acknowledged within ${this.options.giveUpAfterMs} ms (last: ${attempt.outcome} ${attempt.detail ?? ''})`);
      }
      await sleep(this.options.retryDelayMs);
    }
  }

  private async post(sendIndex: number, identity: string, orderingKey: string, signed: ReturnType<typeof signDelivery>): Promise<Attempt> {
    const base = { identity, orderingKey, sendIndex };
    try {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers: signed.headers,
        body: signed.body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const text = await response.text();
      if (response.status === 202) return { ...base, outcome: 'accepted', status: 202 };
      if (response.status === 200) return { ...base, outcome: 'duplicate', status: 200 };
      return { ...base, outcome: 'rejected', status: response.status, detail: text.slice(0, 300) };
    } catch (error) {
      const code = errorCode(error);
      return { ...base, outcome: code === 'ECONNREFUSED' ? 'refused' : 'unknown', detail: code };
    }
  }
}

/**
 * The order in which the engine committed each customer's deliveries (ordering key → identities),
 * from the sender's attempts (never two of one customer at once): a delivery was committed by its
 * 202 attempt or, when it never got one (the answer was lost in a kill and a re-send got
 * `duplicate`), by its last `unknown` attempt before that `duplicate`.
 */
export function acceptanceOrder(attempts: readonly Attempt[]): Map<string, string[]> {
  const position = new Map<string, { index: number; key: string }>();
  const lastUnknown = new Map<string, number>();
  attempts.forEach((attempt, index) => {
    if (position.has(attempt.identity)) return;
    if (attempt.outcome === 'accepted') position.set(attempt.identity, { index, key: attempt.orderingKey });
    else if (attempt.outcome === 'unknown') lastUnknown.set(attempt.identity, index);
    else if (attempt.outcome === 'duplicate') {
      const unknown = lastUnknown.get(attempt.identity);
      if (unknown === undefined) throw new Error(`Delivery ${attempt.identity} was answered "duplicate" before any attempt could have committed it`);
      position.set(attempt.identity, { index: unknown, key: attempt.orderingKey });
    }
  });
  const byKey = new Map<string, string[]>();
  for (const [identity, { key }] of [...position.entries()].sort((a, b) => a[1].index - b[1].index)) {
    byKey.set(key, [...(byKey.get(key) ?? []), identity]);
  }
  return byKey;
}

/** Each customer's deliveries in the order the workload sends them first (the order the engine must commit them in). */
export function sendOrderByKey(workload: Workload): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const index of workload.sendOrder) {
    const item = workload.deliveries[index];
    if (!item || seen.has(item.identity)) continue;
    seen.add(item.identity);
    byKey.set(item.orderingKey, [...(byKey.get(item.orderingKey) ?? []), item.identity]);
  }
  return byKey;
}
