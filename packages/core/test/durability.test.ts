import { describe, expect, it } from 'vitest';
import { ActionError, createEngine, createMemoryStore, type Connector, type Store } from '../src/index.js';
import { createTestConnector } from '../src/testing/index.js';
import { customerCreatedSchema, customerEvent, workflow } from './fixtures.js';

/** A "CRM" that creates records and can find them again by the marker the connector sends. */
function crmConnector(options: { dropAnswers?: number; failOnce?: string } = {}) {
  const created: Array<{ marker: string; name: unknown }> = [];
  /** Times the engine looked for a record before sending its request. */
  let lookups = 0;
  let drops = options.dropAnswers ?? 0;
  let failOnce = options.failOnce;
  const base = createTestConnector({ name: 'shop', actions: {}, triggers: { 'customer.created': { payload: customerCreatedSchema } } });
  const connector: Connector = {
    name: 'shop',
    operations: [...base.operations, { id: 'shop.create', kind: 'action', connector: 'shop', title: 'Create a record' }],
    async invoke(request, context) {
      if (failOnce !== undefined && (request.input as { name: unknown }).name === failOnce) {
        failOnce = undefined;
        throw new ActionError('validation', 'refused for now');
      }
      const record = { marker: context.idempotencyKey, name: (request.input as { name: unknown }).name };
      created.push(record);
      if (drops > 0) {
        drops -= 1;
        throw new ActionError('network', 'the connection dropped before the answer');
      }
      return { id: created.length, ...record };
    },
    async reconcile(_request, context) {
      lookups += 1;
      const index = created.findIndex((record) => record.marker === context.idempotencyKey);
      return index === -1 ? { found: false } : { found: true, output: { id: index + 1, ...created[index] } };
    },
  };
  return { connector, created, lookups: () => lookups };
}

function engineWith(connector: Connector, store: Store) {
  const engine = createEngine({ connectors: [connector], connections: { main: { connector: 'shop' } }, store });
  engine.deploy(workflow([{ id: 'create', type: 'action', operation: 'shop.create', connection: 'main', input: { name: '=$event.data.firstName' }, retry: { attempts: 3, initialDelayMs: 1 } }]));
  return engine;
}

