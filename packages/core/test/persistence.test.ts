import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../src/index.js';
import { customerEvent, echo, testEngine, workflow } from './fixtures.js';

describe('persisted snapshots', () => {
  it('saves a snapshot after each step while the run moves on', async () => {
    const store = createMemoryStore();
    const { engine } = testEngine({ save: echo }, { store });
    const run = await engine.run(workflow([{ id: 'a', type: 'set', var: 'x', value: '1' }, { id: 'b', type: 'set', var: 'y', value: '2' }]), customerEvent());
    const snapshot = (await store.getSnapshot(run.id)) as { status: string; value: string; context: { vars: unknown } };
    // The last snapshot saved is the one after `a`, on the way into `b`; the finished run is told by its record.
    expect(JSON.parse(JSON.stringify(snapshot))).toMatchObject({ status: 'active', value: 'b', context: { vars: { x: 1 } } });
    expect(await store.getRun(run.id)).toMatchObject({ status: 'succeeded' });
  });

  it('resumes an unfinished run in a new engine from its persisted snapshot, without redoing finished steps', async () => {
    const store = createMemoryStore();
    const definition = workflow([
      { id: 'first', type: 'action', operation: 'shop.first', connection: 'main', input: { n: 1 } },
      { id: 'second', type: 'action', operation: 'shop.second', connection: 'main', input: { got: '=$steps.first.n' } },
    ]);

    // The first process: `second` never answers (the process "dies" while it waits).
    let started!: () => void;
    const secondStarted = new Promise<void>((resolve) => (started = resolve));
    const crashed = testEngine({ first: echo, second: { run: () => { started(); return new Promise(() => {}); } } }, { store });
    crashed.engine.deploy(definition);
    void crashed.engine.submit({ ...customerEvent(), id: 'evt-1' });
    await secondStarted;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [unfinished] = await store.listRuns({ status: 'running' });
    expect(unfinished).toBeDefined();

    // The restarted process (the memory store hands out copies, as a database would) resumes it.
    const restarted = testEngine({ first: echo, second: echo }, { store });
    restarted.engine.deploy(definition);
    const [resumed] = await restarted.engine.resume();
    expect(resumed).toMatchObject({ id: unfinished?.id, status: 'succeeded' });
    expect(restarted.connector.calls).toEqual([{ operationId: 'shop.second', input: { got: 1 } }]);
  });

  it('resumes from a snapshot saved by an earlier version, which held the running step as a child actor', async () => {
    const store = createMemoryStore();
    const definition = workflow([
      { id: 'first', type: 'action', operation: 'shop.first', connection: 'main', input: { n: 1 } },
      { id: 'second', type: 'action', operation: 'shop.second', connection: 'main', input: { got: '=$steps.first.n' } },
    ]);
    const event = { ...customerEvent(), id: 'evt-old' };
    const { engine: probe } = testEngine({ first: echo, second: echo }, { store: createMemoryStore() });
    probe.deploy(definition);
    const [template] = await probe.dispatch(event);
    const runId = template?.id ?? '';
    await store.putRun({ id: runId, workflowId: definition.id, workflowVersion: definition.version, status: 'running', dryRun: false, event, queuedAt: new Date().toISOString() });
    await store.putIdempotency({ key: `run/${runId}/first`, runId, path: 'first', state: 'done', output: { n: 1 }, recordedAt: new Date().toISOString() });
    const context = { runId, workflowId: definition.id, dryRun: false, trigger: { operation: event.trigger, id: event.id }, payload: event.payload, steps: { first: { n: 1 } }, vars: {}, locals: {}, error: null, pathPrefix: '', result: null };
    const child = { snapshot: { status: 'active', input: { stepId: 'second', context }, output: undefined, error: undefined }, src: 'action', systemId: undefined, syncSnapshot: false };
    await store.putSnapshot(runId, { status: 'active', value: 'second', historyValue: {}, context, children: { '0.wf.second': child } });

    const restarted = testEngine({ first: echo, second: echo }, { store });
    restarted.engine.deploy(definition);
    const [resumed] = await restarted.engine.resume();
    expect(resumed).toMatchObject({ id: runId, status: 'succeeded' });
    // Resumed at `second`: `first` was not run again (not even as an idempotent skip).
    expect(resumed?.steps.map((step) => step.stepId)).toEqual(['second']);
    expect(restarted.connector.calls).toEqual([{ operationId: 'shop.second', input: { got: 1 } }]);
  });

  it('leaves a run whose workflow version is neither deployed nor saved, saying why', async () => {
    const store = createMemoryStore();
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (message: string) => warnings.push(message) };
    await store.putRun({ id: 'r1', workflowId: 'wf', workflowVersion: 7, status: 'running', dryRun: false, event: customerEvent(), queuedAt: new Date().toISOString() });
    const { engine } = testEngine({ save: echo }, { store, logger });
    engine.deploy(workflow([{ id: 'a', type: 'set', var: 'x', value: '1' }]));
    expect(await engine.resume()).toEqual([]);
    expect(warnings).toEqual(['a run cannot resume: its workflow version is neither deployed nor saved']);
  });
});
