import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, type SqliteStore } from '../src/index.js';

let now = 1_000_000;
let store: SqliteStore;
beforeEach(() => {
  now = 1_000_000;
  store = createSqliteStore({ path: ':memory:', clock: () => now });
});
afterEach(() => store.close());

describe('leases', () => {
  it('grants a free lease', async () => {
    expect(await store.acquireLease({ key: 'order:usr_1', owner: 'w1', ttlMs: 500 })).toEqual({
      acquired: true,
      lease: { key: 'order:usr_1', owner: 'w1', expiresAt: now + 500 },
    });
  });

  it('refuses a held lease to another owner and names the holder', async () => {
    await store.acquireLease({ key: 'order:usr_1', owner: 'w1', ttlMs: 500 });
    expect(await store.acquireLease({ key: 'order:usr_1', owner: 'w2', ttlMs: 500 })).toEqual({
      acquired: false,
      lease: { key: 'order:usr_1', owner: 'w1', expiresAt: now + 500 },
    });
  });

  it('renews a lease asked for again by its owner', async () => {
    await store.acquireLease({ key: 'run:r1', owner: 'w1', ttlMs: 500 });
    now += 400;
    expect((await store.acquireLease({ key: 'run:r1', owner: 'w1', ttlMs: 500 })).lease.expiresAt).toBe(now + 500);
  });

  it('hands an expired lease to another owner', async () => {
    await store.acquireLease({ key: 'run:r1', owner: 'w1', ttlMs: 500 });
    now += 500;
    expect((await store.acquireLease({ key: 'run:r1', owner: 'w2', ttlMs: 500 })).acquired).toBe(true);
    expect((await store.getLease('run:r1'))?.owner).toBe('w2');
  });

  it('releases a lease only for its owner', async () => {
    await store.acquireLease({ key: 'run:r1', owner: 'w1', ttlMs: 500 });
    expect(await store.releaseLease('run:r1', 'w2')).toEqual({ released: false });
    expect(await store.releaseLease('run:r1', 'w1')).toEqual({ released: true });
    expect(await store.getLease('run:r1')).toBeUndefined();
  });

  it('lists expired leases by key prefix, oldest expiry first', async () => {
    await store.acquireLease({ key: 'run:r1', owner: 'w1', ttlMs: 300 });
    await store.acquireLease({ key: 'run:r2', owner: 'w1', ttlMs: 100 });
    await store.acquireLease({ key: 'order:u1', owner: 'w1', ttlMs: 100 });
    await store.acquireLease({ key: 'run:r3', owner: 'w1', ttlMs: 10_000 });
    now += 300;
    expect((await store.listExpiredLeases({ prefix: 'run:' })).map((l) => l.key)).toEqual(['run:r2', 'run:r1']);
    expect((await store.listExpiredLeases()).map((l) => l.key).sort()).toEqual(['order:u1', 'run:r1', 'run:r2']);
  });

  it('rejects a lease without a positive ttl', async () => {
    await expect(store.acquireLease({ key: 'k', owner: 'w1', ttlMs: 0 })).rejects.toMatchObject({ code: 'store.invalid_input' });
  });
});
