import type { Database } from 'better-sqlite3';
import { fromStoredJson, toStoredJson, WORKFLOW_VERSION_STATES, type TenantStore, type WorkflowVersionRecord, type WorkflowVersionState } from '@flowline/core';
import { checkId, checkOneOf, checkVersion } from './input-checks.js';
import type { WriteQueue } from './write-queue.js';

export type WorkflowVersionOps = Pick<TenantStore, 'putWorkflowVersion' | 'getWorkflowVersion' | 'listWorkflowVersions' | 'deleteWorkflowVersion'>;

interface VersionRow {
  workflow_id: string;
  version: number;
  state: WorkflowVersionState;
  definition: string;
  saved_at: string;
  published_at: string | null;
}

const COLUMNS = 'workflow_id, version, state, definition, saved_at, published_at';

/** The versions of each workflow of a tenant, by workflow id and version; the definition is JSON text. */
export function createWorkflowVersionOps(db: Database, queue: WriteQueue): (tenant: string) => WorkflowVersionOps {
  const upsert = db.prepare<[string, string, number, string, string, string, string | null]>(
    `INSERT INTO workflow_versions (tenant, workflow_id, version, state, definition, saved_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (tenant, workflow_id, version) DO UPDATE SET state = excluded.state, definition = excluded.definition,
       saved_at = excluded.saved_at, published_at = excluded.published_at`,
  );
  const get = db.prepare<[string, string, number], VersionRow>(`SELECT ${COLUMNS} FROM workflow_versions WHERE tenant = ? AND workflow_id = ? AND version = ?`);
  const list = db.prepare<[string], VersionRow>(`SELECT ${COLUMNS} FROM workflow_versions WHERE tenant = ? ORDER BY workflow_id, version`);
  const listOf = db.prepare<[string, string], VersionRow>(`SELECT ${COLUMNS} FROM workflow_versions WHERE tenant = ? AND workflow_id = ? ORDER BY version`);
  const remove = db.prepare<[string, string, number]>(`DELETE FROM workflow_versions WHERE tenant = ? AND workflow_id = ? AND version = ?`);

  return (tenant) => ({
    async putWorkflowVersion(record) {
      checkId(record.workflowId, 'workflowId', 'putWorkflowVersion');
      checkVersion(record.version, 'putWorkflowVersion');
      checkOneOf(record.state, WORKFLOW_VERSION_STATES, `the state of version ${record.version} of workflow ${record.workflowId}`);
      checkId(record.savedAt, 'savedAt', 'putWorkflowVersion');
      if (record.publishedAt !== undefined) checkId(record.publishedAt, 'publishedAt', 'putWorkflowVersion');
      const definition = toStoredJson(record.definition, `the definition of version ${record.version} of workflow ${record.workflowId}`);
      return queue.write(() => {
        upsert.run(tenant, record.workflowId, record.version, record.state, definition, record.savedAt, record.publishedAt ?? null);
      });
    },
    async getWorkflowVersion(workflowId, version) {
      if (!Number.isInteger(version)) return undefined;
      const row = queue.read(() => get.get(tenant, workflowId, version));
      return row === undefined ? undefined : toVersion(row);
    },
    async listWorkflowVersions(workflowId) {
      return queue.read(() => (workflowId === undefined ? list.all(tenant) : listOf.all(tenant, workflowId))).map(toVersion);
    },
    async deleteWorkflowVersion(workflowId, version) {
      if (!Number.isInteger(version)) return { removed: false };
      return queue.write(() => ({ removed: remove.run(tenant, workflowId, version).changes === 1 }));
    },
  });
}

function toVersion(row: VersionRow): WorkflowVersionRecord {
  const record: WorkflowVersionRecord = {
    workflowId: row.workflow_id,
    version: row.version,
    state: row.state,
    definition: fromStoredJson<unknown>(row.definition),
    savedAt: row.saved_at,
  };
  return row.published_at === null ? record : { ...record, publishedAt: row.published_at };
}

/** Every workflow version of a tenant, by workflow id and version (for exports). */
export function listAllWorkflowVersions(db: Database): (tenant: string) => WorkflowVersionRecord[] {
  const all = db.prepare<[string], VersionRow>(`SELECT ${COLUMNS} FROM workflow_versions WHERE tenant = ? ORDER BY workflow_id, version`);
  return (tenant) => all.all(tenant).map(toVersion);
}
