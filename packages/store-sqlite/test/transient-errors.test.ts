import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { StoreUnavailableError } from '@flowline/core';
import { createSqliteStore } from '../src/index.js';
import { fullableStore } from './full-database.js';
import { makeTempDir } from './temp-dir.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const event = (id: string) => ({ trigger: 'pushpress.customer.created', payload: { data: { id, note: 'n'.repeat(2000) } }, id });
const T0 = '2026-12-04T00:00:00.000Z';

describe('a full disk', () => {
  it('rejects writes as store.unavailable (disk-full), naming the file, and takes them again once there is room', async () => {
    const path = temp.file('full.db');
    const { store, fill, makeRoom } = fullableStore({ path });
    await store.addToInbox(event('e1'), T0);
    fill();

    const refused = await store.addToInbox(event('e2'), T0).then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(StoreUnavailableError);
    expect(refused).toMatchObject({ code: 'store.unavailable', reason: 'disk-full', message: expect.stringContaining(path), cause: expect.objectContaining({ code: 'SQLITE_FULL' }) });
    // A record larger than a page needs new pages, as every write does once the free space is used.
    const large = { ...event('e1'), payload: { note: 'n'.repeat(8000) } };
    await expect(store.putRun({ id: 'r1', workflowId: 'wf', workflowVersion: 1, status: 'running', dryRun: false, event: large, queuedAt: T0 })).rejects.toMatchObject({ code: 'store.unavailable' });

    makeRoom();
    expect(await store.addToInbox(event('e2'), T0)).toEqual({ added: true });
    expect((await store.listInbox('pending')).map((entry) => entry.id)).toEqual(['e1', 'e2']);
    await store.close();
  });

  it('rejects writes as store.unavailable without group commit too', async () => {
    const { store, fill } = fullableStore({ path: temp.file('direct.db'), groupCommit: false });
    await store.addToInbox(event('e1'), T0);
    fill();
    await expect(store.addToInbox(event('e2'), T0)).rejects.toMatchObject({ code: 'store.unavailable', reason: 'disk-full' });
    await store.close();
  });
});

describe('a lock held too long', () => {
  it('rejects a write as store.unavailable (busy) while another connection holds the write lock past the busy timeout, and writes once it lets go', async () => {
    const path = temp.file('busy.db');
    const store = createSqliteStore({ path, busyTimeoutMs: 10 });
    await store.addToInbox(event('e1'), T0);
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');

    await expect(store.addToInbox(event('e2'), T0)).rejects.toMatchObject({ code: 'store.unavailable', reason: 'busy', cause: expect.objectContaining({ code: 'SQLITE_BUSY' }) });

    other.exec('COMMIT');
    other.close();
    expect(await store.addToInbox(event('e2'), T0)).toEqual({ added: true });
    await store.close();
  });
});
