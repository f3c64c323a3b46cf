import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWalSync } from '../src/wal-sync.js';
import { createGroupCommit } from '../src/write-queue.js';
import { openDatabase, DEFAULT_PAGE_CACHE_KIB } from '../src/open-database.js';
import { makeTempDir } from './temp-dir.js';

/** A WAL sync under the test's control: each call waits until the test finishes or fails it. */
function controlledSync() {
  const calls: Array<{ finish: () => void; fail: (error: Error) => void }> = [];
  const syncFile = () =>
    new Promise<void>((resolve, reject) => {
      calls.push({ finish: resolve, fail: reject });
    });
  return { calls, syncFile };
}

/** Lets promise callbacks run, and writes that settle a turn after their sync. */
const turn = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

function track(promise: Promise<unknown>) {
  const state = { settled: false, error: undefined as unknown };
  promise.then(
    () => {
      state.settled = true;
    },
    (error: unknown) => {
      state.settled = true;
      state.error = error;
    },
  );
  return state;
}

describe('WAL sync shared by commits', () => {
  it('resolves a commit only after a sync that started after it has finished', async () => {
    const { calls, syncFile } = controlledSync();
    const wal = createWalSync(syncFile);
    const first = track(wal.afterCommit());
    expect(calls).toHaveLength(1);
    const second = track(wal.afterCommit()); // committed while sync 1 runs: sync 1 may not cover it
    calls[0]?.finish();
    await turn();
    expect(first.settled).toBe(true);
    expect(second.settled).toBe(false);
    expect(calls).toHaveLength(2);
    calls[1]?.finish();
    await turn();
    expect(second.settled).toBe(true);
  });

  it('shares one queued sync among every commit made while a sync runs', async () => {
    const { calls, syncFile } = controlledSync();
    const wal = createWalSync(syncFile);
    void wal.afterCommit();
    const waiting = Array.from({ length: 5 }, () => track(wal.afterCommit()));
    calls[0]?.finish();
    await turn();
    calls[1]?.finish();
    await turn();
    expect(calls).toHaveLength(2);
    expect(waiting.every((w) => w.settled && w.error === undefined)).toBe(true);
  });

  it('rejects the commits a failed sync was for, and syncs afresh for the next commit', async () => {
    const { calls, syncFile } = controlledSync();
    const wal = createWalSync(syncFile);
    const failed = track(wal.afterCommit());
    calls[0]?.fail(new Error('EIO'));
    await turn();
    expect(failed.error).toMatchObject({ message: 'EIO' });
    const next = track(wal.afterCommit());
    expect(calls).toHaveLength(2);
    calls[1]?.finish();
    await turn();
    expect(next).toEqual({ settled: true, error: undefined });
  });
});

describe('group commit with a host WAL sync', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: Database.Database;
  let insert: Database.Statement<[string]>;
  let sync: ReturnType<typeof controlledSync>;
  let queue: ReturnType<typeof createGroupCommit>;
  beforeEach(() => {
    temp = makeTempDir();
    db = openDatabase(temp.file('w.db'), { durability: 'power', busyTimeoutMs: 1000, pageCacheKiB: DEFAULT_PAGE_CACHE_KIB, hostSyncsWal: true });
    db.exec(`CREATE TABLE t (id TEXT PRIMARY KEY)`);
    insert = db.prepare<[string]>(`INSERT INTO t (id) VALUES (?)`);
    sync = controlledSync();
    queue = createGroupCommit(db, createWalSync(sync.syncFile));
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('runs SQLite with synchronous = NORMAL, since the host adds the sync FULL would', () => {
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('resolves a write after its COMMIT is synced, not before, and lets reads see it meanwhile', async () => {
    const write = track(queue.write(() => insert.run('a')));
    await turn();
    expect(sync.calls).toHaveLength(1);
    expect(write.settled).toBe(false);
    expect(queue.read(() => db.prepare('SELECT count(*) AS n FROM t').get())).toEqual({ n: 1 });
    sync.calls[0]?.finish();
    await turn();
    expect(write).toEqual({ settled: true, error: undefined });
  });

  it('rejects every write of a batch whose sync failed, saying what to check', async () => {
    const writes = ['a', 'b'].map((id) => track(queue.write(() => insert.run(id))));
    await turn();
    sync.calls[0]?.fail(new Error('EIO: i/o error, fdatasync'));
    await turn();
    for (const write of writes) {
      expect(write.error).toMatchObject({ code: 'store.write_failed', message: expect.stringContaining('EIO'), hint: expect.stringContaining('disk') });
    }
  });

  it('waits for the sync in flight when settling (close)', async () => {
    const write = track(queue.write(() => insert.run('a')));
    const settled = track(queue.settle());
    await turn();
    expect(settled.settled).toBe(false);
    sync.calls[0]?.finish();
    await turn();
    expect(write.settled && settled.settled).toBe(true);
  });

  it('settles a write a sender waits for before the other writes of its transaction', async () => {
    const order: string[] = [];
    const run = queue.write(() => insert.run('run')).then(() => order.push('run'));
    const inbox = queue.write(() => insert.run('inbox'), true).then(() => order.push('inbox'));
    await turn();
    sync.calls[0]?.finish();
    await Promise.all([run, inbox]);
    expect(order).toEqual(['inbox', 'run']);
  });
});
