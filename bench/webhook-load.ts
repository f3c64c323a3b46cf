import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { signedDelivery } from './signed-delivery.js';

export interface WebhookLoadOptions {
  /** The receiver's URL (loopback). */
  readonly url: string;
  /** Senders, each with one request in flight at a time over a keep-alive connection of its own. */
  readonly senders: number;
  /** How long to keep sending. */
  readonly durationMs: number;
  /** Delivery numbers start here (each delivery gets the next number: its own customer id). */
  readonly firstIndex: number;
  /** Stop sooner, once this many deliveries have been sent. Default: no limit. */
  readonly maxDeliveries?: number;
  /**
   * Receivers to spread the deliveries over (e.g. one per tenant), each with the secret its
   * deliveries are signed with: delivery `n` goes to `targets[n % targets.length]`. Default: every
   * delivery to `url`, signed with the benchmark's secret. Same host and port as `url`.
   */
  readonly targets?: readonly WebhookTarget[];
}

export interface WebhookTarget {
  readonly url: string;
  readonly secret: string;
}

export interface WebhookLoadResult {
  readonly sent: number;
  /** Answered 202 (accepted: committed to the inbox). */
  readonly accepted: number;
  /** Answered 200 duplicate. */
  readonly duplicates: number;
  /** Any other answer, by status, or `error` when the request failed. */
  readonly refused: Readonly<Record<string, number>>;
  /** Time to acknowledgement (request start → last byte of a 2xx answer) of every 2xx, ms, ascending. */
  readonly ackMs: readonly number[];
  /** Epoch ms (performance.timeOrigin + now, comparable across processes) of the first send and the last answer. */
  readonly firstSendAt: number;
  readonly lastAnswerAt: number;
  /** CPU time the sender process spent, µs (user + system). */
  readonly cpuMicros: number;
}

function checkOptions(options: WebhookLoadOptions): void {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(options.url)) throw new TypeError(`Expected \`url\` to be a loopback http://127.0.0.1:<port>/ URL, got ${options.url}`);
  if (!Number.isInteger(options.senders) || options.senders < 1) throw new TypeError(`Expected \`senders\` to be a positive integer, got ${options.senders}`);
  if (!(options.durationMs > 0)) throw new TypeError(`Expected \`durationMs\` to be a positive number, got ${options.durationMs}`);
  if (!Number.isInteger(options.firstIndex) || options.firstIndex < 0) throw new TypeError(`Expected \`firstIndex\` to be a non-negative integer, got ${options.firstIndex}`);
  const loopback = /^http:\/\/127\.0\.0\.1:\d+\//;
  if (options.targets !== undefined && (options.targets.length === 0 || options.targets.some((target) => !loopback.test(target.url) || new URL(target.url).host !== new URL(options.url).host))) {
    throw new TypeError('Expected `targets` to be loopback URLs on the host and port of `url`');
  }
  if (options.maxDeliveries !== undefined && !(Number.isInteger(options.maxDeliveries) && options.maxDeliveries > 0)) throw new TypeError(`Expected \`maxDeliveries\` to be a positive integer, got ${options.maxDeliveries}`);
}

const epochNow = (): number => performance.timeOrigin + performance.now();

function post(agent: Agent, url: URL, body: string, signature: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'webhook-signature': signature },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * Sends signed PushPress `customer.created` deliveries to a receiver from `senders` concurrent
 * senders for `durationMs` (or until `maxDeliveries` are sent), timing each one to its acknowledgement.
 */
export async function sendDeliveries(options: WebhookLoadOptions): Promise<WebhookLoadResult> {
  checkOptions(options);
  const agent = new Agent({ keepAlive: true, maxSockets: options.senders });
  const url = new URL(options.url);
  const targets = options.targets?.map((target) => ({ url: new URL(target.url), secret: target.secret }));
  const ackMs: number[] = [];
  const refused: Record<string, number> = {};
  let next = options.firstIndex;
  let accepted = 0;
  let duplicates = 0;
  let lastAnswerAt = 0;
  const cpuStart = process.cpuUsage();
  const firstSendAt = epochNow();
  const deadline = performance.now() + options.durationMs;
  const end = options.firstIndex + (options.maxDeliveries ?? Number.POSITIVE_INFINITY);
  const sender = async (): Promise<void> => {
    while (performance.now() < deadline && next < end) {
      const n = next++;
      const target = targets?.[n % targets.length];
      const { body, signature } = target ? signedDelivery(n, target.secret) : signedDelivery(n);
      const start = performance.now();
      let outcome: string;
      try {
        const status = await post(agent, target ? target.url : url, body, signature);
        outcome = String(status);
        if (status === 202 || status === 200) ackMs.push(performance.now() - start);
      } catch {
        outcome = 'error';
      }
      lastAnswerAt = epochNow();
      if (outcome === '202') accepted += 1;
      else if (outcome === '200') duplicates += 1;
      else refused[outcome] = (refused[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.senders }, sender));
  const cpu = process.cpuUsage(cpuStart);
  agent.destroy();
  return {
    sent: next - options.firstIndex,
    accepted,
    duplicates,
    refused,
    ackMs: ackMs.sort((a, b) => a - b),
    firstSendAt,
    lastAnswerAt,
    cpuMicros: cpu.user + cpu.system,
  };
}
