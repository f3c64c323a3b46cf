import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '@flowline/core';
import { startGhlSandbox, type GhlSandbox } from '@flowline/sandbox';
import { createSqliteStore, type SqliteStore } from '@flowline/store-sqlite';
import { lockDataDir } from '../src/host/data-dir-lock.js';
import { main } from '../src/main.js';
import { leadDelivery } from './fixtures/test-host.js';

const WORKFLOW = fileURLToPath(new URL('./fixtures/new-lead.workflow.json', import.meta.url));

let dir: string;
let sandbox: GhlSandbox;
let configFile: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flowline-runs-'));
  mkdirSync(join(dir, 'data'));
  sandbox = await startGhlSandbox();
  const [token, grant] = Object.entries(sandbox.tokens)[0] ?? [];
  if (!token || !grant) throw new Error('The sandbox has no token');
  configFile = join(dir, 'flowline.config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      ghl: { baseUrl: sandbox.url },
      connections: { ghl: { connector: 'ghl', settings: { locationId: grant.locationId }, credentials: { type: 'private-token', token } } },
      config: { locationId: grant.locationId },
    }),
  );
});

afterEach(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The data directory's store, for the time `use` takes (closed before the CLI opens it). */
async function withStore<T>(use: (store: SqliteStore) => Promise<T>): Promise<T> {
  const store = createSqliteStore({ path: join(dir, 'data', 'flowline.db') });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** A new-lead run as a process killed in the middle of it leaves it: `running`, with a record and no end. */
function leftRunning(id: string): RunRecord {
  const sent = leadDelivery(`usr_${id}`);
  return {
    id,
    workflowId: 'new-lead',
    workflowVersion: 1,
    status: 'running',
    dryRun: false,
    event: { id: sent.id, trigger: 'pushpress.customer.created', payload: JSON.parse(sent.body) as unknown },
    queuedAt: new Date().toISOString(),
    startedAt: new Date().toISOString(),
  };
}

const contacts = (): number => sandbox.dump().locations.reduce((count, location) => count + location.contacts.length, 0);

describe('flowline runs retry', () => {
  it('finishes a run that a killed process left running, instead of refusing it', async () => {
    await withStore((store) => store.putRun(leftRunning('run_left_1')));

    const result = await cli('runs', 'retry', 'run_left_1', WORKFLOW, '--config', configFile, '--data-dir', join(dir, 'data'));

    expect(result).toMatchObject({ code: 0, err: expect.stringContaining('was left running by a process that stopped') });
    // The retry is a new attempt, linked to the run it retries, which keeps its history.
    expect(await withStore((store) => store.getRun('run_left_1~2'))).toMatchObject({ status: 'succeeded', retryOf: 'run_left_1' });
    expect(await withStore((store) => store.getRun('run_left_1'))).toMatchObject({ status: 'failed', error: { code: 'runs.interrupted' } });
    expect(contacts()).toBe(1);
  });

  it('does not repeat an effect the killed process had done', async () => {
    await withStore(async (store) => {
      await store.putRun(leftRunning('run_left_2'));
      const now = new Date().toISOString();
      await store.putStep({ runId: 'run_left_2', path: 'upsert', stepId: 'upsert', kind: 'action', status: 'succeeded', attempts: 1, startedAt: now, finishedAt: now, durationMs: 5, output: { contact: { id: 'ct_done' } } });
    });

    const result = await cli('runs', 'retry', 'run_left_2', WORKFLOW, '--config', configFile, '--data-dir', join(dir, 'data'));

    expect(result.code).toBe(0);
    expect(contacts()).toBe(0);
  });

  it('is refused while another process owns the data directory, naming it', async () => {
    const lock = await lockDataDir(join(dir, 'data'), 'flowline serve');
    try {
      await expect(cli('runs', 'retry', 'run_x', WORKFLOW, '--config', configFile, '--data-dir', join(dir, 'data'))).rejects.toMatchObject({
        code: 'cli.data-dir-busy',
        message: expect.stringContaining(`flowline serve (pid ${process.pid}`),
      });
    } finally {
      lock.release();
    }
  });
});

describe('flowline runs: parked deliveries', () => {
  it('lists parked deliveries with --parked, saying which have a trigger now', async () => {
    await withStore(async (store) => {
      await store.parkDelivery({ event: { id: 'member.badge.awarded:b1:1', trigger: 'pushpress.member.badge.awarded', payload: {} }, receivedAt: '2026-01-01T00:00:00.000Z', reason: 'unknown-trigger' });
      await store.parkDelivery({ event: { id: 'customer.created:u1:1', trigger: 'pushpress.customer.created', payload: {} }, receivedAt: '2026-01-01T00:00:01.000Z', reason: 'unknown-trigger' });
    });

    const result = await cli('runs', 'list', '--parked', '--data-dir', join(dir, 'data'));

    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toEqual([
      expect.stringMatching(/^parked:member\.badge\.awarded:b1:1 +pushpress\.member\.badge\.awarded .*no trigger yet$/),
      expect.stringMatching(/^parked:customer\.created:u1:1 +pushpress\.customer\.created .*its trigger exists now/),
    ]);
  });

  it('replays a parked delivery whose trigger exists now with retry parked:<id>, and lets it go', async () => {
    const sent = leadDelivery('usr_parked');
    await withStore((store) => store.parkDelivery({ event: { id: sent.id, trigger: 'pushpress.customer.created', payload: JSON.parse(sent.body) as unknown }, receivedAt: new Date().toISOString(), reason: 'unknown-trigger' }));

    const result = await cli('runs', 'retry', `parked:${sent.id}`, WORKFLOW, '--config', configFile, '--data-dir', join(dir, 'data'));

    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('succeeded') });
    expect(contacts()).toBe(1);
    expect(await withStore((store) => store.listParkedDeliveries())).toEqual([]);
  });

  it('keeps a parked delivery whose trigger does not exist yet, and says so', async () => {
    await withStore((store) => store.parkDelivery({ event: { id: 'b2', trigger: 'pushpress.member.badge.awarded', payload: {} }, receivedAt: new Date().toISOString(), reason: 'unknown-trigger' }));

    const result = await cli('runs', 'retry', 'parked:b2', WORKFLOW, '--config', configFile, '--data-dir', join(dir, 'data'));

    expect(result).toMatchObject({ code: 1, err: expect.stringContaining('does not have yet; it stays parked') });
    expect(await withStore((store) => store.getParkedDelivery('b2'))).toBeDefined();
  });
});

