import { fromStoredJson, toStoredJson, type ParkedDelivery, type TenantStore } from '@flowline/core';
import type { Database, Sql } from './database.js';
import { checkId, sqlLimit } from './input-checks.js';

export type ParkedOps = Pick<TenantStore, 'parkDelivery' | 'getParkedDelivery' | 'listParkedDeliveries' | 'removeParkedDelivery'>;

interface ParkedRow {
  id: string;
  received_at: string;
  reason: string;
  event: string;
}

const COLUMNS = 'id, received_at, reason, event';

/** Authentic deliveries no trigger handles yet, per tenant: deduped by event id, listed in the order they were parked. */
export function createParkedOps(db: Database): (tenant: string) => ParkedOps {
  const table = db.table('parked_deliveries');
  const insert = `INSERT INTO ${table} (tenant, id, trigger, received_at, reason, event) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant, id) DO NOTHING`;
  const get = `SELECT ${COLUMNS} FROM ${table} WHERE tenant = $1 AND id = $2`;
  const list = `SELECT ${COLUMNS} FROM ${table} WHERE tenant = $1 ORDER BY seq LIMIT $2`;
  const listByTrigger = `SELECT ${COLUMNS} FROM ${table} WHERE tenant = $1 AND trigger = $2 ORDER BY seq LIMIT $3`;
  const remove = `DELETE FROM ${table} WHERE tenant = $1 AND id = $2`;

  return (tenant) => ({
    async parkDelivery(input) {
      checkId(input.event?.id, 'event.id', 'parkDelivery');
      checkId(input.event.trigger, 'event.trigger', 'parkDelivery');
      checkId(input.receivedAt, 'receivedAt', 'parkDelivery');
      checkId(input.reason, 'reason', 'parkDelivery');
      const { id, trigger } = input.event;
      const event = toStoredJson(input.event, `parked delivery ${id}`);
      return db.write(async (sql) => ({ added: (await sql.query(insert, [tenant, id, trigger, input.receivedAt, input.reason, event])).rowCount === 1 }));
    },
    async getParkedDelivery(id) {
      const row = await db.read(async (sql) => (await sql.query<ParkedRow>(get, [tenant, id])).rows[0]);
      return row === undefined ? undefined : toParked(row);
    },
    async listParkedDeliveries(query = {}) {
      const limit = sqlLimit(query.limit, 'listParkedDeliveries');
      const { trigger } = query;
      const rows = await db.read(async (sql) =>
        (trigger === undefined ? await sql.query<ParkedRow>(list, [tenant, limit]) : await sql.query<ParkedRow>(listByTrigger, [tenant, trigger, limit])).rows,
      );
      return rows.map(toParked);
    },
    async removeParkedDelivery(id) {
      return db.write(async (sql) => ({ removed: (await sql.query(remove, [tenant, id])).rowCount === 1 }));
    },
  });
}

function toParked(row: ParkedRow): ParkedDelivery {
  return { id: row.id, event: fromStoredJson(row.event), receivedAt: row.received_at, reason: row.reason };
}

/** Every parked delivery of a tenant, oldest first (for exports). */
export function listAllParked(db: Database): (sql: Sql, tenant: string) => Promise<ParkedDelivery[]> {
  const all = `SELECT ${COLUMNS} FROM ${db.table('parked_deliveries')} WHERE tenant = $1 ORDER BY seq`;
  return async (sql, tenant) => (await sql.query<ParkedRow>(all, [tenant])).rows.map(toParked);
}
