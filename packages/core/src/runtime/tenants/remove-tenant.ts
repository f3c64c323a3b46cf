import type { Store, TenantExport } from '../../store/store.js';
import { isoTime } from '../iso-time.js';
import type { TenantRuntime } from './tenant-runtime.js';

export interface RemoveTenantOptions {
  /**
   * Its work in progress: `finish` (default) lets its accepted events and running runs end;
   * `dead-letter` stops them (running runs before their next step) and dead-letters them, with
   * its pending deliveries, under reason `tenant-removed`.
   */
  readonly inFlight?: 'finish' | 'dead-letter';
  /** Return its records (after its work stopped) before they are deleted. */
  readonly export?: boolean;
  /** Keep its records in the store (default: deleted). */
  readonly keepRecords?: boolean;
}

export interface TenantRemoval {
  readonly tenant: string;
  readonly export?: TenantExport;
}

/**
 * Stops a tenant's work as the operator chose, then exports and deletes its records. It accepts
 * nothing from the start (`removing` is set by the caller before this runs).
 */
export async function stopAndDelete(tenant: TenantRuntime, store: Store, options: RemoveTenantOptions): Promise<TenantRemoval> {
  const { services } = tenant;
  const stopped = options.inFlight === 'dead-letter' ? [...tenant.inProgress.stepsOfRuns.keys()] : [];
  for (const runId of stopped) services.cancelled.add(runId);
  await tenant.work.drained();
  await tenant.deployments.saved();
  if (options.inFlight === 'dead-letter') await deadLetterWhatIsLeft(tenant, stopped);
  const records = options.export ? await tenant.store.exportRecords() : undefined;
  tenant.deployments.releaseAll();
  if (!options.keepRecords) await store.deleteTenant(tenant.id);
  return { tenant: tenant.id, ...(records ? { export: records } : {}) };
}

/** Dead-letters the runs it stopped or left unfinished, and the deliveries still pending. */
async function deadLetterWhatIsLeft(tenant: TenantRuntime, stopped: readonly string[]): Promise<void> {
  const { store, services } = tenant;
  const at = isoTime(services.now());
  const error = { name: 'FlowlineError', code: 'tenants.removed', message: `Tenant "${tenant.id}" was removed before this finished` };
  const unfinished = [...(await store.listRuns({ status: 'queued' })), ...(await store.listRuns({ status: 'running' }))];
  for (const run of unfinished) await store.putRun({ ...run, status: 'cancelled', finishedAt: at });
  for (const runId of new Set([...stopped, ...unfinished.map((run) => run.id)])) {
    if ((await store.getRun(runId))?.status === 'cancelled') await store.putDeadLetter({ runId, reason: 'tenant-removed', error, at });
  }
  for (const entry of await store.listInbox('pending')) {
    await store.setInboxStatus(entry.id, 'dead', { runIds: [], error });
    await store.putDeadLetter({ inboxId: entry.id, reason: 'tenant-removed', error, at });
  }
}
