import type { Database, Statement } from 'better-sqlite3';
import { fromStoredJson, RUN_STATUSES, toStoredJson, type RunQuery, type RunRecord, type StepRecord, type TenantStore } from '@flowline/core';
import { checkId, checkOneOf, checkVersion, invalidQuery, sqlLimit } from './input-checks.js';
import type { WriteQueue } from './write-queue.js';

export type RunOps = Pick<TenantStore, 'putRun' | 'getRun' | 'listRuns' | 'putStep' | 'listSteps' | 'putSnapshot' | 'getSnapshot'>;

interface RecordRow {
  record: string;
}

/** The parameters of a run listing; the filters absent from a query are left out of its SQL. */
interface ListParams {
  tenant: string;
  limit: number;
  workflowId?: string;
  version?: number;
  status?: string;
  since?: string;
  until?: string;
  afterAt?: string;
  afterId?: string;
}

/** Each filter of `listRuns`, as the SQL condition it adds. */
const FILTERS = [
  ['workflowId', 'workflow_id = @workflowId'],
  ['version', 'workflow_version = @version'],
  ['status', 'status = @status'],
  ['since', 'queued_at >= @since'],
  ['until', 'queued_at < @until'],
  ['afterAt', '(queued_at, id) < (@afterAt, @afterId)'],
] as const;

/**
 * Runs, their step results and their machine snapshots, per tenant. `listRuns` orders newest
 * `queuedAt` first, then greatest id first (core's run order), so a page ends at a position the
 * next page starts after. Statements are prepared once per store; a listing's statement is
 * prepared the first time its combination of filters is asked for (at most 128 of them: the filters, and whether the status is succeeded).
 */
export function createRunOps(db: Database, queue: WriteQueue): (tenant: string) => RunOps {
  const upsertRun = db.prepare<[string, string, string, string | number | null, string, string, string]>(
    `INSERT INTO runs (tenant, id, workflow_id, workflow_version, status, queued_at, record) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id, tenant) DO UPDATE SET workflow_id = excluded.workflow_id, workflow_version = excluded.workflow_version,
       status = excluded.status, queued_at = excluded.queued_at, record = excluded.record`,
  );
  // A run put again is mostly the same run in a new status: this touches only the indexes that hold the status.
  const updateRun = db.prepare<[string, string, string, string, string, string, string | number | null]>(
    `UPDATE runs SET status = ?, record = ? WHERE tenant = ? AND id = ? AND workflow_id = ? AND queued_at = ? AND workflow_version IS ?`,
  );
  const getRun = db.prepare<[string, string], RecordRow>(`SELECT record FROM runs WHERE tenant = ? AND id = ?`);
  const listings = new Map<string, Statement<[ListParams], RecordRow>>();
  const listing = (params: ListParams): Statement<[ListParams], RecordRow> => {
    const used = FILTERS.filter(([name]) => params[name] !== undefined);
    const shape = `${used.map(([name]) => name).join(',')}${params.status === 'succeeded' ? ':succeeded' : ''}`;
    let statement = listings.get(shape);
    if (statement === undefined) {
      // Only unfinished, failed and cancelled runs are in the status indexes (partial, see
      // migration-tenants.ts): a status other than 'succeeded' says so, for SQLite to use them.
      const unfinished = params.status !== undefined && params.status !== 'succeeded';
      const where = ['tenant = @tenant', ...used.map(([, condition]) => condition), ...(unfinished ? ["status <> 'succeeded'"] : [])].join(' AND ');
      statement = db.prepare<[ListParams], RecordRow>(`SELECT record FROM runs WHERE ${where} ORDER BY queued_at DESC, id DESC LIMIT @limit`);
      listings.set(shape, statement);
    }
    return statement;
  };
  const upsertStep = db.prepare<[string, string, string, string]>(
    `INSERT INTO steps (tenant, run_id, path, record) VALUES (?, ?, ?, ?)
     ON CONFLICT (run_id, tenant, path) DO UPDATE SET record = excluded.record`,
  );
  const listSteps = db.prepare<[string, string], RecordRow>(`SELECT record FROM steps WHERE tenant = ? AND run_id = ? ORDER BY seq`);
  const upsertSnapshot = db.prepare<[string, string, string]>(
    `INSERT INTO snapshots (tenant, run_id, snapshot) VALUES (?, ?, ?)
     ON CONFLICT (tenant, run_id) DO UPDATE SET snapshot = excluded.snapshot`,
  );
  const getSnapshot = db.prepare<[string, string], { snapshot: string }>(`SELECT snapshot FROM snapshots WHERE tenant = ? AND run_id = ?`);

  return (tenant) => ({
    async putRun(run) {
      checkId(run.id, 'run.id', 'putRun');
      checkOneOf(run.status, RUN_STATUSES, `the status of run ${run.id}`);
      const json = toStoredJson(run, `run ${run.id}`);
      const version = run.workflowVersion ?? null;
      return queue.write(() => {
        if (updateRun.run(run.status, json, tenant, run.id, run.workflowId, run.queuedAt, version).changes === 0) {
          upsertRun.run(tenant, run.id, run.workflowId, version, run.status, run.queuedAt, json);
        }
      });
    },

    async getRun(id) {
      const row = queue.read(() => getRun.get(tenant, id));
      return row === undefined ? undefined : fromStoredJson<RunRecord>(row.record);
    },

    async listRuns(query = {}) {
      const params = listParams(tenant, query);
      const statement = listing(params);
      return queue.read(() => statement.all(params)).map((row) => fromStoredJson<RunRecord>(row.record));
    },

    async putStep(step) {
      checkId(step.runId, 'step.runId', 'putStep');
      checkId(step.path, 'step.path', 'putStep');
      const json = toStoredJson(step, `step ${step.path} of run ${step.runId}`);
      return queue.write(() => {
        upsertStep.run(tenant, step.runId, step.path, json);
      });
    },

    async listSteps(runId) {
      return queue.read(() => listSteps.all(tenant, runId)).map((row) => fromStoredJson<StepRecord>(row.record));
    },

    async putSnapshot(runId, snapshot) {
      checkId(runId, 'runId', 'putSnapshot');
      const json = toStoredJson(snapshot, `the snapshot of run ${runId}`);
      return queue.write(() => {
        upsertSnapshot.run(tenant, runId, json);
      });
    },

    async getSnapshot(runId) {
      const row = queue.read(() => getSnapshot.get(tenant, runId));
      return row === undefined ? undefined : fromStoredJson<unknown>(row.snapshot);
    },
  });
}

