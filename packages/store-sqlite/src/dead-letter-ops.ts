import type { Database } from 'better-sqlite3';
import { FlowlineError, fromStoredJson, type DeadLetter, type DeadLetterInput, type ErrorRecord, type TenantStore, toOptionalStoredJson } from '@flowline/core';
import { checkId, sqlLimit } from './input-checks.js';
import type { WriteQueue } from './write-queue.js';

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

/** The dead-letter list of each tenant: one entry per subject, oldest first. */
export function createDeadLetterOps(db: Database, queue: WriteQueue): (tenant: string) => DeadLetterOps {
  // Putting a subject again deletes and inserts, so it takes a new seq and lists as put last.
  const remove = db.prepare<[string, string]>(`DELETE FROM dead_letters WHERE tenant = ? AND id = ?`);
  const insert = db.prepare<[string, string, string | null, string | null, string, string | null, string]>(
    `INSERT INTO dead_letters (tenant, id, run_id, inbox_id, reason, error, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const get = db.prepare<[string, string], DeadLetterRow>(`SELECT ${COLUMNS} FROM dead_letters WHERE tenant = ? AND id = ?`);
  const replace = db.transaction(
    (tenant: string, id: string, runId: string | null, inboxId: string | null, reason: string, error: string | null, at: string) => {
      remove.run(tenant, id);
      insert.run(tenant, id, runId, inboxId, reason, error, at);
      return get.get(tenant, id);
    },
  );
  const list = db.prepare<[string, number], DeadLetterRow>(`SELECT ${COLUMNS} FROM dead_letters WHERE tenant = ? ORDER BY at, seq LIMIT ?`);
  const listByReason = db.prepare<[string, string, number], DeadLetterRow>(
    `SELECT ${COLUMNS} FROM dead_letters WHERE tenant = ? AND reason = ? ORDER BY at, seq LIMIT ?`,
  );

  return (tenant) => ({
    async putDeadLetter(input) {
      const subject = checkSubject(input);
      checkId(input.reason, 'reason', 'putDeadLetter');
      checkId(input.at, 'at', 'putDeadLetter');
      const id = `${subject.kind}:${subject.id}`;
      const error = toOptionalStoredJson(input.error, `the error of dead letter ${id}`);
      const row = await queue.write(() =>
        replace(tenant, id, subject.kind === 'run' ? subject.id : null, subject.kind === 'inbox' ? subject.id : null, input.reason, error, input.at),
      );
      if (row === undefined) throw corrupt(`dead letter ${id} is missing right after it was written`);
      return toDeadLetter(row);
    },
    async getDeadLetter(id) {
      const row = queue.read(() => get.get(tenant, id));
      return row === undefined ? undefined : toDeadLetter(row);
    },
    async listDeadLetters(query = {}) {
      const limit = sqlLimit(query.limit, 'listDeadLetters');
      const { reason } = query;
      const rows = queue.read(() => (reason === undefined ? list.all(tenant, limit) : listByReason.all(tenant, reason, limit)));
      return rows.map(toDeadLetter);
    },
    async removeDeadLetter(id) {
      return queue.write(() => ({ removed: remove.run(tenant, id).changes === 1 }));
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
    hint: 'Check the database file with `PRAGMA integrity_check` and restore it from a backup if it fails.',
  });
}

/** Every dead letter of a tenant, oldest first (for exports). */
export function listAllDeadLetters(db: Database): (tenant: string) => DeadLetter[] {
  const all = db.prepare<[string], DeadLetterRow>(`SELECT ${COLUMNS} FROM dead_letters WHERE tenant = ? ORDER BY at, seq`);
  return (tenant) => all.all(tenant).map(toDeadLetter);
}
