import { createSqliteTokenStore, type Durability } from '@flowline/store-sqlite';
import type { GhlTokenSet } from '@flowline/connectors';
import { loadHostConfig } from '../host-config.js';
import { loadWorkflows } from '../host/load-workflows.js';
import { openStore } from '../host/open-store.js';
import { startHost } from '../host/start-host.js';
import type { CommandIo } from './command-io.js';

export interface ServeArgs {
  readonly paths: readonly string[];
  readonly config: string | undefined;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string | undefined;
  readonly memory: boolean;
  readonly durability: Durability | undefined;
  readonly concurrency: number | undefined;
  readonly receiverThread: boolean;
}

/**
 * `flowline serve <workflows>...`: the engine behind the signed PushPress webhook receiver, with
 * the durable store. Unfinished work from an earlier process is resumed first. Runs until
 * SIGINT or SIGTERM.
 */
export async function serveCommand(args: ServeArgs, io: CommandIo): Promise<number> {
  if (args.paths.length === 0) {
    io.err('usage: flowline serve <workflow.json | directory>... [--config flowline.config.json] [--port 8787] [--data-dir .data] [--memory]');
    return 2;
  }
  const config = await loadHostConfig(args.config);
  const workflows = await loadWorkflows(args.paths);
  const storage = openStore({ ...(args.dataDir ? { dataDir: args.dataDir } : {}), memory: args.memory, ...(args.durability ? { durability: args.durability } : {}) });
  const logger = {
    debug() {},
    info: (message: string, fields?: Record<string, unknown>) => io.out(`${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`),
    warn: (message: string, fields?: Record<string, unknown>) => io.err(`warning: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`),
    error: (message: string, fields?: Record<string, unknown>) => io.err(`error: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`),
  };
  const host = await startHost({
    config,
    workflows,
    store: storage.store,
    ...(storage.sqlite ? { tokenStore: createSqliteTokenStore<GhlTokenSet>(storage.sqlite) } : {}),
    port: args.port,
    host: args.host,
    logger,
    ...(args.concurrency ? { concurrency: args.concurrency } : {}),
    receiverThread: args.receiverThread,
  });
  io.out(`flowline serving ${workflows.length} workflow(s); store ${storage.describe}${args.receiverThread ? '; webhook server on a thread of its own' : ''}`);
  io.out(`PushPress webhooks: POST ${host.webhookUrl}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  io.out('stopping: finishing runs in progress');
  await host.close();
  await storage.close();
  return 0;
}
