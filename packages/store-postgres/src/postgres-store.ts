import pg from 'pg';
import { checkTenantId, DEFAULT_TENANT, FlowlineError, type Store, type TenantStore, parseEncryptionKey, type EncryptionKeyInput } from '@flowline/core';
import { createDatabase, type Database } from './database.js';
import { createDeadLetterOps, type DeadLetterOps } from './dead-letter-ops.js';
import { createExportRecords } from './export-records.js';
import { createIdempotencyOps } from './idempotency-ops.js';
import { createInboxOps } from './inbox-ops.js';
import { createLeaseOps, type LeaseOps } from './lease-ops.js';
import { createLinkOps } from './link-ops.js';
import { migrate, schemaVersion } from './migrations.js';
import { createParkedOps } from './parked-ops.js';
import { createRunOps } from './run-ops.js';
import { createTenantDataOps } from './tenant-data-ops.js';
import { createTenantRecordOps, type TenantRecordOps } from './tenant-record-ops.js';
import { createPendingTimers, createTimerOps } from './timer-ops.js';
import { createTokenOps, type TokenOps } from './token-ops.js';
import { storeErrorOf } from './transient-errors.js';
import { createWorkflowVersionOps } from './workflow-version-ops.js';

export interface PostgresStoreOptions {
  /**
   * Where the server is: `postgres://user:password@host:5432/database`. Without it, node-postgres's
   * defaults apply (the `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD` and `PGDATABASE` variables).
   */
  readonly connectionString?: string | undefined;
  /**
   * The schema the store keeps its tables in, created when missing; default `flowline`. Several
   * stores share a database in schemas of their own (a test makes one and drops it). Lower-case
   * letters, digits and `_`, starting with a letter or `_`, at most 63 characters.
   */
  readonly schema?: string;
  /** 32 bytes (or 64 hex digits / base64) for AES-256-GCM encryption of tokens and tenant secrets, as the SQLite store's. Without it, token calls fail. */
  readonly encryptionKey?: EncryptionKeyInput | undefined;
  /** The most connections the store opens at once; default 10. */
  readonly maxConnections?: number;
  /** How long opening a connection may take before the call fails as `store.unavailable`; default 5000 ms. */
  readonly connectTimeoutMs?: number;
  /** The time in ms since the epoch, for leases and token timestamps; default `Date.now`. */
  readonly clock?: () => number;
}

/** One tenant's records (core's `TenantStore`) plus its encrypted OAuth tokens and its leases, as in the SQLite store. */
export interface PostgresTenantStore extends TenantStore, DeadLetterOps, TokenOps, LeaseOps {}

/**
 * The core `Store` on PostgreSQL, plus what a durable store holds beyond it (as `SqliteStore`):
 * encrypted OAuth tokens, leases, key rotation of tenant secrets, and the schema version. It is
 * the `default` tenant's view; `forTenant` gives another tenant's.
 */
export interface PostgresStore extends Store, PostgresTenantStore, Pick<TenantRecordOps, 'reencryptTenantSecrets'> {
  /** The records, tokens and leases of `tenant` (an id `checkTenantId` accepts); one view per tenant, kept. */
  forTenant(tenant: string): PostgresTenantStore;
  /** The schema the tables are in. */
  readonly schema: string;
  /** The version the schema is at (the latest after opening). */
  schemaVersion(): Promise<number>;
  /** Waits for the writes issued so far, then closes every connection. Calls after this fail. */
  close(): Promise<void>;
}

export const DEFAULT_SCHEMA = 'flowline';

/**
 * Opens a PostgreSQL database as a Flowline store: creates the schema when it is missing and
 * migrates it (under an advisory lock, so stores opening it at once migrate it once), then
 * resolves. Each write is committed when its promise resolves; writes keep the order they were
 * issued in, and those issued while others are in flight share a transaction (group commit).
 *
 * When the server cannot be reached (refused, down, restarting), opening and every call reject
 * with core's StoreUnavailableError (`store.unavailable`), so an engine waits and tries again
 * instead of failing runs; the pool connects again once the server answers.
 *
 * One process per schema for now: work claiming across processes is not here yet.
 */
