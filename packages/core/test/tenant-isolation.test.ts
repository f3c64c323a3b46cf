import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionError, type RunEvents, type RunRecord, type Store, type WorkflowDefinition } from '../src/index.js';
import type { TestAction } from '../src/testing/index.js';
import { customerEvent, testEngine, workflow } from './fixtures.js';
import { gate, gym, STORE_KINDS, until, whoAmI, type OpenStore } from './tenant-fixtures.js';

/** One workflow, the same in every tenant unless `tag` tells them apart: it answers who ran it, with what `$config`. */
function whoWorkflow(tag = 'shared'): WorkflowDefinition {
  return workflow([
    {
      id: 'who',
      type: 'action',
      operation: 'shop.who',
      connection: 'main',
      input: { workflow: tag, location: '=$config.locationId', customer: '=$event.data.id' },
      retry: { attempts: 1 },
    },
  ]);
}

/** `whoAmI`, except that it refuses customer `usr_bad`. */
const whoUnlessBad: TestAction = {
  run: (input, context) => {
    if ((input as { customer?: string }).customer === 'usr_bad') throw new ActionError('validation', 'refused');
    return whoAmI.run(input, context);
  },
};

/** What the `who` step of a run answered. */
function answerOf(run: Pick<RunRecord, 'output'> | undefined): { input: Record<string, unknown>; tenant: string; connection: unknown } {
  return (run?.output as { who: ReturnType<typeof answerOf> }).who;
}

const A = 'gym-a';
const B = 'gym-b';

