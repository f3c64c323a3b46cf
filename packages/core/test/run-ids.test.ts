import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../src/index.js';
import { legacyRunId, runIdOf } from '../src/runtime/run-id.js';
import { customerEvent, echo, testEngine, workflow } from './fixtures.js';

const CREATE = [{ id: 'create', type: 'action', operation: 'shop.create', connection: 'main', input: { name: '=$event.data.firstName' } }];

describe('run ids', () => {
  it('start an inbox event’s run id with the time the inbox took it, then a hash of event and workflow version', () => {
    expect(runIdOf('evt-1', 'wf', 1, '2026-11-27T02:23:13.123Z')).toMatch(/^20261127022313123-[0-9a-f]{24}$/);
  });

  it('give the same id every time for the same event, workflow version and inbox time', () => {
    const id = runIdOf('evt-1', 'wf', 1, '2026-11-27T02:23:13.123Z');
    expect(runIdOf('evt-1', 'wf', 1, '2026-11-27T02:23:13.123Z')).toBe(id);
    expect(runIdOf('evt-2', 'wf', 1, '2026-11-27T02:23:13.123Z')).not.toBe(id);
    expect(runIdOf('evt-1', 'wf', 2, '2026-11-27T02:23:13.123Z')).not.toBe(id);
  });

  it('sort by arrival, so a store’s indexes on them grow at one end', () => {
    const times = ['2026-11-27T02:23:13.123Z', '2026-11-27T02:23:13.124Z', '2026-11-27T10:00:00.000Z', '2026-12-01T00:00:00.000Z'];
    const ids = times.map((time, index) => runIdOf(`evt-${9 - index}`, 'wf', 1, time));
    expect([...ids].sort()).toEqual(ids);
  });

  it('are 32 hex digits of the hash without an inbox time, as all run ids were before', () => {
    expect(runIdOf('evt-1', 'wf', 1, undefined)).toMatch(/^[0-9a-f]{32}$/);
    expect(legacyRunId('evt-1', 'wf', 1)).toBe(runIdOf('evt-1', 'wf', 1, undefined));
  });

  it('name a submitted event’s run after the time its inbox entry was accepted', async () => {
    const store = createMemoryStore();
    const { engine } = testEngine({ create: echo }, { store });
    engine.deploy(workflow(CREATE));
    await engine.submit(customerEvent());
    await engine.idle();
    const entry = await store.getInboxEntry('evt-1');
    expect(entry?.runIds).toEqual([runIdOf('evt-1', 'wf', 1, entry?.receivedAt)]);
    expect(await store.getRun(entry?.runIds[0] ?? '')).toMatchObject({ status: 'succeeded' });
  });

  it('continue, after an upgrade, the run an older version started under the old form of id', async () => {
    const store = createMemoryStore();
    const event = customerEvent();
    const receivedAt = '2026-11-27T02:23:13.123Z';
    await store.addToInbox(event, receivedAt);
    const oldId = legacyRunId('evt-1', 'wf', 1);
    await store.putRun({ id: oldId, workflowId: 'wf', workflowVersion: 1, status: 'running', dryRun: false, event, queuedAt: receivedAt, startedAt: receivedAt });

    const { engine } = testEngine({ create: echo }, { store });
    engine.deploy(workflow(CREATE));
    const resumed = await engine.resume();
    await engine.idle();

    expect(resumed.map((run) => [run.id, run.status])).toEqual([[oldId, 'succeeded']]);
    expect((await store.listRuns()).map((run) => run.id)).toEqual([oldId]);
    expect((await store.getInboxEntry('evt-1'))?.runIds).toEqual([oldId]);
  });
});
