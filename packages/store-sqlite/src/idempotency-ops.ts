import type { Database } from 'better-sqlite3';
import { fromStoredJson, toStoredJson, type IdempotencyRecord, type TenantStore } from '@flowline/core';
import { checkId } from './input-checks.js';
import type { WriteQueue } from './write-queue.js';

export type IdempotencyOps = Pick<TenantStore, 'getIdempotency' | 'putIdempotency'>;

/** Completed effects keyed by a step's idempotency key, per tenant; a record put again replaces the old one. */
export function createIdempotencyOps(db: Database, queue: WriteQueue): (tenant: string) => IdempotencyOps {
  const get = db.prepare<[string, string], { record: string }>(`SELECT record FROM idempotency WHERE tenant = ? AND key = ?`);
  const upsert = db.prepare<[string, string, string, string]>(
    `INSERT INTO idempotency (tenant, key, run_id, record) VALUES (?, ?, ?, ?)
     ON CONFLICT (tenant, key) DO UPDATE SET run_id = excluded.run_id, record = excluded.record`,
  );
  return (tenant) => ({
    async getIdempotency(key) {
      const row = queue.read(() => get.get(tenant, key));
      return row === undefined ? undefined : fromStoredJson<IdempotencyRecord>(row.record);
    },
    async putIdempotency(record) {
      checkId(record.key, 'record.key', 'putIdempotency');
      const json = toStoredJson(record, `idempotency record ${record.key}`);
      return queue.write(() => {
        upsert.run(tenant, record.key, record.runId, json);
      });
    },
  });
}

/** Every effect record of a tenant, by key (for exports). */
export function listAllEffects(db: Database): (tenant: string) => IdempotencyRecord[] {
  const all = db.prepare<[string], { record: string }>(`SELECT record FROM idempotency WHERE tenant = ? ORDER BY key`);
  return (tenant) => all.all(tenant).map((row) => fromStoredJson<IdempotencyRecord>(row.record));
}