describe.each(STORE_KINDS)('two tenants on one $name', (kind) => {
  let opened: OpenStore;
  let store: Store;
  beforeEach(() => {
    opened = kind.open();
    store = opened.store;
  });
  afterEach(async () => opened.close());

  /** An engine on the store serving gyms A and B, each with `whoWorkflow` (tagged by gym unless `shared`) published. */
  function twoGyms(options: { shared?: boolean } = {}) {
    const { engine, connector } = testEngine({ who: whoUnlessBad }, { store });
    const a = engine.addTenant(gym(A));
    const b = engine.addTenant(gym(B));
    a.deploy(whoWorkflow(options.shared ? 'shared' : A));
    b.deploy(whoWorkflow(options.shared ? 'shared' : B));
    return { engine, connector, a, b };
  }

  /**
   * A delivery (evt-1) each of `gyms` accepted just before its process died (its run never got
   * past its first step): pending in the gym's inbox. The store then is as the next process finds it.
   */
  async function pendingDeliveriesOf(...gyms: string[]): Promise<void> {
    const held = gate();
    const { engine } = testEngine({ who: held.action }, { store });
    for (const id of gyms) {
      const scope = engine.addTenant(gym(id));
      scope.deploy(whoWorkflow(id));
      await scope.submit(customerEvent({}, 'evt-1'));
    }
    await until(() => held.entered() === gyms.length, 'every run has started');
    store = await opened.restart();
  }

  it("tenant B's resume() never runs tenant A's pending delivery", async () => {
    await pendingDeliveriesOf(A);
    const { engine, connector, b } = twoGyms();

    expect(await b.resume()).toEqual([]);
    await engine.idle();

    expect(connector.calls).toEqual([]);
    expect(await store.forTenant(A).getInboxEntry('evt-1')).toMatchObject({ status: 'pending', runIds: [] });
    expect(await store.forTenant(B).listRuns()).toEqual([]);
  });

  it("tenant A's resume() runs its pending delivery once, on A's workflow and A's connection", async () => {
    await pendingDeliveriesOf(A);
    const { a, b } = twoGyms();

    const runs = await a.resume();

    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      status: 'succeeded',
      output: { who: { input: { workflow: A, location: `loc_${A}` }, tenant: A, connection: { gym: A } } },
    });
    expect(await store.forTenant(A).getInboxEntry('evt-1')).toMatchObject({ status: 'done', runIds: [runs[0]?.id] });
    expect(await b.listRuns()).toEqual([]);
  });

  it("engine.resume() runs each tenant's pending delivery on that tenant's own workflow", async () => {
    await pendingDeliveriesOf(A, B);
    const { engine } = twoGyms();

    const runs = await engine.resume();

    expect(runs.map((run) => answerOf(run)).map((answer) => [answer.tenant, answer.input.workflow]).sort()).toEqual([
      [A, A],
      [B, B],
    ]);
  });

  it('takes the same event id submitted to tenants A and B as two deliveries, each with its own run', async () => {
    const { engine, connector, a, b } = twoGyms();

    expect(await a.submit(customerEvent({}, 'evt-1'))).toEqual({ status: 'accepted', id: 'evt-1' });
    expect(await b.submit(customerEvent({}, 'evt-1'))).toEqual({ status: 'accepted', id: 'evt-1' });
    await engine.idle();

    expect(connector.calls).toHaveLength(2);
    const [runOfA] = await a.listRuns();
    const [runOfB] = await b.listRuns();
    expect(answerOf(runOfA)).toMatchObject({ tenant: A });
    expect(answerOf(runOfB)).toMatchObject({ tenant: B });
    expect(await a.submit(customerEvent({}, 'evt-1')), 'a second delivery to the same tenant is a duplicate').toEqual({ status: 'duplicate', id: 'evt-1' });
  });

  it("never shows tenant A's runs or dead letters in tenant B's listRuns, runs or deadLetters", async () => {
    const { engine, a, b } = twoGyms();
    await a.submit(customerEvent({}, 'evt-ok'));
    await a.submit(customerEvent({ id: 'usr_bad' }, 'evt-bad'));
    await b.submit(customerEvent({}, 'evt-b'));
    await engine.idle();
    expect(await a.listRuns()).toHaveLength(2);
    expect(await a.deadLetters()).toHaveLength(1);

    const runsOfB = await b.listRuns();
    expect(runsOfB.map((run) => run.event.id)).toEqual(['evt-b']);
    expect((await b.runs()).runs.map((run) => run.id)).toEqual(runsOfB.map((run) => run.id));
    expect((await b.runs({ status: 'failed' })).runs).toEqual([]);
    expect(await b.deadLetters()).toEqual([]);
    expect(await engine.listRuns(), "the default tenant's list").toEqual([]);
  });

  it("gives each tenant's runs its own $config, from one definition both share", async () => {
    const { a, b } = twoGyms({ shared: true });

    const [ofA] = await a.dispatch(customerEvent({}, 'evt-1'));
    const [ofB] = await b.dispatch(customerEvent({}, 'evt-1'));

    expect(answerOf(ofA)).toMatchObject({ input: { location: `loc_${A}` } });
    expect(answerOf(ofB)).toMatchObject({ input: { location: `loc_${B}` } });
  });

  it("gives each tenant's action steps its own connection, from one definition both share", async () => {
    const { a, b } = twoGyms({ shared: true });

    const [ofA] = await a.dispatch(customerEvent({}, 'evt-1'));
    const [ofB] = await b.dispatch(customerEvent({}, 'evt-1'));

    expect(answerOf(ofA)).toMatchObject({ tenant: A, connection: { gym: A } });
    expect(answerOf(ofB)).toMatchObject({ tenant: B, connection: { gym: B } });
  });

  it("maps each tenant's `$use` with that tenant's own template", async () => {
    const { engine } = testEngine({ who: whoAmI }, { store });
    const a = engine.addTenant(gym(A, { templates: { contact: { name: '=$event.data.firstName' } } }));
    const b = engine.addTenant(gym(B, { templates: { contact: { name: '=$uppercase($event.data.firstName)' } } }));
    const definition = workflow([{ id: 'who', type: 'action', operation: 'shop.who', connection: 'main', input: { $use: 'contact' } }]);
    a.deploy(definition);
    b.deploy(definition);

    const [ofA] = await a.dispatch(customerEvent({}, 'evt-1'));
    const [ofB] = await b.dispatch(customerEvent({}, 'evt-1'));

    expect(answerOf(ofA)).toMatchObject({ input: { name: 'Ann' } });
    expect(answerOf(ofB)).toMatchObject({ input: { name: 'ANN' } });
  });

  it('names the tenant in every run and step event', async () => {
    const { engine, a, b } = twoGyms({ shared: true });
    const seen: Array<[string, string, string]> = [];
    const names = ['run.queued', 'run.started', 'step.started', 'step.succeeded', 'run.succeeded'] as const;
    for (const name of names) engine.on(name, (event: RunEvents[typeof name]) => seen.push([name, event.tenant, event.runId]));

    await a.submit(customerEvent({}, 'evt-1'));
    await b.submit(customerEvent({}, 'evt-1'));
    await engine.idle();

    // The two runs may have the same id (run ids are unique within a tenant): the tenant tells them apart.
    const [runOfA] = await a.listRuns();
    const [runOfB] = await b.listRuns();
    expect(seen).toHaveLength(2 * names.length);
    for (const [tenant, run] of [[A, runOfA], [B, runOfB]] as const) {
      expect(seen.filter(([, named]) => named === tenant)).toEqual(names.map((name) => [name, tenant, run?.id]));
    }
  });

  it("keeps links per tenant: tenant B does not find tenant A's link of the same id", async () => {
    const { engine } = testEngine({}, { store });
    const a = engine.addTenant(gym(A, { connections: {} }));
    const b = engine.addTenant(gym(B, { connections: {} }));
    const find = workflow([{ id: 'find', type: 'action', operation: 'flowline.links.get', connection: 'flowline', input: { namespace: 'pp:ghl', from: '=$event.data.id' } }]);
    const link = workflow([{ id: 'link', type: 'action', operation: 'flowline.links.put', connection: 'flowline', input: { namespace: 'pp:ghl', from: '=$event.data.id', to: 'ct_a' } }]);

    await a.run(link, customerEvent());

    expect((await b.run(find, customerEvent())).output).toEqual({ find: { found: false } });
    expect((await a.run(find, customerEvent())).output).toEqual({ find: { found: true, to: 'ct_a' } });
    expect(await store.forTenant(B).getLink('pp:ghl', 'usr_1')).toBeUndefined();
  });
});
