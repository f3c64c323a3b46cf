import { readdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TenantRecord } from '@flowline/core';
import { createSqliteStore, createSqliteTokenStore, SECRET_KEY_ENV } from '../src/index.js';
import { makeTempDir, OTHER_KEY, TEST_KEY } from './temp-dir.js';

const SECRET = 'whsec-PLAINTEXT-3b9d41';
const T0 = '2024-05-01T10:00:00.000Z';

function tenant(id: string, overrides: Partial<TenantRecord> = {}): TenantRecord {
  return { id, settings: { name: `Gym ${id}`, locationId: `loc_${id}` }, secrets: { pushpressSigningSecret: SECRET }, createdAt: T0, updatedAt: T0, ...overrides };
}

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

function filesContain(needle: string): boolean {
  return readdirSync(temp.dir).some((name) => readFileSync(`${temp.dir}/${name}`).includes(Buffer.from(needle, 'utf8')));
}

describe('tenant records on SQLite', () => {
  it('refuses secrets without an encryption key, saying how to set one, and stores nothing', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const failure = await store.putTenant(tenant('gym-a')).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ name: 'FlowlineError', code: 'store.no_encryption_key' });
    expect((failure as Error).message).toContain('gym-a');
    expect((failure as { hint?: string }).hint).toContain(SECRET_KEY_ENV);
    expect((failure as { hint?: string }).hint).toContain('encryptionKey');
    expect(await store.listTenants()).toEqual([]);
    // Settings alone need no key.
    await store.putTenant(tenant('gym-a', { secrets: undefined }));
    expect(await store.getTenant('gym-a')).toEqual(tenant('gym-a', { secrets: undefined }));
    await store.close();
  });

  it('keeps the secrets out of the database files, and the settings as plain JSON', async () => {
    const path = temp.file('t.db');
    const store = createSqliteStore({ path, encryptionKey: TEST_KEY });
    await store.putTenant(tenant('gym-a'));
    expect(filesContain(SECRET)).toBe(false);
    await store.close();
    expect(filesContain(SECRET)).toBe(false);
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT settings FROM tenants WHERE id = ?').get('gym-a')).toEqual({ settings: JSON.stringify(tenant('gym-a').settings) });
    db.close();
  });

  it('refuses to read secrets under another key or without one, naming the problem', async () => {
    const path = temp.file('t.db');
    const first = createSqliteStore({ path, encryptionKey: TEST_KEY });
    await first.putTenant(tenant('gym-a'));
    await first.putTenant(tenant('gym-b', { secrets: undefined }));
    await first.close();

    const other = createSqliteStore({ path, encryptionKey: OTHER_KEY });
    await expect(other.getTenant('gym-a')).rejects.toMatchObject({ code: 'store.secret_key_mismatch' });
    expect(await other.getTenant('gym-b')).toEqual(tenant('gym-b', { secrets: undefined }));
    await other.close();

    const keyless = createSqliteStore({ path });
    await expect(keyless.getTenant('gym-a')).rejects.toMatchObject({ code: 'store.no_encryption_key' });
    await keyless.close();
  });

  it("does not decrypt one tenant's secrets copied into another's row", async () => {
    const path = temp.file('t.db');
    const store = createSqliteStore({ path, encryptionKey: TEST_KEY });
    await store.putTenant(tenant('gym-a'));
    await store.putTenant(tenant('gym-b', { secrets: { other: true } }));
    await store.close();
    const db = new Database(path);
    db.exec(`UPDATE tenants SET (secrets_iv, secrets_tag, secrets) = (SELECT secrets_iv, secrets_tag, secrets FROM tenants WHERE id = 'gym-a') WHERE id = 'gym-b'`);
    db.close();
    const reopened = createSqliteStore({ path, encryptionKey: TEST_KEY });
    await expect(reopened.getTenant('gym-b')).rejects.toMatchObject({ code: 'store.secret_corrupt' });
    expect(await reopened.getTenant('gym-a')).toEqual(tenant('gym-a'));
    await reopened.close();
  });

  it('re-encrypts the secrets of every tenant under a new key', async () => {
    const path = temp.file('t.db');
    const old = createSqliteStore({ path, encryptionKey: TEST_KEY });
    await old.putTenant(tenant('gym-a'));
    await old.putTenant(tenant('gym-b', { secrets: { n: 2 } }));
    await old.putTenant(tenant('gym-c', { secrets: undefined }));
    await old.close();
    const rotated = createSqliteStore({ path, encryptionKey: OTHER_KEY });
    expect(await rotated.reencryptTenantSecrets(TEST_KEY)).toEqual({ reencrypted: 2, otherKey: 0 });
    expect(await rotated.listTenants()).toEqual([tenant('gym-a'), tenant('gym-b', { secrets: { n: 2 } }), tenant('gym-c', { secrets: undefined })]);
    expect(await rotated.reencryptTenantSecrets(TEST_KEY)).toEqual({ reencrypted: 0, otherKey: 0 });
    await rotated.close();
  });
});

