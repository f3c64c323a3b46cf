import type { DeliveryParking } from '@flowline/connectors';
import type { EventSink } from '@flowline/core';

/** A tenant added, or whose secrets changed (its secrets now), or removed (`undefined`). */
export type TenantChange = (tenant: string, secrets: readonly string[] | undefined) => void;

/** Whose PushPress webhooks a host receives: each tenant's signing secrets, and where its deliveries go. */
export interface WebhookTenants {
  /** The tenants received now, each with its signing secrets (the default tenant's included). */
  entries(): Array<readonly [string, readonly string[]]>;
  /** A tenant's signing secrets; undefined when the host receives nothing for it (no such tenant). */
  secretsOf(tenant: string): readonly string[] | undefined;
  /** Where the tenant's accepted deliveries are committed (its engine scope). */
  sinkOf(tenant: string): EventSink;
  /** Where its authentic deliveries of an event type no trigger handles are kept. */
  parkingOf(tenant: string): DeliveryParking;
  /** Tells `listener` of every change from now on; returns the unsubscribe. */
  watch(listener: TenantChange): () => void;
}

/** The host's WebhookTenants, changed with `set` and `delete` as tenants come and go. */
export interface WebhookTenantDirectory extends WebhookTenants {
  set(tenant: string, secrets: readonly string[]): void;
  delete(tenant: string): void;
}

export function createWebhookTenants(where: Pick<WebhookTenants, 'sinkOf' | 'parkingOf'>): WebhookTenantDirectory {
  const secrets = new Map<string, readonly string[]>();
  const listeners = new Set<TenantChange>();
  const tell = (tenant: string, now: readonly string[] | undefined): void => {
    for (const listener of listeners) listener(tenant, now);
  };
  return {
    entries: () => [...secrets.entries()],
    secretsOf: (tenant) => secrets.get(tenant),
    sinkOf: where.sinkOf,
    parkingOf: where.parkingOf,
    watch(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    set(tenant, given) {
      if (given.length === 0) throw new TypeError(`Expected tenant "${tenant}" to have at least one signing secret`);
      const copy = Object.freeze([...given]);
      secrets.set(tenant, copy);
      tell(tenant, copy);
    },
    delete(tenant) {
      if (secrets.delete(tenant)) tell(tenant, undefined);
    },
  };
}
