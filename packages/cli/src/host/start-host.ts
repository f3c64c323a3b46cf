import {
  createEngine,
  createMemoryStore,
  DEFAULT_TENANT,
  FlowlineError,
  silentLogger,
  type Engine,
  type IdentifiedEvent,
  type Logger,
  type RemoveTenantOptions,
  type Store,
  type TenantRemoval,
  type TenantScope,
  type TenantSettings,
  type TenantStore,
} from '@flowline/core';
import { createOptionsResolver, type DeliveryParking, type GhlConnector, type TokenStore } from '@flowline/connectors';
import { engineOptions, type HostConfig } from '../host-config.js';
import type { ApiContext } from '../api/api-context.js';
import { checkApiKeys, type ApiKeys } from '../api/auth.js';
import { RunEventLog } from '../api/run-event-log.js';
import { startApi, type ApiServerOptions, type RunningApi } from '../api/start-api.js';
import { startReceiverThread } from './receiver-thread/start-receiver-thread.js';
import { replayParkedDeliveries } from './replay-parked.js';
import { restorePublished } from './restore-published.js';
import { resolveServerLimits, type ServerLimits } from './server-limits.js';
import { loggerOfTenant } from './tenant-logger.js';
import { startWebhookServer } from './webhook-server.js';
import { createWebhookTenants } from './webhook-tenants.js';

/** A workflow file as read: its name (for messages) and its definition. */
export interface WorkflowFile {
  readonly file: string;
  readonly definition: unknown;
}

/** A tenant (gym) the host serves beside the default one, with webhooks of its own at `<webhookPath>/<id>`. */
export interface HostTenant {
  /** Its id, connections (with their credentials), `$config` and templates. */
  readonly settings: TenantSettings;
  /** The signing secrets of its PushPress webhook (two while rotating). */
  readonly signingSecrets: readonly string[];
  /** Its workflows; default: the host's `workflows`. */
  readonly workflows?: readonly WorkflowFile[];
}

export interface HostOptions {
  readonly config: HostConfig;
  /** Workflow definitions to deploy (each is validated; one invalid definition stops the start). */
  readonly workflows: readonly WorkflowFile[];
  /** More tenants, each registered with its settings and workflows, its webhooks at `<webhookPath>/<id>`. */
  readonly tenants?: readonly HostTenant[];
  readonly store?: Store;
  /** Where the GHL connector keeps OAuth tokens (the durable store's encrypted table in `flowline serve`). */
  readonly tokenStore?: TokenStore;
  /** Default 8787; 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** The path PushPress posts the default tenant's webhooks to (another tenant's: `<webhookPath>/<id>`). Default `/webhooks/pushpress`. */
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
  /** Timeouts and the connection cap of the webhook server (see ServerLimits for the defaults). */
  readonly limits?: Partial<ServerLimits>;
  /** The oldest delivery accepted, in seconds before now (`created`); default 7 days. */
  readonly maxAgeSeconds?: number;
  /** The HTTP API for a builder (tenants, workflows, runs, live events), on a port of its own; off without it. */
  readonly api?: ApiServerOptions & ApiKeys;
}

export interface RunningHost {
  readonly engine: Engine;
  /** Base URL of the server, e.g. http://127.0.0.1:8787. */
  readonly url: string;
  /** Where PushPress should send the default tenant's webhooks. */
  readonly webhookUrl: string;
  /** Where PushPress should send a tenant's webhooks. */
  webhookUrlOf(tenant: string): string;
  /** Base URL of the HTTP API (its routes are under /api), when it was asked for. */
  readonly apiUrl: string | undefined;
  /** Registers a tenant while the host runs: its workflows deployed, its leftovers resumed, its webhooks received. */
  addTenant(tenant: HostTenant): Promise<TenantScope>;
  /** Stops receiving a tenant's webhooks (404 from now on), then removes it from the engine (see Engine.removeTenant). */
  removeTenant(id: string, options?: RemoveTenantOptions): Promise<TenantRemoval>;
  close(): Promise<void>;
}

function checkSecrets(secrets: readonly string[] | undefined, what: string): readonly string[] {
  if (!Array.isArray(secrets) || secrets.length === 0 || secrets.some((secret) => typeof secret !== 'string' || secret === '')) {
    throw new TypeError(`Expected ${what}: at least one webhook signing secret`);
  }
  return secrets;
}

