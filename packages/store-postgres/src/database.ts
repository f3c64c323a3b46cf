import pg from 'pg';
import { storeErrorOf, transientReason } from './transient-errors.js';

/** What an op runs its statements on: the pool, or the client of an open transaction. */
export interface Sql {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/**
 * How the store's operations reach PostgreSQL. Writes keep the order they were issued in (one
 * writer, as SQLite's write queue), and a read sees every write issued before it: it starts once
 * they have settled. A failure that passes (the server unreachable or restarting) rejects as a
 * StoreUnavailableError (see transient-errors.ts); the next call tries again on a new connection.
 */
export interface Database {
  readonly schema: string;
  /** A table of the store's schema, quoted for SQL: `"flowline"."inbox"`. */
  table(name: string): string;
  /**
   * Runs `op`, committed when the promise resolves. `atomic`: `op` runs several statements that
   * must commit together (it always gets a transaction). Writes issued while others are in flight
   * are committed together, in order, in one transaction (group commit); a write that fails there
   * is run again alone, so it rejects alone.
   */
  write<T>(op: (sql: Sql) => Promise<T>, atomic?: boolean): Promise<T>;
  read<T>(op: (sql: Sql) => Promise<T>): Promise<T>;
  /** Runs `op` in one read-only REPEATABLE READ transaction, so its reads agree with each other. */
  snapshot<T>(op: (sql: Sql) => Promise<T>): Promise<T>;
  /** Waits until every write issued so far has settled. */
  settle(): Promise<void>;
  /** Settles the writes, then closes every connection. */
  close(): Promise<void>;
}

interface PendingWrite {
  readonly op: (sql: Sql) => Promise<unknown>;
  readonly atomic: boolean;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** At most this many writes share a transaction. */
const MAX_BATCH = 256;

export function createDatabase(pool: pg.Pool, schema: string, where: string): Database {
  const quotedSchema = quoteIdent(schema);
  const failure = (error: unknown): unknown => storeErrorOf(error, where);
  const pending: PendingWrite[] = [];
  let draining = false;
  let tail: Promise<void> = Promise.resolve();

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (pending.length > 0) await runBatch();
    } finally {
      draining = false;
    }
  }

  async function runBatch(): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      const reason = failure(error);
      for (const write of pending.splice(0, MAX_BATCH)) write.reject(reason);
      return;
    }
    // Taken once the connection is ready: the writes issued meanwhile join this batch.
    const batch = pending.splice(0, MAX_BATCH);
    let broken: Error | undefined;
    try {
      if (batch.length === 1) {
        broken = await runAlone(client, batch[0]!);
        return;
      }
      const values: unknown[] = [];
      try {
        await client.query('BEGIN');
        for (const write of batch) values.push(await write.op(client));
        await client.query('COMMIT');
      } catch (error) {
        if (transientReason(error) !== undefined) {
          broken = error instanceof Error ? error : new Error(String(error));
          const reason = failure(error);
          for (const write of batch) write.reject(reason);
          return;
        }
        await client.query('ROLLBACK');
        // Some write of the batch failed on its own account: each runs alone, so only it rejects.
        for (const write of batch) {
          broken = await runAlone(client, write);
          if (broken !== undefined) {
            const reason = failure(broken);
            for (const rest of batch.slice(batch.indexOf(write) + 1)) rest.reject(reason);
            return;
          }
        }
        return;
      }
      batch.forEach((write, index) => write.resolve(values[index]));
    } catch (error) {
      // ROLLBACK itself failed: the connection is gone.
      broken = error instanceof Error ? error : new Error(String(error));
      const reason = failure(error);
      for (const write of batch) write.reject(reason);
    } finally {
      client.release(broken);
    }
  }

  /** Runs one write in its own transaction (or alone, when it is one statement); returns the error when the connection broke. */
  async function runAlone(client: pg.PoolClient, write: PendingWrite): Promise<Error | undefined> {
    let inTransaction = false;
    try {
      if (write.atomic) {
        await client.query('BEGIN');
        inTransaction = true;
      }
      const value = await write.op(client);
      if (inTransaction) await client.query('COMMIT');
      write.resolve(value);
      return undefined;
    } catch (error) {
      write.reject(failure(error));
      if (transientReason(error) !== undefined) return error instanceof Error ? error : new Error(String(error));
      if (inTransaction) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          return rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
      }
      return undefined;
    }
  }

  return {
    schema,
    table: (name) => `${quotedSchema}.${quoteIdent(name)}`,

    write<T>(op: (sql: Sql) => Promise<T>, atomic = false): Promise<T> {
      const promise = new Promise<T>((resolve, reject) => {
        pending.push({ op, atomic, resolve: resolve as (value: unknown) => void, reject });
      });
      tail = promise.then(
        () => undefined,
        () => undefined,
      );
      if (!draining) void drain();
      return promise;
    },

    async read(op) {
      await tail;
      try {
        return await op(pool);
      } catch (error) {
        throw failure(error);
      }
    },

    async snapshot(op) {
      await tail;
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw failure(error);
      }
      let broken: Error | undefined;
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const value = await op(client);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        broken = error instanceof Error ? error : new Error(String(error));
        throw failure(error);
      } finally {
        // A failed snapshot's connection is dropped rather than rolled back: it reads only.
        client.release(broken);
      }
    },

    settle: () => tail,

    async close() {
      await tail;
      await pool.end();
    },
  };
}

/** Quotes an identifier for SQL (the schema name is checked before it gets here). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
