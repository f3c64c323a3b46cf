import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionError, RetryAfterError } from '@flowline/core';
import { createPushPressClient } from '@flowline/connectors';
import { CUSTOMER, startFakePushPressApi, type FakePushPressApi } from './fixtures/fake-pushpress-api.js';

const API_KEY = 'pp_live_secret_key_123';

let api: FakePushPressApi;
beforeAll(async () => {
  api = await startFakePushPressApi();
});
afterAll(async () => {
  await api.close();
});

function client(timeoutMs?: number) {
  return createPushPressClient({ apiKey: API_KEY, companyId: 'cmp_1', baseUrl: api.baseUrl, ...(timeoutMs ? { timeoutMs } : {}) });
}

async function failure(customerId: string, timeoutMs?: number): Promise<ActionError> {
  const error: unknown = await client(timeoutMs).getCustomer(customerId).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ActionError)) throw new Error(`expected an ActionError, got ${String(error)}`);
  return error;
}

describe('PushPress REST client', () => {
  it('gets a customer with the API-KEY and company-id headers, keeping unknown fields', async () => {
    const customer = await client().getCustomer('usr_1');
    expect(customer).toEqual(CUSTOMER);
    const request = api.seen.at(-1);
    expect(request).toMatchObject({ method: 'GET', url: '/v3/customers/usr_1' });
    expect(request?.headers['api-key']).toBe(API_KEY);
    expect(request?.headers['company-id']).toBe('cmp_1');
  });

  it('URL-encodes the customer id', async () => {
    await failure('a/b?c');
    expect(api.seen.at(-1)?.url).toBe('/v3/customers/a%2Fb%3Fc');
  });

  it('classifies 404 as not_found with the API message and the request path', async () => {
    const error = await failure('missing');
    expect(error).toMatchObject({ category: 'not_found', status: 404, request: 'GET /customers/missing' });
    expect(error.details).toEqual({ message: 'Customer not found' });
  });

  it('turns 429 into a RetryAfterError that carries Retry-After', async () => {
    const error = await failure('busy');
    expect(error).toBeInstanceOf(RetryAfterError);
    expect((error as RetryAfterError).retryAfterMs).toBe(7000);
    expect(error.category).toBe('rate_limited');
  });

  it('gives a 429 without Retry-After a default wait', async () => {
    const error = await failure('busy-no-header');
    expect(error).toBeInstanceOf(RetryAfterError);
    expect((error as RetryAfterError).retryAfterMs).toBeGreaterThan(0);
  });

  it('classifies 401 as credentials, 408 as timeout and 5xx as server', async () => {
    expect((await failure('badkey')).category).toBe('credentials');
    expect((await failure('slow')).category).toBe('timeout');
    expect((await failure('boom')).category).toBe('server');
  });

  it('classifies a non-JSON success body as a server error', async () => {
    expect((await failure('not-json')).category).toBe('server');
  });

  it('gives up on a request that never answers with a timeout error', async () => {
    const error = await failure('hang', 50);
    expect(error.category).toBe('timeout');
  });

  it('classifies an unreachable server as a network error', async () => {
    const unreachable = createPushPressClient({ apiKey: API_KEY, companyId: 'cmp_1', baseUrl: 'http://127.0.0.1:1/v3' });
    const error: unknown = await unreachable.getCustomer('usr_1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).category).toBe('network');
  });

  it('never puts the API key in an error', async () => {
    for (const id of ['missing', 'busy', 'badkey', 'boom', 'hang']) {
      const error = await failure(id, 50);
      expect(`${error.message} ${error.hint ?? ''} ${JSON.stringify(error)} ${String(error.stack)}`).not.toContain(API_KEY);
    }
  });

  it('says what it expected when options are wrong, without echoing the key', () => {
    expect(() => createPushPressClient({ apiKey: '', companyId: 'cmp_1' })).toThrow(/apiKey/);
    expect(() => createPushPressClient({ apiKey: API_KEY, companyId: 'cmp_1', baseUrl: 'ftp://x' })).toThrow(/baseUrl/);
  });
});
