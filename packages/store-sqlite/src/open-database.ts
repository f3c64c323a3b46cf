import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { FlowlineError } from '@flowline/core';

/**
 * How much a committed write survives.
 *
 * - `'power'` (the default): `synchronous = FULL` (and `fullfsync` on macOS). Each commit is
 *   fsynced to the WAL before the call resolves, so a committed write survives a process
 *   crash, an OS crash and a power cut.
 * - `'process'`: `synchronous = NORMAL` in WAL mode. A committed write has reached the
 *   operating system and survives the process being killed (even SIGKILL), but the last
 *   transactions before an OS crash or power cut may be lost (the database stays consistent).
 *   Several times more writes per second on disks with slow fsync.
 *
 * Why `'power'` is the default: a trigger receiver answers 2xx only after `addToInbox`
 * resolves, and the sender (PushPress) does not deliver an acknowledged event again. Under
 * `'process'`, a power cut in the moment after the 2xx can lose a delivery that nobody will
 * resend, so "an acknowledged delivery is never lost" holds only with `'power'`. Hosts that
 * can re-fetch events from the source, or that run on storage with a battery-backed cache,
 * may choose `'process'` for throughput.
 *
 * What `'power'` costs: one fsync per commit (about 1–4 ms on the 2-core dev VM). Group commit
 * (`groupCommit`, on by default) lets writes that arrive together share that fsync, and on Linux
 * the host syncs the WAL itself, off the event loop (`hostSyncsWal`, see wal-sync.ts), instead
 * of SQLite blocking the thread inside each COMMIT. Either way a write's promise resolves only
 * once its COMMIT is on disk.
 */
export type Durability = 'process' | 'power';

export const DURABILITIES: readonly Durability[] = ['process', 'power'];

/**
 * SQLite's page cache per connection when the host does not choose one: 2 MiB, SQLite's own
 * default. better-sqlite3 is compiled with 16 MB (`SQLITE_DEFAULT_CACHE_SIZE=-16000`), which a
 * growing database fills to the top and keeps: 16 MB of resident memory, most of it cold inbox
 * pages the host only reads once more, when their event is due (and the OS caches those anyway).
 */
export const DEFAULT_PAGE_CACHE_KIB = 2048;

export interface OpenDatabaseOptions {
  readonly durability: Durability;
  readonly busyTimeoutMs: number;
  /** SQLite's page cache for this connection, in KiB (`PRAGMA cache_size = -n`). */
  readonly pageCacheKiB: number;
  /**
   * Under `'power'`, the host fdatasyncs the WAL after commits (wal-sync.ts), so SQLite runs with
   * `synchronous = NORMAL`, which is FULL minus exactly that sync. Default false.
   */
  readonly hostSyncsWal?: boolean;
}

/** A new database file's mode: it holds customer data, so only its owner may read it. */
export const DATABASE_FILE_MODE = 0o600;

/**
 * Creates the file, if it does not exist yet, readable and writable by its owner only. SQLite
 * gives the `-wal` and `-shm` files it makes beside it the same mode. An existing file keeps its mode.
 */
function createPrivateFile(path: string): void {
  if (path === ':memory:' || path === '' || path.startsWith('file:')) return;
  try {
    closeSync(openSync(path, 'wx', DATABASE_FILE_MODE));
  } catch {
    // It exists (and keeps its mode), or cannot be made here: SQLite opens it or says why below.
  }
}

/** Opens the file (or ':memory:') with WAL, the chosen durability, a busy timeout and a bounded page cache. A new file is made 0600. */
export function openDatabase(path: string, options: OpenDatabaseOptions): Database.Database {
  const { durability, busyTimeoutMs, pageCacheKiB, hostSyncsWal = false } = options;
  const sqliteSyncsCommits = durability === 'power' && !hostSyncsWal;
  let db: Database.Database;
  try {
    createPrivateFile(path);
    db = new Database(path, { timeout: busyTimeoutMs });
  } catch (cause) {
    throw new FlowlineError('store.open_failed', `Cannot open the SQLite database ${JSON.stringify(path)}: ${cause instanceof Error ? cause.message : String(cause)}.`, {
      hint: 'Check that the folder exists and this process may write to it.',
      cause,
    });
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${sqliteSyncsCommits ? 'FULL' : 'NORMAL'}`);
    db.pragma(`fullfsync = ${sqliteSyncsCommits ? 'ON' : 'OFF'}`);
    db.pragma('foreign_keys = OFF');
    db.pragma(`cache_size = ${-pageCacheKiB}`);
  } catch (cause) {
    db.close();
    throw new FlowlineError('store.open_failed', `Cannot set up the SQLite database ${JSON.stringify(path)}: ${cause instanceof Error ? cause.message : String(cause)}.`, {
      hint: 'The file may not be a SQLite database, or it may be locked by another process for longer than the busy timeout.',
      cause,
    });
  }
  return db;
}
