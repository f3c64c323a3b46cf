import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, createSqliteTokenStore, type SqliteStore } from '../src/index.js';
import { makeTempDir, TEST_KEY } from './temp-dir.js';

/** The shape of the GHL connector's GhlTokenSet (an interface, so no index signature). */
interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAt: number;
  readonly locationId?: string;
}

let temp: ReturnType<typeof makeTempDir>;
let a: SqliteStore;
let b: SqliteStore;
beforeEach(() => {
  temp = makeTempDir();
  a = createSqliteStore({ path: temp.file('t.db'), encryptionKey: TEST_KEY, durability: 'process' });
  b = createSqliteStore({ path: temp.file('t.db'), encryptionKey: TEST_KEY, durability: 'process' });
});
afterEach(async () => {
  await a.close();
  await b.close();
  temp.remove();
});

describe('connector token store on SQLite', () => {
  it('puts and gets a connection’s tokens, encrypted', async () => {
    const tokens = createSqliteTokenStore<TokenSet>(a);
    const set: TokenSet = { accessToken: 'at', refreshToken: 'rt', expiresAt: 1_700_000_000_000, locationId: 'loc_1' };
    await tokens.put('ghl-main', set);
    expect(await tokens.get('ghl-main')).toEqual(set);
    expect(await createSqliteTokenStore<TokenSet>(b).get('ghl-main')).toEqual(set);
  });

  it('lets one process at a time refresh a connection', async () => {
    const first = createSqliteTokenStore<TokenSet>(a, { pollMs: 5 });
    const second = createSqliteTokenStore<TokenSet>(b, { pollMs: 5 });
    const log: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const one = first.withRefreshLock('ghl-main', async () => {
      log.push('first start');
      await firstHolds;
      log.push('first end');
      return 1;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const two = second.withRefreshLock('ghl-main', async () => {
      log.push('second start');
      return 2;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(log).toEqual(['first start']);
    releaseFirst();
    expect(await Promise.all([one, two])).toEqual([1, 2]);
    expect(log).toEqual(['first start', 'first end', 'second start']);
  });

  it('releases the lock when the refresh fails', async () => {
    const tokens = createSqliteTokenStore<TokenSet>(a);
    await expect(tokens.withRefreshLock('ghl-main', async () => Promise.reject(new Error('GHL said no')))).rejects.toThrow('GHL said no');
    expect(await a.getLease('refresh:ghl-main')).toBeUndefined();
  });

  it('gives up waiting for a lock held by another process, saying so', async () => {
    await b.acquireLease({ key: 'refresh:ghl-main', owner: 'crashed-worker', ttlMs: 60_000 });
    const tokens = createSqliteTokenStore<TokenSet>(a, { pollMs: 5, waitMs: 30 });
    await expect(tokens.withRefreshLock('ghl-main', async () => 1)).rejects.toMatchObject({ code: 'store.lock_timeout' });
  });

  it('takes over a lock whose holder stopped renewing it', async () => {
    await b.acquireLease({ key: 'refresh:ghl-main', owner: 'crashed-worker', ttlMs: 20 });
    const tokens = createSqliteTokenStore<TokenSet>(a, { pollMs: 5, waitMs: 5_000 });
    expect(await tokens.withRefreshLock('ghl-main', async () => 'refreshed')).toBe('refreshed');
  });

  it('rejects options that are not positive integers', () => {
    expect(() => createSqliteTokenStore(a, { pollMs: 0 })).toThrow(expect.objectContaining({ code: 'store.invalid_options' }));
  });
});
