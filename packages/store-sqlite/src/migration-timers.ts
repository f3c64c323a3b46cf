/**
 * Migration 7: delays. A run may be `waiting` (SQLite cannot widen a CHECK in place, so the runs
 * table is copied into one that allows it, with the same rows, seqs and indexes), and `timers`
 * holds each waiting run's due time, indexed for the scheduler's question: the earliest pending
 * timer of any tenant.
 */
export const TIMERS_MIGRATION = `
  CREATE TABLE runs_next (
    seq INTEGER PRIMARY KEY,
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    workflow_id TEXT NOT NULL,
    workflow_version,
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled')),
    queued_at TEXT NOT NULL,
    record TEXT NOT NULL,
    UNIQUE (id, tenant)
  );
  INSERT INTO runs_next (seq, tenant, id, workflow_id, workflow_version, status, queued_at, record)
    SELECT seq, tenant, id, workflow_id, workflow_version, status, queued_at, record FROM runs;
  DROP TABLE runs;
  ALTER TABLE runs_next RENAME TO runs;
  CREATE INDEX runs_by_time ON runs (tenant, queued_at, id, workflow_id, workflow_version);
  CREATE INDEX runs_by_status ON runs (status, tenant, queued_at, id) WHERE status <> 'succeeded';
  CREATE INDEX runs_by_version ON runs (status, tenant, workflow_id, workflow_version, queued_at, id) WHERE status <> 'succeeded';

  CREATE TABLE timers (
    tenant TEXT NOT NULL,
    run_id TEXT NOT NULL,
    path TEXT NOT NULL,
    due_at TEXT NOT NULL,
    fired_at TEXT,
    PRIMARY KEY (tenant, run_id, path)
  ) WITHOUT ROWID;
  CREATE INDEX timers_pending ON timers (due_at, tenant, run_id, path) WHERE fired_at IS NULL;
`;
