import type { TenantExport, TenantStore } from '@flowline/core';
import type { Database, Sql } from './database.js';
import { checkId } from './input-checks.js';

export type LinkOps = Pick<TenantStore, 'getLink' | 'putLink' | 'deleteLink'>;

/** Links between ids in two systems (e.g. a PushPress customer and a GHL contact), per tenant and namespace. */
export function createLinkOps(db: Database): (tenant: string) => LinkOps {
  const links = db.table('links');
  const get = `SELECT to_id FROM ${links} WHERE tenant = $1 AND namespace = $2 AND from_id = $3`;
  const upsert = `INSERT INTO ${links} (tenant, namespace, from_id, to_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant, namespace, from_id) DO UPDATE SET to_id = excluded.to_id`;
  const remove = `DELETE FROM ${links} WHERE tenant = $1 AND namespace = $2 AND from_id = $3`;
  return (tenant) => ({
    async getLink(namespace, fromId) {
      return db.read(async (sql) => (await sql.query<{ to_id: string }>(get, [tenant, namespace, fromId])).rows[0]?.to_id);
    },
    async putLink(namespace, fromId, toId) {
      checkId(namespace, 'namespace', 'putLink');
      checkId(fromId, 'fromId', 'putLink');
      checkId(toId, 'toId', 'putLink');
      return db.write(async (sql) => {
        await sql.query(upsert, [tenant, namespace, fromId, toId]);
      });
    },
    async deleteLink(namespace, fromId) {
      return db.write(async (sql) => {
        await sql.query(remove, [tenant, namespace, fromId]);
      });
    },
  });
}

/** Every link of a tenant, by namespace and id (for exports). */
export function listAllLinks(db: Database): (sql: Sql, tenant: string) => Promise<TenantExport['links']> {
  const all = `SELECT namespace, from_id, to_id FROM ${db.table('links')} WHERE tenant = $1 ORDER BY namespace, from_id`;
  return async (sql, tenant) =>
    (await sql.query<{ namespace: string; from_id: string; to_id: string }>(all, [tenant])).rows.map((row) => ({ namespace: row.namespace, from: row.from_id, to: row.to_id }));
}
