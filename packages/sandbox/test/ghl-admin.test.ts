import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGhlSandbox, type GhlSandbox, type SandboxDump } from '../src/index.js';
import { call, get, LOC } from './support/ghl-client.js';

let sandbox: GhlSandbox;
beforeEach(async () => {
  sandbox = await startGhlSandbox({ tokens: { 'pit-very-secret-value': { locationId: LOC } } });
});
afterEach(async () => {
  await sandbox.close();
});

const TOKEN = 'pit-very-secret-value';

async function seedContactWithChildren(): Promise<string> {
  const id = get<string>((await call(sandbox, 'POST', '/contacts/', { token: TOKEN, body: { locationId: LOC, email: 'pat@example.com' } })).body, 'contact', 'id');
  await call(sandbox, 'POST', `/contacts/${id}/tasks`, { token: TOKEN, body: { title: 'Follow up', dueDate: '2025-01-01T00:00:00Z', completed: false } });
  await call(sandbox, 'POST', `/contacts/${id}/notes`, { token: TOKEN, body: { body: 'Met at the front desk' } });
  await call(sandbox, 'POST', '/calendars/events/appointments', {
    token: TOKEN,
    body: { calendarId: 'cal_intro_1', locationId: LOC, contactId: id, startTime: '2025-01-05T09:00:00Z' },
  });
  return id;
}

describe('admin API', () => {
  it('shows contacts with their tasks, notes and appointments, and request counts', async () => {
    await seedContactWithChildren();
    const res = await fetch(`${sandbox.adminUrl}/state`);
    expect(res.status).toBe(200);
    const state = (await res.json()) as SandboxDump;
    const contact = state.locations[0]?.contacts[0];
    expect(get<unknown[]>(contact, 'tasks')).toHaveLength(1);
    expect(get<unknown[]>(contact, 'notes')).toHaveLength(1);
    expect(get<unknown[]>(contact, 'appointments')).toHaveLength(1);
    expect(state.requests.total).toBe(4);
    expect(state.requests.byStatus).toEqual({ '200': 1, '201': 3 });
    expect(state.locations[0]?.pipelines.map((p) => p['id'])).toEqual(['pip_membership_1', 'pip_pt_1']);
  });

  it('resets to the seeded state', async () => {
    await seedContactWithChildren();
    const res = await fetch(`${sandbox.adminUrl}/reset`, { method: 'POST' });
    expect(res.status).toBe(200);
    const dump = sandbox.dump();
    expect(dump.locations[0]?.contacts).toEqual([]);
    expect(dump.requests.total).toBe(0);
    expect(dump.locations[0]?.users.length).toBeGreaterThan(0);
  });

  it('logs method, path and status of each API request', async () => {
    await call(sandbox, 'GET', '/contacts/nope0000000000000000', { token: TOKEN });
    const res = await fetch(`${sandbox.adminUrl}/requests`);
    const body = (await res.json()) as { requests: { method: string; path: string; status: number }[] };
    expect(body.requests).toEqual([expect.objectContaining({ method: 'GET', path: '/contacts/nope0000000000000000', status: 404, operationId: 'get-contact' })]);
  });

  it('changes the allow-duplicate setting over HTTP', async () => {
    const res = await fetch(`${sandbox.adminUrl}/locations/${LOC}/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ allowDuplicateContact: true }),
    });
    expect(res.status).toBe(200);
    expect(sandbox.state.location(LOC)?.settings.allowDuplicateContact).toBe(true);
  });

  it('issues authorization codes over HTTP', async () => {
    const res = await fetch(`${sandbox.adminUrl}/oauth/codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ locationId: LOC }),
    });
    expect(res.status).toBe(201);
    expect(get<string>(await res.json(), 'code')).toMatch(/^[0-9a-f]{40}$/);
  });

  it('never shows tokens in the state, the request log or the admin index', async () => {
    await seedContactWithChildren();
    for (const path of ['/state', '/requests', '/']) {
      const text = await (await fetch(`${sandbox.adminUrl}${path}`)).text();
      expect(text).not.toContain(TOKEN);
    }
  });

  it('needs no token', async () => {
    const res = await fetch(`${sandbox.adminUrl}/`);
    expect(res.status).toBe(200);
    expect(get<string[]>(await res.json(), 'endpoints').length).toBeGreaterThan(3);
  });

  it('gives the same ids for the same seed', async () => {
    const a = await startGhlSandbox({ seed: 42 });
    const b = await startGhlSandbox({ seed: 42 });
    try {
      const body = { locationId: LOC, email: 'q@example.com' };
      expect(get((await call(a, 'POST', '/contacts/', { body })).body, 'contact', 'id')).toBe(get((await call(b, 'POST', '/contacts/', { body })).body, 'contact', 'id'));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
