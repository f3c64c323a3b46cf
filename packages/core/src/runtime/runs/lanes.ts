import type { RunRecord } from '../../store/records.js';
import { tenantKey } from '../dispatch/tenant-keys.js';

/** The queue lane of a run: its tenant's lane of its event's ordering key (else the event's id, else the run's). */
export function laneOf(tenant: string, run: RunRecord): string {
  return tenantKey(tenant, run.event.orderingKey ?? run.event.id ?? run.id);
}
