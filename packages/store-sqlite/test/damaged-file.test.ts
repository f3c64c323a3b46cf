import { closeSync, existsSync, openSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../src/index.js';
import { makeTempDir } from './temp-dir.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const T0 = '2026-12-04T00:00:00.000Z';
const event = (id: string) => ({ trigger: 'pushpress.customer.created', payload: { data: { id, note: 'n'.repeat(300) } }, id });

/** A store file with `count` accepted deliveries and a link, closed (its WAL checkpointed into the file). */
async function storeWith(path: string, count: number): Promise<void> {
  const store = createSqliteStore({ path });
  for (let n = 0; n < count; n++) await store.addToInbox(event(`e${n}`), T0);
  await store.putLink('pushpress-customer:ghl-contact', 'usr_1', 'ct_1');
  await store.close();
}

describe('a damaged store file', () => {
  it('refuses a store with 16 KiB of garbage in the middle of its file, saying it is damaged and what to do', async () => {
    const path = temp.file('flowline.db');
    await storeWith(path, 400);
    const size = statSync(path).size;
    expect(size).toBeGreaterThan(64 * 1024);
    const fd = openSync(path, 'r+');
    writeSync(fd, randomBytes(16 * 1024), 0, 16 * 1024, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);

    expect(() => createSqliteStore({ path })).toThrow(expect.objectContaining({ code: 'store.corrupt', message: expect.stringContaining('quick_check'), hint: expect.stringContaining('backup') }));
  });

  it('opens a damaged store when told not to check it (checkIntegrity: false)', async () => {
    const path = temp.file('flowline.db');
    await storeWith(path, 400);
    const fd = openSync(path, 'r+');
    writeSync(fd, randomBytes(16 * 1024), 0, 16 * 1024, Math.floor(statSync(path).size / 2 / 4096) * 4096);
    closeSync(fd);

    const store = createSqliteStore({ path, checkIntegrity: false });
    expect(store.schemaVersion()).toBeGreaterThan(0);
    await store.close();
  });

  it('refuses a store file emptied to 0 bytes instead of starting an empty store in it', async () => {
    const path = temp.file('flowline.db');
    await storeWith(path, 3);
    truncateSync(path, 0);

    expect(() => createSqliteStore({ path })).toThrow(expect.objectContaining({ code: 'store.emptied', message: expect.stringContaining('is empty (0 bytes)'), hint: expect.stringContaining('Restore the file from a backup') }));
    expect(statSync(path).size).toBe(0);
  });

  it('refuses a store file that was deleted while its marker stands', async () => {
    const path = temp.file('flowline.db');
    await storeWith(path, 3);
    rmSync(path);

    expect(() => createSqliteStore({ path })).toThrow(expect.objectContaining({ code: 'store.emptied', message: expect.stringContaining('is gone') }));
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a store file replaced by a database without tables while its marker stands', async () => {
    const path = temp.file('flowline.db');
    await storeWith(path, 3);
    rmSync(path);
    const blank = new Database(path);
    blank.pragma('user_version = 0');
    blank.exec('VACUUM');
    blank.close();

    expect(() => createSqliteStore({ path })).toThrow(expect.objectContaining({ code: 'store.emptied', message: expect.stringContaining('holds no store') }));
  });

  it('refuses a 0-byte file beside a WAL that holds data, even without a marker (a store of an earlier version)', async () => {
    const path = temp.file('flowline.db');
    writeFileSync(path, '');
    writeFileSync(`${path}-wal`, randomBytes(8192));

    expect(() => createSqliteStore({ path })).toThrow(expect.objectContaining({ code: 'store.emptied', message: expect.stringContaining('WAL') }));
  });

  it('marks a store its first open finds unmarked (made by an earlier version), so emptying it later is refused too', async () => {
    const path = temp.file('flowline.db');
    await storeWith(path, 3);
    rmSync(`${path}-marker`);
    await createSqliteStore({ path }).close();
    expect(existsSync(`${path}-marker`)).toBe(true);

    truncateSync(path, 0);
    expect(() => createSqliteStore({ path })).toThrow(expect.objectContaining({ code: 'store.emptied' }));
  });

  it('starts a new store in a new path, and in an empty file no store lived in', async () => {
    const fresh = createSqliteStore({ path: temp.file('new.db') });
    expect(await fresh.addToInbox(event('e1'), T0)).toEqual({ added: true });
    await fresh.close();
    const touched = temp.file('touched.db');
    writeFileSync(touched, '');
    const store = createSqliteStore({ path: touched });
    expect(await store.listInbox('pending')).toEqual([]);
    await store.close();
    expect(existsSync(`${touched}-marker`)).toBe(true);
  });
});
