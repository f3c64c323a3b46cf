import { ActionError, type OperationDescriptor } from '@flowline/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGhlConnector, type Reconcile } from '../../src/ghl/index.js';
import { actionContext, createContact, fastRetry, getContact, handMadeOperations, privateToken, searchContacts } from './support/fixtures.js';
import { sendJson, startServer, type TestServer } from './support/http-server.js';

describe('ghl retries', () => {
  let server: TestServer;
  let failuresLeft = 0;
  let mode: 'status' | 'drop' = 'status';
  beforeAll(async () => {
    server = await startServer((_req, res) => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        if (mode === 'drop') {
          res.socket?.destroy();
          return;
        }
        return sendJson(res, 503, { message: 'Service Unavailable' });
      }
      sendJson(res, 200, { id: 'x1' });
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    mode = 'status';
  });

  const run = (operation: OperationDescriptor, input: unknown, reconcile?: Reconcile) =>
    createGhlConnector({ baseUrl: server.url, operations: handMadeOperations, retry: fastRetry, ...(reconcile ? { reconcile } : {}) }).invoke(
      { operationId: operation.id, input },
      actionContext({ credentials: privateToken }),
    );

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
    failuresLeft = 0;
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
    const result = await run(createContact, { body: { locationId: 'loc1' } }, async (operation, _input, error) => {
      seen.push(`${operation.id} ${error.category}`);
      return { contact: { id: 'found-earlier' } };
    });
    expect(result).toEqual({ contact: { id: 'found-earlier' } });
    expect(seen).toEqual(['ghl.contacts.create-contact server']);
    expect(server.requests).toHaveLength(1);
  });

  it('re-sends a creating POST when reconcile says it did not happen', async () => {
    failuresLeft = 1;
    expect(await run(createContact, { body: { locationId: 'loc1' } }, async () => undefined)).toEqual({ id: 'x1' });
    expect(server.requests).toHaveLength(2);
  });

  it('retries a POST whose scopes are all read-only (a search)', async () => {
    failuresLeft = 1;
    expect(await run(searchContacts, { body: { locationId: 'loc1' } })).toEqual({ id: 'x1' });
    expect(server.requests).toHaveLength(2);
  });
});
