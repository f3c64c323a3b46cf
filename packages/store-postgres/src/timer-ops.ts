import { checkIsoTime, checkTimer, type PendingTimer, type Store, type TenantStore, type TimerRecord } from '@flowline/core';
import type { Database } from './database.js';
import { sqlLimit } from './input-checks.js';

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
export function createTimerOps(db: Database): (tenant: string) => TimerOps {
  const timers = db.table('timers');
  const upsert = `INSERT INTO ${timers} (tenant, run_id, path, due_at, fired_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant, run_id, path) DO UPDATE SET due_at = excluded.due_at, fired_at = excluded.fired_at`;
  const get = `SELECT tenant, run_id, path, due_at, fired_at FROM ${timers} WHERE tenant = $1 AND run_id = $2 AND path = $3`;
  const remove = `DELETE FROM ${timers} WHERE tenant = $1 AND run_id = $2`;
  return (tenant) => ({
    async putTimer(timer) {
      checkTimer(timer);
      return db.write(async (sql) => {
        await sql.query(upsert, [tenant, timer.runId, timer.path, timer.dueAt, timer.firedAt ?? null]);
      });
    },
    async getTimer(runId, path) {
      const row = await db.read(async (sql) => (await sql.query<TimerRow>(get, [tenant, runId, path])).rows[0]);
      return row === undefined ? undefined : timerOf(row);
    },
    async deleteTimers(runId) {
      return db.write(async (sql) => {
        await sql.query(remove, [tenant, runId]);
      });
    },
  });
}

/** The operator's listing of pending timers across tenants, earliest due first (the partial index `timers_pending`). */
export function createPendingTimers(db: Database): Pick<Store, 'listPendingTimers'> {
  const list = `SELECT tenant, run_id, path, due_at, fired_at FROM ${db.table('timers')}
     WHERE fired_at IS NULL AND ($1::text IS NULL OR due_at <= $1::text)
     ORDER BY due_at, tenant, run_id, path LIMIT $2`;
  return {
    async listPendingTimers(query = {}) {
      if (query.dueBy !== undefined) checkIsoTime(query.dueBy, 'dueBy', 'listPendingTimers');
      const limit = sqlLimit(query.limit, 'listPendingTimers');
      const rows = await db.read(async (sql) => (await sql.query<TimerRow>(list, [query.dueBy ?? null, limit])).rows);
      return rows.map((row): PendingTimer => ({ tenant: row.tenant, ...timerOf(row) }));
    },
  };
}