describe('flowline runs discard', () => {
  it('takes a dead letter off the list without replaying it, and says so when there is none', async () => {
    const letter = await withStore((store) => store.putDeadLetter({ runId: 'run_gone', reason: 'run-failed', at: '2026-12-04T10:00:00.000Z' }));
    const discarded = await cli('runs', 'discard', letter.id, '--data-dir', join(dir, 'data'));
    expect(discarded).toMatchObject({ code: 0, out: expect.stringContaining(`discarded ${letter.id}`) });
    expect(await withStore((store) => store.getDeadLetter(letter.id))).toBeUndefined();
    const again = await cli('runs', 'discard', letter.id, '--data-dir', join(dir, 'data'));
    expect(again).toMatchObject({ code: 1, err: expect.stringContaining(`There is no dead letter ${letter.id}`) });
  });

  it('is refused while another process owns the data directory', async () => {
    const letter = await withStore((store) => store.putDeadLetter({ runId: 'run_kept', reason: 'run-failed', at: '2026-12-04T10:00:00.000Z' }));
    const held = await lockDataDir(join(dir, 'data'), 'flowline serve');
    try {
      await expect(cli('runs', 'discard', letter.id, '--data-dir', join(dir, 'data'))).rejects.toThrow(/owns the data directory/);
    } finally {
      held.release();
    }
    expect(await withStore((store) => store.getDeadLetter(letter.id))).toMatchObject({ id: letter.id });
  });
});

describe('flowline runs list --status', () => {
  it('lists the cancelled runs with --status cancelled, and only them', async () => {
    await withStore(async (store) => {
      await store.putRun({ ...leftRunning('run_cancelled_1'), status: 'cancelled', finishedAt: new Date().toISOString() });
      await store.putRun(leftRunning('run_running_1'));
    });

    const result = await cli('runs', 'list', '--status', 'cancelled', '--data-dir', join(dir, 'data'));

    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('run_cancelled_1');
    expect(result.out).not.toContain('run_running_1');
  });

  it('refuses a status no run has, naming the ones there are', async () => {
    const result = await cli('runs', 'list', '--status', 'done', '--data-dir', join(dir, 'data'));

    expect(result.code).not.toBe(0);
    expect(result.err).toContain('queued, running, waiting, succeeded, failed, cancelled');
  });
});
