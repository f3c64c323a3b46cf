import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_CACHE_KIB, openDatabase } from '../src/open-database.js';
import { createSqliteStore, type SqliteStoreOptions } from '../src/index.js';
import { makeTempDir } from './temp-dir.js';

describe('createSqliteStore options', () => {
  it.each([
    ['no options', undefined],
    ['an empty path', { path: '' }],
    ['an unknown durability', { path: ':memory:', durability: 'disk' }],
    ['a negative busy timeout', { path: ':memory:', busyTimeoutMs: -1 }],
    ['a clock that is not a function', { path: ':memory:', clock: 5 }],
    ['a page cache of 0 KiB', { path: ':memory:', pageCacheKiB: 0 }],
    ['a fractional page cache', { path: ':memory:', pageCacheKiB: 1.5 }],
    ['a checkIntegrity that is not a boolean', { path: ':memory:', checkIntegrity: 'quick' }],
  ])('rejects %s with a message that says what was expected', (_, options) => {
    expect(() => createSqliteStore(options as unknown as SqliteStoreOptions)).toThrow(
      expect.objectContaining({ code: 'store.invalid_options', message: expect.stringMatching(/^Expected/) }),
    );
  });

  it("defaults to durability 'power'", async () => {
    const store = createSqliteStore({ path: ':memory:' });
    expect(store.durability).toBe('power');
    await store.close();
  });

  it.each([
    ['power', 2],
    ['process', 1],
  ] as const)("opens a file with durability '%s' as WAL with synchronous = %i", (durability, synchronous) => {
    const temp = makeTempDir();
    const db = openDatabase(temp.file('d.db'), { durability, busyTimeoutMs: 1000, pageCacheKiB: DEFAULT_PAGE_CACHE_KIB });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(synchronous);
    db.close();
    temp.remove();
  });

  it("bounds SQLite's page cache at 2 MiB unless told otherwise (better-sqlite3's build default is 16 MB)", () => {
    const temp = makeTempDir();
    const db = openDatabase(temp.file('d.db'), { durability: 'power', busyTimeoutMs: 1000, pageCacheKiB: DEFAULT_PAGE_CACHE_KIB });
    expect(db.pragma('cache_size', { simple: true })).toBe(-2048);
    db.close();
    temp.remove();
  });

  it('sets the page cache a host asks for', () => {
    const temp = makeTempDir();
    const db = openDatabase(temp.file('d.db'), { durability: 'power', busyTimeoutMs: 1000, pageCacheKiB: 8192 });
    expect(db.pragma('cache_size', { simple: true })).toBe(-8192);
    db.close();
    temp.remove();
  });

  it('leaves the database file in WAL mode for the next process', async () => {
    const temp = makeTempDir();
    await createSqliteStore({ path: temp.file('d.db') }).close();
    const db = new Database(temp.file('d.db'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    temp.remove();
  });
});
