import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { FlowlineError } from '@flowline/core';

/** The marker's mode: like the database's, its owner's alone. */
const MARKER_MODE = 0o600;

/**
 * Beside every store's database file lies `<file>-marker` (like SQLite's `-wal` and `-shm`): it
 * says a store lived in that file. A database that opens empty where the marker stands was
 * truncated, replaced or deleted, not created: opening it as a new store would silently lose
 * every delivery id (duplicate detection) and every link.
 */
export const markerPathOf = (path: string): string => `${path}-marker`;

/** What lay at the store's path before it was opened. */
export interface StoreFileBefore {
  readonly path: string;
  /** `missing`, `empty` (0 bytes) or the file's size in bytes. */
  readonly file: 'missing' | 'empty' | number;
  /** Since when the marker says a store has lived in the file, if the marker is there. */
  readonly markedAt: string | undefined;
  /** Bytes in the `-wal` file, 0 if there is none. */
  readonly walBytes: number;
}

const sizeOf = (path: string): number | undefined => {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
};

/** Looks at the file, its WAL and its marker before SQLite opens (and, if missing, creates) it. */
export function lookBeforeOpening(path: string): StoreFileBefore | undefined {
  if (path === ':memory:' || path === '' || path.startsWith('file:')) return undefined;
  const size = sizeOf(path);
  const marker = markerPathOf(path);
  let markedAt: string | undefined;
  if (existsSync(marker)) {
    try {
      markedAt = String((JSON.parse(readFileSync(marker, 'utf8')) as { since?: unknown }).since ?? 'an unknown time');
    } catch {
      markedAt = 'an unknown time';
    }
  }
  return { path, file: size === undefined ? 'missing' : size === 0 ? 'empty' : size, markedAt, walBytes: sizeOf(`${path}-wal`) ?? 0 };
}

/** Whether the opened database holds nothing yet: no schema, version 0. */
function isBlank(db: Database): boolean {
  return (db.pragma('user_version', { simple: true }) as number) === 0 && (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n === 0;
}

/**
 * Refuses, before SQLite opens (or creates) it, a file that is empty or gone where a store lived:
 * its marker stands, or a WAL file beside it holds data (SQLite writes a new database's header to
 * the file itself before it writes any WAL, so that WAL belonged to a store). Nothing is touched.
 * Throws `store.emptied`.
 */
export function refuseEmptiedStore(before: StoreFileBefore | undefined): void {
  if (before === undefined || typeof before.file === 'number') return;
  if (before.markedAt === undefined && before.walBytes === 0) return;
  throw emptied(before, before.file === 'missing' ? 'is gone' : 'is empty (0 bytes)');
}

/** Refuses a database that opened without any table where its marker says a store lived (the file was replaced). */
export function refuseBlankStore(db: Database, before: StoreFileBefore | undefined): void {
  if (before?.markedAt === undefined || !isBlank(db)) return;
  throw emptied(before, `holds no store (${String(before.file)} bytes, no tables)`);
}

function emptied(before: StoreFileBefore, what: string): FlowlineError {
  const evidence =
    before.markedAt !== undefined
      ? `a store has lived there since ${before.markedAt} (${markerPathOf(before.path)} says so)`
      : `its WAL file holds ${before.walBytes} bytes that belong to no database`;
  return new FlowlineError(
    'store.emptied',
    `The SQLite store ${JSON.stringify(before.path)} ${what}, but ${evidence}. Opening it as a new, empty store would forget every delivery already accepted (duplicates would run again) and every link between PushPress and GoHighLevel ids.`,
    {
      hint: `Restore the file from a backup (with its -wal file, if the backup has one). To start over with an empty store on purpose, delete ${JSON.stringify(before.path)}, its -wal, -shm and -marker files, then start again.`,
    },
  );
}

/**
 * Checks the database's structure with `PRAGMA quick_check` (every page is read: about 2 ms per
 * MiB with the file in the OS cache) and throws `store.corrupt` naming the first problems it
 * reports. A blank database is not checked.
 */
export function refuseDamagedStore(db: Database, path: string): void {
  if (isBlank(db)) return;
  let problems: string[];
  try {
    problems = (db.pragma('quick_check(10)') as Array<{ quick_check: string }>).map((row) => row.quick_check);
  } catch (cause) {
    problems = [cause instanceof Error ? cause.message : String(cause)];
  }
  if (problems.length === 1 && problems[0] === 'ok') return;
  throw new FlowlineError(
    'store.corrupt',
    `The SQLite store ${JSON.stringify(path)} is damaged: PRAGMA quick_check reports ${problems.map((problem) => JSON.stringify(problem)).join('; ')}. Accepting deliveries into it could lose them.`,
    {
      hint: 'Stop every process using it and restore the file from a backup. To save what can be read: `sqlite3 <file> .recover | sqlite3 <new file>`, then point Flowline at the new file. To open it anyway, set checkIntegrity: false.',
    },
  );
}

/** Marks the file as a store's (see markerPathOf), unless it is marked already. Best effort: a store works without its marker. */
export function markStore(before: StoreFileBefore | undefined, now: Date): void {
  if (before === undefined || before.markedAt !== undefined) return;
  try {
    writeFileSync(
      markerPathOf(before.path),
      `${JSON.stringify({ store: 'flowline', since: now.toISOString(), note: 'Flowline keeps this file beside its SQLite store, to tell a store that was emptied or deleted from a new one. Remove it only with the database.' }, null, 2)}\n`,
      { mode: MARKER_MODE, flag: 'wx' },
    );
  } catch {
    // Made by another process meanwhile, or the folder refuses it: the store opens all the same.
  }
}
