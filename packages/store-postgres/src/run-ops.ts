import { fromStoredJson, RUN_STATUSES, toStoredJson, type RunQuery, type RunRecord, type StepRecord, type TenantStore } from '@flowline/core';
import type { Database, Sql } from './database.js';
import { checkId, checkOneOf, checkVersion, invalidQuery, sqlLimit } from './input-checks.js';

export type RunOps = Pick<TenantStore, 'putRun' | 'getRun' | 'listRuns' | 'putStep' | 'listSteps' | 'putSnapshot' | 'getSnapshot'>;

interface RecordRow {
  record: string;
}

/**
 * Runs, their step results and their machine snapshots, per tenant. `listRuns` orders newest
 * `queuedAt` first, then greatest id first (core's run order), so a page ends at a position the
 * next page starts after. Steps list in the order each path was first put.
 */
export function createRunOps(db: Database): (tenant: string) => RunOps {
  const runs = db.table('runs');
  const steps = db.table('steps');
  const snapshots = db.table('snapshots');
  const upsertRun = `INSERT INTO ${runs} (tenant, id, workflow_id, workflow_version, status, queued_at, record) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id, tenant) DO UPDATE SET workflow_id = excluded.workflow_id, workflow_version = excluded.workflow_version,
       status = excluded.status, queued_at = excluded.queued_at, record = excluded.record`;
  const getRun = `SELECT record FROM ${runs} WHERE tenant = $1 AND id = $2`;
  const upsertStep = `INSERT INTO ${steps} (tenant, run_id, path, record) VALUES ($1, $2, $3, $4)
     ON CONFLICT (run_id, tenant, path) DO UPDATE SET record = excluded.record`;
  const listSteps = `SELECT record FROM ${steps} WHERE tenant = $1 AND run_id = $2 ORDER BY seq`;
  const upsertSnapshot = `INSERT INTO ${snapshots} (tenant, run_id, snapshot) VALUES ($1, $2, $3)
     ON CONFLICT (tenant, run_id) DO UPDATE SET snapshot = excluded.snapshot`;
  const getSnapshot = `SELECT snapshot FROM ${snapshots} WHERE tenant = $1 AND run_id = $2`;

  return (tenant) => ({
    async putRun(run) {
      checkId(run.id, 'run.id', 'putRun');
      checkOneOf(run.status, RUN_STATUSES, `the status of run ${run.id}`);
      const json = toStoredJson(run, `run ${run.id}`);
      const version = run.workflowVersion === undefined ? null : toStoredJson(run.workflowVersion, `the workflow version of run ${run.id}`);
      return db.write(async (sql) => {
        await sql.query(upsertRun, [tenant, run.id, run.workflowId, version, run.status, run.queuedAt, json]);
      });
    },

    async getRun(id) {
      const row = await db.read(async (sql) => (await sql.query<RecordRow>(getRun, [tenant, id])).rows[0]);
      return row === undefined ? undefined : fromStoredJson<RunRecord>(row.record);
    },

    async listRuns(query = {}) {
      const { text, values } = listing(runs, tenant, query);
      const rows = await db.read(async (sql) => (await sql.query<RecordRow>(text, values)).rows);
      return rows.map((row) => fromStoredJson<RunRecord>(row.record));
    },

    async putStep(step) {
      checkId(step.runId, 'step.runId', 'putStep');
      checkId(step.path, 'step.path', 'putStep');
      const json = toStoredJson(step, `step ${step.path} of run ${step.runId}`);
      return db.write(async (sql) => {
        await sql.query(upsertStep, [tenant, step.runId, step.path, json]);
      });
    },

    async listSteps(runId) {
      const rows = await db.read(async (sql) => (await sql.query<RecordRow>(listSteps, [tenant, runId])).rows);
      return rows.map((row) => fromStoredJson<StepRecord>(row.record));
    },

    async putSnapshot(runId, snapshot) {
      checkId(runId, 'runId', 'putSnapshot');
      const json = toStoredJson(snapshot, `the snapshot of run ${runId}`);
      return db.write(async (sql) => {
        await sql.query(upsertSnapshot, [tenant, runId, json]);
      });
    },

    async getSnapshot(runId) {
      const row = await db.read(async (sql) => (await sql.query<{ snapshot: string }>(getSnapshot, [tenant, runId])).rows[0]);
      return row === undefined ? undefined : fromStoredJson<unknown>(row.snapshot);
    },
  });
}

/** Checks a run query and turns it into SQL with only the filters it has. */
function listing(runs: string, tenant: string, query: RunQuery): { text: string; values: unknown[] } {
  const values: unknown[] = [tenant];
  const where = ['tenant = $1'];
  const param = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  const limit = sqlLimit(query.limit, 'listRuns');
  if (query.workflowId !== undefined) where.push(`workflow_id = ${param(query.workflowId)}`);
  if (query.version !== undefined) {
    checkVersion(query.version, 'listRuns');
    where.push(`workflow_version = ${param(JSON.stringify(query.version))}`);
  }
  if (query.status !== undefined) {
    checkOneOf(query.status, RUN_STATUSES, 'the status of listRuns');
    where.push(`status = ${param(query.status)}`);
    // Only unfinished, failed and cancelled runs are in the status indexes (partial): say so, for the planner to use them.
    if (query.status !== 'succeeded') where.push(`status <> 'succeeded'`);
  }
  if (query.since !== undefined) where.push(`queued_at >= ${param(checkTime(query.since, 'since'))}`);
  if (query.until !== undefined) where.push(`queued_at < ${param(checkTime(query.until, 'until'))}`);
  if (query.after !== undefined) {
    const { after } = query;
    if (typeof after !== 'object' || after === null) throw invalidQuery('`after` to be a run position { queuedAt, id } (the last run of the page before)', after);
    const afterAt = checkTime(after.queuedAt, 'after.queuedAt');
    checkId(after.id, 'after.id', 'listRuns');
    where.push(`(queued_at, id) < (${param(afterAt)}, ${param(after.id)})`);
  }
  return { text: `SELECT record FROM ${runs} WHERE ${where.join(' AND ')} ORDER BY queued_at DESC, id DESC LIMIT ${param(limit)}`, values };
}

function checkTime(value: unknown, name: string): string {
  if (typeof value !== 'string') throw invalidQuery(`\`${name}\` to be an ISO time string`, value);
  return value;
}

/** Every run of a tenant in `listRuns` order, each with its steps (for exports). */
export function listAllRuns(db: Database): (sql: Sql, tenant: string) => Promise<(RunRecord & { readonly steps: StepRecord[] })[]> {
  const runs = `SELECT record FROM ${db.table('runs')} WHERE tenant = $1 ORDER BY queued_at DESC, id DESC`;
  const steps = `SELECT run_id, record FROM ${db.table('steps')} WHERE tenant = $1 ORDER BY seq`;
  return async (sql, tenant) => {
    const byRun = new Map<string, StepRecord[]>();
    for (const row of (await sql.query<RecordRow & { run_id: string }>(steps, [tenant])).rows) {
      let list = byRun.get(row.run_id);
      if (list === undefined) {
        list = [];
        byRun.set(row.run_id, list);
      }
      list.push(fromStoredJson<StepRecord>(row.record));
    }
    return (await sql.query<RecordRow>(runs, [tenant])).rows.map((row) => {
      const run = fromStoredJson<RunRecord>(row.record);
      return { ...run, steps: byRun.get(run.id) ?? [] };
    });
  };
}
