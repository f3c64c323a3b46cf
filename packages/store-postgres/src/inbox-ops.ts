import { FlowlineError, fromStoredJson, toStoredJson, type ErrorRecord, type InboxEntry, type InboxStatus, type TenantStore, toOptionalStoredJson } from '@flowline/core';
import type { Database, Sql } from './database.js';
import { checkId, checkOneOf, sqlLimit } from './input-checks.js';

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

/** The inbox of accepted deliveries: deduped by id within a tenant, listed in order of acceptance (`seq`). */
export function createInboxOps(db: Database): (tenant: string) => InboxOps {
  const inbox = db.table('inbox');
  const insert = `INSERT INTO ${inbox} (tenant, id, status, received_at, event) VALUES ($1, $2, 'pending', $3, $4) ON CONFLICT (id, tenant) DO NOTHING`;
  const get = `SELECT ${COLUMNS} FROM ${inbox} WHERE tenant = $1 AND id = $2`;
  const setStatus = `UPDATE ${inbox} SET status = $1 WHERE tenant = $2 AND id = $3`;
  const setAll = `UPDATE ${inbox} SET status = $1, run_ids = $2, error = $3 WHERE tenant = $4 AND id = $5`;
  // As in SQLite: pending and dead entries are in a small partial index (status, tenant, seq);
  // done ones are found by the tenant's index, where nearly every entry is done.
  const listOpen = `SELECT ${COLUMNS} FROM ${inbox} WHERE status = $1 AND status <> 'done' AND tenant = $2 ORDER BY seq LIMIT $3`;
  const listDone = `SELECT ${COLUMNS} FROM ${inbox} WHERE tenant = $1 AND status = 'done' ORDER BY seq LIMIT $2`;

  return (tenant) => ({
    async addToInbox(event, receivedAt) {
      checkId(event.id, 'event.id', 'addToInbox');
      checkId(receivedAt, 'receivedAt', 'addToInbox');
      const json = toStoredJson(event, `inbox entry ${event.id}`);
      return db.write(async (sql) => ({ added: (await sql.query(insert, [tenant, event.id, receivedAt, json])).rowCount === 1 }));
    },

    async getInboxEntry(id) {
      const row = await db.read(async (sql) => (await sql.query<InboxRow>(get, [tenant, id])).rows[0]);
      return row === undefined ? undefined : toEntry(row);
    },

    async setInboxStatus(id, status, update) {
      checkOneOf(status, INBOX_STATUSES, `the status of inbox entry ${id}`);
      const runIds = update === undefined ? undefined : toStoredJson(update.runIds, `the run ids of inbox entry ${id}`);
      const error = update === undefined ? null : toOptionalStoredJson(update.error, `the error of inbox entry ${id}`);
      return db.write(async (sql) => {
        const result = runIds === undefined ? await sql.query(setStatus, [status, tenant, id]) : await sql.query(setAll, [status, runIds, error, tenant, id]);
        if (result.rowCount === 0) {
          throw new FlowlineError('store.not_found', `Cannot set the status of inbox entry ${JSON.stringify(id)}: no such entry.`, {
            hint: 'Add the event with addToInbox before changing its status.',
          });
        }
      });
    },

    async listInbox(status, limit) {
      checkOneOf(status, INBOX_STATUSES, 'the status of listInbox');
      const max = sqlLimit(limit, 'listInbox');
      const rows = await db.read(async (sql) =>
        (status === 'done' ? await sql.query<InboxRow>(listDone, [tenant, max]) : await sql.query<InboxRow>(listOpen, [status, tenant, max])).rows,
      );
      return rows.map(toEntry);
    },
  });
}

/** Every inbox entry of a tenant, in order of acceptance (for exports). */
export function listAllInbox(db: Database): (sql: Sql, tenant: string) => Promise<InboxEntry[]> {
  const all = `SELECT ${COLUMNS} FROM ${db.table('inbox')} WHERE tenant = $1 ORDER BY seq`;
  return async (sql, tenant) => (await sql.query<InboxRow>(all, [tenant])).rows.map(toEntry);
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
