import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeChild } from '../../../test/support/node-child.js';
import { DataDirBusyError, lockDataDir, type DataDirLock } from '../src/host/data-dir-lock.js';
import { openStore } from '../src/host/open-store.js';

const temps: string[] = [];
const locks: DataDirLock[] = [];
const children: NodeChild[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flowline-data-dir-'));
  temps.push(dir);
  return dir;
}

afterEach(async () => {
  for (const lock of locks.splice(0)) lock.release();
  await Promise.all(children.splice(0).map((child) => child.kill('SIGKILL')));
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts a process that takes `dir`'s lock and holds it; resolves with it once it does. */
async function holder(dir: string): Promise<NodeChild> {
  const child = new NodeChild({ script: 'test/support/hold-data-dir.ts', args: [dir] });
  children.push(child);
  await child.waitForLine((line) => line.startsWith('HOLDING '), 30_000, 'hold-data-dir');
  return child;
}

describe('the data directory: one owner at a time', () => {
  it('refuses a second owner while another process holds it, naming that process and its pid', async () => {
    const dir = join(tempDir(), 'data');
    const first = await holder(dir);

    const refused = await lockDataDir(dir, 'flowline serve').then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(refused).toBeInstanceOf(DataDirBusyError);
    expect(refused).toMatchObject({ code: 'cli.data-dir-busy', owner: { pid: first.pid, command: 'hold-data-dir' } });
    expect((refused as Error).message).toContain(`hold-data-dir (pid ${first.pid}`);
  });

  it('refuses a second owner in the same process too', async () => {
    const dir = tempDir();
    locks.push(await lockDataDir(dir, 'first'));

    await expect(lockDataDir(dir, 'second')).rejects.toMatchObject({ code: 'cli.data-dir-busy', owner: { pid: process.pid, command: 'first' } });
  });

  it('is free again as soon as its owner is killed with SIGKILL: no stale lock is left', async () => {
    const dir = tempDir();
    const first = await holder(dir);
    await first.kill('SIGKILL');

    const lock = await lockDataDir(dir, 'after the kill');
    locks.push(lock);
    expect(lock.dir).toBe(dir);
  });

  it('is free again once released', async () => {
    const dir = tempDir();
    (await lockDataDir(dir, 'first')).release();

    locks.push(await lockDataDir(dir, 'second'));
  });
});

describe('the data directory: private to its user', () => {
  it('is made 0700, and its database, WAL, shared-memory and lock files 0600', async () => {
    const dir = join(tempDir(), 'nested', 'data');
    locks.push(await lockDataDir(dir, 'flowline serve'));
    const storage = openStore({ dataDir: dir });
    try {
      await storage.store.addToInbox({ trigger: 'pushpress.customer.created', payload: {}, id: 'e1' }, new Date().toISOString());
      const mode = (name: string): string => (statSync(join(dir, name)).mode & 0o777).toString(8);

      expect(mode('.')).toBe('700');
      for (const name of ['flowline.db', 'flowline.db-wal', 'flowline.db-shm', 'flowline.lock', 'flowline.owner.json']) {
        expect(existsSync(join(dir, name)), name).toBe(true);
        expect(mode(name), name).toBe('600');
      }
    } finally {
      await storage.close();
    }
  });
});
