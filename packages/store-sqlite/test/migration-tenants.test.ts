import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord, StepRecord } from '@flowline/core';
import { createSqliteStore, LATEST_VERSION } from '../src/index.js';
import { keyFingerprint, parseEncryptionKey, sealSecret } from '@flowline/core';
import { migrate } from '../src/migrations.js';
import { makeTempDir, TEST_KEY } from './temp-dir.js';

const T0 = '2024-03-01T00:00:00.000Z';
const event = (id: string) => ({ trigger: 'pushpress.customer.created', payload: { data: { id } }, id });
const run = (id: string, overrides: Partial<RunRecord> = {}): RunRecord => ({
  id,
  workflowId: 'wf-welcome',
  workflowVersion: 3,
  status: 'succeeded',
  dryRun: false,
  event: event(`evt-${id}`),
  queuedAt: T0,
  ...overrides,
});
const step: StepRecord = { runId: 'run-1', path: 'upsert', stepId: 'upsert', kind: 'action', status: 'succeeded', attempts: 1, startedAt: T0, finishedAt: T0, durationMs: 5, output: { contactId: 'ct_9' } };

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

/** A database at schema version 5 (the last before tenants), written by the old migrations, with a row in every table. */
function writeVersion5(path: string): Record<string, number> {
  const db = new Database(path);
  migrate(db, { to: 5 });
  expect(db.pragma('user_version', { simple: true })).toBe(5);
  const insertInbox = db.prepare('INSERT INTO inbox (id, status, received_at, event, run_ids) VALUES (?, ?, ?, ?, ?)');
  for (const [id, status, runIds] of [['evt-3', 'pending', []], ['evt-1', 'done', ['run-1']], ['evt-2', 'pending', []]] as const) {
    insertInbox.run(id, status, T0, JSON.stringify(event(id)), JSON.stringify(runIds));
  }
  const insertRun = db.prepare('INSERT INTO runs (id, workflow_id, status, queued_at, record) VALUES (?, ?, ?, ?, ?)');
  for (const record of [run('run-1'), run('run-2', { workflowVersion: 'v2', status: 'running', queuedAt: '2024-03-01T00:00:01.000Z' }), run('run-3', { workflowVersion: undefined, status: 'failed' })]) {
    insertRun.run(record.id, record.workflowId, record.status, record.queuedAt, JSON.stringify(record));
  }
  db.prepare('INSERT INTO steps (run_id, path, record) VALUES (?, ?, ?)').run('run-1', 'upsert', JSON.stringify(step));
  db.prepare('INSERT INTO snapshots (run_id, snapshot) VALUES (?, ?)').run('run-2', JSON.stringify({ status: 'active', value: 'upsert' }));
  db.prepare('INSERT INTO idempotency (key, run_id, record) VALUES (?, ?, ?)').run(
    'contact:usr_1',
    'run-1',
    JSON.stringify({ key: 'contact:usr_1', runId: 'run-1', path: 'upsert', state: 'done', output: { contactId: 'ct_9' }, recordedAt: T0 }),
  );
  db.prepare('INSERT INTO links (namespace, from_id, to_id) VALUES (?, ?, ?)').run('pushpress-customer:ghl-contact', 'usr_1', 'ct_9');
  db.prepare('INSERT INTO dead_letters (id, run_id, inbox_id, reason, error, at) VALUES (?, ?, ?, ?, ?, ?)').run('run:run-3', 'run-3', null, 'run-failed', null, T0);
  db.prepare('INSERT INTO parked_deliveries (id, trigger, received_at, reason, event) VALUES (?, ?, ?, ?, ?)').run(
    'p1',
    'pushpress.member.updated',
    T0,
    'unknown-trigger',
    JSON.stringify({ trigger: 'pushpress.member.updated', payload: {}, id: 'p1' }),
  );
  const key = parseEncryptionKey(TEST_KEY);
  const sealed = sealSecret(key, JSON.stringify({ accessToken: 'at', refreshToken: 'rt' }), 'ghl-main');
  db.prepare('INSERT INTO tokens (connection_id, key_id, iv, tag, ciphertext, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run('ghl-main', keyFingerprint(key), sealed.iv, sealed.tag, sealed.ciphertext, T0);
  db.prepare('INSERT INTO leases (key, owner, expires_at) VALUES (?, ?, ?)').run('order:usr_1', 'w1', 9_999_999_999_999);
  const counts = countRows(db);
  db.close();
  return counts;
}

const TABLES = ['inbox', 'runs', 'steps', 'snapshots', 'idempotency', 'links', 'dead_letters', 'parked_deliveries', 'tokens', 'leases'];

function countRows(db: Database.Database): Record<string, number> {
  return Object.fromEntries(TABLES.map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]));
}

