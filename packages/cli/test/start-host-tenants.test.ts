import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '@flowline/core';
import { startHost, type RunningHost } from '../src/host/start-host.js';
import { NEW_LEAD_WORKFLOW } from './fixtures/test-host.js';
import { post, signedLead } from './fixtures/tenant-stack.js';

const hosts: RunningHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

const connections = { ghl: { connector: 'ghl', settings: { locationId: 'loc_x' }, credentials: { type: 'private-token', token: 't' } } };

describe.each([
  ["on the engine's thread", false],
  ['on a thread of its own', true],
] as const)('startHost: tenants added and removed while it runs, webhook server %s', (_mode, receiverThread) => {
  it('receives a tenant added while it runs at its own path, and answers 404 there once it is removed', async () => {
    const store = createMemoryStore();
    const host = await startHost({
      config: { pushpress: { signingSecrets: ['whsec_default'] }, connections, config: { locationId: 'loc_x' } },
      workflows: [{ file: 'new-lead.workflow.json', definition: NEW_LEAD_WORKFLOW }],
      store,
      port: 0,
      receiverThread,
    });
    hosts.push(host);
    const first = signedLead('usr_before_add', 'whsec_late');
    expect((await post(host.webhookUrlOf('gym-late'), first)).status).toBe(404);

    await host.addTenant({ settings: { id: 'gym-late', connections, config: { locationId: 'loc_x' } }, signingSecrets: ['whsec_late'] });
    const sent = signedLead('usr_after_add', 'whsec_late');
    expect(await post(host.webhookUrlOf('gym-late'), sent)).toEqual({ status: 202, body: { status: 'accepted', id: sent.id } });
    expect(await store.forTenant('gym-late').getInboxEntry(sent.id)).toBeDefined();
    expect(await store.getInboxEntry(sent.id)).toBeUndefined();

    await host.removeTenant('gym-late', { inFlight: 'dead-letter' });
    const after = signedLead('usr_after_remove', 'whsec_late');
    expect(await post(host.webhookUrlOf('gym-late'), after)).toMatchObject({ status: 404, body: { error: { code: 'tenants.not-found' } } });
    expect(await store.forTenant('gym-late').getInboxEntry(after.id)).toBeUndefined();
  });
});