describe('durability', () => {
  it('reconciles instead of creating twice when an answer was lost', async () => {
    const crm = crmConnector({ dropAnswers: 1 });
    const engine = engineWith(crm.connector, createMemoryStore());
    const [run] = await engine.dispatch({ ...customerEvent(), id: 'e1' });
    expect(run?.status).toBe('succeeded');
    expect(crm.created).toHaveLength(1);
    expect(run?.steps[0]).toMatchObject({ status: 'skipped', reason: 'reconciled', attempts: 2, output: { id: 1, name: 'Ann' } });
  });

  it("finds a failed run's write on retry (a new attempt, <id>~2) instead of sending it again, when the write's answer was lost", async () => {
    const crm = crmConnector({ dropAnswers: 1 });
    const engine = createEngine({ connectors: [crm.connector], connections: { main: { connector: 'shop' } }, store: createMemoryStore() });
    engine.deploy(workflow([{ id: 'create', type: 'action', operation: 'shop.create', connection: 'main', input: { name: '=$event.data.firstName' }, retry: { attempts: 1 } }]));
    const [failed] = await engine.dispatch({ ...customerEvent(), id: 'e1' });
    expect(failed?.status).toBe('failed');

    const [attempt] = await engine.retry(failed?.id ?? '');

    expect(attempt).toMatchObject({ id: `${failed?.id}~2`, status: 'succeeded' });
    expect(attempt?.steps[0]).toMatchObject({ reason: 'reconciled', output: { id: 1, name: 'Ann' } });
    expect(crm.created).toHaveLength(1);
  });

  it('finishes an accepted event after a restart, without repeating the effect it already had', async () => {
    const store = createMemoryStore();
    const crm = crmConnector();
    // The first process sends the request, the record is created, and the process dies before the answer.
    const dying: Connector = { ...crm.connector, invoke: async (request, context) => { await crm.connector.invoke(request, context); return new Promise(() => {}); } };
    const first = engineWith(dying, store);
    await first.submit({ ...customerEvent(), id: 'e1' });
    while (crm.created.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    const restarted = engineWith(crm.connector, store);
    const resumed = await restarted.resume();
    expect(resumed.map((run) => run.status)).toEqual(['succeeded']);
    expect(resumed[0]?.steps[0]).toMatchObject({ reason: 'reconciled', output: { id: 1, name: 'Ann' } });
    expect(crm.created).toHaveLength(1);
    expect(await store.getInboxEntry('e1')).toMatchObject({ status: 'done', runIds: [resumed[0]?.id] });
  });

  it('runs every pending event of the inbox on resume, in order per ordering key', async () => {
    const store = createMemoryStore();
    const crm = crmConnector();
    for (const [id, name] of [['e1', 'Ann'], ['e2', 'Bea']] as const) {
      await store.addToInbox({ ...customerEvent({ firstName: name }), id, orderingKey: 'usr_1' }, new Date().toISOString());
    }
    const engine = engineWith(crm.connector, store);
    const runs = await engine.resume();
    expect(runs.map((run) => run.status)).toEqual(['succeeded', 'succeeded']);
    expect(crm.created.map((record) => record.name)).toEqual(['Ann', 'Bea']);
    expect((await store.listInbox('pending'))).toEqual([]);
  });

  it('gives the same delivery the same run, so a second processing finds it done', async () => {
    const crm = crmConnector();
    const engine = engineWith(crm.connector, createMemoryStore());
    const [first] = await engine.dispatch({ ...customerEvent(), id: 'e1' });
    const [second] = await engine.dispatch({ ...customerEvent(), id: 'e1' });
    expect(second?.id).toBe(first?.id);
    expect(crm.created).toHaveLength(1);
  });

  it('dead-letters a failed run and replays it, skipping the effects it already had', async () => {
    const store = createMemoryStore();
    const crm = crmConnector({ failOnce: 'second' });
    const engine = createEngine({ connectors: [crm.connector], connections: { main: { connector: 'shop' } }, store });
    engine.deploy(
      workflow([
        { id: 'one', type: 'action', operation: 'shop.create', connection: 'main', input: { name: 'first' }, retry: { attempts: 1 } },
        { id: 'two', type: 'action', operation: 'shop.create', connection: 'main', input: { name: 'second' }, retry: { attempts: 1 } },
      ]),
    );
    await engine.submit({ ...customerEvent(), id: 'e1' });
    await engine.idle();
    const [letter] = await engine.deadLetters();
    expect(letter).toMatchObject({ reason: 'run-failed', error: { category: 'validation' } });
    const [again] = await engine.retry(letter!.id);
    expect(again?.status).toBe('succeeded');
    expect(crm.created.map((record) => record.name)).toEqual(['first', 'second']);
    expect(await engine.deadLetters()).toEqual([]);
  });

  it('dead-letters an accepted event that cannot be processed', async () => {
    const store = createMemoryStore();
    const crm = crmConnector();
    const engine = engineWith(crm.connector, store);
    await store.addToInbox({ trigger: 'shop.customer.created', payload: { event: 'customer.created', data: { id: 7 } }, id: 'bad' }, new Date().toISOString());
    await engine.resume();
    expect(await engine.deadLetters()).toEqual([expect.objectContaining({ id: 'inbox:bad', reason: 'unprocessable', error: expect.objectContaining({ code: 'payload.invalid' }) })]);
    expect(await store.getInboxEntry('bad')).toMatchObject({ status: 'dead' });
  });

  it('looks for the result of a resumed event\'s write whose run left no record, and sends it when nothing is found', async () => {
    const store = createMemoryStore();
    await store.addToInbox({ ...customerEvent(), id: 'e1' }, new Date().toISOString());
    const crm = crmConnector();
    const [run] = await engineWith(crm.connector, store).resume();
    expect(run?.status).toBe('succeeded');
    expect(crm.lookups()).toBe(1);
    expect(crm.created).toHaveLength(1);
    expect(run?.steps[0]).toMatchObject({ status: 'succeeded', output: { id: 1, name: 'Ann' } });
  });

  it('never looks for earlier results in runs that cannot have been attempted before', async () => {
    const crm = crmConnector();
    const engine = engineWith(crm.connector, createMemoryStore());
    await engine.dispatch({ ...customerEvent(), id: 'e1' });
    const { id: _id, ...withoutId } = customerEvent();
    await engine.dispatch(withoutId);
    await engine.run(engine.workflows()[0], { ...customerEvent(), id: 'e2' });
    await engine.submit({ ...customerEvent(), id: 'e3' });
    await engine.idle();
    expect(crm.created).toHaveLength(4);
    expect(crm.lookups()).toBe(0);
  });
});

describe('what a run records, and when', () => {
  /** A memory store that notes the run statuses and effect records it is given. */
  function notingStore() {
    const store = createMemoryStore();
    const runStatuses: string[] = [];
    const effectRecords: string[] = [];
    const noting: Store = {
      ...store,
      putRun: (run) => {
        runStatuses.push(run.status);
        return store.putRun(run);
      },
      putIdempotency: (record) => {
        effectRecords.push(`${record.key}:${record.state ?? 'done'}`);
        return store.putIdempotency(record);
      },
    };
    return { store: noting, runStatuses, effectRecords };
  }

  it('writes the run of a just-accepted event once, finished, with its step record standing for its effect', async () => {
    const { store, runStatuses, effectRecords } = notingStore();
    const crm = crmConnector();
    const engine = engineWith(crm.connector, store);
    await engine.submit({ ...customerEvent(), id: 'e1' });
    await engine.idle();
    expect(runStatuses).toEqual(['succeeded']);
    expect(effectRecords).toEqual([]);
    const [run] = await engine.listRuns();
    expect((await engine.getRun(run?.id ?? ''))?.steps).toMatchObject([{ path: 'create', status: 'succeeded', output: { id: 1, name: 'Ann' } }]);
  });

  it('lists a just-accepted event\'s run as running while its step waits to try again', async () => {
    const { store, runStatuses } = notingStore();
    let calls = 0;
    const crm = crmConnector();
    const flaky: Connector = {
      ...crm.connector,
      async invoke(request, context) {
        calls += 1;
        if (calls === 1) throw new ActionError('rate_limited', 'slow down');
        return crm.connector.invoke(request, context);
      },
    };
    const engine = createEngine({ connectors: [flaky], connections: { main: { connector: 'shop' } }, store });
    engine.deploy(workflow([{ id: 'create', type: 'action', operation: 'shop.create', connection: 'main', input: { name: 'x' }, retry: { attempts: 2, initialDelayMs: 300 } }]));
    await engine.submit({ ...customerEvent(), id: 'e1' });
    while (calls === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await store.listRuns({ status: 'running' })).map((run) => run.event.id)).toEqual(['e1']);
    await engine.idle();
    expect(runStatuses).toEqual(['running', 'succeeded']);
  });

  it('has a just-accepted event\'s run stored as running, with its snapshot, before its second step starts', async () => {
    const noted = notingStore();
    const { runStatuses } = noted;
    // Like a durable store, a write lands a while after it is issued.
    const later = <T,>(write: () => Promise<T>) => new Promise<T>((resolve) => setTimeout(() => resolve(write()), 10));
    const store: Store = { ...noted.store, putRun: (run) => later(() => noted.store.putRun(run)), putSnapshot: (id, snapshot) => later(() => noted.store.putSnapshot(id, snapshot)) };
    const crm = crmConnector();
    const seen: Array<{ running: string[]; snapshot: boolean }> = [];
    const watching: Connector = {
      ...crm.connector,
      async invoke(request, context) {
        if ((request.input as { name: unknown }).name === 'second') {
          const running = await store.listRuns({ status: 'running' });
          seen.push({ running: running.map((run) => run.event.id ?? ''), snapshot: (await store.getSnapshot(running[0]?.id ?? '')) !== undefined });
        }
        return crm.connector.invoke(request, context);
      },
    };
    const engine = createEngine({ connectors: [watching], connections: { main: { connector: 'shop' } }, store });
    engine.deploy(
      workflow([
        { id: 'one', type: 'action', operation: 'shop.create', connection: 'main', input: { name: 'first' } },
        { id: 'two', type: 'action', operation: 'shop.create', connection: 'main', input: { name: 'second' } },
      ]),
    );
    await engine.submit({ ...customerEvent(), id: 'e1' });
    await engine.idle();
    expect(seen).toEqual([{ running: ['e1'], snapshot: true }]);
    expect(runStatuses).toEqual(['running', 'succeeded']);
  });

  it('writes every run that is not of a just-accepted event as running before its first step', async () => {
    const { store, runStatuses } = notingStore();
    const engine = engineWith(crmConnector().connector, store);
    await engine.dispatch({ ...customerEvent(), id: 'e1' });
    expect(runStatuses).toEqual(['running', 'succeeded']);
  });
});
