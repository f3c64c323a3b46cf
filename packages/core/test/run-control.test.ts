import { describe, expect, it } from 'vitest';
import { createMemoryStore, type RunEvents } from '../src/index.js';
import { customerEvent, echo, testEngine, workflow } from './fixtures.js';
import { gate, gym, until } from './tenant-fixtures.js';

/** `first`, then `wait` (held at a gate), then `save`. */
const THREE_STEPS = workflow([
  { id: 'first', type: 'action', operation: 'shop.first', connection: 'main', input: { n: 1 } },
  { id: 'wait', type: 'action', operation: 'shop.wait', connection: 'main', input: {} },
  { id: 'save', type: 'action', operation: 'shop.save', connection: 'main', input: { customer: '=$event.data.id' } },
]);

/** A tenant's run of THREE_STEPS, waiting in its second step; answers its id as the store lists it. */
async function runWaitingInItsSecondStep() {
  const held = gate();
  const { engine, connector } = testEngine({ first: echo, wait: held.action, save: echo });
  const scope = engine.addTenant(gym('gym-a'));
  scope.deploy(THREE_STEPS);
  await scope.submit(customerEvent({}, 'evt-1'));
  await until(async () => held.entered() === 1 && (await scope.listRuns({ status: 'running' })).length === 1, 'the run is recorded, waiting in its second step');
  const [run] = await scope.listRuns({ status: 'running' });
  return { engine, connector, scope, open: held.open, runId: run?.id ?? '' };
}

describe('cancel', () => {
  it('stops a running run before its next step: status cancelled, the later step not run, a run.cancelled event', async () => {
    const { engine, connector, scope, open, runId } = await runWaitingInItsSecondStep();
    const cancelled: Array<RunEvents['run.cancelled']> = [];
    engine.on('run.cancelled', (event) => cancelled.push(event));

    const cancelling = scope.cancel(runId);
    open();
    const ended = await cancelling;
    await engine.idle();

    expect(ended).toMatchObject({ id: runId, status: 'cancelled' });
    expect((await scope.getRun(runId))?.status).toBe('cancelled');
    expect(connector.calls.map((call) => call.operationId)).toEqual(['shop.first', 'shop.wait']);
    expect(cancelled).toEqual([expect.objectContaining({ tenant: 'gym-a', runId, workflowId: 'wf' })]);
  });

  it('cancels a run in its first step, whose record is not written yet, by the id its run.started event gave', async () => {
    const held = gate();
    const { engine, connector } = testEngine({ first: held.action, wait: echo, save: echo });
    engine.deploy(THREE_STEPS);
    let runId: string | undefined;
    engine.on('run.started', (event) => (runId = event.runId));
    await engine.submit(customerEvent({}, 'evt-1'));
    await until(() => held.entered() === 1, 'the run waits in its first step');

    const cancelling = engine.cancel(runId ?? '');
    held.open();
    const ended = await cancelling;
    await engine.idle();

    expect(ended).toMatchObject({ id: runId, status: 'cancelled' });
    expect(connector.calls.map((call) => call.operationId)).toEqual(['shop.first']);
  });

  it('cancels a run an earlier process left unfinished, so resume() does not run it', async () => {
    const store = createMemoryStore();
    const { engine, connector } = testEngine({ first: echo, wait: echo, save: echo }, { store });
    engine.deploy(THREE_STEPS);
    const [done] = await engine.dispatch(customerEvent({}, 'evt-1'));
    // As a killed process left it: recorded as running.
    await store.putRun({ ...done!, status: 'running', finishedAt: undefined, output: undefined });
    connector.calls.length = 0;

    expect(await engine.cancel(done!.id)).toMatchObject({ status: 'cancelled' });
    expect(await engine.resume()).toEqual([]);
    expect(connector.calls).toEqual([]);
    expect((await store.getRun(done!.id))?.status).toBe('cancelled');
  });

  // updateTenant gives the tenant a new runtime; the runs started before it are still known by id.
  it('stops a run started before its tenant was updated', async () => {
    const { engine, connector, scope, open, runId } = await runWaitingInItsSecondStep();
    engine.updateTenant(gym('gym-a', { config: { locationId: 'loc_new' } }));

    const cancelling = scope.cancel(runId);
    open();
    await cancelling;
    await engine.idle();

    expect((await scope.getRun(runId))?.status).toBe('cancelled');
    expect(connector.calls.map((call) => call.operationId)).toEqual(['shop.first', 'shop.wait']);
  });

  it('refuses to cancel a run that already ended (runs.finished), leaving it as it was', async () => {
    const { engine } = testEngine({ first: echo, wait: echo, save: echo });
    engine.deploy(THREE_STEPS);
    const [run] = await engine.dispatch(customerEvent({}, 'evt-1'));

    await expect(engine.cancel(run!.id)).rejects.toMatchObject({ code: 'runs.finished' });
    expect((await engine.getRun(run!.id))?.status).toBe('succeeded');
  });

  it('answers runs.not-found for a run the tenant does not have', async () => {
    const { engine } = testEngine({ first: echo });

    await expect(engine.cancel('no-such-run')).rejects.toMatchObject({ code: 'runs.not-found' });
  });
});

describe('replay', () => {
  it('replays a succeeded run as a new run linked to it by replayOf, leaving the run replayed as it was', async () => {
    const { engine, connector } = testEngine({ first: echo, wait: echo, save: echo });
    engine.deploy(THREE_STEPS);
    const [original] = await engine.dispatch(customerEvent({}, 'evt-1'));
    const before = await engine.getRun(original!.id);

    const again = await engine.replay(original!.id);

    expect(again).toMatchObject({ replayOf: original!.id, status: 'succeeded', workflowVersion: 1, event: { id: 'evt-1' } });
    expect(again.id).not.toBe(original!.id);
    expect(again.steps.map((step) => step.stepId)).toEqual(['first', 'wait', 'save']);
    expect(await engine.getRun(original!.id)).toEqual(before);
    expect(connector.calls.filter((call) => call.operationId === 'shop.save')).toHaveLength(2);
  });

  it('refuses to replay a run that has not ended (runs.not-finished)', async () => {
    const { scope, open, runId } = await runWaitingInItsSecondStep();

    await expect(scope.replay(runId)).rejects.toMatchObject({ code: 'runs.not-finished' });
    open();
  });
});
