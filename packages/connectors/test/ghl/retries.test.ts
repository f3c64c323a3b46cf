import { ActionError, RetryAfterError, type OperationDescriptor } from '@flowline/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { staticTokenSource } from '../../src/ghl/auth/access-token-source.js';
import { createGhlConnector, GhlClient, type GhlCall, type Reconcile } from '../../src/ghl/index.js';
import { actionContext, createContact, failureOf, fastRetry, getContact, handMadeOperations, PRIVATE_TOKEN, privateToken, searchContacts } from './support/fixtures.js';
import { sendJson, startServer, type TestServer } from './support/http-server.js';

describe('ghl retries', () => {
  let server: TestServer;
  let failuresLeft = 0;
  let mode: 'status' | 'drop' | 'rate' = 'status';
  beforeAll(async () => {
    server = await startServer((_req, res) => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        if (mode === 'drop') {
          res.socket?.destroy();
          return;
        }
        if (mode === 'rate') return sendJson(res, 429, { message: 'Too many requests' }, { 'Retry-After': '0' });
        return sendJson(res, 503, { message: 'Service Unavailable' });
      }
      sendJson(res, 200, { id: 'x1' });
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    failuresLeft = 0;
    mode = 'status';
  });

  /** The client on its own, as a host uses it outside any workflow step: it retries by its `retry` options. */
  const run = (operation: OperationDescriptor, input: unknown, options: { reconcile?: Reconcile; call?: Partial<GhlCall> } = {}) =>
    new GhlClient({ baseUrl: server.url, retry: fastRetry, ...(options.reconcile ? { reconcile: options.reconcile } : {}) }).execute(operation, input, {
      auth: staticTokenSource(PRIVATE_TOKEN),
      ...options.call,
    });

  it('retries a GET after 5xx answers', async () => {
    failuresLeft = 2;
    expect(await run(getContact, { path: { contactId: 'c1' } })).toEqual({ id: 'x1' });
    expect(server.requests).toHaveLength(3);
  });

  it('retries a GET after a dropped connection', async () => {
    failuresLeft = 1;
    mode = 'drop';
    expect(await run(getContact, { path: { contactId: 'c1' } })).toEqual({ id: 'x1' });
    expect(server.requests).toHaveLength(2);
  });

  it('gives up on a GET after the configured retries', async () => {
    failuresLeft = 10;
    const error = await run(getContact, { path: { contactId: 'c1' } }).catch((e: unknown) => e as ActionError);
    expect(error).toMatchObject({ category: 'server' });
    expect(server.requests).toHaveLength(1 + fastRetry.retries);
  });

  it('does not re-send a creating POST after a 5xx when there is no reconcile hook', async () => {
    failuresLeft = 1;
    const error = await run(createContact, { body: { locationId: 'loc1' } }).catch((e: unknown) => e as ActionError);
    expect(error).toMatchObject({ category: 'server', status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it('asks reconcile before re-sending a creating POST, and returns what it found', async () => {
    failuresLeft = 1;
    const seen: string[] = [];
    const result = await run(createContact, { body: { locationId: 'loc1' } }, {
      reconcile: async (operation, _input, error) => {
        seen.push(`${operation.id} ${error.category}`);
        return { contact: { id: 'found-earlier' } };
      },
    });
    expect(result).toEqual({ contact: { id: 'found-earlier' } });
    expect(seen).toEqual(['ghl.contacts.create-contact server']);
    expect(server.requests).toHaveLength(1);
  });

  it('re-sends a creating POST when reconcile says it did not happen', async () => {
    failuresLeft = 1;
    expect(await run(createContact, { body: { locationId: 'loc1' } }, { reconcile: async () => undefined })).toEqual({ id: 'x1' });
    expect(server.requests).toHaveLength(2);
  });

  it('retries a POST whose scopes are all read-only (a search)', async () => {
    failuresLeft = 1;
    expect(await run(searchContacts, { body: { locationId: 'loc1' } })).toEqual({ id: 'x1' });
    expect(server.requests).toHaveLength(2);
  });

  it('sends once and throws the 5xx when the caller owns retries', async () => {
    failuresLeft = 1;
    const error = await failureOf(run(getContact, { path: { contactId: 'c1' } }, { call: { retriedBy: 'caller' } }));
    expect(error).toMatchObject({ category: 'server', status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it('sends once and throws a RetryAfterError on a 429 when the caller owns retries', async () => {
    failuresLeft = 1;
    mode = 'rate';
    const error = await failureOf(run(getContact, { path: { contactId: 'c1' } }, { call: { retriedBy: 'caller' } }));
    expect(error).toBeInstanceOf(RetryAfterError);
    expect(error).toMatchObject({ category: 'rate_limited', status: 429 });
    expect(server.requests).toHaveLength(1);
  });

  it('does not consult reconcile when the caller owns retries: the caller looks before its next attempt', async () => {
    failuresLeft = 1;
    const asked: string[] = [];
    const reconcile: Reconcile = async (operation) => {
      asked.push(operation.id);
      return undefined;
    };
    await failureOf(run(createContact, { body: { locationId: 'loc1' } }, { reconcile, call: { retriedBy: 'caller' } }));
    expect(asked).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('the connector sends one request per call, whatever its retry options say: the step owns retries', async () => {
    failuresLeft = 1;
    const connector = createGhlConnector({ baseUrl: server.url, operations: handMadeOperations, retry: { ...fastRetry, retries: 5 } });
    const error = await failureOf(connector.invoke({ operationId: getContact.id, input: { path: { contactId: 'c1' } } }, actionContext({ credentials: privateToken })));
    expect(error).toMatchObject({ category: 'server', status: 503 });
    expect(server.requests).toHaveLength(1);
  });
});