/** Deploys a tenant's workflows; a definition it cannot take stops the start, naming the tenant and the file. */
function deployAll(scope: TenantScope, workflows: readonly WorkflowFile[]): void {
  for (const { file, definition } of workflows) {
    try {
      scope.deploy(definition);
    } catch (error) {
      if (scope.tenantId === DEFAULT_TENANT || !(error instanceof FlowlineError)) throw error;
      throw new FlowlineError('tenants.bad-workflow', `Tenant "${scope.tenantId}" cannot run ${file}: ${error.message}`, {
        ...(error.pointer === undefined ? {} : { pointer: error.pointer }),
        hint: `Check it against the tenant's connections (flowline tenants show ${scope.tenantId}), or give the tenant workflows of its own.`,
        cause: error,
      });
    }
  }
}

/**
 * The Flowline server: an engine with the GHL and PushPress connectors, the default tenant's
 * workflows and any more tenants', behind the signed PushPress webhook receiver (one path per
 * tenant). `flowline serve` and the demo run it. With `receiverThread`, the HTTP server and the
 * receiver's checks run on a thread of their own (receiver-thread/).
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const secrets = checkSecrets(options.config.pushpress?.signingSecrets, '`pushpress.signingSecrets` in the configuration');
  const logger = options.logger ?? silentLogger;
  const limits = resolveServerLimits(options.limits);
  if (options.maxAgeSeconds !== undefined && (!Number.isSafeInteger(options.maxAgeSeconds) || options.maxAgeSeconds < 1)) {
    throw new TypeError(`Expected \`maxAgeSeconds\` to be a whole number of seconds ≥ 1, got ${String(options.maxAgeSeconds)}`);
  }
  const store = options.store ?? createMemoryStore();
  const engineSettings = engineOptions(options.config, { store, ...(options.tokenStore ? { tokenStore: options.tokenStore } : {}) });
  const engine = createEngine({
    ...engineSettings,
    logger,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  });
  const recordsOf = (tenant: string): TenantStore => (tenant === DEFAULT_TENANT ? store : store.forTenant(tenant));
  const tenants = createWebhookTenants({
    sinkOf: (tenant) => (tenant === DEFAULT_TENANT ? engine : engine.tenant(tenant)),
    parkingOf: (tenant) => parkingIn(recordsOf(tenant)),
  });

  /** Registers a tenant and deploys its workflows (its webhooks are received once `tenants.set` names it). */
  const settingsById = new Map<string, TenantSettings>([[DEFAULT_TENANT, { id: DEFAULT_TENANT, ...(options.config.connections ? { connections: options.config.connections } : {}), ...(options.config.config ? { config: options.config.config } : {}) }]]);
  const register = (tenant: HostTenant): TenantScope => {
    checkSecrets(tenant.signingSecrets, `the signing secrets of tenant "${String(tenant.settings?.id)}"`);
    const scope = engine.addTenant(tenant.settings);
    settingsById.set(tenant.settings.id, tenant.settings);
    try {
      deployAll(scope, tenant.workflows ?? options.workflows);
    } catch (error) {
      // Its records stay: it is only not served.
      settingsById.delete(tenant.settings.id);
      void engine.removeTenant(tenant.settings.id, { keepRecords: true });
      throw error;
    }
    return scope;
  };
  /** Deliveries parked by an earlier version whose trigger this one has are accepted as if they came now. */
  const replayParked = (scope: TenantScope) => replayParkedDeliveries({ catalog: engine.catalog, scope, store: recordsOf(scope.tenantId) }, loggerOfTenant(logger, scope.tenantId));

  deployAll(engine, options.workflows);
  const added = (options.tenants ?? []).map((tenant) => ({ scope: register(tenant), secrets: tenant.signingSecrets }));
  logFailedRuns(engine, logger);
  // With the API on, what a builder published through it is published again (the files' workflows first).
  if (options.api !== undefined) for (const scope of [engine, ...added.map((tenant) => tenant.scope)]) await restorePublished(scope, loggerOfTenant(logger, scope.tenantId));
  for (const scope of [engine, ...added.map((tenant) => tenant.scope)]) await replayParked(scope);
  tenants.set(DEFAULT_TENANT, secrets);
  for (const { scope, secrets: tenantSecrets } of added) tenants.set(scope.tenantId, tenantSecrets);

  const webhookPath = options.webhookPath ?? '/webhooks/pushpress';
  const host = options.host ?? '127.0.0.1';
  const receiver = await (options.receiverThread ? startReceiverThread : startWebhookServer)({
    tenants,
    webhookPath,
    port: options.port ?? 8787,
    host,
    // Anyone who reaches the port may ask; what is deployed is said in the log, not here.
    health: () => ({ status: 'ok' }),
    limits,
    ...(options.maxAgeSeconds === undefined ? {} : { maxAgeSeconds: options.maxAgeSeconds }),
    logger,
  });
  const url = `http://${host}:${receiver.port}`;
  const webhookUrlOf = (tenant: string) => (tenant === DEFAULT_TENANT ? `${url}${webhookPath}` : `${url}${webhookPath}/${tenant}`);
  const addTenant = async (tenant: HostTenant): Promise<TenantScope> => {
    const scope = register(tenant);
    if (options.api !== undefined) await restorePublished(scope, loggerOfTenant(logger, scope.tenantId));
    await replayParked(scope);
    resumeLogged(scope, logger);
    tenants.set(scope.tenantId, tenant.signingSecrets);
    await receiver.tenantsApplied();
    return scope;
  };
  const removeTenant = async (id: string, removeOptions?: RemoveTenantOptions): Promise<TenantRemoval> => {
    tenants.delete(id);
    await receiver.tenantsApplied();
    try {
      return await engine.removeTenant(id, removeOptions);
    } finally {
      settingsById.delete(id);
    }
  };
  logger.info('flowline is listening', { url, webhookPath, workflows: engine.workflows().map((workflow) => workflow.id), ...(added.length > 0 ? { tenants: added.length } : {}) });

  let api: RunningApi | undefined;
  if (options.api !== undefined) {
    try {
      const ghl = engineSettings.connectors?.find((connector) => connector.name === 'ghl') as GhlConnector;
      const resolver = createOptionsResolver({ ghl, logger, connections: (tenant, name) => settingsById.get(tenant)?.connections?.[name] });
      api = await startHostApi(options.api, { engine, store, logger, options: resolver, ghl, ghlBaseUrl: options.config.ghl?.baseUrl, settingsOf: (id) => settingsById.get(id), webhookUrlOf, addTenant, removeTenant });
    } catch (error) {
      await receiver.close();
      throw error;
    }
    logger.info('the HTTP API is listening', { url: `${api.url}/api`, openapi: `${api.url}/api/openapi.json` });
  }
  // Every tenant's leftovers, each on its own records.
  resumeLogged(engine, logger);

  return {
    engine,
    url,
    webhookUrl: webhookUrlOf(DEFAULT_TENANT),
    webhookUrlOf,
    apiUrl: api?.url,
    addTenant,
    removeTenant,
    async close() {
      await api?.close();
      await receiver.close();
      // Waiting runs stay waiting (their timers are in the store); none is woken while the host stops.
      await engine.stopTimers();
      await engine.idle();
    },
  };
}

