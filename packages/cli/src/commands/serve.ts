import { FlowlineError } from '@flowline/core';
import { encryptionKeyFromEnv, type Durability } from '@flowline/store-sqlite';
import { uiSettings } from '../api/ui-settings.js';
import { loadHostConfig, type HostConfig } from '../host-config.js';
import { lockDataDir, type DataDirLock } from '../host/data-dir-lock.js';
import { loadWorkflows } from '../host/load-workflows.js';
import { openPostgresStore } from '../host/open-postgres-store.js';
import { dataDirOf, openStore, type OpenedStore } from '../host/open-store.js';
import { resolveServerLimits, type ServerLimits } from '../host/server-limits.js';
import { startHost, type RunningHost } from '../host/start-host.js';
import { createTenantTokenStore } from '../host/tenant-token-store.js';
import { loadHostTenants } from '../tenants/load-host-tenants.js';
import { requireKeyForOAuth } from '../tenants/secret-key-check.js';
import type { CommandIo } from './command-io.js';
import { createLineLogger } from './line-logger.js';

export interface ServeArgs {
  readonly paths: readonly string[];
  readonly config: string | undefined;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string | undefined;
  /** `--database postgres://…` (or FLOWLINE_DATABASE_URL): the store on PostgreSQL instead of SQLite in the data directory. */
  readonly database?: string | undefined;
  /** `--database-schema` (default `flowline`): the PostgreSQL schema of the store's tables. */
  readonly databaseSchema?: string | undefined;
  readonly memory: boolean;
  readonly durability: Durability | undefined;
  readonly concurrency: number | undefined;
  readonly receiverThread: boolean;
  /** `--max-age-seconds`: the oldest delivery accepted (over the config's `pushpress.maxAgeSeconds`). */
  readonly maxAgeSeconds?: number | undefined;
  /** `--max-connections` (over the config's `server.maxConnections`). */
  readonly maxConnections?: number | undefined;
  /** `--api-port` (over the config's `api.port`): serve the HTTP API there. */
  readonly apiPort?: number | undefined;
  /** `--ui` (or the config's `api.ui`): serve the builder at `/` of the API's origin. */
  readonly ui?: boolean | undefined;
}

export const SERVE_USAGE = `usage: flowline serve <workflow.json | directory>... [--config flowline.config.json] [--port 8787] [--host 127.0.0.1]
                      [--data-dir .data | --database postgres://… [--database-schema flowline] | --memory]
                      [--durability power|process] [--concurrency N] [--receiver-thread]
                      [--max-age-seconds N] [--max-connections N] [--api-port N] [--ui]

  Runs the workflows behind the signed PushPress webhook receiver (POST /webhooks/pushpress),
  with the durable store in --data-dir (SQLite), or on PostgreSQL with --database (or the
  FLOWLINE_DATABASE_URL variable; keep the password in PGPASSWORD). One process owns a data
  directory, or a database schema, at a time.
  Every tenant added with \`flowline tenants add\` is served too: its workflows (its own, or
  these), its connections and $config, its webhooks at POST /webhooks/pushpress/<tenant>,
  signed with its own secrets (an unknown tenant gets 404). GHL OAuth connections and stored
  tenants need FLOWLINE_SECRET_KEY, which encrypts their tokens and secrets: without it, serve
  is refused.
  --max-age-seconds   the oldest delivery accepted, by its \`created\` (default 604800, 7 days)
  --max-connections   connections served at once (default 512)
  --api-port          serve the HTTP API for a builder on this port (GET /api/openapi.json
                      describes it); its keys: FLOWLINE_API_KEY (the operator's) and
                      FLOWLINE_API_TOKEN_SECRET (signs tenant tokens), or the config's "api"
  --ui                serve the visual builder at / of the API's origin (needs --api-port);
                      open it with ?tenant=<id>&token=<tenant token>
  Timeouts: the config file's "server" object (headersTimeoutMs, requestTimeoutMs,
  keepAliveTimeoutMs, bodyTimeoutMs, maxConnections).`;

/** The server limits: the config's `server` object, with `--max-connections` over it; a wrong value is a configuration error. */
function serverLimits(config: HostConfig, args: ServeArgs): ServerLimits {
  try {
    return resolveServerLimits({ ...config.server, ...(args.maxConnections === undefined ? {} : { maxConnections: args.maxConnections }) }, `the configuration's "server"`);
  } catch (error) {
    throw new FlowlineError('cli.bad-config', (error as Error).message, { pointer: '/server', cause: error });
  }
}

/** The HTTP API's port and keys: the config's `api`, --api-port over its port, keys from the environment by default; none without a port. */
function apiOptions(config: HostConfig, args: ServeArgs, env: NodeJS.ProcessEnv = process.env) {
  const port = args.apiPort ?? config.api?.port;
  const ui = uiSettings(config.api?.ui, args.ui ?? false, port !== undefined);
  if (port === undefined) return undefined;
  const operatorKey = config.api?.operatorKey ?? env['FLOWLINE_API_KEY'];
  const tokenSecret = config.api?.tokenSecret ?? env['FLOWLINE_API_TOKEN_SECRET'];
  if (!operatorKey || !tokenSecret) {
    throw new FlowlineError('cli.api-keys', `The HTTP API needs ${operatorKey ? '' : 'an operator key'}${!operatorKey && !tokenSecret ? ' and ' : ''}${tokenSecret ? '' : 'a token secret'}`, {
      pointer: '/api',
      hint: 'Set FLOWLINE_API_KEY (at least 16 characters) and FLOWLINE_API_TOKEN_SECRET (at least 32 bytes), e.g. with `openssl rand -hex 32`.',
    });
  }
  return { port, host: config.api?.host ?? args.host, operatorKey, tokenSecret, ...(config.api?.corsOrigins ? { corsOrigins: config.api.corsOrigins } : {}), ...(ui === undefined ? {} : { ui }) };
}

