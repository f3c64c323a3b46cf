import { checkTenantId, type Store } from '@flowline/core';
import type { Database } from './database.js';

/** Every table that holds a tenant's records in a `tenant` column (see migration-initial.ts). */
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
export function createTenantDataOps(db: Database): TenantDataOps {
  // A loose index scan per table (PostgreSQL has no skip scan): each step seeks the next tenant in
  // an index that leads with the tenant (every table has one), so the cost grows with the number
  // of tenants, not of rows.
  const scans = TENANT_TABLES.map((name) => {
    const table = db.table(name);
    return `${name}_tenants(tenant) AS (SELECT min(tenant) FROM ${table} UNION ALL SELECT (SELECT min(tenant) FROM ${table} WHERE tenant > ${name}_tenants.tenant) FROM ${name}_tenants WHERE tenant IS NOT NULL)`;
  });
  const selects = TENANT_TABLES.map((name) => `SELECT tenant FROM ${name}_tenants WHERE tenant IS NOT NULL`);
  const listIds = `WITH RECURSIVE ${scans.join(',\n')}\n${[...selects, `SELECT id FROM ${db.table('tenants')}`].join('\nUNION ')}\nORDER BY 1`;
  const deletes = TENANT_TABLES.map((name) => `DELETE FROM ${db.table(name)} WHERE tenant = $1`);
  const deleteRecord = `DELETE FROM ${db.table('tenants')} WHERE id = $1`;

  return {
    async listTenantIds() {
      const rows = await db.read(async (sql) => (await sql.query<{ tenant: string }>(listIds)).rows);
      return rows.map((row) => row.tenant);
    },
    async deleteTenant(tenant) {
      checkTenantId(tenant, '/tenant');
      return db.write(async (sql) => {
        for (const statement of deletes) await sql.query(statement, [tenant]);
        await sql.query(deleteRecord, [tenant]);
      }, true);
    },
  };
}
