import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { FlowlineError } from '@flowline/core';
import { DEFAULT_SCHEMA } from './postgres-store.js';

export interface OwnerLockOptions {
  /** As the store's: `postgres://…`, or node-postgres's PG* variables. */
  readonly connectionString?: string | undefined;
  /** The store's schema: one owner per schema. Default `flowline`. */
  readonly schema?: string;
  /** What holds it, for the message another process gets, e.g. `flowline serve`. */
  readonly command: string;
  /** Called once if the lock is lost for good: the connection broke and another process took it meanwhile. */
  readonly onLost?: (error: FlowlineError) => void;
  /** How often a broken connection is opened again; default 1000 ms. */
  readonly retryMs?: number;
}

export interface OwnerLock {
  release(): Promise<void>;
}

/** The advisory-lock key of a schema's owner (Postgres hashes the text to a bigint). */
const lockName = (schema: string): string => `flowline-owner:${schema}`;

/**
 * Makes this process the one owner of a store's schema, as the data-directory lock does for
 * SQLite, until work claiming across processes exists: a session-level advisory lock on a
 * connection of its own. Another process asking is refused at once, naming the schema. If the
 * connection breaks (a database restart), the lock is taken again once the database is back;
 * if another process took it meanwhile, `onLost` is told.
 */
export async function holdOwnerLock(options: OwnerLockOptions): Promise<OwnerLock> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const retryMs = options.retryMs ?? 1000;
  let released = false;
  let client = await lockedClient(options, schema);

  const watch = (held: pg.Client): void => {
    let noticed = false;
    const broken = (): void => {
      if (noticed || released) return;
      noticed = true;
      void retake();
    };
    held.on('error', broken);
    held.on('end', broken);
  };
  const retake = async (): Promise<void> => {
    while (!released) {
      await sleep(retryMs);
      try {
        client = await lockedClient(options, schema);
        if (released) await client.end().catch(() => undefined);
        else watch(client);
        return;
      } catch (error) {
        if (error instanceof FlowlineError && error.code === 'store.owned') {
          options.onLost?.(error);
          return;
        }
        // The database is not back yet: try again.
      }
    }
  };
  watch(client);

  return {
    async release() {
      released = true;
      client.removeAllListeners('end');
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockName(schema)]).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}

async function lockedClient(options: OwnerLockOptions, schema: string): Promise<pg.Client> {
  const client = new pg.Client({ ...(options.connectionString === undefined ? {} : { connectionString: options.connectionString }), application_name: 'flowline-owner', keepAlive: true });
  client.on('error', () => undefined);
  await client.connect();
  const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [lockName(schema)]);
  if (rows[0]?.locked === true) return client;
  const holder = await client
    .query<{ pid: number; application_name: string; client_addr: string | null }>(
      `SELECT a.pid, a.application_name, a.client_addr::text FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND l.objid = (hashtext($1)::bigint & 4294967295)::oid LIMIT 1`,
      [lockName(schema)],
    )
    .then((result) => result.rows[0])
    .catch(() => undefined);
  await client.end().catch(() => undefined);
  throw new FlowlineError('store.owned', `${options.command} is refused: another Flowline process owns the PostgreSQL schema "${schema}"${holder ? ` (database backend pid ${holder.pid}${holder.client_addr ? ` from ${holder.client_addr}` : ''})` : ''}; one process at a time runs its work`, {
    hint: 'Stop that process first, or give this one a schema of its own. Several processes sharing one schema are not supported yet.',
  });
}
