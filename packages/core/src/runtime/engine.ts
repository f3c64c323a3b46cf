import { createCatalog, type Catalog } from '../catalog/catalog.js';
import type { ConnectionConfig, Connector } from '../connectors/connector.js';
import { ENGINE_TRIGGERS } from '../connectors/engine-triggers.js';
import { LINK_OPERATIONS } from '../connectors/link-operations.js';
import { FlowlineError } from '../errors/flowline-error.js';
import { ExpressionCompiler, type ExpressionFunction } from '../expressions/expression-compiler.js';
import { createExpressionWorkers } from '../expressions/worker/expression-workers.js';
import type { ExpressionLimits } from '../expressions/expression-limits.js';
import type { Mapping } from '../generated/workflow.js';
import { createKeyedLimiter, type KeyedLimiter } from '../limits/keyed-limiter.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { TriggerEvent } from '../store/records.js';
import type { Store } from '../store/store.js';
import { checkTenantId, DEFAULT_TENANT } from '../tenants/tenant-id.js';
import { PreparedWorkflows } from './deployments/prepared-workflows.js';
import { createInboxQueue } from './dispatch/inbox-processor.js';
import type { CompletedRun, RunOptions } from './dispatch/start-runs.js';
import { toErrorRecord } from './error-record.js';
import { IdleSignals } from './idle-signals.js';
import { silentLogger, type Logger } from './logger.js';
import { ManualInputChecker } from './manual-input-checker.js';
import { PayloadChecker } from './payload-checker.js';
import { fireTimer } from './timers/fire-timer.js';
import { TimerScheduler } from './timers/timer-scheduler.js';
import { ScheduleRunner } from './schedule/schedule-runner.js';
import { createRunEventEmitter, type RunEventName, type RunEvents } from './run-events.js';
import { checkStoreRetryOptions, StoreOutage, type StoreRetryOptions } from './store-outage.js';
import { stopAndDelete, type RemoveTenantOptions, type TenantRemoval } from './tenants/remove-tenant.js';
import { createTenantRuntime, type TenantRuntime } from './tenants/tenant-runtime.js';
import { createTenantScope, type EngineParts, type TenantScope } from './tenants/tenant-scope.js';
import type { SharedServices } from './tenants/tenant-services.js';
import { checkTenantSettings, type TenantSettings } from './tenants/tenant-settings.js';

export type { CompletedRun, RunOptions } from './dispatch/start-runs.js';
export type { TenantScope } from './tenants/tenant-scope.js';
export type { TenantSettings } from './tenants/tenant-settings.js';
export type { RemoveTenantOptions, TenantRemoval } from './tenants/remove-tenant.js';
export type { AgainOptions } from './runs/run-control.js';
export type { RunPage, RunPageQuery } from './runs/run-pages.js';

export interface EngineOptions {
  /** The connectors whose operations workflows may use. */
  readonly connectors?: readonly Connector[];
  /** Where every tenant's runs, snapshots, idempotency records and inbox live. Default: in memory. */
  readonly store?: Store;
  readonly logger?: Logger;
  /** The default tenant's named connections (settings and secret credentials) that action steps refer to. */
  readonly connections?: Readonly<Record<string, ConnectionConfig>>;
  /** The default tenant's non-secret configuration, `$config` in mappings (e.g. a GHL location id). */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Mapping templates the default tenant's workflows may `$use` (a workflow's own templates win). */
  readonly templates?: Readonly<Record<string, Mapping>>;
  readonly expressionLimits?: Partial<ExpressionLimits>;
  /** Extra JSONata functions, e.g. `{ toE164: { implementation, signature } }` for `$toE164()`. */
  readonly expressionFunctions?: Readonly<Record<string, ExpressionFunction>>;
  /** Larger event payloads are refused. Default 1 MiB. */
  readonly maxPayloadBytes?: number;
  /**
   * Submitted events processed at once, across tenants (events with one ordering key always run
   * one at a time). Default 64: a run spends most of its time waiting (durable commits, the
   * CRM's answers), so many in flight keep the CPU busy; each costs about 15 KB while it runs.
   */
  readonly concurrency?: number;
  readonly limiter?: KeyedLimiter;
  readonly now?: () => number;
  /**
   * How long work waits before trying again when the store cannot write for now (disk full, I/O
   * error, busy): such work is never failed or dead-lettered for it. Default 100 ms at first,
   * growing with the outage to at most 5 s.
   */
  readonly storeRetry?: StoreRetryOptions;
}

