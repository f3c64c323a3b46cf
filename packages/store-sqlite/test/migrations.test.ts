import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, LATEST_VERSION, MIGRATIONS } from '../src/index.js';
import { makeTempDir } from './temp-dir.js';

const V1_FIXTURE = readFileSync(new URL('./fixtures/schema-v1.sql', import.meta.url), 'utf8');

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

function versionsApplied(path: string): number[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY version').all().map((r) => r.version);
  } finally {
    db.close();
  }
}

describe('schema migrations', () => {
  it('numbers the migrations 1, 2, 3… in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('brings a new database to the latest version and records each migration', async () => {
    const path = temp.file('new.db');
    const store = createSqliteStore({ path });
    expect(store.schemaVersion()).toBe(LATEST_VERSION);
    await store.close();
    expect(versionsApplied(path)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('upgrades a version 1 database and keeps its data', async () => {
    const path = temp.file('v1.db');
    const old = new Database(path);
    old.exec(V1_FIXTURE);
    old.close();

    const store = createSqliteStore({ path, encryptionKey: Buffer.alloc(32, 1) });
    expect(store.schemaVersion()).toBe(LATEST_VERSION);
    expect((await store.getInboxEntry('evt-1'))?.runIds).toEqual(['run-1']);
    expect((await store.listInbox('pending')).map((e) => e.id)).toEqual(['evt-2']);
    expect((await store.getRun('run-1'))?.status).toBe('succeeded');
    expect((await store.listSteps('run-1')).map((s) => s.output)).toEqual([{ contactId: 'ct_9' }]);
    expect(await store.getSnapshot('run-1')).toEqual({ status: 'done', value: 'end' });
    expect((await store.getIdempotency('run-1:upsert'))?.output).toEqual({ contactId: 'ct_9' });
    expect(await store.getLink('pushpress-customer:ghl-contact', 'usr_1')).toBe('ct_9');

    // What later migrations added works on the upgraded file.
    await store.putDeadLetter({ inboxId: 'evt-2', reason: 'workflow-missing', at: '2024-02-01T00:00:00.000Z' });
    await store.putTokens('ghl-main', { accessToken: 'a', refreshToken: 'r' });
    expect((await store.acquireLease({ key: 'run:run-1', owner: 'w1', ttlMs: 1000 })).acquired).toBe(true);
    await store.putRun({ id: 'run-2', workflowId: 'wf-welcome', workflowVersion: 1, status: 'queued', dryRun: false, event: { trigger: 't', payload: {} }, queuedAt: '2024-02-01T00:00:00.000Z' });
    expect((await store.listRuns()).map((r) => r.id)).toEqual(['run-2', 'run-1']);
    await store.close();

    expect(versionsApplied(path)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('applies nothing again when a current database is opened', async () => {
    const path = temp.file('again.db');
    await createSqliteStore({ path }).close();
    const store = createSqliteStore({ path });
    expect(store.schemaVersion()).toBe(LATEST_VERSION);
    await store.close();
    expect(versionsApplied(path)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('refuses a database written by a newer version, and leaves it as it was', () => {
    const path = temp.file('future.db');
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(() => createSqliteStore({ path })).toThrow(expect.objectContaining({ code: 'store.schema_too_new' }));
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    after.close();
  });

  it('refuses a file that is not a SQLite database', () => {
    const path = temp.file('not.db');
    writeFileSync(path, 'this is a text file, not a database, and it is long enough to have a header'.repeat(20));
    expect(() => createSqliteStore({ path })).toThrow(expect.objectContaining({ code: 'store.open_failed' }));
  });

  it('refuses a path in a folder that does not exist', () => {
    expect(() => createSqliteStore({ path: temp.file('missing/folder/x.db') })).toThrow(
      expect.objectContaining({ code: 'store.open_failed' }),
    );
  });
});
