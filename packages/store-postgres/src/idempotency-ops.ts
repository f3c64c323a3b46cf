import { fromStoredJson, toStoredJson, type IdempotencyRecord, type TenantStore } from '@flowline/core';
import type { Database, Sql } from './database.js';
import { checkId } from './input-checks.js';

export type IdempotencyOps = Pick<TenantStore, 'getIdempotency' | 'putIdempotency'>;

/** Effects keyed by a step's idempotency key, per tenant; a record put again replaces the old one. */
export function createIdempotencyOps(db: Database): (tenant: string) => IdempotencyOps {
  const table = db.table('idempotency');
  const get = `SELECT record FROM ${table} WHERE tenant = $1 AND key = $2`;
  const upsert = `INSERT INTO ${table} (tenant, key, run_id, record) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant, key) DO UPDATE SET run_id = excluded.run_id, record = excluded.record`;
  return (tenant) => ({
    async getIdempotency(key) {
      const row = await db.read(async (sql) => (await sql.query<{ record: string }>(get, [tenant, key])).rows[0]);
      return row === undefined ? undefined : fromStoredJson<IdempotencyRecord>(row.record);
    },
    async putIdempotency(record) {
      checkId(record.key, 'record.key', 'putIdempotency');
      const json = toStoredJson(record, `idempotency record ${record.key}`);
      return db.write(async (sql) => {
        await sql.query(upsert, [tenant, record.key, record.runId, json]);
      });
    },
  });
}

/** Every effect record of a tenant, by key (for exports). */
export function listAllEffects(db: Database): (sql: Sql, tenant: string) => Promise<IdempotencyRecord[]> {
  const all = `SELECT record FROM ${db.table('idempotency')} WHERE tenant = $1 ORDER BY key`;
  return async (sql, tenant) => (await sql.query<{ record: string }>(all, [tenant])).rows.map((row) => fromStoredJson<IdempotencyRecord>(row.record));
}
