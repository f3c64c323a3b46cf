import type { Database } from 'better-sqlite3';
import { fromStoredJson, toStoredJson, type IdempotencyRecord, type Store } from '@flowline/core';
import { checkId } from './input-checks.js';
import type { WriteQueue } from './write-queue.js';

export type IdempotencyOps = Pick<Store, 'getIdempotency' | 'putIdempotency'>;

/** Completed effects keyed by a step's idempotency key; a record put again replaces the old one. */
export function createIdempotencyOps(db: Database, queue: WriteQueue): IdempotencyOps {
  const get = db.prepare<[string], { record: string }>(`SELECT record FROM idempotency WHERE key = ?`);
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO idempotency (key, run_id, record) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET run_id = excluded.run_id, record = excluded.record`,
  );
  return {
    async getIdempotency(key) {
      const row = queue.read(() => get.get(key));
      return row === undefined ? undefined : fromStoredJson<IdempotencyRecord>(row.record);
    },
    async putIdempotency(record) {
      checkId(record.key, 'record.key', 'putIdempotency');
      const json = toStoredJson(record, `idempotency record ${record.key}`);
      return queue.write(() => {
        upsert.run(record.key, record.runId, json);
      });
    },
  };
}
