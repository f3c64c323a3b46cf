import type { Database } from 'better-sqlite3';
import type { Store } from '@flowline/core';
import { checkId } from './input-checks.js';
import type { WriteQueue } from './write-queue.js';

export type LinkOps = Pick<Store, 'getLink' | 'putLink' | 'deleteLink'>;

/** Links between ids in two systems (e.g. a PushPress customer and a GHL contact), per namespace. */
export function createLinkOps(db: Database, queue: WriteQueue): LinkOps {
  const get = db.prepare<[string, string], { to_id: string }>(`SELECT to_id FROM links WHERE namespace = ? AND from_id = ?`);
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO links (namespace, from_id, to_id) VALUES (?, ?, ?)
     ON CONFLICT (namespace, from_id) DO UPDATE SET to_id = excluded.to_id`,
  );
  const remove = db.prepare<[string, string]>(`DELETE FROM links WHERE namespace = ? AND from_id = ?`);
  return {
    async getLink(namespace, fromId) {
      return queue.read(() => get.get(namespace, fromId))?.to_id;
    },
    async putLink(namespace, fromId, toId) {
      checkId(namespace, 'namespace', 'putLink');
      checkId(fromId, 'fromId', 'putLink');
      checkId(toId, 'toId', 'putLink');
      return queue.write(() => {
        upsert.run(namespace, fromId, toId);
      });
    },
    async deleteLink(namespace, fromId) {
      return queue.write(() => {
        remove.run(namespace, fromId);
      });
    },
  };
}
