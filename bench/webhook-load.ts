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
 * senders for `durationMs`, timing each one to its acknowledgement.
 */
export async function sendDeliveries(options: WebhookLoadOptions): Promise<WebhookLoadResult> {
  checkOptions(options);
  const agent = new Agent({ keepAlive: true, maxSockets: options.senders });
  const url = new URL(options.url);
  const ackMs: number[] = [];
  const refused: Record<string, number> = {};
  let next = options.firstIndex;
  let accepted = 0;
  let duplicates = 0;
  let lastAnswerAt = 0;
  const cpuStart = process.cpuUsage();
  const firstSendAt = epochNow();
  const deadline = performance.now() + options.durationMs;
  const sender = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const { body, signature } = signedDelivery(next++);
      const start = performance.now();
      let outcome: string;
      try {
        const status = await post(agent, url, body, signature);
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
