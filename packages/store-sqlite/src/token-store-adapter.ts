import { createLeasedTokenStore, type ConnectorTokenStore, type TokenStoreAdapterOptions } from '@flowline/core';
import type { LeaseOps } from './lease-ops.js';
import type { TokenOps } from './token-ops.js';

/**
 * Keeps a connector's OAuth tokens in the SQLite store, encrypted, and makes refreshes of one
 * connection exclusive across processes with a lease (`refresh:<connectionId>`); see core's
 * `createLeasedTokenStore`.
 */
export function createSqliteTokenStore<T extends object>(store: TokenOps & LeaseOps, options: TokenStoreAdapterOptions = {}): ConnectorTokenStore<T> {
  return createLeasedTokenStore<T>(store, options);
}
