import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/index.js';
import { describeStoreContract } from '../../src/testing/store-contract-entry.js';

describeStoreContract('memory store', async () => ({ store: createMemoryStore() }));

describe('memory store retention', () => {
  const run = (id: string, status: 'running' | 'succeeded' | 'failed') => ({
    id,
    workflowId: 'wf',
    workflowVersion: 1,
    status,
    dryRun: false,
    event: { trigger: 't', payload: {} },
    queuedAt: new Date(Date.now() + Number(id.slice(1))).toISOString(),
  });

  it('forgets the oldest finished runs beyond its limit, with their steps and run-scoped effects', async () => {
    const store = createMemoryStore({ maxFinishedRuns: 2 });
    for (const id of ['r1', 'r2', 'r3']) {
      await store.putRun(run(id, 'succeeded'));
      await store.putIdempotency({ key: `run/${id}/a`, runId: id, path: 'a', state: 'done', output: 1, recordedAt: 'now' });
    }
    await store.putRun(run('r4', 'running'));
    expect((await store.listRuns()).map((kept) => kept.id)).toEqual(['r4', 'r3', 'r2']);
    expect(await store.getIdempotency('run/r1/a')).toBeUndefined();
    expect(await store.getIdempotency('run/r3/a')).toMatchObject({ output: 1 });
  });

  it('counts a run finished again (or running again) once, in the order it last finished', async () => {
    const store = createMemoryStore({ maxFinishedRuns: 2 });
    await store.putRun(run('r1', 'succeeded'));
    await store.putRun(run('r2', 'succeeded'));
    await store.putRun(run('r1', 'running'));
    await store.putRun(run('r1', 'failed'));
    await store.putRun(run('r3', 'succeeded'));
    expect((await store.listRuns()).map((kept) => kept.id).sort()).toEqual(['r1', 'r3']);
  });

  it('keeps exactly its limit through a long churn of runs', async () => {
    const store = createMemoryStore({ maxFinishedRuns: 100 });
    for (let index = 0; index < 5_000; index += 1) {
      await store.putRun(run(`r${index}`, 'running'));
      await store.putRun(run(`r${index}`, 'succeeded'));
      if (index % 7 === 0) await store.putRun(run(`r${index}`, 'succeeded'));
    }
    const kept = (await store.listRuns()).map((record) => Number(record.id.slice(1)));
    expect(kept).toHaveLength(100);
    expect(Math.min(...kept)).toBe(4_900);
  });

  it('keeps a failed run that is on the dead-letter list', async () => {
    const store = createMemoryStore({ maxFinishedRuns: 1 });
    await store.putRun(run('r1', 'failed'));
    await store.putDeadLetter({ runId: 'r1', reason: 'run-failed', at: new Date().toISOString() });
    await store.putRun(run('r2', 'succeeded'));
    await store.putRun(run('r3', 'succeeded'));
    expect((await store.listRuns()).map((kept) => kept.id)).toEqual(['r3', 'r1']);
  });
});
