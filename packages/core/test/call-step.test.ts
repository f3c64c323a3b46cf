import { describe, expect, it } from 'vitest';
import { createEngine, createMemoryStore, type Connector, type Store, type WorkflowDefinition } from '../src/index.js';
import { createCatalog, scopeAt } from '../src/design/index.js';
import { createTestConnector, type TestAction } from '../src/testing/index.js';
import { customerCreatedSchema, customerEvent, workflow } from './fixtures.js';

/** A shop with the customer trigger (callers) and a `lookup` trigger (callees), and the given actions. */
function shop(actions: Record<string, TestAction>): Connector {
  return createTestConnector({ name: 'shop', actions, triggers: { 'customer.created': { payload: customerCreatedSchema }, lookup: { payload: { type: 'object' } } } });
}

function engineWith(connector: Connector, definitions: unknown[], store: Store = createMemoryStore()) {
  const engine = createEngine({ connectors: [connector], connections: { main: { connector: 'shop' } }, store });
  for (const definition of definitions) engine.deploy(definition);
  return engine;
}

const callee = (steps: unknown[], id = 'find-contact'): WorkflowDefinition => workflow(steps, { id, trigger: { operation: 'shop.lookup' } });
const find = { id: 'find', type: 'action', operation: 'shop.find', connection: 'main', input: { email: '=$event.email' } };
const caller = (extra: Record<string, unknown> = {}) => workflow([{ id: 'lookup', type: 'call', workflow: 'find-contact', input: { email: '=$event.data.email' }, ...extra }]);

