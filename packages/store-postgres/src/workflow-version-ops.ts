import { fromStoredJson, toStoredJson, WORKFLOW_VERSION_STATES, type TenantStore, type WorkflowVersionRecord, type WorkflowVersionState } from '@flowline/core';
import type { Database, Sql } from './database.js';
import { checkId, checkOneOf, checkVersion } from './input-checks.js';

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

/** The largest version an `integer` column holds; a version above it is none the store has. */
const MAX_VERSION = 2_147_483_647;

/** The versions of each workflow of a tenant, by workflow id and version; the definition is JSON text. */
export function createWorkflowVersionOps(db: Database): (tenant: string) => WorkflowVersionOps {
  const table = db.table('workflow_versions');
  const upsert = `INSERT INTO ${table} (tenant, workflow_id, version, state, definition, saved_at, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant, workflow_id, version) DO UPDATE SET state = excluded.state, definition = excluded.definition,
       saved_at = excluded.saved_at, published_at = excluded.published_at`;
  const get = `SELECT ${COLUMNS} FROM ${table} WHERE tenant = $1 AND workflow_id = $2 AND version = $3`;
  const list = `SELECT ${COLUMNS} FROM ${table} WHERE tenant = $1 ORDER BY workflow_id, version`;
  const listOf = `SELECT ${COLUMNS} FROM ${table} WHERE tenant = $1 AND workflow_id = $2 ORDER BY version`;
  const remove = `DELETE FROM ${table} WHERE tenant = $1 AND workflow_id = $2 AND version = $3`;
  const storable = (version: number): boolean => Number.isInteger(version) && Math.abs(version) <= MAX_VERSION;

  return (tenant) => ({
    async putWorkflowVersion(record) {
      checkId(record.workflowId, 'workflowId', 'putWorkflowVersion');
      checkVersion(record.version, 'putWorkflowVersion');
      checkOneOf(record.state, WORKFLOW_VERSION_STATES, `the state of version ${record.version} of workflow ${record.workflowId}`);
      checkId(record.savedAt, 'savedAt', 'putWorkflowVersion');
      if (record.publishedAt !== undefined) checkId(record.publishedAt, 'publishedAt', 'putWorkflowVersion');
      const definition = toStoredJson(record.definition, `the definition of version ${record.version} of workflow ${record.workflowId}`);
      const values = [tenant, record.workflowId, record.version, record.state, definition, record.savedAt, record.publishedAt ?? null];
      return db.write(async (sql) => {
        await sql.query(upsert, values);
      });
    },
    async getWorkflowVersion(workflowId, version) {
      if (!storable(version)) return undefined;
      const row = await db.read(async (sql) => (await sql.query<VersionRow>(get, [tenant, workflowId, version])).rows[0]);
      return row === undefined ? undefined : toVersion(row);
    },
    async listWorkflowVersions(workflowId) {
      const rows = await db.read(async (sql) =>
        (workflowId === undefined ? await sql.query<VersionRow>(list, [tenant]) : await sql.query<VersionRow>(listOf, [tenant, workflowId])).rows,
      );
      return rows.map(toVersion);
    },
    async deleteWorkflowVersion(workflowId, version) {
      if (!storable(version)) return { removed: false };
      return db.write(async (sql) => ({ removed: (await sql.query(remove, [tenant, workflowId, version])).rowCount === 1 }));
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
export function listAllWorkflowVersions(db: Database): (sql: Sql, tenant: string) => Promise<WorkflowVersionRecord[]> {
  const all = `SELECT ${COLUMNS} FROM ${db.table('workflow_versions')} WHERE tenant = $1 ORDER BY workflow_id, version`;
  return async (sql, tenant) => (await sql.query<VersionRow>(all, [tenant])).rows.map(toVersion);
}
