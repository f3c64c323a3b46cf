import type { AddressInfo } from 'node:net';
import { createPushPressReceiver, pushpressTriggers } from '@flowline/connectors';
import type { Logger } from '@flowline/core';
import { hostRoutes } from './host-routes.js';
import { createLimitedServer, type ServerLimits } from './server-limits.js';
import { loggerOfTenant } from './tenant-logger.js';
import { TenantReceivers } from './tenant-receivers.js';
import type { WebhookTenants } from './webhook-tenants.js';

/** What the host's webhook server needs, on this thread or on its own (receiver-thread/). */
export interface WebhookServerOptions {
  /**
   * Whose deliveries are received, with which secrets, and where they go: a delivery is answered
   * 2xx only once its tenant's `submit` has resolved; one of an event type no trigger handles is
   * parked (202 parked).
   */
  readonly tenants: WebhookTenants;
  /** The default tenant's path; another tenant's is `<webhookPath>/<tenant>`. */
  readonly webhookPath: string;
  readonly port: number;
  readonly host: string;
  /** The body of `GET /health`, made on the engine's thread. */
  readonly health: () => unknown;
  /** Timeouts and the connection cap of the HTTP server. */
  readonly limits: ServerLimits;
  /** The oldest `created` the receiver accepts, in seconds before now (its default: 7 days). */
  readonly maxAgeSeconds?: number;
  readonly logger?: Logger;
}

export interface WebhookServer {
  /** The port the server listens on (the one asked for, or the free one picked for 0). */
  readonly port: number;
  /** Resolves once every change of the tenants so far is in effect (at once on this thread; a message to the receiver thread). */
  tenantsApplied(): Promise<void>;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** The webhook server on this thread, beside the engine. */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const { tenants, logger } = options;
  const receivers = new TenantReceivers((tenant, secrets) =>
    createPushPressReceiver({
      secrets: [...secrets],
      sink: tenants.sinkOf(tenant),
      parking: tenants.parkingOf(tenant),
      operations: pushpressTriggers,
      bodyTimeoutMs: options.limits.bodyTimeoutMs,
      ...(options.maxAgeSeconds === undefined ? {} : { maxAgeSeconds: options.maxAgeSeconds }),
      ...(logger ? { logger: loggerOfTenant(logger, tenant) } : {}),
    }),
  );
  const unwatch = tenants.watch((tenant) => receivers.forget(tenant));
  const server = createLimitedServer(
    hostRoutes({ webhookPath: options.webhookPath, receiverOf: (tenant) => receivers.receiverOf(tenant, tenants.secretsOf(tenant)), health: async () => JSON.stringify(options.health()) }),
    options.limits,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    tenantsApplied: () => Promise.resolve(),
    close: () =>
      new Promise<void>((resolve) => {
        unwatch();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
