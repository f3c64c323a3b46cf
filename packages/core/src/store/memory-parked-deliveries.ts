import type { ParkedDelivery, ParkedQuery } from './parked-delivery.js';
import type { TenantStore } from './store.js';
import { checkId, checkLimit } from './store-checks.js';
import { fromStoredJson, toStoredJson } from './stored-json.js';

export type ParkedDeliveryOps = Pick<TenantStore, 'parkDelivery' | 'getParkedDelivery' | 'listParkedDeliveries' | 'removeParkedDelivery'>;

/** The memory store's parked deliveries: kept as JSON, by id, listed in the order they were parked. */
export function createMemoryParkedDeliveries(): { readonly ops: ParkedDeliveryOps; readonly clear: () => void } {
  /** A Map keeps insertion order, which is the listing order. */
  const parked = new Map<string, { readonly trigger: string; readonly json: string }>();
  const ops: ParkedDeliveryOps = {
    async parkDelivery(input) {
      checkId(input.event?.id, 'event.id', 'parkDelivery');
      checkId(input.event.trigger, 'event.trigger', 'parkDelivery');
      checkId(input.receivedAt, 'receivedAt', 'parkDelivery');
      checkId(input.reason, 'reason', 'parkDelivery');
      const { id } = input.event;
      if (parked.has(id)) return { added: false };
      const record: ParkedDelivery = { id, event: input.event, receivedAt: input.receivedAt, reason: input.reason };
      parked.set(id, { trigger: input.event.trigger, json: toStoredJson(record, `parked delivery ${id}`) });
      return { added: true };
    },
    async getParkedDelivery(id) {
      const stored = parked.get(id);
      return stored === undefined ? undefined : fromStoredJson<ParkedDelivery>(stored.json);
    },
    async listParkedDeliveries(query: ParkedQuery = {}) {
      checkLimit(query.limit, 'listParkedDeliveries');
      const found: ParkedDelivery[] = [];
      for (const stored of parked.values()) {
        if (query.limit !== undefined && found.length >= query.limit) break;
        if (query.trigger === undefined || stored.trigger === query.trigger) found.push(fromStoredJson<ParkedDelivery>(stored.json));
      }
      return found;
    },
    async removeParkedDelivery(id) {
      return { removed: parked.delete(id) };
    },
  };
  return { ops, clear: () => parked.clear() };
}
