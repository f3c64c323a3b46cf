import { createKeyedLimiter, silentLogger, type ActionContext, type Logger, type OperationDescriptor } from '@flowline/core';
import { startGhlSandbox, type GhlSandbox } from '@flowline/sandbox';
import { Ajv } from 'ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGhlConnector, type GhlConnector } from '../../src/ghl/index.js';
import { effectMarker } from '../../src/ghl/reconcile/effect-marker.js';
import { operationsById } from '../../src/operations/index.js';

/** Every creating request whose answer the sandbox drops, then reconciled with the same key. */

const LOC = 'loc_sandbox_1';
const CALENDAR = 'cal_intro_1';
const PIPELINE = 'pip_membership_1';
const TOKEN = 'sandbox-token';

let sandbox: GhlSandbox;
beforeEach(async () => {
  sandbox = await startGhlSandbox();
});
afterEach(async () => {
  await sandbox.close();
});

/** Connector calls send once whatever `retries` says: the caller (here the test, in production the engine) reconciles. */
function connector(retries = 0): GhlConnector {
  return createGhlConnector({ baseUrl: sandbox.url, retry: { retries, minDelayMs: 1, maxDelayMs: 5 } });
}

function context(idempotencyKey: string, logger: Logger = silentLogger): ActionContext {
  return {
    tenant: 'default',
    connectionName: 'ghl',
    connection: { connector: 'ghl', credentials: { type: 'private-token', token: TOKEN }, settings: { locationId: LOC } },
    signal: new AbortController().signal,
    limiter: createKeyedLimiter(),
    logger,
    idempotencyKey,
    attempt: 1,
  };
}

function operation(id: string): OperationDescriptor {
  const found = operationsById.get(id);
  if (!found) throw new Error(`no operation ${id}`);
  return found;
}

const ajv = new Ajv({ strict: false, validateFormats: false });
/** Whether `output` fits the operation's success response schema. */
function fitsOutputOf(id: string, output: unknown): boolean {
  const schema = operation(id).output;
  if (!schema) throw new Error(`${id} has no output schema`);
  return ajv.validate(schema, output);
}

/** A value several levels into an answer, for assertions. */
function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  return current;
}

async function newContact(ghl: GhlConnector, email: string): Promise<string> {
  const answer = await ghl.invoke({ operationId: 'ghl.contacts.upsert-contact', input: { body: { locationId: LOC, email } } }, context(`seed:${email}`));
  const id = at(answer, 'contact', 'id');
  if (typeof id !== 'string') throw new Error('the sandbox returned no contact id');
  return id;
}

/** Sends once with the answer dropped after the write committed; resolves when the call has failed. */
async function sendLosingTheAnswer(ghl: GhlConnector, method: string, path: string, operationId: string, input: unknown, key: string): Promise<void> {
  sandbox.faults.add({ kind: 'dropResponse', method, path });
  await expect(ghl.invoke({ operationId, input }, context(key))).rejects.toMatchObject({ category: 'network' });
}

const location = () => {
  const state = sandbox.state.location(LOC);
  if (!state) throw new Error('no sandbox location');
  return state;
};

