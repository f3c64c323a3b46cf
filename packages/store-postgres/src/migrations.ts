import type pg from 'pg';
import { FlowlineError } from '@flowline/core';
import { quoteIdent, type Sql } from './database.js';
import { INITIAL_SCHEMA } from './migration-initial.js';
import { TIMERS_MIGRATION } from './migration-timers.js';

/** One step of the schema. Never edit a shipped migration: add the next one. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** Runs with the store's schema as the search path, in one transaction with its record in `schema_migrations`. */
  readonly sql: string;
}

/**
 * The schema, in order. `schema_migrations` in the store's schema records the version each step
 * brought it to and when. It starts where the SQLite store's migration 6 ended: every record
 * under its tenant (see migration-initial.ts).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'tenants, inbox, runs, steps, snapshots, effects, links, dead letters, parked deliveries, tokens, leases, workflow versions, tenant records',
    sql: INITIAL_SCHEMA,
  },
  {
    version: 2,
    name: 'delays: a waiting run status, and timers',
    sql: TIMERS_MIGRATION,
  },
];

export const LATEST_VERSION = MIGRATIONS.length;

/** The first key of the advisory lock migrations take ('Flow'); the second is the schema name's hash. */
const MIGRATION_LOCK = 0x466c6f77;

/** The version the store's schema is at (0 for a schema not migrated yet, or none). */
export async function schemaVersion(sql: Sql, schema: string): Promise<number> {
  const exists = await sql.query<{ found: string | null }>(`SELECT to_regclass($1) AS found`, [`${quoteIdent(schema)}.schema_migrations`]);
  if (exists.rows[0]?.found == null) return 0;
  const result = await sql.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${quoteIdent(schema)}.schema_migrations`);
  return result.rows[0]?.version ?? 0;
}

/**
 * Brings the schema `schema` up to `to` (default: the latest), creating it when it does not
 * exist, one transaction per migration. The whole of it runs under a session advisory lock keyed
 * by the schema's name, so two stores (two processes) opening the same schema at once migrate it
 * once: the second waits, then finds it done. Returns the version reached.
 */
export async function migrate(pool: pg.Pool, schema: string, options: { readonly to?: number; readonly now?: () => Date } = {}): Promise<number> {
  const to = options.to ?? LATEST_VERSION;
  const now = options.now ?? (() => new Date());
  if (!Number.isInteger(to) || to < 0 || to > LATEST_VERSION) {
    throw new TypeError(`Expected \`to\` to be an integer from 0 to ${LATEST_VERSION}, got ${String(to)}`);
  }
  const q = quoteIdent(schema);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [MIGRATION_LOCK, schema]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${q}`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${q}.schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at text NOT NULL
      )`);
      const found = await schemaVersion(client, schema);
      if (found > LATEST_VERSION) throw schemaTooNew(schema, found);
      for (const migration of MIGRATIONS) {
        if (migration.version <= found) continue;
        if (migration.version > to) break;
        await client.query('BEGIN');
        try {
          await client.query(`SET LOCAL search_path TO ${q}`);
          await client.query(migration.sql);
          await client.query(`INSERT INTO ${q}.schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`, [
            migration.version,
            migration.name,
            now().toISOString(),
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }
      return await schemaVersion(client, schema);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [MIGRATION_LOCK, schema]);
    }
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // A connection whose migration failed is closed, not reused: that also frees its lock.
    client.release(broken);
  }
}

function schemaTooNew(schema: string, found: number): FlowlineError {
  return new FlowlineError(
    'store.schema_too_new',
    `The schema ${JSON.stringify(schema)} is at version ${found}, newer than this @flowline/store-postgres knows (${LATEST_VERSION}).`,
    { hint: 'Run a Flowline version at least as new as the one that last migrated this schema.' },
  );
}
