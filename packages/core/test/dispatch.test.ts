import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../src/index.js';
import { customerEvent, echo, testEngine, workflow } from './fixtures.js';

describe('dispatch and submit', () => {
  it('runs every deployed workflow whose trigger and filter match', async () => {
    const { engine, connector } = testEngine({ save: echo });
    engine.deploy({ ...workflow([{ id: 'a', type: 'action', operation: 'shop.save', connection: 'main', input: { wf: 'all' } }]), id: 'all' });
    engine.deploy({ ...workflow([{ id: 'a', type: 'action', operation: 'shop.save', connection: 'main', input: { wf: 'bob' } }]), id: 'bob', trigger: { operation: 'shop.customer.created', filter: '$event.data.firstName = "Bob"' } });
    const runs = await engine.dispatch(customerEvent());
    expect(runs.map((run) => run.workflowId)).toEqual(['all']);
    expect(connector.calls.map((call) => call.input)).toEqual([{ wf: 'all' }]);
    expect(engine.undeploy('all')).toBe(true);
    expect(engine.workflows().map((definition) => definition.id)).toEqual(['bob']);
  });

  it('records a failed run when a trigger filter breaks', async () => {
    const { engine } = testEngine({ save: echo });
    engine.deploy({ ...workflow([{ id: 'a', type: 'set', var: 'x', value: '1' }]), trigger: { operation: 'shop.customer.created', filter: '$number("x")' } });
    const [run] = await engine.dispatch(customerEvent());
    expect(run).toMatchObject({ status: 'failed', error: { code: 'expression.evaluation', pointer: '/trigger/filter' } });
  });

  it('accepts a submitted event once, runs it, and drops duplicates', async () => {
    const store = createMemoryStore();
    const { engine, connector } = testEngine({ save: echo }, { store });
    engine.deploy(workflow([{ id: 'a', type: 'action', operation: 'shop.save', connection: 'main' }]));
    const event = { ...customerEvent(), id: 'customer.created:usr_1:1764190000' };
    expect(await engine.submit(event)).toEqual({ status: 'accepted', id: event.id });
    expect(await engine.submit(event)).toEqual({ status: 'duplicate', id: event.id });
    await engine.idle();
    expect(connector.calls).toHaveLength(1);
    expect(await store.getInboxEntry(event.id)).toMatchObject({ status: 'done', runIds: [expect.any(String)] });
  });

  it('runs events with one ordering key one at a time, in order', async () => {
    const order: string[] = [];
    const { engine } = testEngine({
      slow: {
        run: async (input) => {
          const { n } = input as { n: string };
          order.push(`start ${n}`);
          await new Promise((resolve) => setTimeout(resolve, n === '1' ? 20 : 1));
          order.push(`end ${n}`);
          return {};
        },
      },
    });
    engine.deploy(workflow([{ id: 'a', type: 'action', operation: 'shop.slow', connection: 'main', input: { n: '=$event.data.n' } }]));
    await engine.submit({ ...customerEvent({ n: '1' }), id: 'e1', orderingKey: 'usr_1' });
    await engine.submit({ ...customerEvent({ n: '2' }), id: 'e2', orderingKey: 'usr_1' });
    await engine.idle();
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('lists the catalog a builder draws from', () => {
    const { engine } = testEngine({ save: echo });
    // The connector's trigger, and the engine's own (started by hand, on a schedule).
    expect(engine.catalog.list({ kind: 'trigger' }).map((operation) => operation.id).sort()).toEqual(['flowline.manual', 'flowline.schedule', 'shop.customer.created']);
    expect(engine.catalog.list({ text: 'save' }).map((operation) => operation.id)).toEqual(['shop.save']);
    expect(engine.catalog.describe('shop.save')).toMatchObject({ kind: 'action', connector: 'shop' });
  });
});

describe('links between ids in two systems', () => {
  it('lets workflows store and find links through the built-in flowline connection', async () => {
    const { engine } = testEngine({ save: echo });
    const first = await engine.run(
      workflow([
        { id: 'find', type: 'action', operation: 'flowline.links.get', connection: 'flowline', input: { namespace: 'pp:ghl', from: '=$event.data.id' } },
        { id: 'link', type: 'action', operation: 'flowline.links.put', connection: 'flowline', input: { namespace: 'pp:ghl', from: '=$event.data.id', to: 'ct_9' } },
      ]),
      customerEvent(),
    );
    expect(first.steps.map((step) => step.output)).toEqual([{ found: false }, { found: true, to: 'ct_9' }]);
    const second = await engine.run(
      workflow([{ id: 'find', type: 'action', operation: 'flowline.links.get', connection: 'flowline', input: { namespace: 'pp:ghl', from: '=$event.data.id' } }]),
      customerEvent(),
    );
    expect(second.steps[0]?.output).toEqual({ found: true, to: 'ct_9' });
  });
});
