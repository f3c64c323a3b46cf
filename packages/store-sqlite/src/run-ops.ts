import type { Database } from 'better-sqlite3';
import { fromStoredJson, toStoredJson, type RunRecord, type RunStatus, type StepRecord, type Store } from '@flowline/core';
import { checkId, checkOneOf, sqlLimit } from './input-checks.js';
import type { WriteQueue } from './write-queue.js';

const RUN_STATUSES: readonly RunStatus[] = ['queued', 'running', 'succeeded', 'failed'];

export type RunOps = Pick<Store, 'putRun' | 'getRun' | 'listRuns' | 'putStep' | 'listSteps' | 'putSnapshot' | 'getSnapshot'>;

interface RecordRow {
  record: string;
}

/**
 * Runs, their step results and their machine snapshots. A run put again keeps its place
 * (`seq`), so runs queued at the same time list in the order they were first put.
 */
export function createRunOps(db: Database, queue: WriteQueue): RunOps {
  const upsertRun = db.prepare<[string, string, string, string, string]>(
    `INSERT INTO runs (id, workflow_id, status, queued_at, record) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET workflow_id = excluded.workflow_id, status = excluded.status,
       queued_at = excluded.queued_at, record = excluded.record`,
  );
  const getRun = db.prepare<[string], RecordRow>(`SELECT record FROM runs WHERE id = ?`);
  const order = 'ORDER BY queued_at DESC, seq DESC LIMIT ?';
  const listAll = db.prepare<[number], RecordRow>(`SELECT record FROM runs ${order}`);
  const listByStatus = db.prepare<[string, number], RecordRow>(`SELECT record FROM runs WHERE status = ? ${order}`);
  const listByWorkflow = db.prepare<[string, number], RecordRow>(`SELECT record FROM runs WHERE workflow_id = ? ${order}`);
  const listByBoth = db.prepare<[string, string, number], RecordRow>(
    `SELECT record FROM runs WHERE workflow_id = ? AND status = ? ${order}`,
  );
  const upsertStep = db.prepare<[string, string, string]>(
    `INSERT INTO steps (run_id, path, record) VALUES (?, ?, ?)
     ON CONFLICT (run_id, path) DO UPDATE SET record = excluded.record`,
  );
  const listSteps = db.prepare<[string], RecordRow>(`SELECT record FROM steps WHERE run_id = ? ORDER BY seq`);
  const upsertSnapshot = db.prepare<[string, string]>(
    `INSERT INTO snapshots (run_id, snapshot) VALUES (?, ?)
     ON CONFLICT (run_id) DO UPDATE SET snapshot = excluded.snapshot`,
  );
  const getSnapshot = db.prepare<[string], { snapshot: string }>(`SELECT snapshot FROM snapshots WHERE run_id = ?`);

  return {
    async putRun(run) {
      checkId(run.id, 'run.id', 'putRun');
      checkOneOf(run.status, RUN_STATUSES, `the status of run ${run.id}`);
      const json = toStoredJson(run, `run ${run.id}`);
      return queue.write(() => {
        upsertRun.run(run.id, run.workflowId, run.status, run.queuedAt, json);
      });
    },

    async getRun(id) {
      const row = queue.read(() => getRun.get(id));
      return row === undefined ? undefined : fromStoredJson<RunRecord>(row.record);
    },

    async listRuns(query = {}) {
      const { workflowId, status } = query;
      if (status !== undefined) checkOneOf(status, RUN_STATUSES, 'the status of listRuns');
      const limit = sqlLimit(query.limit, 'listRuns');
      const rows = queue.read(() =>
        workflowId !== undefined && status !== undefined
          ? listByBoth.all(workflowId, status, limit)
          : workflowId !== undefined
            ? listByWorkflow.all(workflowId, limit)
            : status !== undefined
              ? listByStatus.all(status, limit)
              : listAll.all(limit),
      );
      return rows.map((row) => fromStoredJson<RunRecord>(row.record));
    },

    async putStep(step) {
      checkId(step.runId, 'step.runId', 'putStep');
      checkId(step.path, 'step.path', 'putStep');
      const json = toStoredJson(step, `step ${step.path} of run ${step.runId}`);
      return queue.write(() => {
        upsertStep.run(step.runId, step.path, json);
      });
    },

    async listSteps(runId) {
      return queue.read(() => listSteps.all(runId)).map((row) => fromStoredJson<StepRecord>(row.record));
    },

    async putSnapshot(runId, snapshot) {
      checkId(runId, 'runId', 'putSnapshot');
      const json = toStoredJson(snapshot, `the snapshot of run ${runId}`);
      return queue.write(() => {
        upsertSnapshot.run(runId, json);
      });
    },

    async getSnapshot(runId) {
      const row = queue.read(() => getSnapshot.get(runId));
      return row === undefined ? undefined : fromStoredJson<unknown>(row.snapshot);
    },
  };
}
