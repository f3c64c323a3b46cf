import { readdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
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

/** The shape of the GHL connector's GhlLocationToken: a location's token from the agency token, no refresh token. */
interface LocationToken {
  readonly accessToken: string;
  readonly expiresAt: number;
  readonly userType: 'Location';
  readonly locationId: string;
  readonly companyId: string;
}

/** Keys as @flowline/connectors' ghlTokenKeys makes them: `ghl-location:<tenant>:<location>`, each part URL-encoded. */
const locationKey = (tenant: string, locationId: string): string => `ghl-location:${encodeURIComponent(tenant)}:${encodeURIComponent(locationId)}`;

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

describe('GHL agency install tokens on SQLite (per tenant and location)', () => {
  const token = (tenant: string): LocationToken => ({
    accessToken: `location-token-PLAINTEXT-${tenant}`,
    expiresAt: 1_700_000_000_000,
    userType: 'Location',
    locationId: 'loc_1',
    companyId: 'cmp_1',
  });

  it('keeps each tenant’s token for one location apart, encrypted, under keys with ":" and "%"', async () => {
    const tokens = createSqliteTokenStore<LocationToken>(a);
    const tenants = ['gym-a', 'gym-b', 'gym:a', 'gym%3Aa'];
    for (const tenant of tenants) await tokens.put(locationKey(tenant, 'loc_1'), token(tenant));
    for (const tenant of tenants) expect(await createSqliteTokenStore<LocationToken>(b).get(locationKey(tenant, 'loc_1'))).toEqual(token(tenant));
    expect(await tokens.get(locationKey('gym-c', 'loc_1'))).toBeUndefined();
    const files = readdirSync(temp.dir).map((name) => readFileSync(temp.file(name)));
    expect(files.some((bytes) => bytes.includes(Buffer.from('location-token-PLAINTEXT')))).toBe(false);
  });

  it('a token copied into another tenant’s row does not decrypt there (the key is authenticated)', async () => {
    const tokens = createSqliteTokenStore<LocationToken>(a);
    await tokens.put(locationKey('gym-a', 'loc_1'), token('gym-a'));
    await tokens.put(locationKey('gym-b', 'loc_1'), token('gym-b'));
    const raw = new Database(temp.file('t.db'));
    try {
      raw
        .prepare('UPDATE tokens SET iv = src.iv, tag = src.tag, ciphertext = src.ciphertext FROM (SELECT iv, tag, ciphertext FROM tokens WHERE connection_id = ?) AS src WHERE connection_id = ?')
        .run(locationKey('gym-a', 'loc_1'), locationKey('gym-b', 'loc_1'));
    } finally {
      raw.close();
    }
    await expect(tokens.get(locationKey('gym-b', 'loc_1'))).rejects.toMatchObject({ code: 'store.token_corrupt' });
    expect(await tokens.get(locationKey('gym-a', 'loc_1'))).toEqual(token('gym-a'));
  });

  it('locks refreshes per tenant and location: two locations refresh at once, one location waits', async () => {
    const first = createSqliteTokenStore<LocationToken>(a, { pollMs: 5 });
    const second = createSqliteTokenStore<LocationToken>(b, { pollMs: 5 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const one = first.withRefreshLock(locationKey('gym-a', 'loc_1'), () => held);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await second.withRefreshLock(locationKey('gym-b', 'loc_1'), async () => 'other tenant, no wait')).toBe('other tenant, no wait');
    let sameDone = false;
    const same = second.withRefreshLock(locationKey('gym-a', 'loc_1'), async () => (sameDone = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(sameDone).toBe(false);
    release();
    await Promise.all([one, same]);
    expect(sameDone).toBe(true);
  });
});
