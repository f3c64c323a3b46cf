import type { Database } from 'better-sqlite3';
import { fromStoredJson, toStoredJson, type ParkedDelivery, type TenantStore } from '@flowline/core';
import { checkId, sqlLimit } from './input-checks.js';
import type { WriteQueue } from './write-queue.js';

export type ParkedOps = Pick<TenantStore, 'parkDelivery' | 'getParkedDelivery' | 'listParkedDeliveries' | 'removeParkedDelivery'>;

interface ParkedRow {
  id: string;
  received_at: string;
  reason: string;
  event: string;
}

const COLUMNS = 'id, received_at, reason, event';

/** Authentic deliveries no trigger handles yet, per tenant: deduped by event id, listed in the order they were parked. */
export function createParkedOps(db: Database, queue: WriteQueue): (tenant: string) => ParkedOps {
  const insert = db.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO parked_deliveries (tenant, id, trigger, received_at, reason, event) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant, id) DO NOTHING`,
  );
  const get = db.prepare<[string, string], ParkedRow>(`SELECT ${COLUMNS} FROM parked_deliveries WHERE tenant = ? AND id = ?`);
  const list = db.prepare<[string, number], ParkedRow>(`SELECT ${COLUMNS} FROM parked_deliveries WHERE tenant = ? ORDER BY seq LIMIT ?`);
  const listByTrigger = db.prepare<[string, string, number], ParkedRow>(
    `SELECT ${COLUMNS} FROM parked_deliveries WHERE tenant = ? AND trigger = ? ORDER BY seq LIMIT ?`,
  );
  const remove = db.prepare<[string, string]>(`DELETE FROM parked_deliveries WHERE tenant = ? AND id = ?`);

  return (tenant) => ({
    async parkDelivery(input) {
      checkId(input.event?.id, 'event.id', 'parkDelivery');
      checkId(input.event.trigger, 'event.trigger', 'parkDelivery');
      checkId(input.receivedAt, 'receivedAt', 'parkDelivery');
      checkId(input.reason, 'reason', 'parkDelivery');
      const { id, trigger } = input.event;
      const event = toStoredJson(input.event, `parked delivery ${id}`);
      // Like the inbox, the sender's 2xx waits for this write.
      return queue.write(() => ({ added: insert.run(tenant, id, trigger, input.receivedAt, input.reason, event).changes === 1 }), true);
    },
    async getParkedDelivery(id) {
      const row = queue.read(() => get.get(tenant, id));
      return row === undefined ? undefined : toParked(row);
    },
    async listParkedDeliveries(query = {}) {
      const limit = sqlLimit(query.limit, 'listParkedDeliveries');
      const { trigger } = query;
      return queue.read(() => (trigger === undefined ? list.all(tenant, limit) : listByTrigger.all(tenant, trigger, limit))).map(toParked);
    },
    async removeParkedDelivery(id) {
      return queue.write(() => ({ removed: remove.run(tenant, id).changes === 1 }));
    },
  });
}

function toParked(row: ParkedRow): ParkedDelivery {
  return { id: row.id, event: fromStoredJson(row.event), receivedAt: row.received_at, reason: row.reason };
}

/** Every parked delivery of a tenant, oldest first (for exports). */
export function listAllParked(db: Database): (tenant: string) => ParkedDelivery[] {
  const all = db.prepare<[string], ParkedRow>(`SELECT ${COLUMNS} FROM parked_deliveries WHERE tenant = ? ORDER BY seq`);
  return (tenant) => all.all(tenant).map(toParked);
}
