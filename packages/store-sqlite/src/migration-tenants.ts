/**
 * Migration 6: every record belongs to a tenant. SQLite cannot change a table's keys in place,
 * so each table that holds a tenant's records is rebuilt with a `tenant` column in its keys and
 * indexes (the same id in two tenants is two rows, and every lookup the engine makes is still
 * one index search), and its rows are copied under `default`, the tenant of every record written
 * before tenants. `seq` values are copied as they were, so listing order stays.
 *
 * The tables every delivery writes (inbox, runs, steps) are laid out so that a host serving many
 * tenants writes about as few pages per commit as one serving one: an index that leads with the
 * tenant has an insertion point per tenant, and a commit dirties a leaf page for each tenant it
 * touches. So their unique keys lead with the id, then the tenant (run ids start with the time,
 * so new runs and steps land at one end), the status indexes are partial, holding only the few
 * entries not in their common final state (pending and dead deliveries; unfinished, failed and
 * cancelled runs), status first, and each of these tables keeps one index that leads with the
 * tenant, for listing, exporting and deleting a tenant's records: `inbox_by_tenant`,
 * `runs_by_time` (with the workflow and version, so a listing by workflow reads only the index)
 * and `steps_by_run`. Every table of tenant records keeps an index that leads with the tenant.
 *
 * Runs also gain `workflow_version` (taken from the stored record; no declared type, so a
 * number and a string version compare as they do in JSON), and `cancelled` as a status.
 *
 * New: `workflow_versions` (a tenant's versions of each workflow) and `tenants` (a host's
 * registered tenants: settings as JSON, secrets sealed with the store's key as tokens are).
 *
 * Shipped migrations are never edited: change the schema with a new one.
 */
