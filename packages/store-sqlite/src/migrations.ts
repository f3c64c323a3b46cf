import type { Database } from 'better-sqlite3';
import { FlowlineError } from '@flowline/core';
import { TENANTS_MIGRATION } from './migration-tenants.js';
import { TIMERS_MIGRATION } from './migration-timers.js';

/** One step of the schema. Never edit a shipped migration: add the next one. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The schema, in order. `PRAGMA user_version` holds the version a database is at, and
 * `schema_migrations` records when each step was applied. JSON columns hold text.
 *
 * `seq` columns are plain rowids (no AUTOINCREMENT, which costs an extra page write per
 * insert): SQLite gives a new row max(rowid) + 1, so `ORDER BY seq` is insertion order for the
 * rows that exist, which is all listing needs.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'core store: inbox, runs, steps, snapshots, idempotency, links',
    sql: `
      CREATE TABLE inbox (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'dead')),
        received_at TEXT NOT NULL,
        event TEXT NOT NULL,
        run_ids TEXT NOT NULL DEFAULT '[]',
        error TEXT
      );
      CREATE INDEX inbox_by_status ON inbox (status, seq);

      CREATE TABLE runs (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        workflow_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        queued_at TEXT NOT NULL,
        record TEXT NOT NULL
      );
      CREATE INDEX runs_by_time ON runs (queued_at, seq);
      CREATE INDEX runs_by_status ON runs (status, queued_at, seq);
      CREATE INDEX runs_by_workflow ON runs (workflow_id, status, queued_at, seq);

      CREATE TABLE steps (
        seq INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL,
        path TEXT NOT NULL,
        record TEXT NOT NULL,
        UNIQUE (run_id, path)
      );
      CREATE INDEX steps_by_run ON steps (run_id, seq);

      CREATE TABLE snapshots (
        run_id TEXT PRIMARY KEY,
        snapshot TEXT NOT NULL
      );

      CREATE TABLE idempotency (
        key TEXT PRIMARY KEY,
        run_id TEXT NOT NULL,
        record TEXT NOT NULL
      );

      CREATE TABLE links (
        namespace TEXT NOT NULL,
        from_id TEXT NOT NULL,
        to_id TEXT NOT NULL,
        PRIMARY KEY (namespace, from_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'dead letters and encrypted OAuth tokens',
    sql: `
      CREATE TABLE dead_letters (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        run_id TEXT,
        inbox_id TEXT,
        reason TEXT NOT NULL,
        error TEXT,
        at TEXT NOT NULL,
        CHECK ((run_id IS NULL) <> (inbox_id IS NULL))
      );
      CREATE INDEX dead_letters_by_time ON dead_letters (at, seq);

      CREATE TABLE tokens (
        connection_id TEXT PRIMARY KEY,
        key_id TEXT NOT NULL,
        iv BLOB NOT NULL,
        tag BLOB NOT NULL,
        ciphertext BLOB NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'leases',
    sql: `
      CREATE TABLE leases (
        key TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'index runs by workflow and time',
    sql: `
      CREATE INDEX runs_by_workflow_time ON runs (workflow_id, queued_at, seq);
    `,
  },
  {
    version: 5,
    name: 'parked deliveries (authentic, of a trigger not known yet)',
    sql: `
      CREATE TABLE parked_deliveries (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        trigger TEXT NOT NULL,
        received_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        event TEXT NOT NULL
      );
      CREATE INDEX parked_deliveries_by_trigger ON parked_deliveries (trigger, seq);
    `,
  },
  {
    version: 6,
    name: 'tenants: every record under its tenant (existing ones under default), workflow versions, tenant records',
    sql: TENANTS_MIGRATION,
  },
  {
    version: 7,
    name: 'delays: a waiting run status, and timers',
    sql: TIMERS_MIGRATION,
  },
];

export const LATEST_VERSION = MIGRATIONS.length;

/** The version a database is at (0 for a new one). */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings a database up to `to` (default: the latest), one transaction per migration, each
 * taken with `BEGIN IMMEDIATE` so two processes opening the same file do not both migrate.
 */
export function migrate(db: Database, options: { readonly to?: number; readonly now?: () => Date } = {}): number {
  const to = options.to ?? LATEST_VERSION;
  const now = options.now ?? (() => new Date());
  if (!Number.isInteger(to) || to < 0 || to > LATEST_VERSION) {
    throw new TypeError(`Expected \`to\` to be an integer from 0 to ${LATEST_VERSION}, got ${String(to)}`);
  }
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const found = schemaVersion(db);
  if (found > LATEST_VERSION) throw schemaTooNew(db, found);
  for (const migration of MIGRATIONS) {
    if (migration.version > to) break;
    const apply = db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now().toISOString());
      db.pragma(`user_version = ${migration.version}`);
    });
    apply.immediate();
  }
  return schemaVersion(db);
}

function schemaTooNew(db: Database, found: number): FlowlineError {
  return new FlowlineError(
    'store.schema_too_new',
    `The database ${db.name} is at schema version ${found}, newer than this @flowline/store-sqlite knows (${LATEST_VERSION}).`,
    { hint: 'Run a Flowline version at least as new as the one that last wrote this database.' },
  );
}