describe('migration 6: tenants', () => {
  it("finds every record of a version 5 database under the default tenant, and none under another", async () => {
    const path = temp.file('v5.db');
    const before = writeVersion5(path);
    const store = createSqliteStore({ path, encryptionKey: TEST_KEY });
    expect(store.schemaVersion()).toBe(LATEST_VERSION);

    expect((await store.listInbox('pending')).map((entry) => entry.id)).toEqual(['evt-3', 'evt-2']);
    expect(await store.getInboxEntry('evt-1')).toMatchObject({ status: 'done', runIds: ['run-1'] });
    expect(await store.getRun('run-1')).toEqual(run('run-1'));
    expect((await store.listRuns()).map((found) => found.id)).toEqual(['run-2', 'run-3', 'run-1']);
    expect(await store.listSteps('run-1')).toEqual([step]);
    expect(await store.getSnapshot('run-2')).toEqual({ status: 'active', value: 'upsert' });
    expect((await store.getIdempotency('contact:usr_1'))?.output).toEqual({ contactId: 'ct_9' });
    expect(await store.getLink('pushpress-customer:ghl-contact', 'usr_1')).toBe('ct_9');
    expect((await store.listDeadLetters()).map((letter) => letter.id)).toEqual(['run:run-3']);
    expect((await store.listParkedDeliveries()).map((delivery) => delivery.id)).toEqual(['p1']);
    expect(await store.getTokens('ghl-main')).toEqual({ accessToken: 'at', refreshToken: 'rt' });
    expect((await store.getLease('order:usr_1'))?.owner).toBe('w1');
    expect(await store.listTenantIds()).toEqual(['default']);

    const exported = await store.exportRecords();
    expect([exported.inbox.length, exported.runs.length, exported.effects.length, exported.links.length, exported.deadLetters.length, exported.parked.length]).toEqual([3, 3, 1, 1, 1, 1]);

    const other = store.forTenant('gym-a');
    expect(await other.exportRecords()).toMatchObject({ inbox: [], runs: [], deadLetters: [], links: [], effects: [], parked: [] });
    expect(await other.getTokens('ghl-main')).toBeUndefined();
    await store.close();

    const db = new Database(path, { readonly: true });
    expect(countRows(db)).toEqual(before);
    for (const table of TABLES) {
      expect(db.prepare(`SELECT DISTINCT tenant FROM ${table}`).all(), table).toEqual([{ tenant: 'default' }]);
    }
    db.close();
  });

  it('takes each run’s version from its record, so old runs list by version', async () => {
    const path = temp.file('v5.db');
    writeVersion5(path);
    const store = createSqliteStore({ path, encryptionKey: TEST_KEY });
    expect((await store.listRuns({ workflowId: 'wf-welcome', version: 3 })).map((found) => found.id)).toEqual(['run-1']);
    expect((await store.listRuns({ version: 3, status: 'succeeded' })).map((found) => found.id)).toEqual(['run-1']);
    expect(await store.listRuns({ version: 2 })).toEqual([]);
    await store.close();
  });

  it('takes the same ids in another tenant, and the cancelled status, once migrated', async () => {
    const path = temp.file('v5.db');
    writeVersion5(path);
    const store = createSqliteStore({ path, encryptionKey: TEST_KEY });
    const other = store.forTenant('gym-a');
    expect(await other.addToInbox(event('evt-1'), T0)).toEqual({ added: true });
    await other.putRun(run('run-1', { status: 'cancelled' }));
    await other.putLink('pushpress-customer:ghl-contact', 'usr_1', 'ct_other');
    await other.putTokens('ghl-main', { accessToken: 'other' });
    expect((await other.getRun('run-1'))?.status).toBe('cancelled');
    expect((await store.getRun('run-1'))?.status).toBe('succeeded');
    expect(await store.getLink('pushpress-customer:ghl-contact', 'usr_1')).toBe('ct_9');
    expect(await store.getTokens('ghl-main')).toEqual({ accessToken: 'at', refreshToken: 'rt' });
    expect(await store.listTenantIds()).toEqual(['default', 'gym-a']);
    await store.close();
  });
});
