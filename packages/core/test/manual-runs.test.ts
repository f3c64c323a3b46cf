import { describe, expect, it } from 'vitest';
import { createMemoryStore, PayloadError, type FlowlineError } from '../src/index.js';
import { echo, testEngine, workflow } from './fixtures.js';

const save = (id: string) => ({ id, type: 'action', operation: 'shop.save', connection: 'main', input: { at: id, email: '=$event.email' } });
const manual = (input?: Record<string, unknown>) =>
  workflow([save('first')], { id: 'by-hand', trigger: { operation: 'flowline.manual', ...(input ? { input } : {}) } });
const INPUT = { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' }, count: { type: 'integer', minimum: 1 } } };

async function refusal(promise: Promise<unknown>): Promise<FlowlineError> {
  return (await promise.then(() => undefined, (thrown: unknown) => thrown)) as FlowlineError;
}

describe('manual runs (flowline.manual)', () => {
  it('starts a run of the published workflow with the payload as $event, stored before it resolves', async () => {
    const store = createMemoryStore();
    const { engine, connector } = testEngine({ save: echo }, { store });
    engine.deploy(manual(INPUT));
    const { run, done } = await engine.startRun('by-hand', { email: 'ann@example.com' });
    expect(await store.getRun(run.id)).toMatchObject({ workflowId: 'by-hand', event: { trigger: 'flowline.manual', payload: { email: 'ann@example.com' } } });
    expect((await done).status).toBe('succeeded');
    expect(connector.calls.map((call) => call.input)).toEqual([{ at: 'first', email: 'ann@example.com' }]);
  });

  it('refuses a payload that does not match trigger.input, each problem at its pointer, starting nothing', async () => {
    const store = createMemoryStore();
    const { engine } = testEngine({ save: echo }, { store });
    engine.deploy(manual(INPUT));
    const error = await refusal(engine.startRun('by-hand', { email: 'not an email', count: 0 }));
    expect(error).toBeInstanceOf(PayloadError);
    expect(error).toMatchObject({ code: 'payload.invalid' });
    expect((error as PayloadError).problems.map((problem) => problem.pointer).sort()).toEqual(['/count', '/email']);
    expect(await refusal(engine.startRun('by-hand', {}))).toMatchObject({ code: 'payload.invalid', pointer: '/email' });
    expect(await store.listRuns()).toEqual([]);
  });

  it('refuses a workflow that is not published, and one that does not start by hand', async () => {
    const { engine } = testEngine({ save: echo });
    expect(await refusal(engine.startRun('by-hand', {}))).toMatchObject({ code: 'workflows.not-found' });
    engine.deploy(workflow([save('first')], { id: 'on-event' }));
    expect(await refusal(engine.startRun('on-event', {}))).toMatchObject({ code: 'runs.not-manual', pointer: '/trigger/operation' });
  });

  it('refuses a manual or scheduled event submitted or dispatched to every workflow (its input would not be checked)', async () => {
    const { engine } = testEngine({ save: echo });
    engine.deploy(manual(INPUT));
    await expect(engine.submit({ trigger: 'flowline.manual', id: 'm-1', payload: {} })).rejects.toMatchObject({ code: 'event.engine-trigger', pointer: '/trigger' });
    await expect(engine.dispatch({ trigger: 'flowline.schedule', payload: {} })).rejects.toMatchObject({ code: 'event.engine-trigger' });
  });

  it('takes any object when the workflow declares no input', async () => {
    const { engine } = testEngine({ save: echo });
    engine.deploy(manual());
    expect((await (await engine.startRun('by-hand', { anything: true })).done).status).toBe('succeeded');
  });

  it('lists flowline.manual and flowline.schedule in the catalog as triggers', () => {
    const { engine } = testEngine({ save: echo });
    expect(engine.catalog.describe('flowline.manual')).toMatchObject({ kind: 'trigger', connector: 'flowline' });
    expect(engine.catalog.describe('flowline.schedule')).toMatchObject({ kind: 'trigger', connector: 'flowline' });
  });
});
