import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { FlowlineError } from '../errors/flowline-error.js';

/**
 * The `TokenStore` shape the GHL connector asks for (`get`, `put`, `withRefreshLock`), declared
 * here structurally so core does not depend on @flowline/connectors.
 */
export interface ConnectorTokenStore<T extends object> {
  get(connectionId: string): Promise<T | undefined>;
  put(connectionId: string, tokens: T): Promise<void>;
  withRefreshLock<R>(connectionId: string, task: () => Promise<R>): Promise<R>;
}

/** What a durable store offers for it: encrypted tokens per connection, and leases. */
export interface TokensWithLeases {
  getTokens<T extends object>(connectionId: string): Promise<T | undefined>;
  putTokens(connectionId: string, tokens: object): Promise<void>;
  acquireLease(request: { readonly key: string; readonly owner: string; readonly ttlMs: number }): Promise<{ readonly acquired: boolean }>;
  releaseLease(key: string, owner: string): Promise<unknown>;
}

export interface TokenStoreAdapterOptions {
  /** How long a refresh may hold the lock before another process may take it; default 30 000 ms. */
  readonly lockTtlMs?: number;
  /** How often a process waiting for the lock asks again; default 50 ms. */
  readonly pollMs?: number;
  /** How long to wait for the lock before failing; default twice `lockTtlMs`. */
  readonly waitMs?: number;
}

/**
 * Keeps a connector's OAuth tokens in a durable store (SQLite, PostgreSQL), encrypted, and makes refreshes of one
 * connection exclusive across processes with a lease (`refresh:<connectionId>`). A process that
 * dies while refreshing holds the lease only until `lockTtlMs` passes.
 */
export function createLeasedTokenStore<T extends object>(
  store: TokensWithLeases,
  options: TokenStoreAdapterOptions = {},
): ConnectorTokenStore<T> {
  const lockTtlMs = options.lockTtlMs ?? 30_000;
  const pollMs = options.pollMs ?? 50;
  const waitMs = options.waitMs ?? lockTtlMs * 2;
  for (const [name, value] of [['lockTtlMs', lockTtlMs], ['pollMs', pollMs], ['waitMs', waitMs]] as const) {
    if (!Number.isInteger(value) || value <= 0) {
      throw new FlowlineError('store.invalid_options', `Expected \`${name}\` to be a positive integer of ms, got ${String(value)}.`);
    }
  }
  const processId = `${hostname()}:${process.pid}`;

  return {
    get: (connectionId) => store.getTokens<T>(connectionId),
    put: (connectionId, tokens) => store.putTokens(connectionId, tokens),
    async withRefreshLock(connectionId, task) {
      const key = `refresh:${connectionId}`;
      const owner = `${processId}:${randomUUID()}`;
      const giveUpAt = Date.now() + waitMs;
      while (!(await store.acquireLease({ key, owner, ttlMs: lockTtlMs })).acquired) {
        if (Date.now() >= giveUpAt) {
          throw new FlowlineError('store.lock_timeout', `Waited ${waitMs} ms for another process to finish refreshing the tokens of connection ${JSON.stringify(connectionId)}.`, {
            hint: 'Another process holds the refresh lock; if it died, the lock frees itself after lockTtlMs.',
          });
        }
        await sleep(pollMs);
      }
      try {
        return await task();
      } finally {
        await store.releaseLease(key, owner);
      }
    },
  };
}
