import { describe, expect, it } from 'vitest';
import { createEngine, createMemoryStore, type Engine, type RunRecord, type Store } from '../src/index.js';
import { createCatalog, scopeAt, type ScopeNode, type WorkflowDefinition } from '../src/design/index.js';
import { catalogOperations } from '../../connectors/src/catalog/catalog-operations.js';
import { createTestConnector } from '../src/testing/index.js';
import { customerCreatedSchema, customerEvent, echo, testEngine, workflow } from './fixtures.js';

const save = (id: string) => ({ id, type: 'action', operation: 'shop.save', connection: 'main', input: { at: id } });
const delay = (fields: Record<string, unknown>, id = 'wait') => ({ id, type: 'delay', ...fields });

/** An engine on `store` whose `shop.save` records the steps it was called for. */
function engineOn(store: Store, calls: string[]): Engine {
  const connector = createTestConnector({
    name: 'shop',
    actions: { save: { run: (input) => (calls.push((input as { at: string }).at), input), sampleOutput: { dry: true } } },
    triggers: { 'customer.created': { payload: customerCreatedSchema } },
  });
  return createEngine({ store, connectors: [connector], connections: { main: { connector: 'shop' } } });
}

/** Resolves with the run once it ends (succeeded, failed or cancelled). */
function ended(engine: Engine, runId: string): Promise<RunRecord> {
  return new Promise((resolve) => {
    const done = (event: { runId: string }) => {
      if (event.runId === runId) void engine.getRun(runId).then((run) => run && resolve(run));
    };
    engine.on('run.succeeded', done);
    engine.on('run.failed', done);
    engine.on('run.cancelled', done);
  });
}

describe('delay: waiting', () => {
  it('leaves the run waiting, its snapshot and timer saved, without running the steps after it', async () => {
    const store = createMemoryStore();
    const calls: string[] = [];
    const engine = engineOn(store, calls);
    const waits: unknown[] = [];
    engine.on('run.waiting', (event) => waits.push(event));
    const before = Date.now();
    const run = await engine.run(workflow([save('first'), delay({ for: 'P3D' }), save('after')]), customerEvent());
    expect(run).toMatchObject({ status: 'waiting' });
    expect(calls).toEqual(['first']);
    expect(waits).toEqual([expect.objectContaining({ runId: run.id, stepId: 'wait', until: run.waitingUntil })]);
    expect((await store.listRuns({ status: 'waiting' })).map((found) => found.id)).toEqual([run.id]);
    const timer = await store.getTimer(run.id, 'wait');
    expect(Date.parse(timer?.dueAt ?? '') - before).toBeGreaterThanOrEqual(3 * 86_400_000);
    expect(run.waitingUntil).toBe(timer?.dueAt);
    expect(await store.getSnapshot(run.id)).toBeDefined();
  });

  it('goes on at once when the time is already past, and keeps no timer', async () => {
    const store = createMemoryStore();
    const calls: string[] = [];
    const run = await engineOn(store, calls).run(workflow([delay({ until: '2020-01-01T00:00:00Z' }), save('after')]), customerEvent());
    expect(run.status).toBe('succeeded');
    expect(calls).toEqual(['after']);
    expect(run.steps.find((step) => step.stepId === 'wait')?.output).toEqual({ until: '2020-01-01T00:00:00.000Z' });
    expect(await store.listPendingTimers()).toEqual([]);
  });

  it('waits for a time a JSONata expression computes', async () => {
    const store = createMemoryStore();
    const run = await engineOn(store, []).run(workflow([delay({ until: '=$event.data.remindAt' })]), customerEvent({ remindAt: '2999-01-01T09:00:00-05:00' }));
    expect(run.status).toBe('waiting');
    expect((await store.getTimer(run.id, 'wait'))?.dueAt).toBe('2999-01-01T14:00:00.000Z');
  });

  it('fails the step, with its pointer, when the expression gives no time', async () => {
    const run = await engineOn(createMemoryStore(), []).run(workflow([delay({ until: '=$event.data.firstName' })]), customerEvent());
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ code: 'delay.bad-time', pointer: '/steps/0/until' });
  });
});