/** Checks a run query and turns it into statement parameters (only the filters it has). */
function listParams(tenant: string, query: RunQuery): ListParams {
  const params: ListParams = { tenant, limit: sqlLimit(query.limit, 'listRuns') };
  if (query.workflowId !== undefined) params.workflowId = query.workflowId;
  if (query.version !== undefined) {
    checkVersion(query.version, 'listRuns');
    params.version = query.version;
  }
  if (query.status !== undefined) {
    checkOneOf(query.status, RUN_STATUSES, 'the status of listRuns');
    params.status = query.status;
  }
  if (query.since !== undefined) params.since = checkTime(query.since, 'since');
  if (query.until !== undefined) params.until = checkTime(query.until, 'until');
  if (query.after !== undefined) {
    const { after } = query;
    if (typeof after !== 'object' || after === null) throw invalidQuery('`after` to be a run position { queuedAt, id } (the last run of the page before)', after);
    params.afterAt = checkTime(after.queuedAt, 'after.queuedAt');
    checkId(after.id, 'after.id', 'listRuns');
    params.afterId = after.id;
  }
  return params;
}

function checkTime(value: unknown, name: string): string {
  if (typeof value !== 'string') throw invalidQuery(`\`${name}\` to be an ISO time string`, value);
  return value;
}

/** Every run of a tenant in `listRuns` order, each with its steps (for exports). */
export function listAllRuns(db: Database): (tenant: string) => (RunRecord & { readonly steps: StepRecord[] })[] {
  const runs = db.prepare<[string], RecordRow>(`SELECT record FROM runs WHERE tenant = ? ORDER BY queued_at DESC, id DESC`);
  const steps = db.prepare<[string], RecordRow & { run_id: string }>(`SELECT run_id, record FROM steps WHERE tenant = ? ORDER BY seq`);
  return (tenant) => {
    const byRun = new Map<string, StepRecord[]>();
    for (const row of steps.all(tenant)) {
      let list = byRun.get(row.run_id);
      if (list === undefined) {
        list = [];
        byRun.set(row.run_id, list);
      }
      list.push(fromStoredJson<StepRecord>(row.record));
    }
    return runs.all(tenant).map((row) => {
      const run = fromStoredJson<RunRecord>(row.record);
      return { ...run, steps: byRun.get(run.id) ?? [] };
    });
  };
}
