import { describe, expect, it } from 'vitest';
import { createMemoryStore, type Store } from '../src/index.js';
import { customerEvent, echo, testEngine, workflow } from './fixtures.js';
import { gate, gym, until } from './tenant-fixtures.js';

/** `wait` holds the run until the gate opens; `save` comes after it. */
const WAIT_THEN_SAVE = workflow([
  { id: 'wait', type: 'action', operation: 'shop.wait', connection: 'main', input: { customer: '=$event.data.id' } },
  { id: 'save', type: 'action', operation: 'shop.save', connection: 'main', input: { customer: '=$event.data.id' } },
]);

/** Two deliveries of one customer (one ordering key): the first runs and waits at the gate, the second waits for its turn. */
async function gymWithWorkUnderWay(store: Store = createMemoryStore()) {
  const held = gate();
  const { engine, connector } = testEngine({ wait: held.action, save: echo }, { store });
  const scope = engine.addTenant(gym('gym-a'));
  scope.deploy(WAIT_THEN_SAVE);
  await scope.submit({ ...customerEvent({}, 'evt-1'), orderingKey: 'usr_1' });
  await scope.submit({ ...customerEvent({}, 'evt-2'), orderingKey: 'usr_1' });
  await until(() => held.entered() === 1, 'the first run waits at the gate');
  return { engine, connector, scope, store, open: held.open, records: store.forTenant('gym-a') };
}

describe('removeTenant', () => {
  it("with inFlight 'finish', lets the running run and the pending delivery end before it resolves", async () => {
    const { engine, connector, open, records } = await gymWithWorkUnderWay();

    let removed = false;
    const removal = engine.removeTenant('gym-a', { inFlight: 'finish', keepRecords: true }).then(() => (removed = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(removed, 'resolved while a run was still waiting').toBe(false);
    open();
    await removal;

    expect((await records.listRuns()).map((run) => [run.event.id, run.status]).sort()).toEqual([
      ['evt-1', 'succeeded'],
      ['evt-2', 'succeeded'],
    ]);
    expect(connector.calls.filter((call) => call.operationId === 'shop.save')).toHaveLength(2);
    expect(await records.listDeadLetters()).toEqual([]);
  });

  it("with inFlight 'dead-letter', stops the running run before its next step and dead-letters it and the pending delivery (tenant-removed)", async () => {
    const { engine, connector, open, records } = await gymWithWorkUnderWay();

    const removal = engine.removeTenant('gym-a', { inFlight: 'dead-letter', keepRecords: true });
    open();
    await removal;

    const [stopped] = await records.listRuns();
    expect(stopped).toMatchObject({ event: { id: 'evt-1' }, status: 'cancelled' });
    expect(connector.calls.map((call) => call.operationId), 'save, the step after the one under way, never ran').toEqual(['shop.wait']);
    expect(await records.getInboxEntry('evt-2')).toMatchObject({ status: 'dead' });
    expect((await records.listDeadLetters()).map((letter) => [letter.id, letter.reason]).sort()).toEqual([
      ['inbox:evt-2', 'tenant-removed'],
      [`run:${stopped?.id}`, 'tenant-removed'],
    ]);
  });

  it('returns the tenant\'s records, after its work ended, when asked for an export', async () => {
    const { engine, open } = await gymWithWorkUnderWay();

    const removal = engine.removeTenant('gym-a', { inFlight: 'finish', export: true });
    open();
    const { export: exported } = await removal;

    expect(exported).toMatchObject({
      tenant: 'gym-a',
      inbox: [expect.objectContaining({ id: 'evt-1', status: 'done' }), expect.objectContaining({ id: 'evt-2', status: 'done' })],
      workflowVersions: [expect.objectContaining({ workflowId: 'wf', version: 1 })],
    });
    expect(exported?.runs.map((run) => [run.event.id, run.status, run.steps.map((step) => step.stepId)]).sort()).toEqual([
      ['evt-1', 'succeeded', ['wait', 'save']],
      ['evt-2', 'succeeded', ['wait', 'save']],
    ]);
  });

  it("deletes the tenant's records (unless kept), and only that tenant's", async () => {
    const store = createMemoryStore();
    const { engine, open } = await gymWithWorkUnderWay(store);
    const other = engine.addTenant(gym('gym-b'));
    other.deploy(workflow([{ id: 'save', type: 'action', operation: 'shop.save', connection: 'main', input: {} }]));
    await other.submit(customerEvent({}, 'evt-1'));
    open();
    await engine.removeTenant('gym-a');

    expect(await store.listTenantIds()).not.toContain('gym-a');
    expect(await store.forTenant('gym-a').exportRecords()).toMatchObject({ inbox: [], runs: [], deadLetters: [], workflowVersions: [] });
    await engine.idle();
    expect((await other.listRuns()).map((run) => run.status)).toEqual(['succeeded']);
  });

  it('refuses a submit to a removed tenant, through a scope taken before (tenants.not-found)', async () => {
    const { engine, scope, open } = await gymWithWorkUnderWay();
    open();
    await engine.removeTenant('gym-a');

    await expect(scope.submit(customerEvent({}, 'evt-3'))).rejects.toMatchObject({ code: 'tenants.not-found' });
    expect(engine.hasTenant('gym-a')).toBe(false);
    expect(engine.tenants()).toEqual(['default']);
  });

  it('refuses a submit from the moment the removal starts, while its work finishes', async () => {
    const { engine, scope, open, records } = await gymWithWorkUnderWay();

    const removal = engine.removeTenant('gym-a', { inFlight: 'finish', keepRecords: true });
    await expect(scope.submit(customerEvent({}, 'evt-3'))).rejects.toMatchObject({ code: 'tenants.not-found' });
    open();
    await removal;

    expect(await records.getInboxEntry('evt-3')).toBeUndefined();
  });

  it('refuses to remove the default tenant (tenants.default)', async () => {
    const { engine } = testEngine({ save: echo });

    await expect(engine.removeTenant('default')).rejects.toMatchObject({ code: 'tenants.default' });
    expect(engine.tenants()).toEqual(['default']);
  });
});
