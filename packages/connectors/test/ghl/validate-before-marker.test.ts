import type { JsonSchema, OperationDescriptor } from '@flowline/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGhlConnector } from '../../src/ghl/index.js';
import { effectFinders } from '../../src/ghl/reconcile/registry.js';
import { operationsById } from '../../src/operations/index.js';
import { actionContext, failureOf, privateToken } from './support/fixtures.js';
import { sendJson, startServer, type TestServer } from './support/http-server.js';

/**
 * Operations whose finder marks the request (a line in a text field of the body) are validated as
 * the caller wrote them: a required field the marker would fill is still refused, and nothing is sent.
 */

const marking = [...effectFinders.values()].filter((finder) => finder.mark !== undefined).map((finder) => finder.operationId);

function operation(id: string): OperationDescriptor {
  const found = operationsById.get(id);
  if (!found) throw new Error(`no operation ${id}`);
  return found;
}

/** The required members of the operation's body schema (following one local `$ref`). */
function requiredBodyFields(descriptor: OperationDescriptor): string[] {
  const input = descriptor.input ?? {};
  const properties = (input['properties'] ?? {}) as Record<string, JsonSchema>;
  let body = properties['body'] ?? {};
  const ref = body['$ref'];
  if (typeof ref === 'string') body = ((input['definitions'] ?? {}) as Record<string, JsonSchema>)[ref.replace('#/definitions/', '')] ?? {};
  return Array.isArray(body['required']) ? (body['required'] as string[]) : [];
}

function withoutBodyField(sample: unknown, field: string): unknown {
  const { body, ...rest } = sample as { body: Record<string, unknown> };
  const { [field]: _dropped, ...kept } = body;
  return { ...rest, body: kept };
}

describe('ghl: input is validated before the reconcile marker goes in', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_req, res) => sendJson(res, 201, {}));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  const invoke = (id: string, input: unknown) =>
    createGhlConnector({ baseUrl: server.url }).invoke({ operationId: id, input }, actionContext({ credentials: privateToken }));

  it('create-note without a body is refused at /body/body, and GHL gets nothing', async () => {
    const error = await failureOf(invoke('ghl.contacts.create-note', { path: { contactId: 'c1' }, body: { title: 'Check-in' } }));
    expect(error).toMatchObject({ category: 'validation', pointer: '/body/body' });
    expect(server.requests).toEqual([]);
  });

  it('the operations that carry a marker include create-note and create-task', () => {
    expect(marking).toEqual(expect.arrayContaining(['ghl.contacts.create-note', 'ghl.contacts.create-task']));
  });

  const cases = marking.flatMap((id) => requiredBodyFields(operation(id)).map((field) => [id, field] as const));

  it.each(cases)('%s without body.%s is refused before anything is sent', async (id, field) => {
    const error = await failureOf(invoke(id, withoutBodyField(operation(id).sample, field)));
    expect(error).toMatchObject({ category: 'validation', pointer: `/body/${field}` });
    expect(server.requests).toEqual([]);
  });

  it.each(marking)('%s with its full sample is sent, with the marker', async (id) => {
    await invoke(id, operation(id).sample);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.body).toMatch(/\[flowline:[0-9a-f]{12}\]/);
  });
});
