import { createEngine, silentLogger, type Engine, type Logger, type Store } from '@flowline/core';
import type { TokenStore } from '@flowline/connectors';
import { engineOptions, type HostConfig } from '../host-config.js';
import { startReceiverThread } from './receiver-thread/start-receiver-thread.js';
import { startWebhookServer } from './webhook-server.js';

export interface HostOptions {
  readonly config: HostConfig;
  /** Workflow definitions to deploy (each is validated; one invalid definition stops the start). */
  readonly workflows: ReadonlyArray<{ readonly file: string; readonly definition: unknown }>;
  readonly store?: Store;
  /** Where the GHL connector keeps OAuth tokens (the durable store's encrypted table in `flowline serve`). */
  readonly tokenStore?: TokenStore;
  /** Default 8787; 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** The path PushPress posts to. Default `/webhooks/pushpress`. */
  readonly webhookPath?: string;
  readonly logger?: Logger;
  /** Submitted events processed at once. */
  readonly concurrency?: number;
  /**
   * Run the webhook server and the receiver's checks on a worker thread of their own, leaving this
   * thread to the engine: more deliveries per second on a machine with a spare core, for about
   * 40 MB more resident memory (see the README's Speed section). Default false.
   */
  readonly receiverThread?: boolean;
}

export interface RunningHost {
  readonly engine: Engine;
  /** Base URL of the server, e.g. http://127.0.0.1:8787. */
  readonly url: string;
  /** Where PushPress should send webhooks. */
  readonly webhookUrl: string;
  close(): Promise<void>;
}

/**
 * The Flowline server: an engine with the GHL and PushPress connectors and the given
 * workflows, behind the signed PushPress webhook receiver. `flowline serve` and the demo run it.
 * With `receiverThread`, the HTTP server and the receiver's checks run on a thread of their own
 * (receiver-thread/).
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const secrets = options.config.pushpress?.signingSecrets ?? [];
  if (secrets.length === 0) {
    throw new TypeError('Expected `pushpress.signingSecrets` in the configuration: at least one webhook signing secret');
  }
  const logger = options.logger ?? silentLogger;
  const engine = createEngine({
    ...engineOptions(options.config, { ...(options.store ? { store: options.store } : {}), ...(options.tokenStore ? { tokenStore: options.tokenStore } : {}) }),
    logger,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  });
  for (const { definition } of options.workflows) engine.deploy(definition);

  const webhookPath = options.webhookPath ?? '/webhooks/pushpress';
  const host = options.host ?? '127.0.0.1';
  const receiver = await (options.receiverThread ? startReceiverThread : startWebhookServer)({
    secrets,
    webhookPath,
    port: options.port ?? 8787,
    host,
    sink: engine,
    health: () => ({ status: 'ok', workflows: engine.workflows().map((workflow) => workflow.id) }),
    logger,
  });
  const url = `http://${host}:${receiver.port}`;
  logger.info('flowline is listening', { url, webhookPath, workflows: engine.workflows().map((workflow) => workflow.id) });
  void engine.resume();

  return {
    engine,
    url,
    webhookUrl: `${url}${webhookPath}`,
    async close() {
      await receiver.close();
      await engine.idle();
    },
  };
}
