import type { GhlConnector, OptionsResolver } from '@flowline/connectors';
import type { Engine, Logger, RemoveTenantOptions, Store, TenantRemoval, TenantScope, TenantSettings } from '@flowline/core';
import type { HostTenant } from '../host/start-host.js';
import type { ApiKeys } from './auth.js';
import type { RunEventLog } from './run-event-log.js';

/** What the API's routes reach of the host. */
export interface ApiContext {
  readonly engine: Engine;
  /** Where tenant records are kept, so a tenant added here is served again after a restart. */
  readonly store: Store;
  readonly keys: ApiKeys;
  readonly events: RunEventLog;
  readonly logger: Logger;
  /** Answers dynamic option sources (GHL calendars, stages, users…) with the tenant's connections. */
  readonly options: OptionsResolver;
  /** The host's GHL connector: its token store keeps what a GHL app install's callback gets. */
  readonly ghl: GhlConnector;
  /** Where GHL's API is (the configuration's `ghl.baseUrl`); default production. */
  readonly ghlBaseUrl: string | undefined;
  /** A tenant's settings (its `$config` for previews, its connections without credentials); undefined for an unknown one. */
  settingsOf(tenant: string): TenantSettings | undefined;
  /** Where PushPress should send a tenant's webhooks. */
  webhookUrlOf(tenant: string): string;
  /** Registers a tenant with the running host (its workflows: the host's). */
  addTenant(tenant: HostTenant): Promise<TenantScope>;
  removeTenant(id: string, options?: RemoveTenantOptions): Promise<TenantRemoval>;
}