/**
 * The embedding API: everything a host (a builder, a server, the CLI) uses. An engine serves many
 * tenants (gyms), each with its own workflows, connections, `$config`, templates and records;
 * the engine itself is the `default` tenant's scope (a single-gym host needs nothing else), and
 * `tenant(id)` is another's.
 */
export interface Engine extends TenantScope {
  readonly catalog: Catalog;
  /** Adds a tenant (throws `tenants.exists` when it is there) and returns its scope. Deploy its workflows, then `resume()` it. */
  addTenant(settings: TenantSettings): TenantScope;
  /** Replaces a tenant's settings (connections, `$config`, templates); its published workflows are checked against them again. */
  updateTenant(settings: TenantSettings): TenantScope;
  /** A tenant's scope; throws `tenants.not-found`. */
  tenant(id: string): TenantScope;
  hasTenant(id: string): boolean;
  /** The tenants' ids, sorted. */
  tenants(): string[];
  /** Stops a tenant's work as asked, then (unless kept) deletes its records; it accepts nothing from the start. */
  removeTenant(id: string, options?: RemoveTenantOptions): Promise<TenantRemoval>;
  /** Finishes what a previous process left, for every tenant (see TenantScope.resume). Call it once, after deploying. */
  resume(): Promise<CompletedRun[]>;
  /**
   * Starts the runs of scheduled workflows (flowline.schedule) whose tick is due by the engine's
   * clock, and resolves with them once they stopped. The engine does this by itself once resumed;
   * this is for tests and hosts with a clock of their own.
   */
  checkSchedules(): Promise<CompletedRun[]>;
  /** Stops waking waiting runs (delay steps) and scheduled workflows in this process, e.g. before the host closes the store; resolves once none is being woken. `resume()` starts them. */
  stopTimers(): Promise<void>;
  /** Subscribes to every tenant's run and step events (each names its tenant); returns the unsubscribe function. */
  on<Name extends RunEventName>(name: Name, listener: (event: RunEvents[Name]) => void): () => void;
  /** Resolves when every submitted event has been processed. */
  idle(): Promise<void>;
}

function checkOptions(options: EngineOptions): void {
  if (options.concurrency !== undefined && (!Number.isInteger(options.concurrency) || options.concurrency < 1)) {
    throw new TypeError(`Expected \`concurrency\` to be a positive integer, got ${options.concurrency}`);
  }
  checkStoreRetryOptions(options.storeRetry);
  for (const [name, connection] of Object.entries(options.connections ?? {})) {
    if (connection.connector !== 'flowline' && !options.connectors?.some((connector) => connector.name === connection.connector)) {
      throw new TypeError(`Connection "${name}" is for connector "${connection.connector}", which was not given to the engine`);
    }
  }
}

