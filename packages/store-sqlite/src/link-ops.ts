import type { Database } from 'better-sqlite3';
import type { TenantExport, TenantStore } from '@flowline/core';
import { checkId } from './input-checks.js';
import type { WriteQueue } from './write-queue.js';

export type LinkOps = Pick<TenantStore, 'getLink' | 'putLink' | 'deleteLink'>;

/** Links between ids in two systems (e.g. a PushPress customer and a GHL contact), per tenant and namespace. */
export function createLinkOps(db: Database, queue: WriteQueue): (tenant: string) => LinkOps {
  const get = db.prepare<[string, string, string], { to_id: string }>(`SELECT to_id FROM links WHERE tenant = ? AND namespace = ? AND from_id = ?`);
  const upsert = db.prepare<[string, string, string, string]>(
    `INSERT INTO links (tenant, namespace, from_id, to_id) VALUES (?, ?, ?, ?)
     ON CONFLICT (tenant, namespace, from_id) DO UPDATE SET to_id = excluded.to_id`,
  );
  const remove = db.prepare<[string, string, string]>(`DELETE FROM links WHERE tenant = ? AND namespace = ? AND from_id = ?`);
  return (tenant) => ({
    async getLink(namespace, fromId) {
      return queue.read(() => get.get(tenant, namespace, fromId))?.to_id;
    },
    async putLink(namespace, fromId, toId) {
      checkId(namespace, 'namespace', 'putLink');
      checkId(fromId, 'fromId', 'putLink');
      checkId(toId, 'toId', 'putLink');
      return queue.write(() => {
        upsert.run(tenant, namespace, fromId, toId);
      });
    },
    async deleteLink(namespace, fromId) {
      return queue.write(() => {
        remove.run(tenant, namespace, fromId);
      });
    },
  });
}

/** Every link of a tenant, by namespace and id (for exports). */
export function listAllLinks(db: Database): (tenant: string) => TenantExport['links'] {
  const all = db.prepare<[string], { namespace: string; from_id: string; to_id: string }>(
    `SELECT namespace, from_id, to_id FROM links WHERE tenant = ? ORDER BY namespace, from_id`,
  );
  return (tenant) => all.all(tenant).map((row) => ({ namespace: row.namespace, from: row.from_id, to: row.to_id }));
}
