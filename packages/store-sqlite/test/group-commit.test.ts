import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../src/index.js';
import { createGroupCommit } from '../src/write-queue.js';
import { makeTempDir } from './temp-dir.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const event = (id: string) => ({ trigger: 'pushpress.customer.created', payload: { data: { id } }, id });
const T0 = '2024-01-01T00:00:00.000Z';

describe('group commit', () => {
  it('commits every write issued together, and they survive a reopen', async () => {
    const path = temp.file('g.db');
    const store = createSqliteStore({ path });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.addToInbox(event(`e${i}`), T0)));
    expect(results.every((r) => r.added)).toBe(true);
    await store.close();
    const reopened = createSqliteStore({ path });
    expect(await reopened.listInbox('pending')).toHaveLength(50);
    await reopened.close();
  });

  it('rejects only the failing write of a batch', async () => {
    const store = createSqliteStore({ path: temp.file('g.db') });
    const [first, bad, second] = await Promise.allSettled([
      store.addToInbox(event('e1'), T0),
      store.setInboxStatus('missing', 'done'),
      store.addToInbox(event('e2'), T0),
    ]);
    expect(first).toEqual({ status: 'fulfilled', value: { added: true } });
    expect(bad).toMatchObject({ status: 'rejected', reason: { code: 'store.not_found' } });
    expect(second).toEqual({ status: 'fulfilled', value: { added: true } });
    expect((await store.listInbox('pending')).map((e) => e.id)).toEqual(['e1', 'e2']);
    await store.close();
  });

  it('drops a duplicate issued in the same batch', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const results = await Promise.all([store.addToInbox(event('e1'), T0), store.addToInbox(event('e1'), T0)]);
    expect(results).toEqual([{ added: true }, { added: false }]);
    await store.close();
  });

  it('lets a read see a write issued before it and not yet awaited', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const write = store.putLink('ns', 'usr_1', 'ct_1');
    expect(await store.getLink('ns', 'usr_1')).toBe('ct_1');
    await write;
    await store.close();
  });

  it('commits queued writes on close', async () => {
    const path = temp.file('g.db');
    const store = createSqliteStore({ path });
    const write = store.addToInbox(event('e1'), T0);
    await store.close();
    expect(await write).toEqual({ added: true });
    const reopened = createSqliteStore({ path });
    expect((await reopened.getInboxEntry('e1'))?.status).toBe('pending');
    await reopened.close();
  });

  it('writes what is issued together as one transaction, and separately without group commit', async () => {
    const walSize = async (groupCommit: boolean): Promise<number> => {
      const path = temp.file(`wal-${String(groupCommit)}.db`);
      const store = createSqliteStore({ path, groupCommit, durability: 'process' });
      const before = statSync(`${path}-wal`).size;
      await Promise.all(Array.from({ length: 100 }, (_, i) => store.addToInbox(event(`e${i}`), T0)));
      const growth = statSync(`${path}-wal`).size - before;
      await store.close();
      return growth;
    };
    const grouped = await walSize(true);
    const separate = await walSize(false);
    expect(grouped * 10).toBeLessThan(separate);
  });

  it('lets reads see the writes of their turn without committing them before the turn ends', async () => {
    const path = temp.file('g.db');
    const store = createSqliteStore({ path });
    const other = new Database(path, { readonly: true });
    const write = store.putLink('ns', 'usr_1', 'ct_1');
    expect(await store.getLink('ns', 'usr_1')).toBe('ct_1');
    // Another connection sees only committed data: nothing yet.
    expect(other.prepare('SELECT count(*) AS n FROM links').get()).toEqual({ n: 0 });
    await write;
    expect(other.prepare('SELECT count(*) AS n FROM links').get()).toEqual({ n: 1 });
    other.close();
    await store.close();
  });

  it('rejects every write of a transaction that SQLite rolled back as a whole, and goes on with the next', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (id TEXT PRIMARY KEY)');
    const insert = db.prepare<[string]>('INSERT INTO t (id) VALUES (?)');
    const queue = createGroupCommit(db);
    const first = queue.write(() => insert.run('a'));
    const fatal = queue.write(() => {
      db.exec('ROLLBACK'); // as SQLite does itself on SQLITE_FULL or SQLITE_IOERR
      throw new Error('disk full');
    });
    await expect(first).rejects.toThrow('disk full');
    await expect(fatal).rejects.toThrow('disk full');
    await queue.write(() => insert.run('b'));
    expect(db.prepare('SELECT id FROM t').all()).toEqual([{ id: 'b' }]);
    db.close();
  });

  it('lets two stores of one process on the same file write in the same turn, without waiting on each other', async () => {
    const path = temp.file('two.db');
    const a = createSqliteStore({ path, busyTimeoutMs: 200 });
    const b = createSqliteStore({ path: `${temp.file('.')}/./two.db`, busyTimeoutMs: 200, groupCommit: false });
    const c = createSqliteStore({ path, busyTimeoutMs: 200 });
    // a holds the file's write lock for this turn; b and c, in the same thread, must not wait on it.
    const writes = [a.putLink('ns', 'from-a', '1'), b.putLink('ns', 'from-b', '2'), c.putLink('ns', 'from-c', '3'), a.putLink('ns', 'from-a-again', '4')];
    await expect(Promise.all(writes)).resolves.toHaveLength(4);
    for (const [from, to] of [['from-a', '1'], ['from-b', '2'], ['from-c', '3'], ['from-a-again', '4']] as const) expect(await b.getLink('ns', from)).toBe(to);
    await Promise.all([a.close(), b.close(), c.close()]);
  });
});
