import { describe, expect, it } from 'vitest';
import { ActionError, type RunRecord, type TenantStore } from '../src/index.js';
import type { TestAction } from '../src/testing/index.js';
import { customerEvent, echo, testEngine, workflow } from './fixtures.js';
import { gate, hanging, STORE_KINDS, until } from './tenant-fixtures.js';

/** v1 of `wf`: a first step, a step that may wait, then `mark` (version 1). */
const V1 = workflow(
  [
    { id: 'first', type: 'action', operation: 'shop.first', connection: 'main', input: { n: 1 } },
    { id: 'wait', type: 'action', operation: 'shop.wait', connection: 'main', input: { customer: '=$event.data.id' } },
    { id: 'mark', type: 'action', operation: 'shop.mark', connection: 'main', input: { version: 1 } },
  ],
  { version: 1 },
);
/** v2 of `wf`: only `mark` (version 2). */
const V2 = workflow([{ id: 'mark', type: 'action', operation: 'shop.mark', connection: 'main', input: { version: 2 } }], { version: 2 });

const marks = (calls: ReadonlyArray<{ operationId: string; input: unknown }>) => calls.filter((call) => call.operationId === 'shop.mark').map((call) => call.input);

/** The runs of one event, read from the tenant's records. */
async function runsOf(store: TenantStore, eventId: string): Promise<RunRecord[]> {
  return (await store.listRuns()).filter((run) => run.event.id === eventId);
}

describe('versions side by side', () => {
  it('finishes a run started on v1 on v1 after v2 is published, while a new delivery runs on v2', async () => {
    const held = gate();
    const { engine, connector } = testEngine({ first: echo, wait: held.action, mark: echo });
    engine.deploy(V1);
    await engine.submit(customerEvent({}, 'evt-1'));
    await until(() => held.entered() === 1, 'the v1 run waits');

    engine.deploy(V2);
    await engine.submit(customerEvent({ id: 'usr_2' }, 'evt-2'));
    await until(async () => (await engine.listRuns({ status: 'succeeded' })).length === 1, 'the new delivery has run');
    held.open();
    await engine.idle();

    const [first] = await engine.listRuns({ workflowId: 'wf', version: 1 });
    const [second] = await engine.listRuns({ workflowId: 'wf', version: 2 });
    expect(first).toMatchObject({ event: { id: 'evt-1' }, status: 'succeeded' });
    expect(second).toMatchObject({ event: { id: 'evt-2' }, status: 'succeeded' });
    expect(marks(connector.calls)).toEqual([{ version: 2 }, { version: 1 }]);
  });

  describe.each(STORE_KINDS)('after a restart, on the $name', (kind) => {
    it('retires the version an earlier process published when the restarted engine publishes v2', async () => {
      const opened = kind.open();
      try {
        await testEngine({ first: echo, wait: echo, mark: echo }, { store: opened.store }).engine.publish(V1);

        const store = await opened.restart();
        await testEngine({ first: echo, wait: echo, mark: echo }, { store }).engine.publish(V2);

        expect((await store.listWorkflowVersions('wf')).map((record) => [record.version, record.state])).toEqual([
          [1, 'retired'],
          [2, 'published'],
        ]);
      } finally {
        await opened.close();
      }
    });

    it('finishes the v1 run on v1 (read from the saved version) when only v2 is deployed, and its delivery has that one run', async () => {
      const opened = kind.open();
      try {
        const crashed = testEngine({ first: echo, wait: hanging, mark: echo }, { store: opened.store });
        await crashed.engine.publish(V1);
        await crashed.engine.submit(customerEvent({}, 'evt-1'));
        await until(async () => (await runsOf(opened.store, 'evt-1'))[0]?.status === 'running' && (await opened.store.getSnapshot((await runsOf(opened.store, 'evt-1'))[0]?.id ?? '')) !== undefined, 'the v1 run is recorded, waiting in its second step');

        const store = await opened.restart();
        const restarted = testEngine({ first: echo, wait: echo, mark: echo }, { store });
        restarted.engine.deploy(V2);
        const resumed = await restarted.engine.resume();
        await restarted.engine.idle();

        const runs = await runsOf(store, 'evt-1');
        expect(runs).toHaveLength(1);
        expect(runs[0]).toMatchObject({ workflowVersion: 1, status: 'succeeded' });
        expect(resumed.map((run) => run.id)).toEqual([runs[0]?.id]);
        expect(restarted.connector.calls.map((call) => [call.operationId, call.input])).toEqual([
          ['shop.wait', { customer: 'usr_1' }],
          ['shop.mark', { version: 1 }],
        ]);
        expect(await store.getInboxEntry('evt-1')).toMatchObject({ status: 'done', runIds: [runs[0]?.id] });
      } finally {
        await opened.close();
      }
    });
  });

  it('gives a draft no deliveries: they run on the published version', async () => {
    const { engine, connector } = testEngine({ first: echo, wait: echo, mark: echo });
    engine.deploy(V1);

    expect(await engine.saveDraft(V2)).toMatchObject({ workflowId: 'wf', version: 2, state: 'draft' });
    await engine.submit(customerEvent({}, 'evt-1'));
    await engine.idle();

    expect((await engine.listRuns()).map((run) => run.workflowVersion)).toEqual([1]);
    expect(marks(connector.calls)).toEqual([{ version: 1 }]);
  });

  it('gives a draft of a workflow never published no deliveries at all', async () => {
    const { engine, connector } = testEngine({ first: echo, wait: echo, mark: echo });

    await engine.saveDraft(V2);
    await engine.submit(customerEvent({}, 'evt-1'));
    await engine.idle();

    expect(await engine.listRuns()).toEqual([]);
    expect(connector.calls).toEqual([]);
    expect(engine.workflows()).toEqual([]);
  });

  it('publishes a saved draft with publishVersion: new deliveries run it, the version before is retired', async () => {
    const { engine, connector } = testEngine({ first: echo, wait: echo, mark: echo });
    engine.deploy(V1);
    await engine.saveDraft(V2);

    await engine.publishVersion('wf', 2);
    await engine.submit(customerEvent({}, 'evt-1'));
    await engine.idle();

    expect(marks(connector.calls)).toEqual([{ version: 2 }]);
    expect((await engine.versions('wf')).map((record) => [record.version, record.state])).toEqual([
      [1, 'retired'],
      [2, 'published'],
    ]);
  });

  it('refuses to publish a version that was never saved (workflows.version-not-found)', async () => {
    const { engine } = testEngine({ first: echo, wait: echo, mark: echo });
    engine.deploy(V1);

    await expect(engine.publishVersion('wf', 7)).rejects.toMatchObject({ code: 'workflows.version-not-found' });
    expect(engine.workflows().map((definition) => definition.version)).toEqual([1]);
  });

  it('refuses a draft under the number of a published version (workflows.version-taken)', async () => {
    const { engine } = testEngine({ first: echo, wait: echo, mark: echo });
    await engine.publish(V1);

    await expect(engine.saveDraft({ ...V1, name: 'changed' })).rejects.toMatchObject({ code: 'workflows.version-taken', hint: expect.stringContaining('version 2') });
    expect((await engine.versions('wf'))[0]).toMatchObject({ state: 'published', definition: { name: V1.name } });
  });
});

