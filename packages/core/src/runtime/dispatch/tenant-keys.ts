import { DEFAULT_TENANT } from '../../tenants/tenant-id.js';

/**
 * A key of one tenant among every tenant's, for what the engine keys in memory across tenants
 * (its queue's lanes and waiting events): the same ordering key or event id in two tenants are
 * two keys. The default tenant's keys are the bare ones (no cost for a single-gym host); a
 * tenant id cannot hold the separator.
 */
export function tenantKey(tenant: string, key: string): string {
  return tenant === DEFAULT_TENANT ? key : `${tenant}\u0000${key}`;
}

/** The tenant and key `tenantKey` joined. */
export function splitTenantKey(joined: string): { readonly tenant: string; readonly key: string } {
  const at = joined.indexOf('\u0000');
  return at === -1 ? { tenant: DEFAULT_TENANT, key: joined } : { tenant: joined.slice(0, at), key: joined.slice(at + 1) };
}
