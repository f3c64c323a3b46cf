import { describe, expect, it } from 'vitest';
import type { ParkedDeliveryInput } from '../store/parked-delivery.js';
import type { Store, TenantRecord, TenantStore, WorkflowVersionRecord } from '../store/store.js';
import { at, event, idempotency, run, step, T0 } from './store-contract-records.js';

function parked(tag: string): ParkedDeliveryInput {
  return { event: { trigger: 'pushpress.member.updated', payload: { tag }, id: 'p1' }, receivedAt: T0, reason: 'unknown-trigger' };
}

function version(tag: string): WorkflowVersionRecord {
  return { workflowId: 'wf-a', version: 1, state: 'published', definition: { tag }, savedAt: T0, publishedAt: T0 };
}

function tenantRecord(id: string, overrides: Partial<TenantRecord> = {}): TenantRecord {
  return { id, settings: { name: `Gym ${id}` }, createdAt: T0, updatedAt: T0, ...overrides };
}

/**
 * Puts one record of every kind into `tenant` under the same ids every tenant uses, each
 * carrying `tag`: without isolation, a second tenant's put replaces the first's, or a read shows
 * the other's tag.
 */
async function fill(tenant: TenantStore, tag: string): Promise<void> {
  await tenant.addToInbox(event('e1', { tag }), T0);
  await tenant.putRun(run('r1', { output: { tag } }));
  await tenant.putStep(step('r1', 'a', { output: { tag } }));
  await tenant.putSnapshot('r1', { tag });
  await tenant.putIdempotency(idempotency('k1', { output: { tag } }));
  await tenant.putLink('ns', 'usr_1', `ct_${tag}`);
  await tenant.putDeadLetter({ runId: 'r1', reason: `failed-${tag}`, at: T0 });
  await tenant.parkDelivery(parked(tag));
  await tenant.putWorkflowVersion(version(tag));
}

/** Checks `tenant` reads back exactly what `fill(tenant, tag)` put, and nothing of another's. */
async function expectOwn(tenant: TenantStore, tag: string): Promise<void> {
  expect((await tenant.getInboxEntry('e1'))?.event.payload).toEqual({ tag });
  expect((await tenant.listInbox('pending')).map((entry) => entry.event.payload)).toEqual([{ tag }]);
  expect((await tenant.getRun('r1'))?.output).toEqual({ tag });
  expect((await tenant.listRuns()).map((found) => found.output)).toEqual([{ tag }]);
  expect((await tenant.listRuns({ workflowId: 'wf-a', status: 'queued' })).map((found) => found.output)).toEqual([{ tag }]);
  expect((await tenant.listSteps('r1')).map((found) => found.output)).toEqual([{ tag }]);
  expect(await tenant.getSnapshot('r1')).toEqual({ tag });
  expect((await tenant.getIdempotency('k1'))?.output).toEqual({ tag });
  expect(await tenant.getLink('ns', 'usr_1')).toBe(`ct_${tag}`);
  expect((await tenant.getDeadLetter('run:r1'))?.reason).toBe(`failed-${tag}`);
  expect((await tenant.listDeadLetters()).map((letter) => letter.reason)).toEqual([`failed-${tag}`]);
  expect((await tenant.getParkedDelivery('p1'))?.event.payload).toEqual({ tag });
  expect((await tenant.listParkedDeliveries()).map((delivery) => delivery.event.payload)).toEqual([{ tag }]);
  expect((await tenant.getWorkflowVersion('wf-a', 1))?.definition).toEqual({ tag });
  expect((await tenant.listWorkflowVersions()).map((found) => found.definition)).toEqual([{ tag }]);
}

