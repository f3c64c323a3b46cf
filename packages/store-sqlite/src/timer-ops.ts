import type { Database } from 'better-sqlite3';
import { checkIsoTime, checkTimer, type PendingTimer, type Store, type TenantStore, type TimerRecord } from '@flowline/core';
import { sqlLimit } from './input-checks.js';
import type { WriteQueue } from './write-queue.js';

export type TimerOps = Pick<TenantStore, 'putTimer' | 'getTimer' | 'deleteTimers'>;

interface TimerRow {
  tenant: string;
  run_id: string;
  path: string;
  due_at: string;
  fired_at: string | null;
}

function timerOf(row: TimerRow): TimerRecord {
  return { runId: row.run_id, path: row.path, dueAt: row.due_at, ...(row.fired_at === null ? {} : { firedAt: row.fired_at }) };
}

/** Timers of waiting runs, per tenant (see migration-timers.ts). */
export function createTimerOps(db: Database, queue: WriteQueue): (tenant: string) => TimerOps {
  const upsert = db.prepare<[string, string, string, string, string | null]>(
    `INSERT INTO timers (tenant, run_id, path, due_at, fired_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (tenant, run_id, path) DO UPDATE SET due_at = excluded.due_at, fired_at = excluded.fired_at`,
  );
  const get = db.prepare<[string, string, string], TimerRow>(`SELECT tenant, run_id, path, due_at, fired_at FROM timers WHERE tenant = ? AND run_id = ? AND path = ?`);
  const remove = db.prepare<[string, string]>(`DELETE FROM timers WHERE tenant = ? AND run_id = ?`);
  return (tenant) => ({
    async putTimer(timer) {
      checkTimer(timer);
      return queue.write(() => {
        upsert.run(tenant, timer.runId, timer.path, timer.dueAt, timer.firedAt ?? null);
      });
    },
    async getTimer(runId, path) {
      const row = queue.read(() => get.get(tenant, runId, path));
      return row === undefined ? undefined : timerOf(row);
    },
    async deleteTimers(runId) {
      return queue.write(() => {
        remove.run(tenant, runId);
      });
    },
  });
}

/** The operator's listing of pending timers across tenants, earliest due first (the partial index `timers_pending`). */
export function createPendingTimers(db: Database, queue: WriteQueue): Pick<Store, 'listPendingTimers'> {
  const list = db.prepare<{ dueBy: string | null; limit: number }, TimerRow>(
    `SELECT tenant, run_id, path, due_at, fired_at FROM timers
     WHERE fired_at IS NULL AND (@dueBy IS NULL OR due_at <= @dueBy)
     ORDER BY due_at, tenant, run_id, path LIMIT @limit`,
  );
  return {
    async listPendingTimers(query = {}) {
      if (query.dueBy !== undefined) checkIsoTime(query.dueBy, 'dueBy', 'listPendingTimers');
      const limit = sqlLimit(query.limit, 'listPendingTimers');
      return queue.read(() => list.all({ dueBy: query.dueBy ?? null, limit })).map((row): PendingTimer => ({ tenant: row.tenant, ...timerOf(row) }));
    },
  };
}
