import { createLeasedTokenStore, DEFAULT_TENANT, isTenantId, type ConnectorTokenStore, type TokensWithLeases } from '@flowline/core';
import type { StoredGhlTokens, TokenStore } from '@flowline/connectors';

/**
 * The tenant whose records hold a token key, and the key there. The GHL connector keeps every
 * tenant's tokens in the one token store it is given, by key:
 * - `tenant:<id>:<connectionId>`: an `oauth` pair of a stored tenant's connection (stored-tenant.ts
 *   gives its connections that key), kept under `<id>` as `<connectionId>`;
 * - `ghl-location:<id>:<location>`: a location token of an agency install, as tenant `<id>` uses
 *   it (ghlTokenKeys.location), kept under `<id>` with the same key;
 * - anything else (the default tenant's pairs, an agency's own pair, `ghl-agency:<company>`,
 *   which every tenant of the company shares) stays with the default tenant.
 */
export function tokenHome(key: string): { readonly tenant: string; readonly key: string } {
  if (key.startsWith('tenant:')) {
    const end = key.indexOf(':', 'tenant:'.length);
    const tenant = end === -1 ? '' : key.slice('tenant:'.length, end);
    if (isTenantId(tenant)) return { tenant, key: key.slice(end + 1) };
  }
  if (key.startsWith('ghl-location:')) {
    const end = key.indexOf(':', 'ghl-location:'.length);
    // Tenant ids need no URL-encoding, so the encoded part is the id itself.
    const tenant = end === -1 ? '' : key.slice('ghl-location:'.length, end);
    if (isTenantId(tenant)) return { tenant, key };
  }
  return { tenant: DEFAULT_TENANT, key };
}

/** A durable store's tokens and leases, per tenant (SQLite's and PostgreSQL's). */
export interface DurableTokens extends TokensWithLeases {
  forTenant(tenant: string): TokensWithLeases;
}

/**
 * The GHL connector's token store in `flowline serve`: each tenant's tokens in its own records
 * of the durable store (encrypted, deleted with the tenant), refreshes locked per tenant and key
 * across processes. See tokenHome for which tenant a key belongs to.
 */
export function createTenantTokenStore(durable: DurableTokens): TokenStore {
  const stores = new Map<string, ConnectorTokenStore<StoredGhlTokens>>();
  const storeOf = (tenant: string) => {
    let store = stores.get(tenant);
    if (!store) {
      store = createLeasedTokenStore<StoredGhlTokens>(tenant === DEFAULT_TENANT ? durable : durable.forTenant(tenant));
      stores.set(tenant, store);
    }
    return store;
  };
  return {
    get(key) {
      const home = tokenHome(key);
      return storeOf(home.tenant).get(home.key);
    },
    put(key, tokens) {
      const home = tokenHome(key);
      return storeOf(home.tenant).put(home.key, tokens);
    },
    withRefreshLock(key, task) {
      const home = tokenHome(key);
      return storeOf(home.tenant).withRefreshLock(home.key, task);
    },
  };
}
