import type { Database } from 'better-sqlite3';
import { FlowlineError } from '@flowline/core';
import type { WalSync } from './wal-sync.js';

/**
 * How the store's operations touch the database. `write` resolves only after its change is
 * committed; `read` sees every write issued before it, committed or queued.
 */
export interface WriteQueue {
  write<T>(op: () => T): Promise<T>;
  read<T>(op: () => T): T;
  /** Commits what is queued now (used by reads and close). */
  flush(): void;
  /** Commits what is queued now and waits until every write has settled (used by close). */
  settle(): Promise<void>;
}

/** Each write commits on its own, before `write` returns. */
export function createDirectWrites(): WriteQueue {
  return {
    write: async (op) => op(),
    read: (op) => op(),
    flush: () => undefined,
    settle: async () => undefined,
  };
}

interface Pending {
  readonly op: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

interface Outcome {
  ok: boolean;
  value?: unknown;
  error?: unknown;
}

/**
 * Group commit: writes issued in the same turn of the event loop share one transaction, and so
 * one fsync, while each stays atomic on its own (a savepoint per write, so one failing write
 * rolls back only itself). Every promise settles after the shared COMMIT, so "resolved" still
 * means "durable". Under load (many deliveries arriving while the previous fsync runs) the
 * batches grow by themselves; alone, a write waits one `setImmediate` longer.
 *
 * With `walSync`, "durable" is the WAL sync's job, not the COMMIT's (see wal-sync.ts): a batch's
 * writes resolve after the sync that follows its COMMIT, and the event loop goes on meanwhile.
 */
export function createGroupCommit(db: Database, walSync?: WalSync): WriteQueue {
  let pending: Pending[] = [];
  let scheduled = false;
  const inSavepoint = db.transaction((op: () => unknown) => op());
  const commitAll = db.transaction((batch: readonly Pending[]): Outcome[] => {
    const outcomes: Outcome[] = [];
    for (const item of batch) {
      if (!db.inTransaction) {
        // SQLite rolled the whole transaction back (e.g. disk full): run nothing more outside it.
        throw outcomes.find((o) => !o.ok)?.error ?? new FlowlineError('store.write_failed', 'SQLite ended the write transaction early.');
      }
      try {
        outcomes.push({ ok: true, value: inSavepoint(item.op) });
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  });

  function flush(): void {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    let outcomes: Outcome[];
    try {
      outcomes = commitAll.immediate(batch);
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    if (walSync === undefined) {
      settleBatch(batch, outcomes);
      return;
    }
    walSync.afterCommit().then(
      () => settleBatch(batch, outcomes),
      (cause: unknown) => {
        const error = new FlowlineError('store.write_failed', `SQLite committed the write but the WAL could not be synced to disk: ${cause instanceof Error ? cause.message : String(cause)}.`, {
          hint: 'The disk may be failing or full; the write may not survive a power cut. Check the volume, then retry.',
          cause,
        });
        for (const item of batch) item.reject(error);
      },
    );
  }

  return {
    write<T>(op: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ op, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            flush();
          });
        }
      });
    },
    read<T>(op: () => T): T {
      flush();
      return op();
    },
    flush,
    async settle() {
      flush();
      await walSync?.close();
    },
  };
}

function settleBatch(batch: readonly Pending[], outcomes: readonly Outcome[]): void {
  batch.forEach((item, i) => {
    const outcome = outcomes[i];
    if (outcome?.ok) item.resolve(outcome.value);
    else item.reject(outcome?.error);
  });
}
