import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Store } from '@flowline/core';
import { FlowlineError } from '@flowline/core';
import { createDeadLetterOps, type DeadLetterOps } from './dead-letter-ops.js';
import { parseEncryptionKey, type EncryptionKeyInput } from './encryption-key.js';
import { createIdempotencyOps } from './idempotency-ops.js';
import { createInboxOps } from './inbox-ops.js';
import { createLeaseOps, type LeaseOps } from './lease-ops.js';
import { createLinkOps } from './link-ops.js';
import { migrate, schemaVersion } from './migrations.js';
import { DEFAULT_PAGE_CACHE_KIB, DURABILITIES, openDatabase, type Durability } from './open-database.js';
import { createRunOps } from './run-ops.js';
import { createTokenOps, type TokenOps } from './token-ops.js';
import { createWalSync, walFileSync } from './wal-sync.js';
import { commitOpenTransaction, createDirectWrites, createGroupCommit } from './write-queue.js';

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
}

/**
 * The core `Store` plus what a durable store holds beyond it: a dead-letter list, encrypted
 * OAuth tokens, leases, and the schema version.
 */
export interface SqliteStore extends Store, DeadLetterOps, TokenOps, LeaseOps {
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
 */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const { path, durability = 'power', groupCommit = true, busyTimeoutMs = 5000, pageCacheKiB = DEFAULT_PAGE_CACHE_KIB, clock = Date.now } = checkOptions(options);
  const key = options.encryptionKey === undefined ? undefined : parseEncryptionKey(options.encryptionKey);
  // fdatasync is not a full flush on macOS (F_FULLFSYNC is), so there SQLite keeps syncing each COMMIT itself.
  const hostSyncsWal = durability === 'power' && groupCommit && path !== ':memory:' && process.platform !== 'darwin';
  const db = openDatabase(path, { durability, busyTimeoutMs, pageCacheKiB, hostSyncsWal });
  // Another store of this process may hold the file's write lock for its turn: it commits before this one migrates (see write-queue.ts).
  const file = path === ':memory:' ? undefined : realpathOf(path);
  commitOpenTransaction(file);
  const now = (): Date => new Date(clock());
  try {
    migrate(db, { now });
  } catch (error) {
    db.close();
    throw error;
  }
  const walFile = hostSyncsWal ? walFileSync(path) : undefined;
  const queue = groupCommit ? createGroupCommit(db, walFile && createWalSync(walFile.sync), file) : createDirectWrites(file);
  return {
    path,
    durability,
    ...createInboxOps(db, queue),
    ...createRunOps(db, queue),
    ...createIdempotencyOps(db, queue),
    ...createLinkOps(db, queue),
    ...createDeadLetterOps(db, queue),
    ...createTokenOps(db, queue, key, now),
    ...createLeaseOps(db, queue, clock),
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