export async function createPostgresStore(options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const { connectionString, schema = DEFAULT_SCHEMA, maxConnections = 10, connectTimeoutMs = 5000, clock = Date.now } = checkOptions(options);
  const key = options.encryptionKey === undefined ? undefined : parseEncryptionKey(options.encryptionKey);
  const pool = new pg.Pool({
    ...(connectionString === undefined ? {} : { connectionString }),
    max: maxConnections,
    connectionTimeoutMillis: connectTimeoutMs,
    keepAlive: true,
    application_name: 'flowline',
  });
  // A connection the server closes (a restart, a network cut) emits 'error': when idle, the pool drops
  // it; when in use, its query rejects (as store.unavailable) and it is dropped when released. Either
  // way nothing may throw out of the event loop, so every connection gets a listener.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const where = describeTarget(schema, connectionString);
  const now = (): Date => new Date(clock());
  try {
    await migrate(pool, schema, { now });
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw storeErrorOf(error, where);
  }
  const db = createDatabase(pool, schema, where);
  const forTenant = createTenantViews(db, key, now, clock);
  return {
    ...forTenant(DEFAULT_TENANT),
    schema,
    forTenant,
    ...createTenantDataOps(db),
    ...createTenantRecordOps(db, key),
    ...createPendingTimers(db),
    schemaVersion: () => db.read((sql) => schemaVersion(sql, schema)),
    close: () => db.close(),
  };
}

/** `forTenant`: the SQL of every op module is built once, here, and bound to a tenant per view. */
function createTenantViews(db: Database, key: Buffer | undefined, now: () => Date, clock: () => number): (tenant: string) => PostgresTenantStore {
  const inbox = createInboxOps(db);
  const runs = createRunOps(db);
  const idempotency = createIdempotencyOps(db);
  const links = createLinkOps(db);
  const deadLetters = createDeadLetterOps(db);
  const parked = createParkedOps(db);
  const versions = createWorkflowVersionOps(db);
  const timers = createTimerOps(db);
  const exportRecords = createExportRecords(db);
  const tokens = createTokenOps(db, key, now);
  const leases = createLeaseOps(db, clock);
  const views = new Map<string, PostgresTenantStore>();
  return (tenant) => {
    let view = views.get(tenant);
    if (view === undefined) {
      checkTenantId(tenant, '/tenant');
      view = {
        tenant,
        ...inbox(tenant),
        ...runs(tenant),
        ...idempotency(tenant),
        ...links(tenant),
        ...deadLetters(tenant),
        ...parked(tenant),
        ...versions(tenant),
        ...timers(tenant),
        exportRecords: exportRecords(tenant),
        ...tokens(tenant),
        ...leases(tenant),
      };
      views.set(tenant, view);
    }
    return view;
  };
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function checkOptions(options: PostgresStoreOptions): PostgresStoreOptions {
  if (typeof options !== 'object' || options === null) {
    throw invalid(`Expected the options of createPostgresStore to be an object, got ${options === null ? 'null' : typeof options}.`);
  }
  if (options.connectionString !== undefined && (typeof options.connectionString !== 'string' || options.connectionString.length === 0)) {
    throw invalid('Expected `connectionString` to be a postgres:// URL.');
  }
  if (options.schema !== undefined && (typeof options.schema !== 'string' || !SCHEMA_NAME.test(options.schema))) {
    throw invalid(
      `Expected \`schema\` to be lower-case letters, digits and "_", starting with a letter or "_", at most 63 characters, got ${JSON.stringify(options.schema) ?? typeof options.schema}.`,
    );
  }
  for (const name of ['maxConnections', 'connectTimeoutMs'] as const) {
    const value = options[name];
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw invalid(`Expected \`${name}\` to be an integer ≥ 1, got ${String(value)}.`);
  }
  if (options.clock !== undefined && typeof options.clock !== 'function') {
    throw invalid(`Expected \`clock\` to be a function returning ms since the epoch, got ${typeof options.clock}.`);
  }
  return options;
}

/** The server, database and schema, for messages: never the password. */
function describeTarget(schema: string, connectionString: string | undefined): string {
  let server = `${process.env['PGHOST'] ?? 'localhost'}:${process.env['PGPORT'] ?? '5432'}/${process.env['PGDATABASE'] ?? process.env['PGUSER'] ?? ''}`;
  if (connectionString !== undefined) {
    try {
      const url = new URL(connectionString);
      server = `${url.hostname}${url.port === '' ? '' : `:${url.port}`}${url.pathname}`;
    } catch {
      server = 'the configured server';
    }
  }
  return `(schema ${JSON.stringify(schema)} at ${server})`;
}

function invalid(message: string): FlowlineError {
  return new FlowlineError('store.invalid_options', message);
}
