import type { Snapshot } from 'xstate';
import { isFinishedStatus } from '../../store/store-checks.js';
import { toErrorRecord } from '../error-record.js';
import type { EventQueue } from '../event-queue.js';
import { resumeLeftovers } from '../resume-leftovers.js';
import type { StoreOutage } from '../store-outage.js';
import { acceptedOf } from '../dispatch/inbox-processor.js';
import { complete, execute, type CompletedRun } from '../dispatch/start-runs.js';
import { tenantKey } from '../dispatch/tenant-keys.js';
import type { TenantRuntime } from '../tenants/tenant-runtime.js';

/**
 * Resumes a run an earlier process left unfinished, from its snapshot, on the version it started
 * on (read from the store when it is no longer published), unless it finished meanwhile. One that
 * cannot be resumed is logged and left for the next start; the others go on.
 */
export function resumeRun(tenant: TenantRuntime, id: string, outage: StoreOutage): Promise<CompletedRun | undefined> {
  const { store, services } = tenant;
  const once = () =>
    outage.persist({ runId: id }, async () => {
      const run = await store.getRun(id);
      if (!run || isFinishedStatus(run.status)) return undefined;
      const workflow = await tenant.deployments.versionOf(run);
      if (!workflow) {
        services.logger.warn('a run cannot resume: its workflow version is neither deployed nor saved', { runId: run.id, workflowId: run.workflowId, version: run.workflowVersion });
        return undefined;
      }
      if (services.cancelled.delete(run.id)) return complete(tenant, await cancelledRecord(tenant, run));
      const snapshot = (await store.getSnapshot(run.id)) as Snapshot<unknown> | undefined;
      return execute(tenant, workflow, run, undefined, snapshot);
    });
  return once().catch((error: unknown) => {
    services.logger.error('a run left by an earlier process could not be resumed; it stays for the next start', { runId: id, error: toErrorRecord(error, services.redact) });
    return undefined;
  });
}

/** Writes a run as cancelled without running it. */
async function cancelledRecord(tenant: TenantRuntime, run: Parameters<TenantRuntime['store']['putRun']>[0]) {
  const done = { ...run, status: 'cancelled' as const, finishedAt: new Date(tenant.services.now()).toISOString() };
  await tenant.store.putRun(done);
  return done;
}

/** What an earlier process left of a tenant, oldest first, each in its ordering key's lane (see resume-leftovers.ts). */
export function resumeTenant(tenant: TenantRuntime, queue: EventQueue<CompletedRun[]>, outage: StoreOutage): Promise<CompletedRun[]> {
  let queued!: () => void;
  const gate = new Promise<void>((resolve) => (queued = resolve));
  // Events submitted meanwhile join their lanes behind the leftovers (see TenantScope.submit).
  tenant.resuming = gate;
  const done = () => {
    if (tenant.resuming === gate) tenant.resuming = undefined;
    queued();
  };
  const work = resumeLeftovers<CompletedRun>({
    store: tenant.store,
    queueEvent: (entry) => {
      tenant.work.begin();
      return queue.push(acceptedOf(tenant.id, entry), false, true) ?? Promise.resolve([]);
    },
    inLane: (key, work) => queue.enqueue(tenantKey(tenant.id, key), () => tenant.work.around(work)),
    // The processing of the run's pending event finds the run, on whichever saved version it started
    // (see start-runs.ts), when the event reaches its workflow: while the workflow is published.
    resumedByItsEvent: (run) => tenant.deployments.latest(run.workflowId) !== undefined,
    resumeRun: (id) => resumeRun(tenant, id, outage),
    queued: done,
    // A store that cannot be read for now (busy, I/O) is waited out, as every other store use is.
    persist: (list) => outage.persist({ tenant: tenant.id, resuming: true }, list),
  });
  work.catch(done);
  return work;
}
