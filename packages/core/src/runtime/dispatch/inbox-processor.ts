import type { InboxEntry, TriggerEvent } from '../../store/records.js';
import { isStoreUnavailable } from '../../store/store-unavailable-error.js';
import { FlowlineError } from '../../errors/flowline-error.js';
import { toErrorRecord } from '../error-record.js';
import { EventQueue, type InboxEvent } from '../event-queue.js';
import { isoTime } from '../iso-time.js';
import type { Logger } from '../logger.js';
import type { StoreOutage } from '../store-outage.js';
import type { TenantRuntime } from '../tenants/tenant-runtime.js';
import { startMatching, type CompletedRun } from './start-runs.js';
import { splitTenantKey } from './tenant-keys.js';

/** An inbox entry of a tenant as the queue takes it: the event under the entry's id, and when it was accepted. */
export const acceptedOf = (tenant: string, entry: InboxEntry): InboxEvent => ({ tenant, event: { ...entry.event, id: entry.id }, receivedAt: entry.receivedAt });

export interface InboxProcessorOptions {
  readonly tenant: (id: string) => TenantRuntime | undefined;
  readonly outage: StoreOutage;
  readonly logger: Logger;
  readonly concurrency: number;
  /** Throws unless the event names a trigger the engine knows, with a payload it accepts (it may have been accepted by an older version). */
  readonly checkEvent: (event: TriggerEvent) => void;
}

/**
 * Every tenant's accepted events, waiting for their turn: in order per tenant and ordering key,
 * `concurrency` at once across tenants. Failed runs and unprocessable events go to their
 * tenant's dead-letter list; while the store cannot write, an event waits and is processed again
 * (its lane waits with it): an accepted delivery is never dead-lettered because of the store.
 */
export function createInboxQueue(options: InboxProcessorOptions): EventQueue<CompletedRun[]> {
  const { outage } = options;

  const processOnce = async ({ tenant: tenantId, event, receivedAt }: InboxEvent, fresh: boolean): Promise<CompletedRun[]> => {
    const tenant = options.tenant(tenantId);
    // A removed tenant's events stay as they are (its records go with it).
    if (!tenant) return [];
    const { store, services } = tenant;
    const at = () => isoTime(services.now());
    try {
      if (tenant.removing === 'dead-letter') throw new FlowlineError('tenants.removed', `Tenant "${tenantId}" was removed before this event was processed`);
      options.checkEvent(event);
      const runs = await startMatching(tenant, event, {}, fresh, receivedAt);
      for (const run of runs.filter((candidate) => candidate.status === 'failed')) {
        await store.putDeadLetter({ runId: run.id, reason: 'run-failed', at: at(), ...(run.error ? { error: run.error } : {}) });
      }
      await store.setInboxStatus(event.id, 'done', { runIds: runs.map((run) => run.id) });
      return runs;
    } catch (error) {
      if (isStoreUnavailable(error)) throw error;
      const record = toErrorRecord(error, services.redact);
      services.logger.error('an accepted event could not be processed', { eventId: event.id, error: record });
      await store.setInboxStatus(event.id, 'dead', { runIds: [], error: record });
      await store.putDeadLetter({ inboxId: event.id, reason: tenant.removing === 'dead-letter' ? 'tenant-removed' : 'unprocessable', error: record, at: at() });
      return [];
    }
  };

  return new EventQueue<CompletedRun[]>({
    concurrency: options.concurrency,
    maxHeld: 1000,
    handle: (accepted, fresh) => outage.persist({ eventId: accepted.event.id }, (again) => processOnce(accepted, fresh && !again)),
    async load(queueId) {
      const { tenant: tenantId, key: id } = splitTenantKey(queueId);
      const tenant = options.tenant(tenantId);
      if (!tenant) return undefined;
      try {
        const entry = await tenant.store.getInboxEntry(id);
        return entry?.status === 'pending' ? acceptedOf(tenantId, entry) : undefined;
      } catch (error) {
        tenant.services.logger.error('a queued event could not be read back; it stays pending for the next start', { eventId: id, error: toErrorRecord(error, tenant.services.redact) });
        return undefined;
      }
    },
    missing: [],
    failed(error, queueId) {
      const { tenant: tenantId, key } = splitTenantKey(queueId);
      const tenant = options.tenant(tenantId);
      const logger = tenant?.services.logger ?? options.logger;
      logger.error('an accepted event could not be processed; it stays pending for the next start', { eventId: key, error: toErrorRecord(error, tenant?.services.redact ?? ((value) => value)) });
    },
    settled(queueId) {
      options.tenant(splitTenantKey(queueId).tenant)?.work.end();
    },
  });
}
