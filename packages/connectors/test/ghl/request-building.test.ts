import { ActionError } from '@flowline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGhlConnector } from '../../src/ghl/index.js';
import { actionContext, createContact, getContact, getFreeSlots, handMadeOperations, PRIVATE_TOKEN, privateToken, uploadCustomFieldFile } from './support/fixtures.js';
import { sendJson, startServer, type TestServer } from './support/http-server.js';

describe('ghl request building', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_req, res) => sendJson(res, 200, { ok: true }));
  });
  afterAll(() => server.close());

  const connector = () => createGhlConnector({ baseUrl: server.url, operations: handMadeOperations });

  it('sends bearer token, Version of the operation, Accept and a JSON body', async () => {
    const result = await connector().invoke(
      { operationId: createContact.id, input: { body: { locationId: 'loc1', email: 'a@b.co', tags: ['x'] } } },
      actionContext({ credentials: privateToken }),
    );
    expect(result).toEqual({ ok: true });
    const sent = server.requests.at(-1);
    expect(sent?.method).toBe('POST');
    expect(sent?.path).toBe('/contacts/');
    expect(sent?.headers['authorization']).toBe(`Bearer ${PRIVATE_TOKEN}`);
    expect(sent?.headers['version']).toBe('2021-07-28');
    expect(sent?.headers['accept']).toBe('application/json');
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent?.body ?? '')).toEqual({ locationId: 'loc1', email: 'a@b.co', tags: ['x'] });
  });

  it('url-encodes path parameters as one segment', async () => {
    await connector().invoke({ operationId: getContact.id, input: { path: { contactId: 'a/b c?#' } } }, actionContext({ credentials: privateToken }));
    const sent = server.requests.at(-1);
    expect(sent?.path).toBe('/contacts/a%2Fb%20c%3F%23');
    expect(sent?.body).toBe('');
  });

  it('repeats the key for array query parameters and uses the operation version', async () => {
    await connector().invoke(
      { operationId: getFreeSlots.id, input: { path: { calendarId: 'cal1' }, query: { startDate: 1, endDate: 2, userIds: ['u1', 'u2'], enableLookBusy: false } } },
      actionContext({ credentials: privateToken }),
    );
    const sent = server.requests.at(-1);
    expect(sent?.query.getAll('userIds')).toEqual(['u1', 'u2']);
    expect(sent?.query.get('startDate')).toBe('1');
    expect(sent?.query.get('enableLookBusy')).toBe('false');
    expect(sent?.headers['version']).toBe('2021-04-15');
  });

  it('sends multipart/form-data where the OpenAPI document says so', async () => {
    await connector().invoke(
      { operationId: uploadCustomFieldFile.id, input: { path: { locationId: 'loc1' }, body: { id: 'f1', maxFiles: '2' } } },
      actionContext({ credentials: privateToken }),
    );
    const sent = server.requests.at(-1);
    expect(sent?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent?.body).toContain('name="maxFiles"');
  });

  it('refuses invalid input before sending, naming JSON pointers', async () => {
    const before = server.requests.length;
    const error = await connector()
      .invoke({ operationId: createContact.id, input: { body: { email: 'not-an-email', color: 'red' } } }, actionContext({ credentials: privateToken }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    const actionError = error as ActionError;
    expect(actionError.category).toBe('validation');
    const pointers = (actionError.details as { violations: { pointer: string }[] }).violations.map((v) => v.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/body/locationId', '/body/color', '/body/email']));
    expect(server.requests.length).toBe(before);
  });

  it('refuses an unknown operation id and suggests the closest', async () => {
    const error = await connector()
      .invoke({ operationId: 'ghl.contacts.get-contac', input: {} }, actionContext({ credentials: privateToken }))
      .catch((e: unknown) => e as ActionError);
    expect(error).toMatchObject({ category: 'validation' });
    expect((error as ActionError).hint).toContain('ghl.contacts.get-contact');
  });

  it('refuses malformed credentials without echoing them', async () => {
    const error = await connector()
      .invoke({ operationId: getContact.id, input: { path: { contactId: 'c1' } } }, actionContext({ credentials: { type: 'api-key', key: PRIVATE_TOKEN } }))
      .catch((e: unknown) => e as ActionError);
    expect(error).toMatchObject({ category: 'credentials' });
    expect(JSON.stringify(error) + String(error)).not.toContain(PRIVATE_TOKEN);
  });

  it('checks its options up front', () => {
    expect(() => createGhlConnector({ baseUrl: 'ftp://x' })).toThrow(/baseUrl/);
    expect(() => createGhlConnector({ timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createGhlConnector({ retry: { retries: -1 } })).toThrow(/retry.retries/);
    expect(() => createGhlConnector({ rateLimit: { max: 0 } })).toThrow(/rateLimit.max/);
  });
});
