/**
 * Migration 1: the schema as the SQLite store's migration 6 left it (migration-tenants.ts in
 * @flowline/store-sqlite), every record under its tenant, with the same keys and indexes:
 *
 * - The tables every delivery writes (inbox, runs, steps) have unique keys that lead with the id,
 *   then the tenant (run ids start with the time, so new rows land at one end of the index),
 *   status indexes that are partial (only the few entries not in their common final state) and
 *   one index that leads with the tenant, for listing, exporting and deleting a tenant's records.
 * - Every other table of tenant records has a key that leads with the tenant.
 *
 * Text is compared byte by byte (`COLLATE "C"`), as SQLite and JavaScript compare it, whatever
 * the database's collation: ids, times and keys sort the same in every store. JSON is kept as
 * text, not jsonb, which refuses `\u0000` and would reorder keys. `seq` columns are identities:
 * the order rows were added in (a dead letter put again takes a new one). `workflow_version`
 * holds the version as JSON (`2`, `"v2"`, or NULL for none), so a number and a string never
 * match each other, as in the other stores. Secrets and tokens are AES-256-GCM ciphertexts
 * (bytea) with their nonce, tag and key fingerprint.
 */
export const INITIAL_SCHEMA = `
  CREATE TABLE inbox (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'done', 'dead')),
    received_at text COLLATE "C" NOT NULL,
    event text NOT NULL,
    run_ids text NOT NULL DEFAULT '[]',
    error text,
    UNIQUE (id, tenant)
  );
  CREATE INDEX inbox_by_tenant ON inbox (tenant, seq);
  CREATE INDEX inbox_by_status ON inbox (status, tenant, seq) WHERE status <> 'done';

  CREATE TABLE runs (
    tenant text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    workflow_id text COLLATE "C" NOT NULL,
    workflow_version text COLLATE "C",
    status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    queued_at text COLLATE "C" NOT NULL,
    record text NOT NULL,
    PRIMARY KEY (id, tenant)
  );
  CREATE INDEX runs_by_time ON runs (tenant, queued_at, id, workflow_id, workflow_version);
  CREATE INDEX runs_by_status ON runs (status, tenant, queued_at, id) WHERE status <> 'succeeded';
  CREATE INDEX runs_by_version ON runs (status, tenant, workflow_id, workflow_version, queued_at, id) WHERE status <> 'succeeded';

  CREATE TABLE steps (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant text COLLATE "C" NOT NULL,
    run_id text COLLATE "C" NOT NULL,
    path text COLLATE "C" NOT NULL,
    record text NOT NULL,
    UNIQUE (run_id, tenant, path)
  );
  CREATE INDEX steps_by_run ON steps (tenant, run_id, seq);

  CREATE TABLE snapshots (
    tenant text COLLATE "C" NOT NULL,
    run_id text COLLATE "C" NOT NULL,
    snapshot text NOT NULL,
    PRIMARY KEY (tenant, run_id)
  );

  CREATE TABLE idempotency (
    tenant text COLLATE "C" NOT NULL,
    key text COLLATE "C" NOT NULL,
    run_id text COLLATE "C" NOT NULL,
    record text NOT NULL,
    PRIMARY KEY (tenant, key)
  );

  CREATE TABLE links (
    tenant text COLLATE "C" NOT NULL,
    namespace text COLLATE "C" NOT NULL,
    from_id text COLLATE "C" NOT NULL,
    to_id text NOT NULL,
    PRIMARY KEY (tenant, namespace, from_id)
  );

  CREATE TABLE dead_letters (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    run_id text,
    inbox_id text,
    reason text COLLATE "C" NOT NULL,
    error text,
    at text COLLATE "C" NOT NULL,
    UNIQUE (tenant, id),
    CHECK ((run_id IS NULL) <> (inbox_id IS NULL))
  );
  CREATE INDEX dead_letters_by_time ON dead_letters (tenant, at, seq);

  CREATE TABLE parked_deliveries (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    trigger text COLLATE "C" NOT NULL,
    received_at text NOT NULL,
    reason text NOT NULL,
    event text NOT NULL,
    UNIQUE (tenant, id)
  );
  CREATE INDEX parked_deliveries_by_trigger ON parked_deliveries (tenant, trigger, seq);
  CREATE INDEX parked_deliveries_by_time ON parked_deliveries (tenant, seq);

  CREATE TABLE tokens (
    tenant text COLLATE "C" NOT NULL,
    connection_id text COLLATE "C" NOT NULL,
    key_id text NOT NULL,
    iv bytea NOT NULL,
    tag bytea NOT NULL,
    ciphertext bytea NOT NULL,
    updated_at text NOT NULL,
    PRIMARY KEY (tenant, connection_id)
  );

  CREATE TABLE leases (
    tenant text COLLATE "C" NOT NULL,
    key text COLLATE "C" NOT NULL,
    owner text NOT NULL,
    expires_at bigint NOT NULL,
    PRIMARY KEY (tenant, key)
  );

  CREATE TABLE workflow_versions (
    tenant text COLLATE "C" NOT NULL,
    workflow_id text COLLATE "C" NOT NULL,
    version integer NOT NULL CHECK (version >= 1),
    state text NOT NULL CHECK (state IN ('draft', 'published', 'retired')),
    definition text NOT NULL,
    saved_at text NOT NULL,
    published_at text,
    PRIMARY KEY (tenant, workflow_id, version)
  );

  CREATE TABLE tenants (
    id text COLLATE "C" PRIMARY KEY,
    settings text NOT NULL,
    secrets_key_id text,
    secrets_iv bytea,
    secrets_tag bytea,
    secrets bytea,
    created_at text NOT NULL,
    updated_at text NOT NULL,
    CHECK ((secrets IS NULL) = (secrets_key_id IS NULL))
  );
`;
