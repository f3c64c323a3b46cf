import { open, type FileHandle } from 'node:fs/promises';

/**
 * Makes committed transactions durable without blocking the event loop: an fdatasync of the WAL
 * file on libuv's thread pool, shared by every commit that waits together.
 *
 * This is what SQLite's `synchronous = FULL` adds to `NORMAL` in WAL mode ("an additional sync
 * of the WAL file after each transaction commit"), done by the host instead: the connection runs
 * with `NORMAL` (which still syncs the WAL before each checkpoint and its header when the WAL is
 * reused), and a commit counts as durable once a WAL sync that started after it has finished.
 * While one sync runs, the commits made meanwhile wait for the next one, so at most one sync is
 * in flight and one is queued however many commits there are.
 */
export interface WalSync {
  /** Resolves once everything committed before this call is on disk; rejects if the sync fails. */
  afterCommit(): Promise<void>;
  /** Waits until the syncs in flight and the one queued have ended. */
  close(): Promise<void>;
}

/** `syncFile` flushes the WAL to disk (`walFileSync(path).sync` for a database file). */
export function createWalSync(syncFile: () => Promise<void>): WalSync {
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;

  function start(): Promise<void> {
    const sync = syncFile().finally(() => {
      running = undefined;
    });
    running = sync;
    return sync;
  }

  return {
    afterCommit() {
      if (running === undefined) return start();
      // The sync in flight may have started before this commit reached the file: wait for the next one.
      queued ??= running.then(
        () => undefined,
        () => undefined,
      ).then(() => {
        queued = undefined;
        return start();
      });
      return queued;
    },
    async close() {
      await Promise.allSettled([running, queued]);
    },
  };
}

/** fdatasyncs a database's WAL file (`<path>-wal`), opened at the first sync and kept open (read-write: Windows flushes only handles that may write; nothing is written through it). */
export function walFileSync(databasePath: string): { readonly sync: () => Promise<void>; readonly close: () => Promise<void> } {
  let handle: Promise<FileHandle> | undefined;
  return {
    async sync() {
      if (handle === undefined) {
        const opening = open(`${databasePath}-wal`, 'r+');
        handle = opening;
        // A failed open is tried again at the next sync.
        opening.catch(() => {
          if (handle === opening) handle = undefined;
        });
      }
      await (await handle).datasync();
    },
    async close() {
      const opened = handle;
      handle = undefined;
      if (opened !== undefined) await (await opened.catch(() => undefined))?.close();
    },
  };
}
