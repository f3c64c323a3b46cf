import type { TenantStore } from '../../store/store.js';
import { callWorkflow } from '../calls/call-workflow.js';
import { Deployments } from '../deployments/deployments.js';
import type { PrepareFor, PreparedWorkflows } from '../deployments/prepared-workflows.js';
import type { RunServices } from '../run-services.js';
import { createRunsInProgress, createTenantServices, type RunsInProgress, type SharedServices } from './tenant-services.js';
import type { TenantSettings } from './tenant-settings.js';

/** Everything an engine holds for one tenant. */
export interface TenantRuntime {
  readonly id: string;
  readonly settings: TenantSettings;
  readonly store: TenantStore;
  readonly services: RunServices;
  readonly deployments: Deployments;
  /** What its definitions are checked and prepared against. */
  readonly prepareFor: PrepareFor;
  /** What its runs in progress are known by (their step records among it), by run id. */
  readonly inProgress: RunsInProgress;
  /** Its accepted events not yet processed, and its other work (resumes, retries), in progress or waiting. */
  readonly work: WorkCount;
  /** While its leftovers are listed and queued (see resumeTenant): resolves once they are. */
  resuming: Promise<void> | undefined;
  /** Set while the tenant is removed: it accepts nothing more. */
  removing: 'finish' | 'dead-letter' | undefined;
}

/** Counts work in progress, and tells when there is none. */
export class WorkCount {
  #count = 0;
  #waiters: Array<() => void> = [];

  begin(): void {
    this.#count += 1;
  }

  end(): void {
    this.#count -= 1;
    if (this.#count === 0) for (const wake of this.#waiters.splice(0)) wake();
  }

  get size(): number {
    return this.#count;
  }

  /** Resolves when no work is left. */
  drained(): Promise<void> {
    return this.#count === 0 ? Promise.resolve() : new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Counts `work` while it runs. */
  around<T>(work: () => Promise<T>): Promise<T> {
    this.begin();
    return work().finally(() => this.end());
  }
}

/**
 * A tenant's runtime. An update of its settings makes a new one that takes over `before`'s work
 * in progress: that work ends on the new runtime (the queue looks the tenant up), so both count it
 * on one WorkCount and know its runs by the same maps.
 */
export function createTenantRuntime(settings: TenantSettings, store: TenantStore, shared: SharedServices, prepared: PreparedWorkflows, before?: TenantRuntime): TenantRuntime {
  const inProgress = before?.inProgress ?? createRunsInProgress();
  // A call step runs a sub-workflow on this same runtime (its deployments, store and runs in progress).
  const services: RunServices = { ...createTenantServices(settings, store, shared, inProgress), callWorkflow: (call) => callWorkflow(runtime, call) };
  const prepareFor: PrepareFor = { connections: services.connections, templates: settings.templates ?? {} };
  const runtime: TenantRuntime = {
    id: settings.id,
    settings,
    store,
    services,
    prepareFor,
    deployments: new Deployments({ store, prepared, context: prepareFor, now: shared.now, logger: services.logger }),
    inProgress,
    work: before?.work ?? new WorkCount(),
    // A gate that has resolved still orders what waits on it.
    resuming: before?.resuming,
    removing: undefined,
  };
  return runtime;
}