export const TENANTS_MIGRATION = `
  CREATE TABLE inbox_next (
    seq INTEGER PRIMARY KEY,
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'dead')),
    received_at TEXT NOT NULL,
    event TEXT NOT NULL,
    run_ids TEXT NOT NULL DEFAULT '[]',
    error TEXT,
    UNIQUE (id, tenant)
  );
  INSERT INTO inbox_next (seq, tenant, id, status, received_at, event, run_ids, error)
    SELECT seq, 'default', id, status, received_at, event, run_ids, error FROM inbox;
  DROP TABLE inbox;
  ALTER TABLE inbox_next RENAME TO inbox;
  CREATE INDEX inbox_by_tenant ON inbox (tenant, seq);
  CREATE INDEX inbox_by_status ON inbox (status, tenant, seq) WHERE status <> 'done';

  CREATE TABLE runs_next (
    seq INTEGER PRIMARY KEY,
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    workflow_id TEXT NOT NULL,
    workflow_version,
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    queued_at TEXT NOT NULL,
    record TEXT NOT NULL,
    UNIQUE (id, tenant)
  );
  INSERT INTO runs_next (seq, tenant, id, workflow_id, workflow_version, status, queued_at, record)
    SELECT seq, 'default', id, workflow_id, json_extract(record, '$.workflowVersion'), status, queued_at, record FROM runs;
  DROP TABLE runs;
  ALTER TABLE runs_next RENAME TO runs;
  CREATE INDEX runs_by_time ON runs (tenant, queued_at, id, workflow_id, workflow_version);
  CREATE INDEX runs_by_status ON runs (status, tenant, queued_at, id) WHERE status <> 'succeeded';
  CREATE INDEX runs_by_version ON runs (status, tenant, workflow_id, workflow_version, queued_at, id) WHERE status <> 'succeeded';

  CREATE TABLE steps_next (
    seq INTEGER PRIMARY KEY,
    tenant TEXT NOT NULL,
    run_id TEXT NOT NULL,
    path TEXT NOT NULL,
    record TEXT NOT NULL,
    UNIQUE (run_id, tenant, path)
  );
  INSERT INTO steps_next (seq, tenant, run_id, path, record) SELECT seq, 'default', run_id, path, record FROM steps;
  DROP TABLE steps;
  ALTER TABLE steps_next RENAME TO steps;
  CREATE INDEX steps_by_run ON steps (tenant, run_id, seq);

  CREATE TABLE snapshots_next (
    tenant TEXT NOT NULL,
    run_id TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    PRIMARY KEY (tenant, run_id)
  );
  INSERT INTO snapshots_next (tenant, run_id, snapshot) SELECT 'default', run_id, snapshot FROM snapshots;
  DROP TABLE snapshots;
  ALTER TABLE snapshots_next RENAME TO snapshots;

  CREATE TABLE idempotency_next (
    tenant TEXT NOT NULL,
    key TEXT NOT NULL,
    run_id TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (tenant, key)
  );
  INSERT INTO idempotency_next (tenant, key, run_id, record) SELECT 'default', key, run_id, record FROM idempotency;
  DROP TABLE idempotency;
  ALTER TABLE idempotency_next RENAME TO idempotency;

  CREATE TABLE links_next (
    tenant TEXT NOT NULL,
    namespace TEXT NOT NULL,
    from_id TEXT NOT NULL,
    to_id TEXT NOT NULL,
    PRIMARY KEY (tenant, namespace, from_id)
  ) WITHOUT ROWID;
  INSERT INTO links_next (tenant, namespace, from_id, to_id) SELECT 'default', namespace, from_id, to_id FROM links;
  DROP TABLE links;
  ALTER TABLE links_next RENAME TO links;

  CREATE TABLE dead_letters_next (
    seq INTEGER PRIMARY KEY,
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    run_id TEXT,
    inbox_id TEXT,
    reason TEXT NOT NULL,
    error TEXT,
    at TEXT NOT NULL,
    UNIQUE (tenant, id),
    CHECK ((run_id IS NULL) <> (inbox_id IS NULL))
  );
  INSERT INTO dead_letters_next (seq, tenant, id, run_id, inbox_id, reason, error, at)
    SELECT seq, 'default', id, run_id, inbox_id, reason, error, at FROM dead_letters;
  DROP TABLE dead_letters;
  ALTER TABLE dead_letters_next RENAME TO dead_letters;
  CREATE INDEX dead_letters_by_time ON dead_letters (tenant, at, seq);

  CREATE TABLE parked_deliveries_next (
    seq INTEGER PRIMARY KEY,
    tenant TEXT NOT NULL,
    id TEXT NOT NULL,
    trigger TEXT NOT NULL,
    received_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    event TEXT NOT NULL,
    UNIQUE (tenant, id)
  );
  INSERT INTO parked_deliveries_next (seq, tenant, id, trigger, received_at, reason, event)
    SELECT seq, 'default', id, trigger, received_at, reason, event FROM parked_deliveries;
  DROP TABLE parked_deliveries;
  ALTER TABLE parked_deliveries_next RENAME TO parked_deliveries;
  CREATE INDEX parked_deliveries_by_trigger ON parked_deliveries (tenant, trigger, seq);
  CREATE INDEX parked_deliveries_by_time ON parked_deliveries (tenant, seq);

  CREATE TABLE tokens_next (
    tenant TEXT NOT NULL,
    connection_id TEXT NOT NULL,
    key_id TEXT NOT NULL,
    iv BLOB NOT NULL,
    tag BLOB NOT NULL,
    ciphertext BLOB NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (tenant, connection_id)
  );
  INSERT INTO tokens_next (tenant, connection_id, key_id, iv, tag, ciphertext, updated_at)
    SELECT 'default', connection_id, key_id, iv, tag, ciphertext, updated_at FROM tokens;
  DROP TABLE tokens;
  ALTER TABLE tokens_next RENAME TO tokens;

  CREATE TABLE leases_next (
    tenant TEXT NOT NULL,
    key TEXT NOT NULL,
    owner TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (tenant, key)
  );
  INSERT INTO leases_next (tenant, key, owner, expires_at) SELECT 'default', key, owner, expires_at FROM leases;
  DROP TABLE leases;
  ALTER TABLE leases_next RENAME TO leases;

  CREATE TABLE workflow_versions (
    tenant TEXT NOT NULL,
    workflow_id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    state TEXT NOT NULL CHECK (state IN ('draft', 'published', 'retired')),
    definition TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    published_at TEXT,
    PRIMARY KEY (tenant, workflow_id, version)
  );

  CREATE TABLE tenants (
    id TEXT PRIMARY KEY,
    settings TEXT NOT NULL,
    secrets_key_id TEXT,
    secrets_iv BLOB,
    secrets_tag BLOB,
    secrets BLOB,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((secrets IS NULL) = (secrets_key_id IS NULL))
  );
`;
