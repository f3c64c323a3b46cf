import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { checkTenantId, DEFAULT_TENANT, FlowlineError, type Store, type TenantStore, parseEncryptionKey, type EncryptionKeyInput } from '@flowline/core';
import { createDeadLetterOps, type DeadLetterOps } from './dead-letter-ops.js';
import { createIdempotencyOps } from './idempotency-ops.js';
import { createExportRecords } from './export-records.js';
import { createInboxOps } from './inbox-ops.js';
import { createLeaseOps, type LeaseOps } from './lease-ops.js';
import { createLinkOps } from './link-ops.js';
import { createParkedOps } from './parked-ops.js';
import { migrate, schemaVersion } from './migrations.js';
import { DEFAULT_PAGE_CACHE_KIB, DURABILITIES, openDatabase, type Durability } from './open-database.js';
import { createRunOps } from './run-ops.js';
import { lookBeforeOpening, markStore, refuseBlankStore, refuseDamagedStore, refuseEmptiedStore } from './store-file-check.js';
import { createTenantDataOps } from './tenant-data-ops.js';
import { createTenantRecordOps, type TenantRecordOps } from './tenant-record-ops.js';
import { createPendingTimers, createTimerOps } from './timer-ops.js';
import { createTokenOps, type TokenOps } from './token-ops.js';
import { createWalSync, walFileSync } from './wal-sync.js';
import { createWorkflowVersionOps } from './workflow-version-ops.js';
import { commitOpenTransaction, createDirectWrites, createGroupCommit, type WriteQueue } from './write-queue.js';

export interface SqliteStoreOptions {
  /** A file path, or `':memory:'` for a private in-memory database (gone on close). */
  readonly path: string;
  /** 32 bytes (or 64 hex digits / base64) for AES-256-GCM token encryption. Without it, token calls fail. */
  readonly encryptionKey?: EncryptionKeyInput | undefined;
  /** See `Durability`; default `'power'`. */
  readonly durability?: Durability;
  /**
   * Group commit (default `true`): writes issued in the same event-loop turn share one
   * transaction and one fsync, each still atomic on its own and each resolving only after the
   * COMMIT. With `false`, every write is its own transaction, committed before it resolves.
   */
  readonly groupCommit?: boolean;
  /**
   * SQLite's page cache, in KiB; default 2048 (SQLite's own default). Memory a host keeps
   * resident once the database outgrows it; more speeds up reads of a large database that the
   * OS cannot cache.
   */
  readonly pageCacheKiB?: number;
  /** How long a write waits for another process's lock before failing; default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /** The time in ms since the epoch, for leases and token timestamps; default `Date.now`. */
  readonly clock?: () => number;
  /**
   * Check the database with `PRAGMA quick_check` as it opens, and refuse a damaged one
   * (`store.corrupt`); default `true`. It reads the whole file: about 2 ms per MiB with the file
   * in the OS cache (0.6 s for a store of 100,000 deliveries, 360 MiB; 2.5 s for 1.1 GiB), more
   * from a cold disk (`bench/integrity-check.bench.ts`).
   */
  readonly checkIntegrity?: boolean;
}

/**
 * One tenant's records (core's `TenantStore`) plus what a durable store holds beyond them for
 * the tenant: encrypted OAuth tokens of its connections and its leases. `reencryptTokens`
 * re-encrypts every tenant's tokens (the key is the store's).
 */
export interface SqliteTenantStore extends TenantStore, DeadLetterOps, TokenOps, LeaseOps {}

/**
 * The core `Store` plus what a durable store holds beyond it: encrypted OAuth tokens, leases,
 * key rotation of tenant secrets, and the schema version. Like the core store, it is the
 * `default` tenant's view (its tokens and leases too); `forTenant` gives another tenant's.
 */
export interface SqliteStore extends Store, SqliteTenantStore, Pick<TenantRecordOps, 'reencryptTenantSecrets'> {
  /** The records, tokens and leases of `tenant` (an id `checkTenantId` accepts); one view per tenant, kept. */
  forTenant(tenant: string): SqliteTenantStore;
  readonly path: string;
  readonly durability: Durability;
  /** The schema version the database is at (the latest after opening). */
  schemaVersion(): number;
  /** Checkpoints the WAL into the database file and closes it. Calls after this fail. */
  close(): Promise<void>;
}

/**
 * Opens (creating and migrating as needed) a SQLite database as a Flowline store. Each write is
 * atomic and durable (per `durability`) when its promise resolves; statements are prepared
 * once; JSON columns are text. Safe to open from
 * several processes: SQLite serializes writers, and readers do not block in WAL mode.
 *
 * Refused as it opens: a damaged database (`store.corrupt`, see `checkIntegrity`), and a file
 * that is empty or gone where a store lived (`store.emptied`, see store-file-check.ts), which
 * would otherwise become a new empty store and forget every delivery and link.
 */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  return openSqliteStore(options);
}

/** What tests may do to the connection as it opens (not exported from the package). */
export interface OpenHooks {
  /** Runs on the connection after the checks and migrations, before the store takes writes. */
  readonly onOpen?: (db: Database) => void;
}

