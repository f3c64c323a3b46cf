import { readdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, encryptionKeyFromEnv, parseEncryptionKey } from '../src/index.js';
import { makeTempDir, OTHER_KEY, TEST_KEY } from './temp-dir.js';

const ACCESS = 'ghl-access-token-PLAINTEXT-5f1c9a';
const REFRESH = 'ghl-refresh-token-PLAINTEXT-77b2e0';
const tokens = { accessToken: ACCESS, refreshToken: REFRESH, expiresAt: '2024-01-01T01:00:00.000Z', locationId: 'loc_1' };

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

function filesContain(dir: string, needle: string): boolean {
  return readdirSync(dir).some((name) => readFileSync(`${dir}/${name}`).includes(Buffer.from(needle, 'utf8')));
}

describe('encrypted OAuth tokens', () => {
  it('returns the tokens it was given', async () => {
    const store = createSqliteStore({ path: temp.file('t.db'), encryptionKey: TEST_KEY });
    await store.putTokens('ghl-main', tokens);
    expect(await store.getTokens('ghl-main')).toEqual(tokens);
    expect(await store.getTokens('other')).toBeUndefined();
    await store.close();
  });

  it('replaces the tokens of a connection', async () => {
    const store = createSqliteStore({ path: ':memory:', encryptionKey: TEST_KEY });
    await store.putTokens('ghl-main', tokens);
    await store.putTokens('ghl-main', { ...tokens, accessToken: 'new' });
    expect((await store.getTokens('ghl-main'))?.['accessToken']).toBe('new');
    await store.close();
  });

  it('deletes the tokens of a connection', async () => {
    const store = createSqliteStore({ path: ':memory:', encryptionKey: TEST_KEY });
    await store.putTokens('ghl-main', tokens);
    expect(await store.deleteTokens('ghl-main')).toEqual({ deleted: true });
    expect(await store.getTokens('ghl-main')).toBeUndefined();
    await store.close();
  });

  it('keeps the token plaintext out of the database files, before and after a checkpoint', async () => {
    const store = createSqliteStore({ path: temp.file('t.db'), encryptionKey: TEST_KEY });
    await store.putTokens('ghl-main', tokens);
    expect(readdirSync(temp.dir).some((name) => name.endsWith('-wal'))).toBe(true);
    expect(filesContain(temp.dir, ACCESS)).toBe(false);
    expect(filesContain(temp.dir, REFRESH)).toBe(false);
    await store.close();
    expect(filesContain(temp.dir, ACCESS)).toBe(false);
    expect(filesContain(temp.dir, REFRESH)).toBe(false);
    // Control: a plain text column does land in the file as is.
    const control = createSqliteStore({ path: temp.file('t.db') });
    await control.putLink('ns', 'usr_1', ACCESS);
    await control.close();
    expect(filesContain(temp.dir, ACCESS)).toBe(true);
  });

  it('fails clearly, without the tokens, when opened with another key', async () => {
    const path = temp.file('t.db');
    const first = createSqliteStore({ path, encryptionKey: TEST_KEY });
    await first.putTokens('ghl-main', tokens);
    await first.close();

    const second = createSqliteStore({ path, encryptionKey: OTHER_KEY });
    const failure = await second.getTokens('ghl-main').then(
      () => undefined,
      (error: unknown) => error,
    );
    await second.close();
    expect(failure).toMatchObject({ code: 'store.token_key_mismatch' });
    expect(String((failure as Error).message)).toMatch(/encrypted with key k_[0-9a-f]{16}/);
    const text = JSON.stringify({ message: (failure as Error).message, hint: (failure as { hint?: string }).hint });
    expect(text).not.toContain(ACCESS);
    expect(text).not.toContain(TEST_KEY);
    expect(text).not.toContain(OTHER_KEY);
  });

  it('fails when a ciphertext is moved to another connection', async () => {
    const path = temp.file('t.db');
    const store = createSqliteStore({ path, encryptionKey: TEST_KEY });
    await store.putTokens('ghl-a', tokens);
    await store.putTokens('ghl-b', { accessToken: 'b' });
    await store.close();
    const db = new Database(path);
    db.exec(`UPDATE tokens SET iv = (SELECT iv FROM tokens WHERE connection_id = 'ghl-a'), tag = (SELECT tag FROM tokens WHERE connection_id = 'ghl-a'),
      ciphertext = (SELECT ciphertext FROM tokens WHERE connection_id = 'ghl-a') WHERE connection_id = 'ghl-b'`);
    db.close();
    const reopened = createSqliteStore({ path, encryptionKey: TEST_KEY });
    await expect(reopened.getTokens('ghl-b')).rejects.toMatchObject({ code: 'store.token_corrupt' });
    await reopened.close();
  });

  it('refuses to store or read tokens without a key', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    await expect(store.putTokens('ghl-main', tokens)).rejects.toMatchObject({ code: 'store.no_encryption_key' });
    await expect(store.getTokens('ghl-main')).rejects.toMatchObject({ code: 'store.no_encryption_key' });
    await store.close();
  });

  it('rejects tokens that are not an object', async () => {
    const store = createSqliteStore({ path: ':memory:', encryptionKey: TEST_KEY });
    await expect(store.putTokens('ghl-main', 'token' as unknown as Record<string, unknown>)).rejects.toMatchObject({ code: 'store.invalid_input' });
    await store.close();
  });
});

