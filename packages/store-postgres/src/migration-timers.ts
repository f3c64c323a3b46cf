/**
 * Migration 2: delays. A run may be `waiting` (the status check is replaced), and `timers` holds
 * each waiting run's due time, with a partial index for the scheduler's question: the earliest
 * pending timer of any tenant. Times are ISO text in UTC, which sorts as time under `COLLATE "C"`.
 */
export const TIMERS_MIGRATION = `
  ALTER TABLE runs DROP CONSTRAINT IF EXISTS runs_status_check;
  ALTER TABLE runs ADD CONSTRAINT runs_status_check CHECK (status IN ('queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'));

  CREATE TABLE timers (
    tenant text COLLATE "C" NOT NULL,
    run_id text COLLATE "C" NOT NULL,
    path text COLLATE "C" NOT NULL,
    due_at text COLLATE "C" NOT NULL,
    fired_at text COLLATE "C",
    PRIMARY KEY (tenant, run_id, path)
  );
  CREATE INDEX timers_pending ON timers (due_at, tenant, run_id, path) WHERE fired_at IS NULL;
`;
