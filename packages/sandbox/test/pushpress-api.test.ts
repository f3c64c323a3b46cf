import { afterEach, describe, expect, it } from 'vitest';
import { createPushPressClient } from '@flowline/connectors';
import { DEFAULT_PUSHPRESS_API_KEY, LEAD_TO_MEMBER, scenarioCustomers, startPushPressApiStub, type PushPressApiStub } from '../src/index.js';

let stub: PushPressApiStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe('PushPress API stub', () => {
  it('answers GET /customers/{id} for the scenario customers through the real PushPress client', async () => {
    stub = await startPushPressApiStub({ customers: scenarioCustomers(LEAD_TO_MEMBER) });
    const client = createPushPressClient({ apiKey: DEFAULT_PUSHPRESS_API_KEY, companyId: 'client_sandbox', baseUrl: stub.url });
    const customer = await client.getCustomer('usr_ann');
    expect(customer).toMatchObject({ id: 'usr_ann', companyId: 'client_sandbox', name: { first: 'Ann', last: 'Lee' }, email: 'ann.lee@example.com', role: 'lead' });
  });

  it('answers 404 for an unknown customer and 401 without the right API key, as classified errors', async () => {
    stub = await startPushPressApiStub();
    const good = createPushPressClient({ apiKey: DEFAULT_PUSHPRESS_API_KEY, companyId: 'client_sandbox', baseUrl: stub.url });
    await expect(good.getCustomer('usr_nobody')).rejects.toMatchObject({ category: 'not_found' });
    const bad = createPushPressClient({ apiKey: 'wrong', companyId: 'client_sandbox', baseUrl: stub.url });
    await expect(bad.getCustomer('usr_nobody')).rejects.toMatchObject({ category: 'credentials' });
    expect(stub.stats()).toEqual({ '404': 1, '401': 1 });
  });

  it('serves customers added later and keys them by id', async () => {
    stub = await startPushPressApiStub();
    stub.putCustomer({ id: 'usr_late', name: { first: 'Late', last: 'Comer', nickname: null } });
    const client = createPushPressClient({ apiKey: DEFAULT_PUSHPRESS_API_KEY, companyId: 'client_sandbox', baseUrl: stub.url });
    expect(await client.getCustomer('usr_late')).toMatchObject({ name: { first: 'Late' } });
    expect(() => stub?.putCustomer({ name: 'no id' })).toThrow('Expected a customer with a non-empty string `id`');
  });

  it('refuses a non-loopback host', async () => {
    await expect(startPushPressApiStub({ host: '0.0.0.0' })).rejects.toThrow('Expected `host` to be a loopback address');
  });
});
