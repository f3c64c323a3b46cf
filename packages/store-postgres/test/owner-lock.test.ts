import { afterEach, describe, expect, it } from 'vitest';
import type { FlowlineError } from '@flowline/core';
import { holdOwnerLock, type OwnerLock } from '../src/index.js';
import { adminQuery, PG_URL, uniqueSchema } from './pg-schema.js';

const held: OwnerLock[] = [];
afterEach(async () => {
  for (const lock of held.splice(0)) await lock.release();
});

async function hold(schema: string, onLost?: (error: FlowlineError) => void): Promise<OwnerLock> {
  const lock = await holdOwnerLock({ connectionString: PG_URL, schema, command: 'flowline serve', retryMs: 50, ...(onLost ? { onLost } : {}) });
  held.push(lock);
  return lock;
}

/** Ends the database session holding a schema's owner lock, as a database restart would. */
async function cutHolder(schema: string): Promise<void> {
  await adminQuery(
    `SELECT pg_terminate_backend(l.pid) FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objid = (hashtext('flowline-owner:${schema}')::bigint & 4294967295)::oid`,
  );
}

/** The database session holding a schema's owner lock, if any. */
async function holderPid(schema: string): Promise<number | undefined> {
  const rows = await adminQuery<{ pid: number }>(
    `SELECT l.pid FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objid = (hashtext('flowline-owner:${schema}')::bigint & 4294967295)::oid`,
  );
  return rows[0]?.pid;
}

const until = async (check: () => Promise<boolean> | boolean): Promise<void> => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 25));
};

describe('the owner lock of a PostgreSQL schema (one process runs its work)', () => {
  it('refuses a second owner of the same schema, naming it, and lets another schema be owned', async () => {
    const schema = uniqueSchema('owner');
    await hold(schema);
    await expect(hold(schema)).rejects.toMatchObject({ code: 'store.owned', message: expect.stringContaining(`owns the PostgreSQL schema "${schema}"`) });
    await expect(hold(uniqueSchema('owner'))).resolves.toBeDefined();
  });

  it('lets the schema be owned again once released', async () => {
    const schema = uniqueSchema('owner');
    const first = await hold(schema);
    await first.release();
    held.splice(held.indexOf(first), 1);
    await expect(hold(schema)).resolves.toBeDefined();
  });

  it('takes the lock again after its connection is cut, so a second process is still refused', async () => {
    const schema = uniqueSchema('owner');
    const lost: FlowlineError[] = [];
    await hold(schema, (error) => lost.push(error));
    const before = await holderPid(schema);
    await cutHolder(schema);
    await until(async () => {
      const now = await holderPid(schema);
      return now !== undefined && now !== before;
    });
    await expect(hold(schema)).rejects.toMatchObject({ code: 'store.owned' });
    expect(lost).toEqual([]);
  });

  it('tells the owner when another process took the lock while its connection was cut', async () => {
    const schema = uniqueSchema('owner');
    const lost: FlowlineError[] = [];
    // The first owner retries slowly, so the second takes the lock first.
    const first = await holdOwnerLock({ connectionString: PG_URL, schema, command: 'flowline serve', retryMs: 500, onLost: (error) => lost.push(error) });
    held.push(first);
    await cutHolder(schema);
    await until(async () => hold(schema).then(() => true, () => false));
    await until(() => lost.length > 0);
    expect(lost).toEqual([expect.objectContaining({ code: 'store.owned' })]);
  });
});