describe('ghl reconcile against the sandbox', () => {
  it('finds a created contact by its email after the answer was lost', async () => {
    const ghl = connector();
    const input = { body: { locationId: LOC, email: 'ann@example.com', firstName: 'Ann' } };
    await sendLosingTheAnswer(ghl, 'POST', '/contacts', 'ghl.contacts.create-contact', input, 'k1');
    const [created] = [...location().contacts.values()];

    const result = await ghl.reconcile?.({ operationId: 'ghl.contacts.create-contact', input }, context('k1'));
    expect(result).toMatchObject({ found: true, output: { contact: { id: created?.id, email: 'ann@example.com' } } });
    expect(result?.found && fitsOutputOf('ghl.contacts.create-contact', result.output)).toBe(true);
  });

  it('finds a contact by its phone when the request has no email', async () => {
    const ghl = connector();
    const input = { body: { locationId: LOC, phone: '+14155550123' } };
    await sendLosingTheAnswer(ghl, 'POST', '/contacts', 'ghl.contacts.create-contact', input, 'k1');
    const result = await ghl.reconcile?.({ operationId: 'ghl.contacts.create-contact', input }, context('k1'));
    expect(result).toMatchObject({ found: true, output: { contact: { id: [...location().contacts.keys()][0] } } });
  });

  it('finds an upserted contact and answers like an upsert that matched', async () => {
    const ghl = connector();
    const input = { body: { locationId: LOC, email: 'bea@example.com' } };
    await sendLosingTheAnswer(ghl, 'POST', '/contacts/upsert', 'ghl.contacts.upsert-contact', input, 'k1');
    const result = await ghl.reconcile?.({ operationId: 'ghl.contacts.upsert-contact', input }, context('k1'));
    expect(result).toMatchObject({ found: true, output: { new: false, contact: { id: [...location().contacts.keys()][0] } } });
    expect(result?.found && fitsOutputOf('ghl.contacts.upsert-contact', result.output)).toBe(true);
  });

  it('finds no contact when none has the email', async () => {
    const ghl = connector();
    await newContact(ghl, 'someone@example.com');
    const input = { body: { locationId: LOC, email: 'nobody@example.com' } };
    expect(await ghl.reconcile?.({ operationId: 'ghl.contacts.create-contact', input }, context('k1'))).toEqual({ found: false });
  });

  it('finds a task by the marker in its body, and only with the same key', async () => {
    const ghl = connector();
    const contactId = await newContact(ghl, 'cy@example.com');
    const input = { path: { contactId }, body: { title: 'Welcome call', body: 'Ask about goals', dueDate: '2025-01-01T10:00:00Z', completed: false } };
    await sendLosingTheAnswer(ghl, 'POST', '/contacts/*/tasks', 'ghl.contacts.create-task', input, 'task-key');
    const [task] = [...location().tasks.values()];
    expect(task?.body).toBe(`Ask about goals\n${effectMarker('task-key')}`);

    const result = await ghl.reconcile?.({ operationId: 'ghl.contacts.create-task', input }, context('task-key'));
    expect(result).toMatchObject({ found: true, output: { task: { id: task?.id, title: 'Welcome call' } } });
    expect(result?.found && fitsOutputOf('ghl.contacts.create-task', result.output)).toBe(true);
    expect(await ghl.reconcile?.({ operationId: 'ghl.contacts.create-task', input }, context('other-key'))).toEqual({ found: false });
  });

  it('gives a task without a body one that holds only the marker', async () => {
    const ghl = connector();
    const contactId = await newContact(ghl, 'dee@example.com');
    const input = { path: { contactId }, body: { title: 'Call', dueDate: '2025-01-01T10:00:00Z', completed: false } };
    await ghl.invoke({ operationId: 'ghl.contacts.create-task', input }, context('bodiless'));
    expect([...location().tasks.values()].map((t) => t.body)).toEqual([effectMarker('bodiless')]);
    expect(await ghl.reconcile?.({ operationId: 'ghl.contacts.create-task', input }, context('bodiless'))).toMatchObject({ found: true });
  });

  it('finds a note by the marker in its body, and only with the same key', async () => {
    const ghl = connector();
    const contactId = await newContact(ghl, 'eve@example.com');
    const input = { path: { contactId }, body: { body: 'Prefers mornings.' } };
    await sendLosingTheAnswer(ghl, 'POST', '/contacts/*/notes', 'ghl.contacts.create-note', input, 'note-key');
    const [note] = [...location().notes.values()];
    expect(note?.body).toBe(`Prefers mornings.\n${effectMarker('note-key')}`);

    const result = await ghl.reconcile?.({ operationId: 'ghl.contacts.create-note', input }, context('note-key'));
    expect(result).toMatchObject({ found: true, output: { note: { id: note?.id } } });
    expect(result?.found && fitsOutputOf('ghl.contacts.create-note', result.output)).toBe(true);
    expect(await ghl.reconcile?.({ operationId: 'ghl.contacts.create-note', input }, context('other-key'))).toEqual({ found: false });
  });

  it('finds an appointment by contact, calendar and start time', async () => {
    const ghl = connector();
    const contactId = await newContact(ghl, 'fay@example.com');
    const input = { body: { calendarId: CALENDAR, locationId: LOC, contactId, startTime: '2025-01-03T10:00:00Z' } };
    await sendLosingTheAnswer(ghl, 'POST', '/calendars/events/appointments', 'ghl.calendars.create-appointment', input, 'appt-key');
    const [appointment] = [...location().appointments.values()];

    const result = await ghl.reconcile?.({ operationId: 'ghl.calendars.create-appointment', input }, context('appt-key'));
    expect(result).toMatchObject({ found: true, output: { id: appointment?.id, calendarId: CALENDAR, contactId } });
    expect(result?.found && fitsOutputOf('ghl.calendars.create-appointment', result.output)).toBe(true);
    const later = { body: { ...input.body, startTime: '2025-01-03T11:00:00Z' } };
    expect(await ghl.reconcile?.({ operationId: 'ghl.calendars.create-appointment', input: later }, context('appt-key'))).toEqual({ found: false });
  });

  it('finds an opportunity by pipeline, contact and name', async () => {
    const ghl = connector();
    const contactId = await newContact(ghl, 'gus@example.com');
    const input = { body: { pipelineId: PIPELINE, locationId: LOC, name: 'Gus membership', status: 'open', contactId } };
    await sendLosingTheAnswer(ghl, 'POST', '/opportunities', 'ghl.opportunities.create-opportunity', input, 'opp-key');
    const [opportunity] = [...location().opportunities.values()];

    const result = await ghl.reconcile?.({ operationId: 'ghl.opportunities.create-opportunity', input }, context('opp-key'));
    expect(result).toMatchObject({ found: true, output: { opportunity: { id: opportunity?.id, name: 'Gus membership' } } });
    expect(result?.found && fitsOutputOf('ghl.opportunities.create-opportunity', result.output)).toBe(true);
    const renamed = { body: { ...input.body, name: 'Another deal' } };
    expect(await ghl.reconcile?.({ operationId: 'ghl.opportunities.create-opportunity', input: renamed }, context('opp-key'))).toEqual({ found: false });
  });

  it('a connector call sends a creating request once and leaves looking for it to the caller, whatever the client options', async () => {
    const ghl = connector(2);
    const contactId = await newContact(ghl, 'hal@example.com');
    sandbox.requests.clear();
    sandbox.faults.add({ kind: 'dropResponse', method: 'POST', path: '/contacts/*/tasks' });
    const input = { path: { contactId }, body: { title: 'Call', dueDate: '2025-01-01T10:00:00Z', completed: false } };
    await expect(ghl.invoke({ operationId: 'ghl.contacts.create-task', input }, context('client-key'))).rejects.toMatchObject({ category: 'network' });
    expect(sandbox.requests.list().map((r) => `${r.method} ${r.status}`)).toEqual(['POST null']);
    const result = await ghl.reconcile?.({ operationId: 'ghl.contacts.create-task', input }, context('client-key'));
    expect(result).toMatchObject({ found: true, output: { task: { id: [...location().tasks.keys()][0] } } });
  });

  it('does not re-send a creating POST sent through the client directly, outside any connector call', async () => {
    const ghl = connector(2);
    const contactId = await newContact(ghl, 'kim@example.com');
    sandbox.faults.add({ kind: 'dropResponse', method: 'POST', path: '/contacts/*/tasks' });
    const auth = { current: async () => ({ token: TOKEN }), renew: async () => undefined, secrets: () => [TOKEN] };
    const input = { path: { contactId }, body: { title: 'Call', dueDate: '2025-01-01T10:00:00Z', completed: false } };
    await expect(ghl.client.execute(operation('ghl.contacts.create-task'), input, { auth })).rejects.toMatchObject({ category: 'network' });
    expect(sandbox.requests.list().filter((r) => r.method === 'POST' && r.path.endsWith('/tasks'))).toHaveLength(1);
  });

  it('reconciles a contact create it cannot look for as not found, with a warning', async () => {
    const ghl = connector(2);
    const input = { body: { locationId: LOC, firstName: 'Ida' } };
    await sendLosingTheAnswer(ghl, 'POST', '/contacts', 'ghl.contacts.create-contact', input, 'k1');
    expect(sandbox.requests.list().filter((r) => r.method === 'POST')).toHaveLength(1);
    const warnings: unknown[] = [];
    const logger: Logger = { ...silentLogger, warn: (message, fields) => warnings.push({ message, fields }) };
    expect(await ghl.reconcile?.({ operationId: 'ghl.contacts.create-contact', input }, context('k1', logger))).toEqual({ found: false });
    expect(JSON.stringify(warnings)).toContain('neither email nor phone');
  });

  it('answers not found without a request for operations it has no finder for', async () => {
    const ghl = connector();
    const before = sandbox.requests.list().length;
    const request = { operationId: 'ghl.contacts.add-tags', input: { path: { contactId: 'c1' }, body: { tags: ['vip'] } } };
    expect(await ghl.reconcile?.(request, context('k1'))).toEqual({ found: false });
    expect(sandbox.requests.list()).toHaveLength(before);
  });

  it('rejects an unknown operation with the closest names', async () => {
    await expect(connector().reconcile?.({ operationId: 'ghl.contacts.create-tsak', input: {} }, context('k1'))).rejects.toMatchObject({
      category: 'validation',
      hint: expect.stringContaining('ghl.contacts.create-task'),
    });
  });

  it('logs neither the token nor the idempotency key', async () => {
    const ghl = connector();
    const contactId = await newContact(ghl, 'jo@example.com');
    const lines: unknown[] = [];
    const record = (message: string, fields?: Record<string, unknown>) => lines.push({ message, fields });
    const logger: Logger = { debug: record, info: record, warn: record, error: record };
    const key = 'wf/secret-looking-key/evt_42';
    const input = { path: { contactId }, body: { body: 'Note' } };
    await ghl.invoke({ operationId: 'ghl.contacts.create-note', input }, context(key, logger));
    await ghl.reconcile?.({ operationId: 'ghl.contacts.create-note', input }, context(key, logger));
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
    expect(JSON.stringify(lines)).not.toContain(key);
    expect(JSON.stringify([...location().notes.values()])).not.toContain(key);
  });
});
