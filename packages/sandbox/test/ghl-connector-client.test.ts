import { GhlClient, operationsById, type AccessTokenSource } from '@flowline/connectors';
import type { OperationDescriptor } from '@flowline/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGhlSandbox, type GhlSandbox } from '../src/index.js';
import { get, LOC } from './support/ghl-client.js';

/** The connectors package's own GHL client, pointed at the sandbox: the two must agree. */
let sandbox: GhlSandbox;
let client: GhlClient;
const auth: AccessTokenSource = {
  current: async () => ({ token: 'sandbox-token', locationId: LOC }),
  renew: async () => undefined,
  secrets: () => ['sandbox-token'],
};

function op(id: string): OperationDescriptor {
  const found = operationsById.get(id);
  if (found === undefined) throw new Error(`no operation ${id}`);
  return found;
}

beforeEach(async () => {
  sandbox = await startGhlSandbox();
  client = new GhlClient({ baseUrl: sandbox.url, retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 } });
});
afterEach(async () => {
  await sandbox.close();
});

describe('the connectors GhlClient against the sandbox', () => {
  it('upserts a contact, adds a task and books an appointment', async () => {
    const up = await client.execute(op('ghl.contacts.upsert-contact'), { body: { locationId: LOC, email: 'zoe@example.com', firstName: 'Zoe' } }, { auth });
    const contactId = get<string>(up, 'contact', 'id');
    expect(get(up, 'new')).toBe(true);
    const task = await client.execute(
      op('ghl.contacts.create-task'),
      { path: { contactId }, body: { title: 'Welcome call', dueDate: '2025-01-01T10:00:00Z', completed: false } },
      { auth },
    );
    expect(get(task, 'task', 'contactId')).toBe(contactId);
    const appt = await client.execute(
      op('ghl.calendars.create-appointment'),
      { body: { calendarId: 'cal_intro_1', locationId: LOC, contactId, startTime: '2025-01-03T10:00:00Z' } },
      { auth },
    );
    expect(get(appt, 'contactId')).toBe(contactId);
    expect(sandbox.requests.list().map((r) => r.status)).toEqual([200, 201, 200]);
  });

  it('re-sends a read through an injected 503', async () => {
    const up = await client.execute(op('ghl.contacts.upsert-contact'), { body: { locationId: LOC, email: 'yan@example.com' } }, { auth });
    const contactId = get<string>(up, 'contact', 'id');
    sandbox.faults.add({ kind: 'error', method: 'GET', path: '/contacts/{contactId}', count: 1 });
    const got = await client.execute(op('ghl.contacts.get-contact'), { path: { contactId } }, { auth });
    expect(get(got, 'contact', 'email')).toBe('yan@example.com');
    expect(sandbox.requests.list().map((r) => r.status)).toEqual([200, 503, 200]);
  });

  it('does not blindly re-send a creating POST whose answer was lost', async () => {
    sandbox.faults.add({ kind: 'dropResponse', method: 'POST', path: '/contacts/upsert' });
    await expect(client.execute(op('ghl.contacts.upsert-contact'), { body: { locationId: LOC, email: 'xi@example.com' } }, { auth })).rejects.toThrow();
    // The write committed in the sandbox even though the client never heard back.
    expect([...(sandbox.state.location(LOC)?.contacts.values() ?? [])].map((c) => c.email)).toEqual(['xi@example.com']);
  });
});