describe('retry and versions', () => {
  /** v1 of `wf` calls `flaky`, which fails its first call only; v2 calls `mark`. */
  const FLAKY_V1 = workflow([{ id: 'flaky', type: 'action', operation: 'shop.flaky', connection: 'main', input: { version: 1 }, retry: { attempts: 1 } }], { version: 1 });

  /** A v1 run that failed (and was dead-lettered), with v2 published since; answers the failed run's id. */
  async function failedV1RunThenV2() {
    let calls = 0;
    const flaky: TestAction = {
      run: (input) => {
        calls += 1;
        if (calls === 1) throw new ActionError('validation', 'refused the first time');
        return input;
      },
    };
    const { engine, connector } = testEngine({ flaky, mark: echo });
    engine.deploy(FLAKY_V1);
    await engine.submit(customerEvent({}, 'evt-1'));
    await engine.idle();
    const [failed] = await engine.listRuns({ status: 'failed' });
    engine.deploy(V2);
    return { engine, connector, runId: failed?.id ?? '' };
  }

  it("runs the failed run's own version by default, as a new attempt <id>~2 linked to it", async () => {
    const { engine, connector, runId } = await failedV1RunThenV2();

    const [attempt] = await engine.retry(runId);

    expect(attempt).toMatchObject({ id: `${runId}~2`, retryOf: runId, workflowVersion: 1, status: 'succeeded' });
    expect(connector.calls.map((call) => call.operationId)).toEqual(['shop.flaky', 'shop.flaky']);
  });

  it("runs the published version when asked for { version: 'latest' }", async () => {
    const { engine, connector, runId } = await failedV1RunThenV2();

    const [attempt] = await engine.retry(runId, { version: 'latest' });

    expect(attempt).toMatchObject({ id: `${runId}~2`, retryOf: runId, workflowVersion: 2, status: 'succeeded' });
    expect(marks(connector.calls)).toEqual([{ version: 2 }]);
  });

  it('never overwrites the history of the run it retries', async () => {
    const { engine, runId } = await failedV1RunThenV2();
    const before = await engine.getRun(runId);
    expect(before).toMatchObject({ status: 'failed', workflowVersion: 1, steps: [{ stepId: 'flaky', status: 'failed' }] });

    await engine.retry(runId, { version: 'latest' });

    expect(await engine.getRun(runId)).toEqual(before);
    expect((await engine.listRuns()).map((run) => [run.id, run.status]).sort()).toEqual([
      [runId, 'failed'],
      [`${runId}~2`, 'succeeded'],
    ]);
  });
});
