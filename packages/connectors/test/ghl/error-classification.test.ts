import { inspect } from 'node:util';
import { ActionError, RetryAfterError } from '@flowline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGhlConnector } from '../../src/ghl/index.js';
import { actionContext, createContact, fastRetry, getContact, handMadeOperations, PRIVATE_TOKEN, privateToken } from './support/fixtures.js';
import { sendJson, startServer, type TestServer } from './support/http-server.js';

/** The server answers with the status named by the contact id: /contacts/403 → 403. */
describe('ghl error classification', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      const status = Number(req.path.split('/').pop());
      if (status === 403) return sendJson(res, 403, { statusCode: 403, message: 'The token is not authorized for this scope.' });
      if (status === 422) return sendJson(res, 422, { statusCode: 422, message: ['email must be an email'], error: 'Unprocessable Entity' });
      // GHL echoing the token back must not leak it either.
      if (status === 401) return sendJson(res, 401, { statusCode: 401, message: `Invalid token: ${req.headers['authorization'] ?? ''}` });
      if (status === 400) return sendJson(res, 400, { statusCode: 400, message: 'Bad Request' });
      if (status === 429) return sendJson(res, 429, { message: 'Too many requests' }, { 'Retry-After': '0' });
      sendJson(res, Number.isFinite(status) && status >= 400 ? status : 500, { message: `status ${status}` });
    });
  });
  afterAll(() => server.close());

  const fail = async (status: number): Promise<ActionError> => {
    const connector = createGhlConnector({ baseUrl: server.url, operations: handMadeOperations, retry: { ...fastRetry, rateLimitRetries: 0 } });
    const error = await connector
      .invoke({ operationId: getContact.id, input: { path: { contactId: String(status) } } }, actionContext({ credentials: privateToken }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    return error as ActionError;
  };

  it('401 is a credentials error', async () => {
    expect((await fail(401)).category).toBe('credentials');
  });

  it('403 is a permission error naming the scope the operation needs', async () => {
    const error = await fail(403);
    expect(error.category).toBe('permission');
    expect(error.message).toContain('contacts.readonly');
    expect(error.details).toMatchObject({ requiredScopes: ['contacts.readonly'] });
  });

  it("400 and 422 are validation errors with GHL's message and the method and path template", async () => {
    for (const status of [400, 422]) {
      const error = await fail(status);
      expect(error.category).toBe('validation');
      expect(error.message).toContain('GET /contacts/{contactId}');
      expect(error.request).toBe('GET /contacts/{contactId}');
    }
    expect((await fail(422)).message).toContain('email must be an email');
  });

  it('404 is not_found and 409 is conflict', async () => {
    expect((await fail(404)).category).toBe('not_found');
    expect((await fail(409)).category).toBe('conflict');
  });

  it('429 becomes a RetryAfterError once the rate-limit retries are spent', async () => {
    const error = await fail(429);
    expect(error).toBeInstanceOf(RetryAfterError);
    expect(error.category).toBe('rate_limited');
  });

  it('5xx is a server error after the retries', async () => {
    const error = await fail(503);
    expect(error.category).toBe('server');
    expect(error.status).toBe(503);
  });

  it('a connection refused is a network error', async () => {
    const closed = await startServer(() => undefined);
    const url = closed.url;
    await closed.close();
    const connector = createGhlConnector({ baseUrl: url, operations: handMadeOperations, retry: fastRetry });
    const error = await connector
      .invoke({ operationId: getContact.id, input: { path: { contactId: 'c1' } } }, actionContext({ credentials: privateToken }))
      .catch((e: unknown) => e as ActionError);
    expect(error).toMatchObject({ category: 'network' });
  });

  it('an answer slower than timeoutMs is a timeout error', async () => {
    const slow = await startServer(() => undefined); // never answers
    try {
      const connector = createGhlConnector({ baseUrl: slow.url, operations: handMadeOperations, timeoutMs: 50, retry: { ...fastRetry, retries: 0 } });
      const error = await connector
        .invoke({ operationId: getContact.id, input: { path: { contactId: 'c1' } } }, actionContext({ credentials: privateToken }))
        .catch((e: unknown) => e as ActionError);
      expect(error).toMatchObject({ category: 'timeout' });
    } finally {
      await slow.close();
    }
  });

  it('the step signal aborting ends the call as a timeout without retrying', async () => {
    const slow = await startServer(() => undefined);
    try {
      const connector = createGhlConnector({ baseUrl: slow.url, operations: handMadeOperations, retry: fastRetry });
      const controller = new AbortController();
      const pending = connector.invoke({ operationId: getContact.id, input: { path: { contactId: 'c1' } } }, actionContext({ credentials: privateToken, signal: controller.signal }));
      setTimeout(() => controller.abort(new Error('step timed out')), 20);
      const error = await pending.catch((e: unknown) => e as ActionError);
      expect(error).toMatchObject({ category: 'timeout' });
      expect(slow.requests.length).toBe(1);
    } finally {
      await slow.close();
    }
  });

  it('no log line of a failing or retried request carries the token', async () => {
    const lines: string[] = [];
    const record = (level: string) => (message: string, fields?: Record<string, unknown>) => {
      lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
    };
    const logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
    const connector = createGhlConnector({ baseUrl: server.url, operations: handMadeOperations, retry: fastRetry, logger });
    for (const contactId of ['401', '403', '503', '429']) {
      await connector.invoke({ operationId: getContact.id, input: { path: { contactId } } }, { ...actionContext({ credentials: privateToken }), logger }).catch(() => undefined);
    }
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.join('\n')).not.toContain(PRIVATE_TOKEN);
  });

  it('no error of a failing request carries the token (JSON.stringify, util.inspect, message)', async () => {
    const errors = [await fail(401), await fail(403), await fail(422), await fail(503), await fail(429)];
    const connector = createGhlConnector({ baseUrl: server.url, operations: handMadeOperations });
    errors.push(
      (await connector
        .invoke({ operationId: createContact.id, input: { body: {} } }, actionContext({ credentials: privateToken }))
        .catch((e: unknown) => e)) as ActionError,
    );
    for (const error of errors) {
      const shown = [JSON.stringify(error), JSON.stringify(error.details), inspect(error, { depth: 10 }), error.message, String(error.hint)].join('\n');
      expect(shown).not.toContain(PRIVATE_TOKEN);
      expect(shown).not.toContain('SECRET');
    }
  });
});