describe("a tenant's tokens and leases on SQLite", () => {
  it('keeps the tokens of the same connection id apart per tenant, and the default tenant is the store', async () => {
    const store = createSqliteStore({ path: ':memory:', encryptionKey: TEST_KEY });
    await store.putTokens('ghl', { accessToken: 'default' });
    await store.forTenant('gym-a').putTokens('ghl', { accessToken: 'a' });
    expect(await store.getTokens('ghl')).toEqual({ accessToken: 'default' });
    expect(await store.forTenant('default').getTokens('ghl')).toEqual({ accessToken: 'default' });
    expect(await store.forTenant('gym-a').getTokens('ghl')).toEqual({ accessToken: 'a' });
    expect(await store.forTenant('gym-b').getTokens('ghl')).toBeUndefined();
    expect(await store.forTenant('gym-a').deleteTokens('ghl')).toEqual({ deleted: true });
    expect(await store.getTokens('ghl')).toEqual({ accessToken: 'default' });
    await store.close();
  });

  it('re-encrypts the tokens of every tenant under a new key, from any view', async () => {
    const path = temp.file('t.db');
    const old = createSqliteStore({ path, encryptionKey: TEST_KEY });
    await old.putTokens('ghl', { accessToken: 'default' });
    await old.forTenant('gym-a').putTokens('ghl', { accessToken: 'a' });
    await old.close();
    const rotated = createSqliteStore({ path, encryptionKey: OTHER_KEY });
    expect(await rotated.reencryptTokens(TEST_KEY)).toEqual({ reencrypted: 2, otherKey: 0 });
    expect(await rotated.forTenant('gym-a').getTokens('ghl')).toEqual({ accessToken: 'a' });
    expect(await rotated.getTokens('ghl')).toEqual({ accessToken: 'default' });
    await rotated.close();
  });

  it('leases the same key in two tenants to two owners', async () => {
    const store = createSqliteStore({ path: ':memory:', clock: () => 1_000 });
    expect((await store.forTenant('gym-a').acquireLease({ key: 'order:usr_1', owner: 'w1', ttlMs: 500 })).acquired).toBe(true);
    expect((await store.forTenant('gym-b').acquireLease({ key: 'order:usr_1', owner: 'w2', ttlMs: 500 })).acquired).toBe(true);
    expect((await store.acquireLease({ key: 'order:usr_1', owner: 'w3', ttlMs: 500 })).acquired).toBe(true);
    expect((await store.forTenant('gym-a').acquireLease({ key: 'order:usr_1', owner: 'w2', ttlMs: 500 })).acquired).toBe(false);
    expect(await store.forTenant('gym-b').releaseLease('order:usr_1', 'w1')).toEqual({ released: false });
    expect((await store.forTenant('gym-a').getLease('order:usr_1'))?.owner).toBe('w1');
    await store.close();
  });

  it("gives a connector a token store of one tenant's connections", async () => {
    const store = createSqliteStore({ path: ':memory:', encryptionKey: TEST_KEY });
    const gymA = createSqliteTokenStore<{ accessToken: string }>(store.forTenant('gym-a'));
    await gymA.put('ghl', { accessToken: 'a' });
    expect(await gymA.withRefreshLock('ghl', async () => gymA.get('ghl'))).toEqual({ accessToken: 'a' });
    expect(await createSqliteTokenStore<{ accessToken: string }>(store).get('ghl')).toBeUndefined();
    await store.close();
  });

  it("deletes a tenant's tokens and leases with its records, lists a tenant that has only tokens", async () => {
    const store = createSqliteStore({ path: ':memory:', encryptionKey: TEST_KEY });
    await store.forTenant('gym-a').putTokens('ghl', { accessToken: 'a' });
    await store.forTenant('gym-a').acquireLease({ key: 'order:usr_1', owner: 'w1', ttlMs: 60_000 });
    await store.forTenant('gym-b').putTokens('ghl', { accessToken: 'b' });
    expect(await store.listTenantIds()).toEqual(['gym-a', 'gym-b']);
    await store.deleteTenant('gym-a');
    expect(await store.forTenant('gym-a').getTokens('ghl')).toBeUndefined();
    expect(await store.forTenant('gym-a').getLease('order:usr_1')).toBeUndefined();
    expect(await store.forTenant('gym-b').getTokens('ghl')).toEqual({ accessToken: 'b' });
    expect(await store.listTenantIds()).toEqual(['gym-b']);
    await store.close();
  });
});
