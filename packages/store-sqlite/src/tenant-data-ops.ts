import type { Database } from 'better-sqlite3';
import { checkTenantId, type Store } from '@flowline/core';
import type { WriteQueue } from './write-queue.js';

/** Every table that holds a tenant's records in a `tenant` column (see migration-tenants.ts). */
export const TENANT_TABLES = [
  'inbox',
  'runs',
  'steps',
  'snapshots',
  'idempotency',
  'links',
  'dead_letters',
  'parked_deliveries',
  'tokens',
  'leases',
  'workflow_versions',
  'timers',
] as const;

export type TenantDataOps = Pick<Store, 'listTenantIds' | 'deleteTenant'>;

/** The operator's calls across tenants: which tenants have records, and deleting all of one's. */
export function createTenantDataOps(db: Database, queue: WriteQueue): TenantDataOps {
  // A loose index scan per table: each step seeks the next tenant in an index that leads with
  // the tenant (every table has one, see migration-tenants.ts), so the cost grows with the number of tenants, not of rows.
  const scans = TENANT_TABLES.map(
    (table) =>
      `${table}_tenants(tenant) AS (SELECT min(tenant) FROM ${table} UNION ALL SELECT (SELECT min(tenant) FROM ${table} WHERE tenant > ${table}_tenants.tenant) FROM ${table}_tenants WHERE tenant IS NOT NULL)`,
  );
  const selects = TENANT_TABLES.map((table) => `SELECT tenant FROM ${table}_tenants WHERE tenant IS NOT NULL`);
  const listIds = db.prepare<[], { tenant: string }>(
    `WITH RECURSIVE ${scans.join(',\n')}\n${[...selects, 'SELECT id FROM tenants'].join('\nUNION ')}\nORDER BY 1`,
  );
  const deletes = TENANT_TABLES.map((table) => db.prepare<[string]>(`DELETE FROM ${table} WHERE tenant = ?`));
  const deleteRecord = db.prepare<[string]>(`DELETE FROM tenants WHERE id = ?`);
  const deleteAll = db.transaction((tenant: string) => {
    for (const statement of deletes) statement.run(tenant);
    deleteRecord.run(tenant);
  });

  return {
    async listTenantIds() {
      return queue.read(() => listIds.all()).map((row) => row.tenant);
    },
    async deleteTenant(tenant) {
      checkTenantId(tenant, '/tenant');
      return queue.write(() => {
        deleteAll(tenant);
      });
    },
  };
}