/** Deliveries of event types no trigger handles yet, kept in the tenant's records (`flowline runs list --parked`). */
function parkingIn(store: TenantStore): DeliveryParking {
  return {
    park: (event: IdentifiedEvent) => store.parkDelivery({ event, receivedAt: new Date().toISOString(), reason: 'unknown-trigger' }),
  };
}

/** The HTTP API, with the host's parts it reaches; a port it cannot take stops the start, the webhook server closed again. */
async function startHostApi(options: ApiServerOptions & ApiKeys, parts: Omit<ApiContext, 'keys' | 'events'>): Promise<RunningApi> {
  const { operatorKey, tokenSecret, ...server } = options;
  const keys = { operatorKey, tokenSecret };
  checkApiKeys(keys);
  return startApi({ ...parts, keys, events: new RunEventLog(parts.engine) }, server);
}

/**
 * Resumes what an earlier process left, in the background. Should the listing of leftovers fail
 * (the store refused a read), the host stays up and says so: they are resumed at the next start.
 */
function resumeLogged(scope: { resume(): Promise<unknown> }, logger: Logger): void {
  scope.resume().catch((error: unknown) => {
    logger.error('resuming the work an earlier process left failed; it stays for the next start', {
      error: error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error),
    });
  });
}

/** A failed run is logged as an error, with where it failed and why (its dead letter says the same). */
function logFailedRuns(engine: Engine, logger: Logger): void {
  if (logger === silentLogger) return;
  engine.on('run.failed', (event) => {
    logger.error('a run failed; it is on the dead-letter list (flowline runs list --dead)', {
      ...(event.tenant === DEFAULT_TENANT ? {} : { tenant: event.tenant }),
      runId: event.runId,
      workflowId: event.workflowId,
      ...(event.failedStep === undefined ? {} : { failedStep: event.failedStep }),
      error: `${event.error.code}: ${event.error.message.slice(0, 300)}`,
    });
  });
}