/** createSqliteStore, with hooks for tests. */
export function openSqliteStore(options: SqliteStoreOptions, hooks: OpenHooks = {}): SqliteStore {
  const { path, durability = 'power', groupCommit = true, busyTimeoutMs = 5000, pageCacheKiB = DEFAULT_PAGE_CACHE_KIB, clock = Date.now, checkIntegrity = true } = checkOptions(options);
  const key = options.encryptionKey === undefined ? undefined : parseEncryptionKey(options.encryptionKey);
  // fdatasync is not a full flush on macOS (F_FULLFSYNC is), so there SQLite keeps syncing each COMMIT itself.
  const hostSyncsWal = durability === 'power' && groupCommit && path !== ':memory:' && process.platform !== 'darwin';
  const before = lookBeforeOpening(path);
  refuseEmptiedStore(before);
  const db = openDatabase(path, { durability, busyTimeoutMs, pageCacheKiB, hostSyncsWal });
  // Another store of this process may hold the file's write lock for its turn: it commits before this one migrates (see write-queue.ts).
  const file = path === ':memory:' ? undefined : realpathOf(path);
  commitOpenTransaction(file);
  const now = (): Date => new Date(clock());
  try {
    refuseBlankStore(db, before);
    if (checkIntegrity) refuseDamagedStore(db, path);
    migrate(db, { now });
    hooks.onOpen?.(db);
  } catch (error) {
    db.close();
    throw error;
  }
  markStore(before, now());
  const walFile = hostSyncsWal ? walFileSync(path) : undefined;
  const queue = groupCommit ? createGroupCommit(db, walFile && createWalSync(walFile.sync), file) : createDirectWrites(file, path);
  const forTenant = createTenantViews(db, queue, key, now, clock);
  return {
    ...forTenant(DEFAULT_TENANT),
    path,
    durability,
    forTenant,
    ...createTenantDataOps(db, queue),
    ...createTenantRecordOps(db, queue, key),
    ...createPendingTimers(db, queue),
    schemaVersion: () => schemaVersion(db),
    async close() {
      if (!db.open) return;
      try {
        await queue.settle();
      } finally {
        await walFile?.close();
        db.close();
      }
    },
  };
}

/**
 * `forTenant`: every op module prepares its statements once, here, and binds them to a tenant
 * per view, so a view costs a few closures and 1,000 tenants cost no more statements than one.
 */
function createTenantViews(db: Database, queue: WriteQueue, key: Buffer | undefined, now: () => Date, clock: () => number): (tenant: string) => SqliteTenantStore {
  const inbox = createInboxOps(db, queue);
  const runs = createRunOps(db, queue);
  const idempotency = createIdempotencyOps(db, queue);
  const links = createLinkOps(db, queue);
  const deadLetters = createDeadLetterOps(db, queue);
  const parked = createParkedOps(db, queue);
  const versions = createWorkflowVersionOps(db, queue);
  const timers = createTimerOps(db, queue);
  const exportRecords = createExportRecords(db, queue);
  const tokens = createTokenOps(db, queue, key, now);
  const leases = createLeaseOps(db, queue, clock);
  const views = new Map<string, SqliteTenantStore>();
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

function checkOptions(options: SqliteStoreOptions): SqliteStoreOptions {
  if (typeof options !== 'object' || options === null) {
    throw invalid(`Expected the options of createSqliteStore to be an object, got ${options === null ? 'null' : typeof options}.`);
  }
  if (typeof options.path !== 'string' || options.path.length === 0) {
    throw invalid(`Expected \`path\` to be a file path or ':memory:', got ${JSON.stringify(options.path) ?? typeof options.path}.`);
  }
  if (options.durability !== undefined && !DURABILITIES.includes(options.durability)) {
    throw invalid(`Expected \`durability\` to be 'power' or 'process', got ${JSON.stringify(options.durability)}.`);
  }
  if (options.groupCommit !== undefined && typeof options.groupCommit !== 'boolean') {
    throw invalid(`Expected \`groupCommit\` to be true or false, got ${JSON.stringify(options.groupCommit)}.`);
  }
  if (options.busyTimeoutMs !== undefined && (!Number.isInteger(options.busyTimeoutMs) || options.busyTimeoutMs < 0)) {
    throw invalid(`Expected \`busyTimeoutMs\` to be an integer ≥ 0, got ${String(options.busyTimeoutMs)}.`);
  }
  if (options.pageCacheKiB !== undefined && (!Number.isInteger(options.pageCacheKiB) || options.pageCacheKiB < 1)) {
    throw invalid(`Expected \`pageCacheKiB\` to be an integer ≥ 1 (KiB), got ${String(options.pageCacheKiB)}.`);
  }
  if (options.checkIntegrity !== undefined && typeof options.checkIntegrity !== 'boolean') {
    throw invalid(`Expected \`checkIntegrity\` to be true or false, got ${JSON.stringify(options.checkIntegrity)}.`);
  }
  if (options.clock !== undefined && typeof options.clock !== 'function') {
    throw invalid(`Expected \`clock\` to be a function returning ms since the epoch, got ${typeof options.clock}.`);
  }
  return options;
}

function invalid(message: string): FlowlineError {
  return new FlowlineError('store.invalid_options', message);
}

/** The database file's real path, so two spellings of one file (relative, through a symlink) name it alike. */
function realpathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