describe('encryption keys', () => {
  it('accepts 32 bytes as bytes, hex, base64 and base64url', () => {
    const bytes = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7 + 250));
    expect(parseEncryptionKey(bytes)).toEqual(bytes);
    expect(parseEncryptionKey(bytes.toString('hex'))).toEqual(bytes);
    expect(parseEncryptionKey(bytes.toString('base64'))).toEqual(bytes);
    expect(parseEncryptionKey(bytes.toString('base64url'))).toEqual(bytes);
  });

  it('rejects a key of the wrong length without echoing it', () => {
    const short = Buffer.alloc(16, 3).toString('base64');
    expect(() => parseEncryptionKey(short)).toThrow(expect.objectContaining({ code: 'store.invalid_options' }));
    try {
      parseEncryptionKey(short);
    } catch (error) {
      expect((error as Error).message).not.toContain(short);
    }
    expect(() => parseEncryptionKey(new Uint8Array(31))).toThrow(expect.objectContaining({ code: 'store.invalid_options' }));
    expect(() => createSqliteStore({ path: ':memory:', encryptionKey: 'hunter2' })).toThrow(
      expect.objectContaining({ code: 'store.invalid_options' }),
    );
  });

  it('reads the key from FLOWLINE_SECRET_KEY, or nothing when it is unset', () => {
    expect(encryptionKeyFromEnv({ FLOWLINE_SECRET_KEY: TEST_KEY })).toEqual(Buffer.from(TEST_KEY, 'base64'));
    expect(encryptionKeyFromEnv({})).toBeUndefined();
    expect(() => encryptionKeyFromEnv({ FLOWLINE_SECRET_KEY: 'short' })).toThrow(/FLOWLINE_SECRET_KEY/);
  });
});

describe('key rotation', () => {
  it('re-encrypts tokens from the previous key under the current one', async () => {
    const path = temp.file('t.db');
    const old = createSqliteStore({ path, encryptionKey: TEST_KEY });
    await old.putTokens('ghl-a', tokens);
    await old.putTokens('ghl-b', { accessToken: 'b' });
    await old.close();

    const rotated = createSqliteStore({ path, encryptionKey: OTHER_KEY });
    expect(await rotated.reencryptTokens(TEST_KEY)).toEqual({ reencrypted: 2, otherKey: 0 });
    expect(await rotated.getTokens('ghl-a')).toEqual(tokens);
    expect(await rotated.reencryptTokens(TEST_KEY)).toEqual({ reencrypted: 0, otherKey: 0 });
    await rotated.close();
    expect(filesContain(temp.dir, ACCESS)).toBe(false);

    const stale = createSqliteStore({ path, encryptionKey: TEST_KEY });
    await expect(stale.getTokens('ghl-a')).rejects.toMatchObject({ code: 'store.token_key_mismatch' });
    await stale.close();
  });

  it('leaves tokens under a third key alone and counts them', async () => {
    const path = temp.file('t.db');
    const third = createSqliteStore({ path, encryptionKey: Buffer.alloc(32, 1) });
    await third.putTokens('ghl-x', tokens);
    await third.close();
    const store = createSqliteStore({ path, encryptionKey: OTHER_KEY });
    expect(await store.reencryptTokens(TEST_KEY)).toEqual({ reencrypted: 0, otherKey: 1 });
    await store.close();
  });

  it('changes nothing when one row does not authenticate under the previous key', async () => {
    const path = temp.file('t.db');
    const old = createSqliteStore({ path, encryptionKey: TEST_KEY, groupCommit: false });
    await old.putTokens('ghl-a', tokens);
    await old.putTokens('ghl-b', { accessToken: 'b' });
    await old.close();
    const db = new Database(path);
    db.exec(`UPDATE tokens SET tag = zeroblob(16) WHERE connection_id = 'ghl-b'`);
    db.close();
    const store = createSqliteStore({ path, encryptionKey: OTHER_KEY, groupCommit: false });
    await expect(store.reencryptTokens(TEST_KEY)).rejects.toMatchObject({ code: 'store.token_corrupt' });
    await store.close();
    const check = createSqliteStore({ path, encryptionKey: TEST_KEY });
    expect(await check.getTokens('ghl-a')).toEqual(tokens);
    await check.close();
  });
});
