import type { Database } from 'better-sqlite3';
import { FlowlineError, fromStoredJson, toStoredJson, type ErrorRecord, type InboxEntry, type InboxStatus, type TenantStore, toOptionalStoredJson } from '@flowline/core';
import { checkId, checkOneOf, sqlLimit } from './input-checks.js';
import type { WriteQueue } from './write-queue.js';

const INBOX_STATUSES: readonly InboxStatus[] = ['pending', 'done', 'dead'];

interface InboxRow {
  id: string;
  status: InboxStatus;
  received_at: string;
  event: string;
  run_ids: string;
  error: string | null;
}

const COLUMNS = 'id, status, received_at, event, run_ids, error';

export type InboxOps = Pick<TenantStore, 'addToInbox' | 'getInboxEntry' | 'setInboxStatus' | 'listInbox'>;

/**
 * The inbox of accepted deliveries: deduped by id within a tenant, listed in order of
 * acceptance. Statements are prepared once; the result binds them to one tenant.
 */
export function createInboxOps(db: Database, queue: WriteQueue): (tenant: string) => InboxOps {
  const insert = db.prepare<[string, string, string, string]>(
    `INSERT INTO inbox (tenant, id, status, received_at, event) VALUES (?, ?, 'pending', ?, ?) ON CONFLICT (id, tenant) DO NOTHING`,
  );
  const get = db.prepare<[string, string], InboxRow>(`SELECT ${COLUMNS} FROM inbox WHERE tenant = ? AND id = ?`);
  const setStatus = db.prepare<[string, string, string]>(`UPDATE inbox SET status = ? WHERE tenant = ? AND id = ?`);
  const setAll = db.prepare<[string, string, string | null, string, string]>(
    `UPDATE inbox SET status = ?, run_ids = ?, error = ? WHERE tenant = ? AND id = ?`,
  );
  // Pending and dead entries are few: their partial index (status, tenant, seq) stays small, so
  // the pending entries of every tenant share a few pages. Done entries are found by the tenant's
  // index (tenant, seq), where nearly every entry is done.
  const listOpen = db.prepare<[string, string, number], InboxRow>(
    `SELECT ${COLUMNS} FROM inbox WHERE status = ? AND status <> 'done' AND tenant = ? ORDER BY seq LIMIT ?`,
  );
  const listDone = db.prepare<[string, number], InboxRow>(`SELECT ${COLUMNS} FROM inbox WHERE tenant = ? AND status = 'done' ORDER BY seq LIMIT ?`);

  return (tenant) => ({
    async addToInbox(event, receivedAt) {
      checkId(event.id, 'event.id', 'addToInbox');
      checkId(receivedAt, 'receivedAt', 'addToInbox');
      const json = toStoredJson(event, `inbox entry ${event.id}`);
      // The sender's 2xx waits for this write: it settles ahead of the runs' writes.
      return queue.write(() => ({ added: insert.run(tenant, event.id, receivedAt, json).changes === 1 }), true);
    },

    async getInboxEntry(id) {
      const row = queue.read(() => get.get(tenant, id));
      return row === undefined ? undefined : toEntry(row);
    },

    async setInboxStatus(id, status, update) {
      checkOneOf(status, INBOX_STATUSES, `the status of inbox entry ${id}`);
      const runIds = update === undefined ? undefined : toStoredJson(update.runIds, `the run ids of inbox entry ${id}`);
      const error = update === undefined ? null : toOptionalStoredJson(update.error, `the error of inbox entry ${id}`);
      return queue.write(() => {
        const result = runIds === undefined ? setStatus.run(status, tenant, id) : setAll.run(status, runIds, error, tenant, id);
        if (result.changes === 0) {
          throw new FlowlineError('store.not_found', `Cannot set the status of inbox entry ${JSON.stringify(id)}: no such entry.`, {
            hint: 'Add the event with addToInbox before changing its status.',
          });
        }
      });
    },

    async listInbox(status, limit) {
      checkOneOf(status, INBOX_STATUSES, 'the status of listInbox');
      const max = sqlLimit(limit, 'listInbox');
      return queue.read(() => (status === 'done' ? listDone.all(tenant, max) : listOpen.all(status, tenant, max))).map(toEntry);
    },
  });
}

/** Every inbox entry of a tenant, in order of acceptance (for exports). */
export function listAllInbox(db: Database): (tenant: string) => InboxEntry[] {
  const all = db.prepare<[string], InboxRow>(`SELECT ${COLUMNS} FROM inbox WHERE tenant = ? ORDER BY seq`);
  return (tenant) => all.all(tenant).map(toEntry);
}

function toEntry(row: InboxRow): InboxEntry {
  const entry: InboxEntry = {
    id: row.id,
    event: fromStoredJson(row.event),
    receivedAt: row.received_at,
    status: row.status,
    runIds: fromStoredJson<string[]>(row.run_ids),
  };
  return row.error === null ? entry : { ...entry, error: fromStoredJson<ErrorRecord>(row.error) };
}
