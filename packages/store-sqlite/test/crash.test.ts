import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, type Durability } from '../src/index.js';
import { makeTempDir } from './temp-dir.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/add-then-hang.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

/** Runs the fixture until it reports the delivery accepted, then SIGKILLs it. */
async function addThenKill(path: string, durability: Durability, eventId: string): Promise<string> {
  const child = spawn(process.execPath, ['--conditions=@flowline/source', '--import', 'tsx', FIXTURE, path, durability, eventId], {
    cwd: PACKAGE_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = once(child, 'exit');
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const end = stdout.indexOf('\n');
      if (end >= 0) resolve(stdout.slice(0, end));
    });
    child.on('exit', (code) => reject(new Error(`fixture exited with ${String(code)} before accepting: ${stderr}`)));
  });
  child.kill('SIGKILL');
  const [, signal] = (await exited) as [number | null, NodeJS.Signals | null];
  expect(signal).toBe('SIGKILL');
  return line;
}

describe('crash safety', () => {
  it.each(['process', 'power'] as const)(
    "keeps a delivery accepted just before the process is SIGKILLed (durability '%s')",
    async (durability) => {
      const path = temp.file('crash.db');
      expect(await addThenKill(path, durability, 'evt-crash-1')).toBe('added evt-crash-1');

      const store = createSqliteStore({ path });
      const entry = await store.getInboxEntry('evt-crash-1');
      expect(entry?.status).toBe('pending');
      expect(entry?.event.payload).toEqual({ data: { id: 'usr_1' } });
      expect((await store.listInbox('pending')).map((e) => e.id)).toEqual(['evt-crash-1']);
      await store.close();
    },
  );

  it('still drops the duplicate of a delivery accepted before a crash', async () => {
    const path = temp.file('crash.db');
    await addThenKill(path, 'process', 'evt-crash-2');
    expect(await addThenKill(path, 'process', 'evt-crash-2')).toBe('duplicate evt-crash-2');
  });
});
