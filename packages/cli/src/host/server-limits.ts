import { createServer, type RequestListener, type Server } from 'node:http';

/**
 * How long the host's HTTP server waits on a client, and how many it serves at once. node:http's
 * own defaults (headers 60 s, a request 300 s, checked every 30 s; no connection cap) let a few
 * dozen stalled connections a second use up the process's file descriptors.
 */
export interface ServerLimits {
  /**
   * Time for a request's headers to arrive, and so for a new connection to send its first
   * request. Default 10 s.
   */
  readonly headersTimeoutMs: number;
  /** Time for a whole request, headers and body, to arrive. Default 30 s; at least `headersTimeoutMs`. */
  readonly requestTimeoutMs: number;
  /** How long an idle kept-alive connection stays open after an answer. Default 5 s. */
  readonly keepAliveTimeoutMs: number;
  /** Time for a webhook body to arrive once its headers are in (the receiver answers 408). Default 15 s. */
  readonly bodyTimeoutMs: number;
  /** Connections open at once; the kernel's next ones are closed as they come. Default 512. */
  readonly maxConnections: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  bodyTimeoutMs: 15_000,
  maxConnections: 512,
};

const NAMES = Object.keys(DEFAULT_SERVER_LIMITS) as Array<keyof ServerLimits>;

/** The limits with defaults filled in; throws a TypeError naming the setting that is wrong. */
export function resolveServerLimits(given: Partial<ServerLimits> = {}, where = 'server limits'): ServerLimits {
  for (const name of Object.keys(given)) {
    if (!NAMES.includes(name as keyof ServerLimits)) throw new TypeError(`Unknown setting \`${name}\` in ${where}; the settings are ${NAMES.join(', ')}`);
  }
  const limits = { ...DEFAULT_SERVER_LIMITS, ...given };
  for (const name of NAMES) {
    const value = limits[name];
    if (!Number.isSafeInteger(value) || value < 1) throw new TypeError(`Expected \`${name}\` in ${where} to be a whole number ≥ 1, got ${String(value)}`);
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new TypeError(`Expected \`headersTimeoutMs\` (${limits.headersTimeoutMs}) in ${where} to be at most \`requestTimeoutMs\` (${limits.requestTimeoutMs})`);
  }
  return limits;
}

/**
 * An HTTP server held to `limits`. node:http checks its timeouts at an interval, not at the
 * moment they pass; here it checks at a quarter of the headers timeout (at most every second),
 * so a stalled client is cut within about 25% past its limit.
 */
export function createLimitedServer(listener: RequestListener, limits: ServerLimits): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    listener,
  );
  server.maxConnections = limits.maxConnections;
  return server;
}