/** Checks `tenant` holds nothing under the ids `fill` uses. */
async function expectEmpty(tenant: TenantStore): Promise<void> {
  expect(await tenant.getInboxEntry('e1')).toBeUndefined();
  for (const status of ['pending', 'done', 'dead'] as const) expect(await tenant.listInbox(status)).toEqual([]);
  expect(await tenant.getRun('r1')).toBeUndefined();
  expect(await tenant.listRuns()).toEqual([]);
  expect(await tenant.listSteps('r1')).toEqual([]);
  expect(await tenant.getSnapshot('r1')).toBeUndefined();
  expect(await tenant.getIdempotency('k1')).toBeUndefined();
  expect(await tenant.getLink('ns', 'usr_1')).toBeUndefined();
  expect(await tenant.getDeadLetter('run:r1')).toBeUndefined();
  expect(await tenant.listDeadLetters()).toEqual([]);
  expect(await tenant.getParkedDelivery('p1')).toBeUndefined();
  expect(await tenant.listParkedDeliveries()).toEqual([]);
  expect(await tenant.getWorkflowVersion('wf-a', 1)).toBeUndefined();
  expect(await tenant.listWorkflowVersions()).toEqual([]);
}

/** The tenants of the Store contract (see describeStoreContract): isolation, deletion, exports, tenant records, ids. */
export function describeTenantContract(store: () => Store): void {
  const gymA = (): TenantStore => store().forTenant('gym-a');
  const gymB = (): TenantStore => store().forTenant('gym-b');

  describe('tenants: isolation', () => {
    it('names the tenant of each view; the store itself is the default tenant', () => {
      expect(store().tenant).toBe('default');
      expect(gymA().tenant).toBe('gym-a');
      expect(store().forTenant('default').tenant).toBe('default');
    });

    it("reads and writes the default tenant's records through the store and through forTenant('default') alike", async () => {
      await fill(store(), 'default');
      await expectOwn(store().forTenant('default'), 'default');
      await expectEmpty(gymA());
    });

    it('accepts the same event id in two tenants as two entries, each with its own status', async () => {
      expect(await gymA().addToInbox(event('e1', { gym: 'a' }), T0)).toEqual({ added: true });
      expect(await gymB().addToInbox(event('e1', { gym: 'b' }), at(1))).toEqual({ added: true });
      expect(await gymB().addToInbox(event('e1', { gym: 'b2' }), at(2))).toEqual({ added: false });
      expect((await gymA().getInboxEntry('e1'))?.event.payload).toEqual({ gym: 'a' });
      expect((await gymB().getInboxEntry('e1'))?.event.payload).toEqual({ gym: 'b' });
      expect(await store().getInboxEntry('e1')).toBeUndefined();

      await gymA().setInboxStatus('e1', 'done', { runIds: ['r1'] });
      expect((await gymA().listInbox('done')).map((entry) => entry.id)).toEqual(['e1']);
      expect(await gymB().listInbox('done')).toEqual([]);
      expect((await gymB().listInbox('pending')).map((entry) => [entry.id, entry.receivedAt])).toEqual([['e1', at(1)]]);
    });

    it("refuses to set the status of another tenant's inbox entry", async () => {
      await gymA().addToInbox(event('e1'), T0);
      await expect(gymB().setInboxStatus('e1', 'done', { runIds: ['r1'] })).rejects.toMatchObject({ code: 'store.not_found' });
      expect((await gymA().getInboxEntry('e1'))?.status).toBe('pending');
    });

    it('keeps the records of each tenant apart under the same ids: inbox, runs, steps, snapshots, effects, links, dead letters, parked deliveries, workflow versions', async () => {
      await fill(gymA(), 'a');
      await fill(gymB(), 'b');
      await fill(store(), 'default');
      await expectOwn(gymA(), 'a');
      await expectOwn(gymB(), 'b');
      await expectOwn(store(), 'default');
      await expectEmpty(store().forTenant('gym-never-written'));
    });

    it("removes a link, a dead letter, a parked delivery and a workflow version in one tenant only", async () => {
      await fill(gymA(), 'a');
      await fill(gymB(), 'b');
      await gymA().deleteLink('ns', 'usr_1');
      expect(await gymA().removeDeadLetter('run:r1')).toEqual({ removed: true });
      expect(await gymA().removeParkedDelivery('p1')).toEqual({ removed: true });
      expect(await gymA().deleteWorkflowVersion('wf-a', 1)).toEqual({ removed: true });
      expect(await gymA().getLink('ns', 'usr_1')).toBeUndefined();
      expect(await gymA().listDeadLetters()).toEqual([]);
      await expectOwn(gymB(), 'b');
    });

    it('lists runs and dead letters of one tenant only, whatever the query', async () => {
      await gymA().putRun(run('a1', { status: 'failed', queuedAt: at(1) }));
      await gymB().putRun(run('b1', { status: 'failed', queuedAt: at(2) }));
      await gymB().putDeadLetter({ runId: 'b1', reason: 'run-failed', at: at(2) });
      expect((await gymA().listRuns({ status: 'failed' })).map((found) => found.id)).toEqual(['a1']);
      expect((await gymA().listRuns({ workflowId: 'wf-a', version: 1, since: T0, limit: 10 })).map((found) => found.id)).toEqual(['a1']);
      expect((await gymA().listRuns({ after: { queuedAt: at(3), id: 'z' } })).map((found) => found.id)).toEqual(['a1']);
      expect(await gymA().listDeadLetters({ reason: 'run-failed' })).toEqual([]);
    });
  });

  describe('tenants: operator calls', () => {
    it("deletes every record of one tenant, its tenant record too, and nothing of another's", async () => {
      await fill(gymA(), 'a');
      await fill(gymB(), 'b');
      await fill(store(), 'default');
      await store().putTenant(tenantRecord('gym-a'));
      await store().putTenant(tenantRecord('gym-b'));
      await store().deleteTenant('gym-a');
      await expectEmpty(gymA());
      expect(await store().getTenant('gym-a')).toBeUndefined();
      await expectOwn(gymB(), 'b');
      await expectOwn(store(), 'default');
      expect(await store().getTenant('gym-b')).toEqual(tenantRecord('gym-b'));
    });

    it("deletes the default tenant's records, which the store itself reads, and keeps the others'", async () => {
      await fill(store(), 'default');
      await fill(gymA(), 'a');
      await store().deleteTenant('default');
      await expectEmpty(store());
      await expectEmpty(store().forTenant('default'));
      await expectOwn(gymA(), 'a');
      await fill(store(), 'again');
      await expectOwn(store(), 'again');
    });

    it('deletes a tenant that has nothing without complaint', async () => {
      await expect(store().deleteTenant('gym-nothing')).resolves.toBeUndefined();
    });

    it('lists the ids of the tenants with records or a tenant record, sorted, and forgets a deleted one', async () => {
      await gymB().putLink('ns', 'usr_1', 'ct_1');
      await gymA().putWorkflowVersion(version('a'));
      await store().forTenant('gym-0').addToInbox(event('e1'), T0);
      await store().putTenant(tenantRecord('gym-c'));
      const ids = await store().listTenantIds();
      expect(ids).toEqual([...ids].sort());
      expect(ids.filter((id) => id !== 'default')).toEqual(['gym-0', 'gym-a', 'gym-b', 'gym-c']);
      await store().deleteTenant('gym-a');
      await store().deleteTenant('gym-c');
      expect((await store().listTenantIds()).filter((id) => id !== 'default')).toEqual(['gym-0', 'gym-b']);
    });

    it("exports everything of one tenant as JSON data, and nothing of another's", async () => {
      await fill(gymA(), 'a');
      await fill(gymB(), 'b');
      await gymA().putRun(run('r2', { queuedAt: at(5), status: 'succeeded' }));
      await gymA().putStep(step('r2', 'x'));
      await gymA().putStep(step('r2', 'y'));
      const exported = await gymA().exportRecords();
      expect(exported).toEqual({
        tenant: 'gym-a',
        inbox: [{ id: 'e1', event: event('e1', { tag: 'a' }), receivedAt: T0, status: 'pending', runIds: [] }],
        runs: [
          { ...run('r2', { queuedAt: at(5), status: 'succeeded' }), steps: [step('r2', 'x'), step('r2', 'y')] },
          { ...run('r1', { output: { tag: 'a' } }), steps: [step('r1', 'a', { output: { tag: 'a' } })] },
        ],
        deadLetters: [{ id: 'run:r1', runId: 'r1', reason: 'failed-a', at: T0 }],
        links: [{ namespace: 'ns', from: 'usr_1', to: 'ct_a' }],
        effects: [idempotency('k1', { output: { tag: 'a' } })],
        parked: [{ id: 'p1', ...parked('a') }],
        workflowVersions: [version('a')],
      });
      expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    });

    it('exports a tenant without records as empty lists', async () => {
      expect(await store().forTenant('gym-empty').exportRecords()).toEqual({
        tenant: 'gym-empty',
        inbox: [],
        runs: [],
        deadLetters: [],
        links: [],
        effects: [],
        parked: [],
        workflowVersions: [],
      });
    });
  });

  describe('tenants: tenant records', () => {
    it('returns a tenant record as it was put, secrets included', async () => {
      const record = tenantRecord('gym-a', {
        settings: { name: 'Gym A', timezone: 'Europe/Madrid', ghl: { locationId: 'loc_1' }, tags: ['a', 'ñ'] },
        secrets: { ghl: { clientSecret: 's3cr3t', refreshToken: 'rt_1' }, pushpressSigningSecret: 'whsec_1' },
        updatedAt: at(1),
      });
      await store().putTenant(record);
      expect(await store().getTenant('gym-a')).toEqual(record);
      expect(await store().listTenants()).toEqual([record]);
    });

    it('returns a record put without secrets without them', async () => {
      await store().putTenant(tenantRecord('gym-a'));
      const back = await store().getTenant('gym-a');
      expect(back).toEqual(tenantRecord('gym-a'));
      expect(back !== undefined && 'secrets' in back).toBe(false);
    });

    it('replaces a tenant record put again, secrets and all', async () => {
      await store().putTenant(tenantRecord('gym-a', { secrets: { key: 'old' } }));
      await store().putTenant(tenantRecord('gym-a', { settings: { name: 'Renamed' }, secrets: { key: 'new' }, updatedAt: at(9) }));
      expect(await store().getTenant('gym-a')).toEqual(tenantRecord('gym-a', { settings: { name: 'Renamed' }, secrets: { key: 'new' }, updatedAt: at(9) }));
      await store().putTenant(tenantRecord('gym-a'));
      expect((await store().getTenant('gym-a'))?.secrets).toBeUndefined();
    });

    it('lists tenant records sorted by id, and returns undefined for an unknown one', async () => {
      for (const id of ['gym-b', 'default', 'gym-a']) await store().putTenant(tenantRecord(id));
      expect((await store().listTenants()).map((record) => record.id)).toEqual(['default', 'gym-a', 'gym-b']);
      expect(await store().getTenant('gym-z')).toBeUndefined();
    });

    it("keeps a tenant record apart from the tenant's data", async () => {
      await store().putTenant(tenantRecord('gym-a'));
      expect(await gymA().exportRecords()).toMatchObject({ inbox: [], runs: [], links: [] });
      await fill(gymA(), 'a');
      expect(await store().getTenant('gym-a')).toEqual(tenantRecord('gym-a'));
    });
  });

  describe('tenants: ids', () => {
    const invalid: unknown[] = ['', 'has space', '../etc', 'a/b', '-leading-dash', '_leading', 'x'.repeat(65), 'gym.a', 42, undefined];

    it('refuses a tenant id that is not one, with tenants.invalid-id', async () => {
      for (const id of invalid) {
        expect(() => store().forTenant(id as string), `forTenant(${String(id)})`).toThrow(expect.objectContaining({ code: 'tenants.invalid-id' }));
        await expect(store().deleteTenant(id as string), `deleteTenant(${String(id)})`).rejects.toMatchObject({ code: 'tenants.invalid-id' });
        await expect(store().putTenant(tenantRecord(id as string)), `putTenant(${String(id)})`).rejects.toMatchObject({ code: 'tenants.invalid-id' });
      }
      expect(await store().listTenants()).toEqual([]);
    });

    it('accepts ids of letters, digits, "_" and "-" up to 64 characters', async () => {
      for (const id of ['a', 'Gym_42-b', '7', 'x'.repeat(64)]) {
        const tenant = store().forTenant(id);
        expect(tenant.tenant).toBe(id);
        await tenant.putLink('ns', 'usr_1', id);
        expect(await tenant.getLink('ns', 'usr_1')).toBe(id);
      }
    });
  });
}
