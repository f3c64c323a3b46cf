import { StoreUnavailableError, type StoreUnavailableReason } from '@flowline/core';

/** SQLite result codes (extended ones by prefix) that pass: the data is fine, the write can be tried again later. */
const TRANSIENT: ReadonlyArray<readonly [prefix: string, reason: StoreUnavailableReason, what: string]> = [
  ['SQLITE_FULL', 'disk-full', 'the disk is full'],
  ['SQLITE_IOERR', 'io-error', 'the disk reported an I/O error'],
  ['SQLITE_BUSY', 'busy', 'another connection held the database lock longer than the busy timeout'],
  ['SQLITE_LOCKED', 'busy', 'another connection held a table lock'],
];

/** Node's errors from syncing the WAL that pass the same way. */
const TRANSIENT_SYSTEM: ReadonlyArray<readonly [code: string, reason: StoreUnavailableReason, what: string]> = [
  ['ENOSPC', 'disk-full', 'the disk is full'],
  ['EDQUOT', 'disk-full', 'the disk quota is used up'],
  ['EIO', 'io-error', 'the disk reported an I/O error'],
];

/**
 * The store's error for a driver error: a StoreUnavailableError (code `store.unavailable`, the
 * driver's error as its cause) when it passes (disk full, I/O error, lock held too long), else
 * the error itself. `database`: the file, to name it.
 */
export function storeErrorOf(error: unknown, database: string): unknown {
  if (!(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  const match = TRANSIENT.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`)) ?? TRANSIENT_SYSTEM.find(([system]) => code === system);
  if (match === undefined) return error;
  const [, reason, what] = match;
  return new StoreUnavailableError(reason, `The SQLite store ${JSON.stringify(database)} cannot write for now: ${what} (${code}).`, {
    hint:
      reason === 'busy'
        ? 'Another process is writing to the same file; the write is tried again. If it lasts, look for a process that holds the database open.'
        : 'Free space on the volume (or check the disk). A Flowline engine keeps the work that needs the write waiting and goes on by itself once writes succeed.',
    cause: error,
  });
}