function maxAgeSeconds(config: HostConfig, args: ServeArgs): number | undefined {
  const value = args.maxAgeSeconds ?? config.pushpress?.maxAgeSeconds;
  if (value !== undefined && (!Number.isSafeInteger(value) || value < 1)) {
    throw new FlowlineError('cli.bad-config', `The freshness window (--max-age-seconds or pushpress.maxAgeSeconds) must be a whole number of seconds ≥ 1, not ${String(value)}`, {
      pointer: '/pushpress/maxAgeSeconds',
    });
  }
  return value;
}

/** A port someone else listens on, said in one line. */
function portInUse(args: ServeArgs, error: unknown): FlowlineError {
  return new FlowlineError('cli.port-in-use', `flowline serve: ${args.host}:${args.port} is already in use by another process`, {
    hint: 'Stop that process, or choose another port with --port.',
    cause: error,
  });
}

function untilStopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

/**
 * `flowline serve <workflows>...`: the engine behind the signed PushPress webhook receiver, with
 * the durable store. The data directory is this process's alone while it runs (another serve or
 * a `runs retry` is refused, naming it). Unfinished work from an earlier process is resumed
 * first. Runs until SIGINT or SIGTERM.
 */
export async function serveCommand(args: ServeArgs, io: CommandIo, stopped: () => Promise<void> = untilStopped): Promise<number> {
  if (args.paths.length === 0) {
    io.err(SERVE_USAGE);
    return 2;
  }
  const config = await loadHostConfig(args.config);
  const limits = serverLimits(config, args);
  const maxAge = maxAgeSeconds(config, args);
  const api = apiOptions(config, args);
  const workflows = await loadWorkflows(args.paths);
  // OAuth tokens are kept encrypted: without the key every GHL run would fail after its delivery was acknowledged.
  if (!args.memory) requireKeyForOAuth({ command: 'flowline serve', hasKey: encryptionKeyFromEnv() !== undefined, owner: "the configuration's", connections: config.connections });
  let lock: DataDirLock | undefined;
  if (args.database !== undefined && (args.memory || args.dataDir !== undefined)) {
    throw new FlowlineError('cli.bad-option', `--database cannot go with ${args.memory ? '--memory' : '--data-dir'}: choose where the store is`);
  }
  if (!args.memory && args.database === undefined) lock = await lockDataDir(dataDirOf(args), 'flowline serve');
  let ownershipLost!: (error: FlowlineError) => void;
  const lost = new Promise<FlowlineError>((resolve) => (ownershipLost = resolve));
  let exitCode = 0;
  try {
    const storage: OpenedStore =
      args.database === undefined
        ? openStore({ ...(args.dataDir ? { dataDir: args.dataDir } : {}), memory: args.memory, ...(args.durability ? { durability: args.durability } : {}) })
        : await openPostgresStore({ url: args.database, schema: args.databaseSchema, command: 'flowline serve', onLost: ownershipLost });
    try {
      const tenants = await loadHostTenants(storage.store, 'flowline serve');
      let host: RunningHost;
      try {
        host = await startHost({
          config,
          workflows,
          tenants,
          store: storage.store,
          ...(storage.durable ? { tokenStore: createTenantTokenStore(storage.durable) } : {}),
          port: args.port,
          host: args.host,
          logger: createLineLogger(io),
          ...(args.concurrency ? { concurrency: args.concurrency } : {}),
          receiverThread: args.receiverThread,
          limits,
          ...(maxAge === undefined ? {} : { maxAgeSeconds: maxAge }),
          ...(api === undefined ? {} : { api }),
        });
      } catch (error) {
        if ((error as { code?: unknown }).code === 'EADDRINUSE') throw portInUse(args, error);
        throw error;
      }
      io.out(`flowline serving ${workflows.length} workflow(s); store ${storage.describe}${args.receiverThread ? '; webhook server on a thread of its own' : ''}`);
      if (tenants.length > 0) io.out(`${tenants.length} more tenant(s): ${tenants.map((tenant) => tenant.settings.id).slice(0, 10).join(', ')}${tenants.length > 10 ? ', …' : ''}; their webhooks: POST ${host.webhookUrl}/<tenant>`);
      if (host.apiUrl !== undefined) io.out(`HTTP API: ${host.apiUrl}/api (described at ${host.apiUrl}/api/openapi.json)`);
      if (host.apiUrl !== undefined && api?.ui !== undefined) io.out(`Builder: ${host.apiUrl}/?tenant=<id>&token=<tenant token>`);
      io.out(`PushPress webhooks: POST ${host.webhookUrl}`);
      // Another process owning the schema now would run the same work twice: this one stops.
      const taken = await Promise.race([stopped().then(() => undefined), lost]);
      if (taken !== undefined) {
        io.err(`flowline: ${taken.message}; this process lost it while its database connection was cut, and stops`);
        exitCode = 1;
      }
      io.out('stopping: finishing runs in progress');
      await host.close();
    } finally {
      await storage.close();
    }
  } finally {
    lock?.release();
  }
  return exitCode;
}
