import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Rate-limit headers on every answer, so the GHL client's rate budget (which learns from them)
 * never makes a request wait: a million requests per second, a daily budget of a hundred million.
 * The interval is 1 s rather than GHL's 10 s because the budget remembers when each request of
 * the interval ended: at these rates a 10 s window would hold tens of thousands of them (with
 * GHL's real 100 per 10 s it holds at most 100).
 */
export const GENEROUS_RATE_LIMIT_HEADERS: Readonly<Record<string, string>> = {
  'x-ratelimit-max': '1000000',
  'x-ratelimit-remaining': '999999',
  'x-ratelimit-interval-milliseconds': '1000',
  'x-ratelimit-limit-daily': '100000000',
  'x-ratelimit-daily-remaining': '99999999',
};

const UPSERT_ANSWER = JSON.stringify({ contact: { id: 'x' }, new: true });

export interface LoopbackGhlOptions {
  /**
   * Keep every upsert waiting (no answer) until `release()`: a workflow whose action blocks, so
   * the deliveries behind it stay queued. Default false: answer at once.
   */
  readonly hold?: boolean;
}

export interface LoopbackGhl {
  /** Base URL for the GHL connector (`ghl.baseUrl` of the host config). */
  readonly url: string;
  /** `POST /contacts/upsert` requests received so far. */
  readonly upserts: number;
  /** Answers the held requests, and from then on answers at once. */
  release(): void;
  close(): Promise<void>;
}

function answer(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(UPSERT_ANSWER), ...GENEROUS_RATE_LIMIT_HEADERS });
  response.end(UPSERT_ANSWER);
}

/**
 * A stand-in for GoHighLevel on 127.0.0.1 that answers `POST /contacts/upsert` with 200
 * `{"contact":{"id":"x"}}` as soon as the request body has arrived (it does not parse it), and
 * 404 to anything else.
 */
export async function startLoopbackGhl(options: LoopbackGhlOptions = {}): Promise<LoopbackGhl> {
  let holding = options.hold ?? false;
  let upserts = 0;
  const held: ServerResponse[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0];
    request.resume();
    request.on('end', () => {
      if (request.method !== 'POST' || path !== '/contacts/upsert') {
        response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `The loopback GHL answers only POST /contacts/upsert, not ${String(request.method)} ${String(path)}` }));
        return;
      }
      upserts += 1;
      if (holding) held.push(response);
      else answer(response);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get upserts() {
      return upserts;
    },
    release() {
      holding = false;
      for (const response of held.splice(0)) answer(response);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