export function createEngine(options: EngineOptions = {}): Engine {
  checkOptions(options);
  const store = options.store ?? createMemoryStore();
  const connectors = new Map((options.connectors ?? []).map((connector) => [connector.name, connector]));
  const catalog = createCatalog([...LINK_OPERATIONS, ...ENGINE_TRIGGERS, ...[...connectors.values()].flatMap((connector) => connector.operations)]);
  const logger = options.logger ?? silentLogger;
  const shared: SharedServices = {
    events: createRunEventEmitter(),
    logger,
    limiter: options.limiter ?? createKeyedLimiter(),
    catalog,
    connectors,
    now: options.now ?? Date.now,
    idleSignals: new IdleSignals(),
    timerSet: (dueAt) => timers.timerSet(dueAt),
  };
  // Evaluations that outgrow `mainThreadMs` move to worker threads, so none holds the event loop (and the acknowledgements) for long.
  const expressions = new ExpressionCompiler({ limits: options.expressionLimits, functions: options.expressionFunctions, offThread: createExpressionWorkers });
  const prepared = new PreparedWorkflows(catalog, expressions);
  const payloads = new PayloadChecker(catalog, options.maxPayloadBytes ?? 1024 * 1024);
  const inputs = new ManualInputChecker();
  const outage = new StoreOutage({ ...options.storeRetry, logger, describe: (error) => toErrorRecord(error, (value) => value) });
  const tenants = new Map<string, TenantRuntime>();
  const scopes = new Map<string, TenantScope>();
  const pending = new Set<Promise<unknown>>();

  const checkEvent = (event: TriggerEvent): void => {
    const operation = catalog.describe(event.trigger);
    if (!operation || operation.kind !== 'trigger') {
      const closest = catalog.suggest(event.trigger, 'trigger');
      throw new FlowlineError('event.unknown-trigger', `"${event.trigger}" is not a trigger this engine knows`, {
        pointer: '/trigger',
        ...(closest.length ? { hint: `Did you mean ${closest.map((id) => `"${id}"`).join(', ')}?` } : {}),
      });
    }
    payloads.check(event.trigger, event.payload);
  };

  const queue = createInboxQueue({ tenant: (id) => tenants.get(id), outage, logger, concurrency: options.concurrency ?? 64, checkEvent });
  // One scheduler for every tenant's waiting runs (delay steps), started by resume().
  // One runner for every tenant's scheduled workflows (flowline.schedule), started by resume().
  const schedules = new ScheduleRunner({ tenants: () => tenants.values(), queue, now: shared.now, logger, track: (work) => track(work) });
  const timers = new TimerScheduler({ store, now: shared.now, logger, fire: (timer) => fireTimer(tenants.get(timer.tenant), timer, queue, outage) });

  const track = (work: Promise<unknown>): void => {
    const settled = work.then(() => undefined, () => undefined);
    pending.add(settled);
    void settled.finally(() => pending.delete(settled));
  };

  const notFound = (id: string) =>
    new FlowlineError('tenants.not-found', `There is no tenant "${id}"`, { pointer: '/tenant', hint: 'Add it first (engine.addTenant, or `flowline tenants add`).' });

  const runtimeOf = (id: string): TenantRuntime => {
    const tenant = tenants.get(id);
    if (!tenant || tenant.removing) throw notFound(id);
    return tenant;
  };

  const register = (settings: TenantSettings): TenantScope => {
    checkTenantSettings(settings, connectors);
    // The store itself is the default tenant's records (a host may hand in a store it wraps).
    const records = settings.id === DEFAULT_TENANT ? store : store.forTenant(settings.id);
    tenants.set(settings.id, createTenantRuntime(settings, records, shared, prepared, tenants.get(settings.id)));
    let scope = scopes.get(settings.id);
    if (!scope) {
      const parts: EngineParts = { queue, outage, prepared, inputs, checkEvent, track, runtime: () => runtimeOf(settings.id) };
      scope = createTenantScope(settings.id, parts);
      scopes.set(settings.id, scope);
    }
    return scope;
  };

  const defaultScope = register({ id: DEFAULT_TENANT, connections: options.connections, config: options.config, templates: options.templates });

  return {
    ...defaultScope,
    catalog,
    addTenant(settings) {
      checkTenantId(settings?.id);
      if (tenants.has(settings.id)) {
        throw new FlowlineError('tenants.exists', `Tenant "${settings.id}" is already added`, { pointer: '/id', hint: 'Update it (updateTenant) or remove it first.' });
      }
      return register(settings);
    },
    updateTenant(settings) {
      const before = runtimeOf(settings?.id);
      const scope = register(settings);
      const after = runtimeOf(settings.id);
      try {
        for (const definition of before.deployments.published()) after.deployments.deploy(definition);
      } catch (error) {
        after.deployments.releaseAll();
        tenants.set(before.id, before);
        throw error;
      }
      before.deployments.releaseAll();
      return scope;
    },
    tenant(id) {
      runtimeOf(id);
      return scopes.get(id) as TenantScope;
    },
    hasTenant(id) {
      return tenants.has(id) && !tenants.get(id)?.removing;
    },
    tenants() {
      return [...tenants.values()].filter((tenant) => !tenant.removing).map((tenant) => tenant.id).sort();
    },
    async removeTenant(id, removeOptions = {}) {
      if (id === DEFAULT_TENANT) throw new FlowlineError('tenants.default', 'The default tenant cannot be removed', { hint: 'Undeploy its workflows instead.' });
      const tenant = runtimeOf(id);
      tenant.removing = removeOptions.inFlight ?? 'finish';
      try {
        return await stopAndDelete(tenant, store, removeOptions);
      } finally {
        tenants.delete(id);
        scopes.delete(id);
      }
    },
    async resume() {
      timers.start();
      schedules.start();
      const work = Promise.all([...tenants.keys()].map((id) => scopes.get(id)?.resume() ?? [])).then((runs) => runs.flat());
      track(work);
      return work;
    },
    checkSchedules: () => schedules.check(),
    stopTimers() {
      schedules.stop();
      timers.stop();
      return timers.settled();
    },
    on(name, listener) {
      shared.events.on(name, listener as never);
      return () => {
        shared.events.off(name, listener as never);
      };
    },
    async idle() {
      do {
        await Promise.allSettled([...pending]);
        await queue.idle();
      } while (pending.size > 0);
    },
  };
}
