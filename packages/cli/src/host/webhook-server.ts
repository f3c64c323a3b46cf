import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPushPressReceiver, pushpressTriggers } from '@flowline/connectors';
import type { EventSink, Logger } from '@flowline/core';
import { hostRoutes } from './host-routes.js';

/** What the host's webhook server needs, on this thread or on its own (receiver-thread/). */
export interface WebhookServerOptions {
  readonly secrets: readonly string[];
  readonly webhookPath: string;
  readonly port: number;
  readonly host: string;
  /** Where accepted deliveries are committed; a delivery is answered 2xx only once `submit` has resolved. */
  readonly sink: EventSink;
  /** The body of `GET /health`, made on the engine's thread. */
  readonly health: () => unknown;
  readonly logger?: Logger;
}

export interface WebhookServer {
  /** The port the server listens on (the one asked for, or the free one picked for 0). */
  readonly port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** The webhook server on this thread, beside the engine. */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const receiver = createPushPressReceiver({ secrets: [...options.secrets], sink: options.sink, operations: pushpressTriggers, ...(options.logger ? { logger: options.logger } : {}) });
  const server = createServer(hostRoutes({ webhookPath: options.webhookPath, receiver, health: async () => JSON.stringify(options.health()) }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
