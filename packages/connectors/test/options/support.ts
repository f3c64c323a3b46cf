import type { ConnectionConfig, Logger } from '@flowline/core';
import { startGhlSandbox, type GhlSandbox, type LocationSeed } from '@flowline/sandbox';
import { createGhlConnector, type GhlConnector } from '../../src/ghl/index.js';
import type { FetchAnswer, FetchLike } from '../../src/ghl/auth/oauth-token-endpoint.js';
import { createHttpFetch } from '../../src/ghl/client/http-fetch.js';
import { createOptionsResolver, type OptionsResolver, type OptionsResolverOptions } from '../../src/options/index.js';

/** Two gyms (tenants), each with its own GHL location and private token, both naming their connection `ghl-main`. */
export const LOC_A = 'loc_gym_a';
export const LOC_B = 'loc_gym_b';
export const TOKEN_A = 'pit-A-SECRET-1111aaaa2222bbbb';
export const TOKEN_B = 'pit-B-SECRET-3333cccc4444dddd';
export const CONNECTION = 'ghl-main';

export const LOCATIONS: LocationSeed[] = [
  { id: LOC_A, name: 'Gym A' },
  {
    id: LOC_B,
    name: 'Gym B',
    tags: [{ id: 'tag_b_only', name: 'b-only' }],
    pipelines: [{ id: 'pip_b', name: 'B pipeline', stages: [{ id: 'stg_b_1', name: 'B first' }] }],
  },
];

export function ghlConnection(token: string, locationId: string): ConnectionConfig {
  return { connector: 'ghl', credentials: { type: 'private-token', token }, settings: { locationId } };
}

export const TENANT_CONNECTIONS: Record<string, Record<string, ConnectionConfig>> = {
  'gym-a': { [CONNECTION]: ghlConnection(TOKEN_A, LOC_A), pushpress: { connector: 'pushpress', credentials: { apiKey: 'pp-key' } } },
  'gym-b': { [CONNECTION]: ghlConnection(TOKEN_B, LOC_B) },
};

/**
 * The client's real keep-alive fetch, with a gate a test can close: the next response whose URL
 * contains a given text is held (received, not yet handed to the client) until released.
 */
export interface GatedFetch {
  readonly fetch: FetchLike;
  hold(urlPart: string): { readonly held: Promise<void>; release(): void };
}

export function gatedFetch(): GatedFetch {
  const inner = createHttpFetch();
  const gates: { urlPart: string; arrived: () => void; open: Promise<void> }[] = [];
  return {
    fetch: async (input, init): Promise<FetchAnswer> => {
      const answer = await inner(input, init);
      const index = gates.findIndex((g) => input.includes(g.urlPart));
      if (index >= 0) {
        const [gate] = gates.splice(index, 1);
        gate?.arrived();
        await gate?.open;
      }
      return answer;
    },
    hold(urlPart) {
      let arrived = (): void => {};
      let release = (): void => {};
      const held = new Promise<void>((resolve) => (arrived = resolve));
      const open = new Promise<void>((resolve) => (release = resolve));
      gates.push({ urlPart, arrived, open });
      return { held, release };
    },
  };
}

export interface LogLine {
  readonly level: string;
  readonly message: string;
  readonly fields: unknown;
}

export function recordingLogger(lines: LogLine[]): Logger {
  const at =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void => {
      lines.push({ level, message, fields });
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface World {
  readonly sandbox: GhlSandbox;
  readonly ghl: GhlConnector;
  readonly gate: GatedFetch;
  readonly resolver: OptionsResolver;
  readonly clock: { now: number };
  readonly log: LogLine[];
  /** Requests the sandbox saw for a GHL operationId. */
  sent(operationId: string): number;
  close(): Promise<void>;
}

export async function startWorld(options: Partial<OptionsResolverOptions> = {}): Promise<World> {
  const sandbox = await startGhlSandbox({ locations: LOCATIONS, tokens: { [TOKEN_A]: { locationId: LOC_A }, [TOKEN_B]: { locationId: LOC_B } } });
  const gate = gatedFetch();
  const ghl = createGhlConnector({ baseUrl: sandbox.url, fetch: gate.fetch, retry: { retries: 1, minDelayMs: 1, maxDelayMs: 5, rateLimitRetries: 1 } });
  const clock = { now: 1_760_000_000_000 };
  const log: LogLine[] = [];
  const resolver = createOptionsResolver({
    ghl,
    connections: (tenant, name) => TENANT_CONNECTIONS[tenant]?.[name],
    now: () => clock.now,
    logger: recordingLogger(log),
    ...options,
  });
  return {
    sandbox,
    ghl,
    gate,
    resolver,
    clock,
    log,
    sent: (operationId) => sandbox.requests.list().filter((r) => r.operationId === operationId).length,
    close: () => sandbox.close(),
  };
}