describe('call', () => {
  it('runs the callee with its input and takes its succeed output; the callee run names its parent run and step', async () => {
    const engine = engineWith(shop({ find: { run: (input) => ({ contactId: `ct_for_${(input as { email: string }).email.trim()}` }) } }), [
      callee([find, { id: 'done', type: 'succeed', output: { contactId: '=$steps.find.contactId' } }]),
      caller(),
    ]);
    const [run] = await engine.dispatch(customerEvent());
    expect(run?.status).toBe('succeeded');
    expect(run?.steps[0]).toMatchObject({ path: 'lookup', status: 'succeeded', output: { contactId: 'ct_for_Ann@Example.com' } });
    const child = await engine.getRun(`${run!.id}>lookup`);
    expect(child).toMatchObject({ workflowId: 'find-contact', status: 'succeeded', parent: { runId: run!.id, path: 'lookup', depth: 1 }, event: { trigger: 'shop.lookup', payload: { email: ' Ann@Example.com ' } } });
    expect(child?.steps.map((step) => step.path)).toEqual(['find', 'done']);
  });

  it('takes the callee\'s step outputs by id when it ends without a succeed step', async () => {
    const engine = engineWith(shop({ find: { run: () => ({ contactId: 'ct_1' }) } }), [callee([find]), caller()]);
    const [run] = await engine.dispatch(customerEvent());
    expect(run?.steps[0]?.output).toEqual({ find: { contactId: 'ct_1' } });
  });

  it('fails the step when the callee fails, naming its run and failed step', async () => {
    const engine = engineWith(shop({ find: { run: () => { throw new Error('no such contact'); } } }), [callee([{ ...find, retry: { attempts: 1 } }]), caller()]);
    const [run] = await engine.dispatch(customerEvent());
    expect(run?.status).toBe('failed');
    expect(run?.steps[0]?.error?.message).toMatch(/^Workflow "find-contact" \(run .+>lookup\) failed at step "find": /);
  });

  it('fails an unknown workflow with a clear error', async () => {
    const engine = engineWith(shop({}), [caller({ workflow: 'nowhere' })]);
    const [run] = await engine.dispatch(customerEvent());
    expect(run?.steps[0]?.error).toMatchObject({ code: 'call.unknown-workflow', message: 'No workflow "nowhere" is published' });
  });

  it('cancelling the caller cancels its callee: the callee stops before its next step', async () => {
    let release = () => {};
    let holding = false;
    const afterRuns: unknown[] = [];
    const engine = engineWith(
      shop({
        hold: { run: () => ((holding = true), new Promise((resolve) => (release = () => resolve({ held: true })))) },
        after: { run: (input) => (afterRuns.push(input), {}) },
      }),
      [
        callee([
          { id: 'hold', type: 'action', operation: 'shop.hold', connection: 'main' },
          { id: 'after', type: 'action', operation: 'shop.after', connection: 'main' },
        ]),
        workflow([caller().steps[0], { id: 'next', type: 'action', operation: 'shop.after', connection: 'main', input: { from: 'caller' } }]),
      ],
    );
    let runId = '';
    engine.on('run.started', (event) => (runId ||= event.runId));
    const dispatched = engine.dispatch(customerEvent());
    while (!holding) await new Promise((resolve) => setTimeout(resolve, 5));
    const cancelling = engine.cancel(runId);
    // The caller is marked cancelled at once; the callee's step under way then finishes.
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    expect(await cancelling).toMatchObject({ status: 'cancelled' });
    await dispatched;
    expect(afterRuns).toEqual([]);
    expect(await engine.getRun(`${runId}>lookup`)).toMatchObject({ status: 'cancelled', parent: { runId } });
    expect((await engine.getRun(runId))?.steps.map((step) => [step.path, step.status, step.reason])).toEqual([['lookup', 'skipped', 'cancelled']]);
  });

  it('a retried caller\'s callee retries the earlier callee run: its done effects are not done again', async () => {
    const finds: unknown[] = [];
    let failures = 1;
    const engine = engineWith(
      shop({
        find: { run: (input) => (finds.push(input), { contactId: 'ct_1' }) },
        check: { run: () => { if (failures-- > 0) throw new Error('not yet'); return { ok: true }; } },
      }),
      [callee([find, { id: 'check', type: 'action', operation: 'shop.check', connection: 'main', retry: { attempts: 1 } }]), caller()],
    );
    const [failed] = await engine.dispatch(customerEvent());
    expect(failed?.status).toBe('failed');
    const [again] = await engine.retry(failed!.id);
    expect(again?.status).toBe('succeeded');
    expect(await engine.getRun(`${again!.id}>lookup`)).toMatchObject({ status: 'succeeded', retryOf: `${failed!.id}>lookup` });
    expect(finds).toHaveLength(1);
  });

  it('refuses to start a callee that has a delay step, starting nothing of it', async () => {
    const engine = engineWith(shop({ find: { run: () => ({}) } }), [callee([find, { id: 'later', type: 'delay', for: 'P1D' }]), caller()]);
    const [run] = await engine.dispatch(customerEvent());
    expect(run?.steps[0]?.error).toMatchObject({ code: 'call.callee-waits' });
    expect((await engine.listRuns()).map((one) => one.workflowId)).toEqual(['wf']);
  });

  it('shows the call\'s output as $steps.<id> after it, in the design entry\'s scopeAt', () => {
    const definition = workflow([caller().steps[0], { id: 'after', type: 'set', var: 'contact', value: '=$steps.lookup' }]);
    const steps = scopeAt(definition, '/steps/1/value', { catalog: createCatalog([]) }).names.find((node) => node.name === '$steps');
    expect(steps?.children?.find((node) => node.name === 'lookup')).toMatchObject({ path: '$steps.lookup', type: 'any', description: expect.stringContaining('find-contact') });
  });

  it('refuses a workflow that calls itself at validation, with a pointer', () => {
    const engine = engineWith(shop({}), []);
    const problems = engine.validate(workflow([{ id: 'again', type: 'call', workflow: 'wf' }])).problems;
    expect(problems).toEqual([expect.objectContaining({ pointer: '/steps/0/workflow', code: 'call.self' })]);
  });

  it('stops calls nesting deeper than 5 (two workflows calling each other) with a clear error', async () => {
    const ping = callee([{ id: 'next', type: 'call', workflow: 'pong', input: '=$event' }], 'ping');
    const pong = callee([{ id: 'next', type: 'call', workflow: 'ping', input: '=$event' }], 'pong');
    const engine = engineWith(shop({}), [ping, pong, caller({ workflow: 'ping' })]);
    const [run] = await engine.dispatch(customerEvent());
    expect(run?.status).toBe('failed');
    const runs = await engine.listRuns();
    expect(runs.map((one) => one.parent?.depth ?? 0).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const deepest = runs.find((one) => one.parent?.depth === 5);
    expect(deepest?.workflowId).toBe('ping');
    expect((await engine.getRun(deepest!.id))?.steps[0]?.error).toMatchObject({ code: 'call.too-deep', message: 'Calling workflow "pong" would nest 6 calls deep; at most 5 are allowed' });
  });

  it('after a crash mid-callee, the resumed caller resumes the same callee run from its snapshot: no second callee run, no step done twice', async () => {
    const store = createMemoryStore();
    const definitions = [
      callee([find, { id: 'tag', type: 'action', operation: 'shop.tag', connection: 'main', input: { contactId: '=$steps.find.contactId' } }, { id: 'done', type: 'succeed', output: '=$steps.tag' }]),
      caller(),
    ];
    const finds: unknown[] = [];
    let tagged = 0;
    // The first process dies in the callee's second step.
    const first = engineWith(shop({ find: { run: (input) => (finds.push(input), { contactId: 'ct_1' }) }, tag: { run: () => new Promise(() => {}) } }), definitions, store);
    await first.submit({ ...customerEvent(), id: 'e1' });
    // The callee's first step is recorded: it hangs in its second.
    while (finds.length === 0 || (await store.listSteps((await store.listRuns()).find((one) => one.parent)?.id ?? '')).length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }

    const restarted = engineWith(shop({ find: { run: (input) => (finds.push(input), { contactId: 'ct_1' }) }, tag: { run: () => ((tagged += 1), { tagged: true }) } }), definitions, store);
    const resumed = await restarted.resume();
    expect(resumed.map((one) => [one.workflowId, one.status])).toEqual([['wf', 'succeeded']]);
    expect(resumed[0]?.steps[0]?.output).toEqual({ tagged: true });
    expect((await store.listRuns()).map((one) => one.id).sort()).toEqual([resumed[0]!.id, `${resumed[0]!.id}>lookup`].sort());
    expect(finds).toHaveLength(1);
    expect(tagged).toBe(1);
  });

  it('in a test run, a mock of the call step stands in for the callee; unmocked, the callee runs as a test run', async () => {
    const engine = engineWith(shop({ find: { run: () => { throw new Error('a test run calls nothing'); }, sampleOutput: { contactId: 'ct_sample' } } }), [callee([find])]);
    const mocked = await engine.run(caller(), customerEvent(), { dryRun: true, mocks: { lookup: { contactId: 'ct_mock' } } });
    expect(mocked.steps[0]).toMatchObject({ output: { contactId: 'ct_mock' }, test: { mocked: true } });
    const unmocked = await engine.run(caller(), customerEvent(), { dryRun: true });
    expect(unmocked.steps[0]?.output).toEqual({ find: { contactId: 'ct_sample' } });
    expect(await engine.getRun(`${unmocked.id}>lookup`)).toMatchObject({ dryRun: true, parent: { runId: unmocked.id } });
  });
});
