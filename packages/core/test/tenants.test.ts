import { describe, expect, it } from 'vitest';
import { DEFAULT_TENANT, type WorkflowDefinition } from '../src/index.js';
import { customerEvent, echo, testEngine, workflow } from './fixtures.js';
import { gate, gym, until, whoAmI } from './tenant-fixtures.js';

const WHO = workflow([{ id: 'who', type: 'action', operation: 'shop.who', connection: 'main', input: { location: '=$config.locationId' } }]);

/** What the `who` step of a run answered. */
const answerOf = (run: { output?: unknown } | undefined) => (run?.output as { who?: unknown } | undefined)?.who;

describe('one engine, many tenants', () => {
  it('prepares a definition once for all the tenants that deploy it (100 tenants, 3 distinct definitions: 3 prepared workflows)', () => {
    const { engine } = testEngine({ who: whoAmI, save: echo });
    const definitions: WorkflowDefinition[] = [
      WHO,
      workflow([{ id: 'save', type: 'action', operation: 'shop.save', connection: 'main', input: { email: '=$event.data.email' } }], { id: 'save' }),
      workflow([{ id: 'x', type: 'set', var: 'x', value: '1' }], { id: 'set' }),
    ];
    // What `deploy` answers is the prepared workflow's definition: the same object when the
    // prepared workflow is shared. Each tenant deploys its own copy (as a host reading JSON would),
    // with its own connection credentials and `$config`.
    const published = new Set<WorkflowDefinition>();
    for (let n = 0; n < 100; n++) {
      const scope = engine.addTenant(gym(`gym-${n}`));
      for (const definition of definitions) published.add(scope.deploy(structuredClone(definition)));
    }

    expect(published.size).toBe(definitions.length);
  });

  it('lists the tenants, sorted, the default among them', () => {
    const { engine } = testEngine({ who: whoAmI });
    engine.addTenant(gym('gym-b'));
    engine.addTenant(gym('gym-a'));

    expect(engine.tenants()).toEqual([DEFAULT_TENANT, 'gym-a', 'gym-b']);
    expect(engine.tenant('gym-a').tenantId).toBe('gym-a');
    expect(engine.tenantId).toBe(DEFAULT_TENANT);
  });

  it('refuses to add a tenant twice (tenants.exists), keeping the first one as it was', async () => {
    const { engine } = testEngine({ who: whoAmI });
    engine.addTenant(gym('gym-a')).deploy(WHO);

    expect(() => engine.addTenant(gym('gym-a', { config: { locationId: 'loc_other' } }))).toThrow(expect.objectContaining({ code: 'tenants.exists' }));
    const [run] = await engine.tenant('gym-a').dispatch(customerEvent());
    expect(answerOf(run)).toMatchObject({ input: { location: 'loc_gym-a' } });
  });

  it('answers tenants.not-found for a tenant it does not have', async () => {
    const { engine } = testEngine({ who: whoAmI });

    expect(() => engine.tenant('gym-x')).toThrow(expect.objectContaining({ code: 'tenants.not-found' }));
    expect(() => engine.updateTenant(gym('gym-x'))).toThrow(expect.objectContaining({ code: 'tenants.not-found' }));
    await expect(engine.removeTenant('gym-x')).rejects.toMatchObject({ code: 'tenants.not-found' });
    expect(engine.hasTenant('gym-x')).toBe(false);
  });

  it('refuses a tenant id that is not safe in a URL path or a file name (tenants.invalid-id)', () => {
    const { engine } = testEngine({ who: whoAmI });

    expect(() => engine.addTenant(gym('../gym'))).toThrow(expect.objectContaining({ code: 'tenants.invalid-id' }));
    expect(engine.tenants()).toEqual([DEFAULT_TENANT]);
  });

  it('refuses a tenant whose connection is for a connector the engine was not given', () => {
    const { engine } = testEngine({ who: whoAmI });

    expect(() => engine.addTenant({ id: 'gym-a', connections: { crm: { connector: 'nope' } } })).toThrow(
      expect.objectContaining({ code: 'tenants.unknown-connector', pointer: '/connections/crm/connector' }),
    );
    expect(engine.hasTenant('gym-a')).toBe(false);
  });
});

describe('updateTenant', () => {
  it('runs the published workflows with the new connections and $config', async () => {
    const { engine } = testEngine({ who: whoAmI });
    engine.addTenant(gym('gym-a')).deploy(WHO);

    engine.updateTenant({
      id: 'gym-a',
      connections: { main: { connector: 'shop', settings: { gym: 'gym-a, moved' } } },
      config: { locationId: 'loc_new' },
    });

    expect(engine.tenant('gym-a').workflows().map((definition) => definition.id)).toEqual(['wf']);
    const [run] = await engine.tenant('gym-a').dispatch(customerEvent());
    expect(answerOf(run)).toMatchObject({ input: { location: 'loc_new' }, connection: { gym: 'gym-a, moved' } });
  });

  it('checks the published workflows against the new connections, and keeps the old settings when one no longer validates', async () => {
    const { engine } = testEngine({ who: whoAmI });
    engine.addTenant(gym('gym-a')).deploy(WHO);

    expect(() => engine.updateTenant({ id: 'gym-a', connections: { other: { connector: 'shop' } }, config: { locationId: 'loc_new' } })).toThrow(
      expect.objectContaining({ code: 'definition.invalid', problems: [expect.objectContaining({ pointer: '/steps/0/connection' })] }),
    );
    const [run] = await engine.tenant('gym-a').dispatch(customerEvent());
    expect(answerOf(run)).toMatchObject({ input: { location: 'loc_gym-a' }, connection: { gym: 'gym-a' } });
  });

  it('can still remove a tenant updated while a delivery of it was running (its work is counted across the update)', async () => {
    const held = gate();
    const { engine } = testEngine({ who: held.action });
    const scope = engine.addTenant(gym('gym-a'));
    scope.deploy(WHO);
    await scope.submit(customerEvent());
    await until(() => held.entered() === 1, 'the delivery runs');

    engine.updateTenant(gym('gym-a', { config: { locationId: 'loc_new' } }));
    held.open();
    await engine.idle();
    const removed = await Promise.race([engine.removeTenant('gym-a').then(() => 'removed'), new Promise((resolve) => setTimeout(() => resolve('still waiting after 1 s'), 1000))]);

    expect(removed).toBe('removed');
  });
});
