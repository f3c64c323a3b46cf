import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionError, createKeyedLimiter, RetryAfterError, silentLogger, type ActionContext } from '@flowline/core';
import { createPushPressConnector } from '@flowline/connectors';
import { CUSTOMER, startFakePushPressApi, type FakePushPressApi } from './fixtures/fake-pushpress-api.js';

let api: FakePushPressApi;
beforeAll(async () => {
  api = await startFakePushPressApi();
});
afterAll(async () => {
  await api.close();
});

function context(credentials?: Record<string, unknown>): ActionContext {
  return {
    tenant: 'default',
    connectionName: 'gym',
    connection: { connector: 'pushpress', ...(credentials === undefined ? {} : { credentials }) },
    signal: new AbortController().signal,
    limiter: createKeyedLimiter(),
    logger: silentLogger,
    idempotencyKey: 'run-1:lookup',
    attempt: 1,
  };
}

const CREDENTIALS = { apiKey: 'pp_live_secret_key_123', companyId: 'cmp_1' };

async function invokeFailure(operationId: string, input: unknown, credentials: Record<string, unknown> = CREDENTIALS): Promise<ActionError> {
  const connector = createPushPressConnector({ baseUrl: api.baseUrl });
  const error: unknown = await connector.invoke({ operationId, input }, context(credentials)).catch((caught: unknown) => caught);
  if (!(error instanceof ActionError)) throw new Error(`expected an ActionError, got ${String(error)}`);
  return error;
}

describe('pushpress connector', () => {
  it('offers the 23 triggers and the extra customer lookup, with unique ids', () => {
    const { name, operations } = createPushPressConnector();
    expect(name).toBe('pushpress');
    expect(operations.filter((operation) => operation.kind === 'trigger')).toHaveLength(23);
    const lookup = operations.find((operation) => operation.id === 'pushpress.customers.get');
    expect(lookup).toMatchObject({ kind: 'action', connector: 'pushpress', extra: true, http: { method: 'GET', path: '/customers/{customerId}' } });
    expect(new Set(operations.map((operation) => operation.id)).size).toBe(operations.length);
  });

  it('looks up a customer with the connection credentials', async () => {
    const connector = createPushPressConnector({ baseUrl: api.baseUrl });
    const output = await connector.invoke({ operationId: 'pushpress.customers.get', input: { path: { customerId: 'usr_1' } } }, context(CREDENTIALS));
    expect(output).toEqual(CUSTOMER);
    expect(api.seen.at(-1)?.headers['api-key']).toBe(CREDENTIALS.apiKey);
    expect(api.seen.at(-1)?.headers['company-id']).toBe('cmp_1');
  });

  it('runs the lookup through the keyed limiter when a limit is configured', async () => {
    const connector = createPushPressConnector({ baseUrl: api.baseUrl, limit: { limit: 5, intervalMs: 1000 } });
    const keys: string[] = [];
    const limiter = createKeyedLimiter();
    const ctx: ActionContext = {
      ...context(CREDENTIALS),
      limiter: { schedule: (key, policy, task) => (keys.push(key), limiter.schedule(key, policy, task)) },
    };
    await connector.invoke({ operationId: 'pushpress.customers.get', input: { path: { customerId: 'usr_1' } } }, ctx);
    expect(keys).toEqual(['pushpress:company:cmp_1']);
  });

  it('reports a missing customer as not_found and a 429 as RetryAfterError', async () => {
    expect((await invokeFailure('pushpress.customers.get', { path: { customerId: 'missing' } })).category).toBe('not_found');
    expect(await invokeFailure('pushpress.customers.get', { path: { customerId: 'busy' } })).toBeInstanceOf(RetryAfterError);
  });

  it('refuses input without a customer id, with a pointer', async () => {
    const error = await invokeFailure('pushpress.customers.get', { path: {} });
    expect(error).toMatchObject({ category: 'validation', pointer: '/path/customerId' });
  });

  it('names missing credentials without showing any', async () => {
    const error = await invokeFailure('pushpress.customers.get', { path: { customerId: 'usr_1' } }, { apiKey: 'pp_live_secret_key_123' });
    expect(error.category).toBe('credentials');
    expect(error.message).toContain('credentials.companyId');
    expect(error.message).not.toContain('pp_live_secret_key_123');
  });

  it('refuses to invoke a trigger or an unknown operation', async () => {
    expect((await invokeFailure('pushpress.customer.created', {})).message).toMatch(/is a trigger/);
    const unknown = await invokeFailure('pushpress.customers.gte', {});
    expect(unknown.hint).toContain('pushpress.customers.get');
  });
});
