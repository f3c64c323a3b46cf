import { PUSHPRESS_SIGNATURE_HEADER, signPushPressData } from '@flowline/connectors';
import { SandboxOptionsError } from '../shared/errors.js';
import { createPrng } from '../shared/prng.js';
import type { Delivery } from './delivery.js';

/** The HTTP request PushPress would send for a delivery. */
export interface SignedDelivery {
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Serializes a delivery and signs it the PushPress way: `webhook-signature` is the lowercase
 * hex HMAC-SHA256 of `JSON.stringify(body.data)` keyed with the secret (signer from
 * `@flowline/connectors`, one source of truth).
 */
export function signDelivery(delivery: Delivery, secret: string): SignedDelivery {
  const body = JSON.stringify({ event: delivery.event, created: delivery.created, data: delivery.data });
  return {
    body,
    headers: { 'content-type': 'application/json', [PUSHPRESS_SIGNATURE_HEADER]: signPushPressData(delivery.data, secret) },
  };
}

export interface PlayScenarioOptions {
  /** Where the receiver listens, e.g. `http://127.0.0.1:4100/webhooks/pushpress`. */
  readonly url: string;
  readonly secret: string;
  readonly deliveries: readonly Delivery[];
  /** Send every delivery twice (the copy right after the original, before any shuffle). */
  readonly duplicate?: boolean;
  /** Seed for a deterministic out-of-order send; leave out to keep order. */
  readonly shuffle?: number;
  /** Requests in flight at once (default 1: strictly one after another). */
  readonly concurrency?: number;
  /** Per-request timeout in ms (default 10,000). */
  readonly timeoutMs?: number;
}

/** What happened to one request the simulator sent. */
export interface SentDelivery {
  /** Position in the send order. */
  readonly seq: number;
  /** Index of the delivery in `options.deliveries`. */
  readonly index: number;
  /** True for the second copy of a duplicated delivery. */
  readonly duplicate: boolean;
  readonly event: Delivery['event'];
  readonly created: number;
  readonly dataId: string | undefined;
  /** HTTP status, or `null` when no answer came (network error, timeout). */
  readonly status: number | null;
  readonly error?: string;
}

export interface PlayReport {
  readonly sent: readonly SentDelivery[];
  /** Count of 2xx answers. */
  readonly accepted: number;
  /** Everything else (non-2xx answers and network failures). */
  readonly failed: number;
}

interface Planned {
  readonly index: number;
  readonly duplicate: boolean;
}

/** The send order `playScenario` uses, exposed so tests can check it without a server. */
export function planSendOrder(count: number, options: { duplicate?: boolean; shuffle?: number } = {}): Planned[] {
  const plan: Planned[] = [];
  for (let index = 0; index < count; index++) {
    plan.push({ index, duplicate: false });
    if (options.duplicate === true) plan.push({ index, duplicate: true });
  }
  return options.shuffle === undefined ? plan : createPrng(options.shuffle).shuffle(plan);
}

function checkOptions(o: PlayScenarioOptions): { concurrency: number; timeoutMs: number } {
  let url: URL;
  try {
    url = new URL(o.url);
  } catch {
    throw new SandboxOptionsError(`Expected \`url\` to be an absolute http(s) URL, got ${JSON.stringify(o.url)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SandboxOptionsError(`Expected \`url\` to use http or https, got ${url.protocol}`);
  if (typeof o.secret !== 'string' || o.secret === '') throw new SandboxOptionsError('Expected `secret` to be a non-empty string');
  if (!Array.isArray(o.deliveries)) throw new SandboxOptionsError('Expected `deliveries` to be an array (see createScenario)');
  const concurrency = o.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new SandboxOptionsError(`Expected \`concurrency\` to be an integer >= 1, got ${String(concurrency)}`);
  if (o.shuffle !== undefined && !Number.isFinite(o.shuffle)) throw new SandboxOptionsError(`Expected \`shuffle\` to be a numeric seed, got ${String(o.shuffle)}`);
  const timeoutMs = o.timeoutMs ?? 10_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new SandboxOptionsError(`Expected \`timeoutMs\` to be an integer >= 1, got ${String(timeoutMs)}`);
  return { concurrency, timeoutMs };
}

/**
 * Sends signed PushPress deliveries to a receiver and reports the status each one got.
 * Duplicates and a seeded shuffle simulate at-least-once, out-of-order delivery. The
 * signing secret appears nowhere in the report.
 */
export async function playScenario(options: PlayScenarioOptions): Promise<PlayReport> {
  const { concurrency, timeoutMs } = checkOptions(options);
  const plan = planSendOrder(options.deliveries.length, {
    ...(options.duplicate === undefined ? {} : { duplicate: options.duplicate }),
    ...(options.shuffle === undefined ? {} : { shuffle: options.shuffle }),
  });
  const results: SentDelivery[] = new Array<SentDelivery>(plan.length);
  let next = 0;

  async function send(seq: number, item: Planned): Promise<void> {
    const delivery = options.deliveries[item.index] as Delivery;
    const { body, headers } = signDelivery(delivery, options.secret);
    const dataId = typeof delivery.data['id'] === 'string' ? delivery.data['id'] : undefined;
    const base = { seq, index: item.index, duplicate: item.duplicate, event: delivery.event, created: delivery.created, dataId };
    try {
      const res = await fetch(options.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
      await res.arrayBuffer();
      results[seq] = { ...base, status: res.status };
    } catch (cause) {
      results[seq] = { ...base, status: null, error: cause instanceof Error ? cause.message : String(cause) };
    }
  }

  async function worker(): Promise<void> {
    while (next < plan.length) {
      const seq = next++;
      await send(seq, plan[seq] as Planned);
    }
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(plan.length, 1)) }, () => worker()));
  const accepted = results.filter((r) => r.status !== null && r.status >= 200 && r.status < 300).length;
  return { sent: results, accepted, failed: results.length - accepted };
}
