import { FlowlineError, fromStoredJson, type DeadLetter, type DeadLetterInput, type ErrorRecord, type TenantStore, toOptionalStoredJson } from '@flowline/core';
import type { Database, Sql } from './database.js';
import { checkId, sqlLimit } from './input-checks.js';

export type DeadLetterOps = Pick<TenantStore, 'putDeadLetter' | 'getDeadLetter' | 'listDeadLetters' | 'removeDeadLetter'>;

interface DeadLetterRow {
  id: string;
  run_id: string | null;
  inbox_id: string | null;
  reason: string;
  error: string | null;
  at: string;
}

const COLUMNS = 'id, run_id, inbox_id, reason, error, at';

/** The dead-letter list of each tenant: one entry per subject, oldest first, ties in the order put. */
export function createDeadLetterOps(db: Database): (tenant: string) => DeadLetterOps {
  const table = db.table('dead_letters');
  // Putting a subject again gives it a new seq, so it lists as put last (SQLite deletes and inserts).
  const upsert = `INSERT INTO ${table} (tenant, id, run_id, inbox_id, reason, error, at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant, id) DO UPDATE SET seq = DEFAULT, run_id = excluded.run_id, inbox_id = excluded.inbox_id,
       reason = excluded.reason, error = excluded.error, at = excluded.at
     RETURNING ${COLUMNS}`;
  const get = `SELECT ${COLUMNS} FROM ${table} WHERE tenant = $1 AND id = $2`;
  const remove = `DELETE FROM ${table} WHERE tenant = $1 AND id = $2`;
  const list = `SELECT ${COLUMNS} FROM ${table} WHERE tenant = $1 ORDER BY at, seq LIMIT $2`;
  const listByReason = `SELECT ${COLUMNS} FROM ${table} WHERE tenant = $1 AND reason = $2 ORDER BY at, seq LIMIT $3`;

  return (tenant) => ({
    async putDeadLetter(input) {
      const subject = checkSubject(input);
      checkId(input.reason, 'reason', 'putDeadLetter');
      checkId(input.at, 'at', 'putDeadLetter');
      const id = `${subject.kind}:${subject.id}`;
      const error = toOptionalStoredJson(input.error, `the error of dead letter ${id}`);
      const values = [tenant, id, subject.kind === 'run' ? subject.id : null, subject.kind === 'inbox' ? subject.id : null, input.reason, error, input.at];
      const row = await db.write(async (sql) => (await sql.query<DeadLetterRow>(upsert, values)).rows[0]);
      if (row === undefined) throw corrupt(`dead letter ${id} is missing right after it was written`);
      return toDeadLetter(row);
    },
    async getDeadLetter(id) {
      const row = await db.read(async (sql) => (await sql.query<DeadLetterRow>(get, [tenant, id])).rows[0]);
      return row === undefined ? undefined : toDeadLetter(row);
    },
    async listDeadLetters(query = {}) {
      const limit = sqlLimit(query.limit, 'listDeadLetters');
      const { reason } = query;
      const rows = await db.read(async (sql) =>
        (reason === undefined ? await sql.query<DeadLetterRow>(list, [tenant, limit]) : await sql.query<DeadLetterRow>(listByReason, [tenant, reason, limit])).rows,
      );
      return rows.map(toDeadLetter);
    },
    async removeDeadLetter(id) {
      return db.write(async (sql) => ({ removed: (await sql.query(remove, [tenant, id])).rowCount === 1 }));
    },
  });
}

function checkSubject(input: DeadLetterInput): { kind: 'run' | 'inbox'; id: string } {
  const hasRun = input.runId !== undefined;
  const hasInbox = input.inboxId !== undefined;
  if (hasRun === hasInbox) {
    throw new FlowlineError('store.invalid_input', 'Expected a dead letter to name exactly one of `runId` or `inboxId`.', {
      hint: 'Dead-letter a run that gave up by its runId, or a delivery that never became a run by its inboxId.',
    });
  }
  if (hasRun) {
    checkId(input.runId, 'runId', 'putDeadLetter');
    return { kind: 'run', id: input.runId };
  }
  checkId(input.inboxId, 'inboxId', 'putDeadLetter');
  return { kind: 'inbox', id: input.inboxId };
}

function toDeadLetter(row: DeadLetterRow): DeadLetter {
  const base = { id: row.id, reason: row.reason, at: row.at };
  const withError = row.error === null ? base : { ...base, error: fromStoredJson<ErrorRecord>(row.error) };
  if (row.run_id !== null) return { ...withError, runId: row.run_id };
  if (row.inbox_id !== null) return { ...withError, inboxId: row.inbox_id };
  throw corrupt(`dead letter ${row.id} names neither a run nor an inbox entry`);
}

function corrupt(message: string): FlowlineError {
  return new FlowlineError('store.corrupt', `The dead-letter table is inconsistent: ${message}.`, {
    hint: 'Look at the row in the dead_letters table of the store\u2019s schema; remove it or put the dead letter again.',
  });
}

/** Every dead letter of a tenant, oldest first (for exports). */
export function listAllDeadLetters(db: Database): (sql: Sql, tenant: string) => Promise<DeadLetter[]> {
  const all = `SELECT ${COLUMNS} FROM ${db.table('dead_letters')} WHERE tenant = $1 ORDER BY at, seq`;
  return async (sql, tenant) => (await sql.query<DeadLetterRow>(all, [tenant])).rows.map(toDeadLetter);
}