describe('delay: resuming', () => {
  it('resumes the run from its snapshot once the timer is due, without doing the steps before it again', async () => {
    const store = createMemoryStore();
    const calls: string[] = [];
    const engine = engineOn(store, calls);
    const definition = engine.deploy(workflow([save('first'), delay({ for: 'PT0.3S' }), save('after')]));
    await engine.resume();
    const run = await engine.run(definition, customerEvent());
    expect(run.status).toBe('waiting');
    const done = await ended(engine, run.id);
    expect(done.status).toBe('succeeded');
    expect(calls).toEqual(['first', 'after']);
    expect(await store.getTimer(run.id, 'wait')).toMatchObject({ firedAt: expect.any(String) });
    await engine.stopTimers();
  });

  it('resumes a run an earlier process left waiting, in a new engine on the same store, once', async () => {
    const store = createMemoryStore();
    const definition = workflow([save('first'), delay({ for: 'PT0.2S' }), save('after')]);
    const firstCalls: string[] = [];
    const first = engineOn(store, firstCalls);
    first.deploy(definition);
    await first.submit(customerEvent());
    await first.idle();
    const [waiting] = await store.listRuns({ status: 'waiting' });
    expect(waiting).toBeDefined();

    const calls: string[] = [];
    const second = engineOn(store, calls);
    second.deploy(definition);
    const done = ended(second, waiting!.id);
    await second.resume();
    expect((await done).status).toBe('succeeded');
    expect([...firstCalls, ...calls]).toEqual(['first', 'after']);
    await second.stopTimers();
  });

  it('puts a run that fails after its wait on the dead-letter list', async () => {
    const store = createMemoryStore();
    const engine = engineOn(store, []);
    const definition = engine.deploy(workflow([delay({ for: 'PT0.2S' }), { id: 'boom', type: 'fail', message: 'after the wait' }]));
    await engine.resume();
    const run = await engine.run(definition, customerEvent());
    expect((await ended(engine, run.id)).status).toBe('failed');
    await engine.stopTimers();
    expect((await store.listDeadLetters()).map((letter) => letter.runId)).toEqual([run.id]);
  });

  it('wakes earlier for a new timer due before the one it sleeps for', async () => {
    const store = createMemoryStore();
    const calls: string[] = [];
    const engine = engineOn(store, calls);
    const late = engine.deploy(workflow([delay({ for: 'P30D' }), save('late')], { id: 'late' }));
    const soon = engine.deploy(workflow([delay({ for: 'PT0.2S' }), save('soon')], { id: 'soon' }));
    await engine.resume();
    const lateRun = await engine.run(late, customerEvent({}, 'evt-late'));
    const soonRun = await engine.run(soon, customerEvent({}, 'evt-soon'));
    expect((await ended(engine, soonRun.id)).status).toBe('succeeded');
    expect(calls).toEqual(['soon']);
    expect((await store.getRun(lateRun.id))?.status).toBe('waiting');
    await engine.stopTimers();
  });

  it('cancels a waiting run: its timer goes, and it never resumes', async () => {
    const store = createMemoryStore();
    const calls: string[] = [];
    const engine = engineOn(store, calls);
    const run = await engine.run(engine.deploy(workflow([delay({ for: 'PT0.2S' }), save('after')])), customerEvent());
    expect(await engine.cancel(run.id)).toMatchObject({ status: 'cancelled' });
    expect(await store.getTimer(run.id, 'wait')).toBeUndefined();
    await engine.resume();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(calls).toEqual([]);
    expect((await store.getRun(run.id))?.status).toBe('cancelled');
    await engine.stopTimers();
  });
});

describe('delay: test runs', () => {
  it('does not wait in a dry run, and records when it would have gone on', async () => {
    const { engine } = testEngine({ save: echo });
    const run = await engine.run(workflow([delay({ for: { days: 3 } }), save('after')]), customerEvent(), { dryRun: true });
    expect(run.status).toBe('succeeded');
    const output = run.steps.find((step) => step.stepId === 'wait')?.output as { until: string; skippedWait: boolean };
    expect(output.skippedWait).toBe(true);
    expect(Date.parse(output.until) - Date.now()).toBeGreaterThan(2.9 * 86_400_000);
  });
});

describe('delay: validation', () => {
  const problems = (steps: unknown[]) => testEngine({ save: echo }).engine.validate(workflow(steps)).problems;

  it('suggests the ISO duration a near miss meant, at /steps/n/for', () => {
    expect(problems([save('a'), delay({ for: 'PT3D' })])).toEqual([
      expect.objectContaining({ pointer: '/steps/1/for', code: 'delay.bad-duration', message: '"PT3D" is not an ISO 8601 duration', suggestion: 'Did you mean "P3D"?' }),
    ]);
    expect(problems([delay({ for: 'P2H' })])[0]?.suggestion).toBe('Did you mean "PT2H"?');
    expect(problems([delay({ for: '3 days' })])[0]?.suggestion).toBe('Did you mean "P3D"?');
  });

  it('asks for exactly one of for and until', () => {
    expect(problems([delay({})])).toEqual([expect.objectContaining({ pointer: '/steps/0', code: 'delay.one-of' })]);
    expect(problems([delay({ for: 'P1D', until: '2030-01-01T00:00:00Z' })])).toEqual([expect.objectContaining({ pointer: '/steps/0', code: 'delay.one-of' })]);
  });

  it('refuses a time without its offset, and suggests adding one', () => {
    expect(problems([delay({ until: '2030-01-01T09:00:00' })])).toEqual([
      expect.objectContaining({ pointer: '/steps/0/until', code: 'delay.bad-time', suggestion: expect.stringContaining('"2030-01-01T09:00:00Z"') }),
    ]);
  });

  it('checks an until expression as JSONata, at its pointer', () => {
    expect(problems([delay({ until: '=$event.data.(' })])).toEqual([expect.objectContaining({ pointer: '/steps/0/until' })]);
  });

  it('refuses a delay inside a forEach body', () => {
    expect(problems([{ id: 'each', type: 'forEach', over: '$event.data.tags', steps: [delay({ for: 'P1D' })] }])).toEqual([
      expect.objectContaining({ pointer: '/steps/0/steps/0', code: 'delay.in-body' }),
    ]);
  });
});

describe('delay: scopeAt', () => {
  const catalog = createCatalog(catalogOperations);
  const linkGet = (id: string) => ({ id, type: 'action', operation: 'flowline.links.get', connection: 'flowline', input: { namespace: 'n', from: '=$event.data.id' } });
  const flow = { id: 'scope', name: 'Scope', version: 1, trigger: { operation: 'pushpress.customer.created' }, steps: [linkGet('before'), delay({ for: 'P3D' }), linkGet('after')] } as unknown as WorkflowDefinition;
  const stepNames = (names: readonly ScopeNode[]) => names.find((node) => node.path === '$steps')?.children?.map((node) => node.name);

  it('gives the step after a delay the scope before it, and the delay itself', () => {
    expect(stepNames(scopeAt(flow, '/steps/2/input', { catalog }).names)).toEqual(['before', 'wait']);
    expect(scopeAt(flow, '/steps/2/input', { catalog }).names.find((node) => node.path === '$event')).toEqual(scopeAt(flow, '/steps/1', { catalog }).names.find((node) => node.path === '$event'));
  });
});
