import type { Database } from 'better-sqlite3';
import { FlowlineError } from '@flowline/core';
import { storeErrorOf } from './transient-errors.js';
import type { WalSync } from './wal-sync.js';

/**
 * How the store's operations touch the database. `write` resolves only after its change is
 * committed; `read` sees every write issued before it, committed or not yet. A failure that
 * passes (disk full, I/O error, lock held too long) rejects, or throws, as a
 * StoreUnavailableError (see transient-errors.ts); the queue stays usable, and the next write
 * succeeds once the disk does.
 */
export interface WriteQueue {
  /**
   * `answersSender`: someone outside waits for this write (an inbox add, before the sender's
   * 2xx). Such writes settle as soon as their transaction is durable; the others of the same
   * transaction settle a turn later, so acknowledgements go out before the runs' next steps
   * take the event loop.
   */
  write<T>(op: () => T, answersSender?: boolean): Promise<T>;
  read<T>(op: () => T): T;
  /** Commits what is queued now and waits until every write has settled (used by close). */
  settle(): Promise<void>;
}

/**
 * The turn's open transaction of each database file in this process, by its real path. A
 * connection holds SQLite's write lock from its turn's first write to the end of the turn; a
 * second connection to the same file in this thread that wants to write would wait on that lock
 * (synchronously, up to its busy timeout) while the thread that could release it is the one
 * waiting. So before writing, a connection commits what another of this process holds open.
 */
const openTransactions = new Map<string, () => void>();

/** Commits at once the transaction another connection of this process holds open on `file` (a real path), if any. */
export function commitOpenTransaction(file: string | undefined): void {
  if (file !== undefined) openTransactions.get(file)?.();
}

/** Each write commits on its own, before `write` returns. `file`: the database's real path, if it is a file; `database`: its name in errors. */
export function createDirectWrites(file?: string, database = file ?? ':memory:'): WriteQueue {
  const run = <T>(op: () => T): T => {
    try {
      return op();
    } catch (error) {
      throw storeErrorOf(error, database);
    }
  };
  return {
    write: async (op) => {
      commitOpenTransaction(file);
      return run(op);
    },
    read: run,
    settle: async () => undefined,
  };
}

interface Done {
  readonly answersSender: boolean;
  readonly value: unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** The transaction a turn of the event loop writes in: what its writes answered, settled at COMMIT. */
interface OpenTransaction {
  readonly done: Done[];
}

/**
 * Group commit: the writes of one turn of the event loop run in one transaction, and so share
 * one COMMIT and one fsync, while each stays atomic on its own (a savepoint per write, so a
 * failing write rolls back only itself and rejects at once). The transaction opens at the turn's
 * first write and commits in a `setImmediate`; every write's promise settles after that COMMIT,
 * so "resolved" still means "durable". Reads in between run inside the open transaction, so they
 * see the writes before them without committing early. Under load (many deliveries arriving while
 * the previous fsync runs) the transactions grow by themselves; alone, a write waits one
 * `setImmediate` longer.
 *
 * With `walSync`, "durable" is the WAL sync's job, not the COMMIT's (see wal-sync.ts): a
 * transaction's writes resolve after the sync that follows its COMMIT, and the event loop goes
 * on meanwhile.
 */
export function createGroupCommit(db: Database, walSync?: WalSync, file?: string): WriteQueue {
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  const savepoint = db.prepare('SAVEPOINT write');
  const release = db.prepare('RELEASE write');
  const rollbackTo = db.prepare('ROLLBACK TO write');
  let open: OpenTransaction | undefined;
  const failure = (error: unknown): unknown => storeErrorOf(error, db.name);

  /**
   * Ends `transaction` without committing: SQLite rolled it back, or its COMMIT failed. Its writes
   * are lost and reject. Runs in the turn's setImmediate too, so it never throws: a ROLLBACK that
   * fails as well (the disk is gone) leaves SQLite to roll back at the next BEGIN or on reopen.
   */
  function abandon(transaction: OpenTransaction, error: unknown): void {
    if (open === transaction) open = undefined;
    if (file !== undefined && openTransactions.get(file) === flush) openTransactions.delete(file);
    try {
      if (db.inTransaction) rollback.run();
    } catch {
      // Rolled back by SQLite itself, or it cannot be now: either way these writes are not committed.
    }
    const reason = failure(error);
    for (const write of transaction.done) write.reject(reason);
  }

  /** Rolls back the failed write alone; if SQLite already rolled back the whole transaction (e.g. disk full), every write in it is lost. */
  function undoWrite(transaction: OpenTransaction, error: unknown): void {
    if (db.inTransaction) {
      try {
        rollbackTo.run();
        release.run();
        return;
      } catch {
        // The savepoint is gone with the transaction: fall through.
      }
    }
    abandon(transaction, error);
  }

  function flush(): void {
    const transaction = open;
    if (transaction === undefined) return;
    open = undefined;
    if (file !== undefined && openTransactions.get(file) === flush) openTransactions.delete(file);
    try {
      commit.run();
    } catch (error) {
      abandon(transaction, error);
      return;
    }
    if (walSync === undefined) {
      resolveDurable(transaction.done);
      return;
    }
    walSync.afterCommit().then(
      () => resolveDurable(transaction.done),
      (cause: unknown) => {
        const transient = failure(cause);
        const error =
          transient !== cause
            ? transient
            : new FlowlineError('store.write_failed', `SQLite committed the write but the WAL could not be synced to disk: ${cause instanceof Error ? cause.message : String(cause)}.`, {
                hint: 'The disk may be failing or full; the write may not survive a power cut. Check the volume, then retry.',
                cause,
              });
        for (const write of transaction.done) write.reject(error);
      },
    );
  }

  function transactionForThisTurn(): OpenTransaction {
    if (open !== undefined) return open;
    commitOpenTransaction(file);
    begin.run();
    const transaction: OpenTransaction = { done: [] };
    open = transaction;
    if (file !== undefined) openTransactions.set(file, flush);
    setImmediate(() => {
      if (open === transaction) flush();
    });
    return transaction;
  }

  return {
    write<T>(op: () => T, answersSender = false): Promise<T> {
      let transaction: OpenTransaction;
      try {
        transaction = transactionForThisTurn();
      } catch (error) {
        return Promise.reject(failure(error));
      }
      let value: T;
      try {
        savepoint.run();
        value = op();
        release.run();
      } catch (error) {
        undoWrite(transaction, error);
        return Promise.reject(failure(error));
      }
      return new Promise<T>((resolve, reject) => {
        transaction.done.push({ answersSender, value, resolve: resolve as (value: unknown) => void, reject });
      });
    },
    read<T>(op: () => T): T {
      try {
        return op();
      } catch (error) {
        throw failure(error);
      }
    },
    async settle() {
      flush();
      await walSync?.close();
    },
  };
}

/** Resolves a durable transaction's writes: those a sender waits for now, the others a turn later. */
function resolveDurable(done: readonly Done[]): void {
  const later: Done[] = [];
  for (const write of done) {
    if (write.answersSender) write.resolve(write.value);
    else later.push(write);
  }
  if (later.length === 0) return;
  setImmediate(() => {
    for (const write of later) write.resolve(write.value);
  });
}
