import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGhlSandbox, type GhlSandbox } from '../src/index.js';
import { call, get, LOC } from './support/ghl-client.js';

let sandbox: GhlSandbox;
beforeEach(async () => {
  sandbox = await startGhlSandbox();
});
afterEach(async () => {
  await sandbox.close();
});

const upsert = (email = 'nia@example.com') => call(sandbox, 'POST', '/contacts/upsert', { body: { locationId: LOC, email } });

describe('faults', () => {
  it('answers 5xx for the next N matching requests, then serves normally', async () => {
    sandbox.faults.add({ kind: 'error', method: 'POST', path: '/contacts/upsert', count: 2, status: 502 });
    expect((await upsert()).status).toBe(502);
    expect((await upsert()).status).toBe(502);
    expect((await upsert()).status).toBe(200);
    expect(sandbox.state.location(LOC)?.contacts.size).toBe(1);
  });

  it('leaves requests that do not match the pattern alone', async () => {
    sandbox.faults.add({ kind: 'error', path: '/contacts/*/tasks', count: 'always' });
    expect((await upsert()).status).toBe(200);
    const id = get<string>((await upsert()).body, 'contact', 'id');
    expect((await call(sandbox, 'GET', `/contacts/${id}/tasks`)).status).toBe(503);
    expect((await call(sandbox, 'GET', `/contacts/${id}/notes`)).status).toBe(200);
  });

  it('sends a 429 storm with Retry-After', async () => {
    sandbox.faults.add({ kind: 'rateLimit', path: '/contacts/**', count: 3, retryAfterSeconds: 7 });
    for (let i = 0; i < 3; i++) {
      const res = await upsert();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
    }
    expect((await upsert()).status).toBe(200);
    expect(sandbox.dump().requests.rateLimited).toBe(3);
  });

  it('commits the write and drops the response', async () => {
    sandbox.faults.add({ kind: 'dropResponse', method: 'POST', path: '/contacts/upsert' });
    await expect(upsert('oli@example.com')).rejects.toThrow();
    const contacts = [...(sandbox.state.location(LOC)?.contacts.values() ?? [])];
    expect(contacts.map((c) => c.email)).toEqual(['oli@example.com']);
    const retry = await upsert('oli@example.com');
    expect(retry.body['new']).toBe(false);
    expect(sandbox.requests.list().map((r) => r.status)).toEqual([null, 200]);
  });

  it('delays a matching request and then serves it', async () => {
    sandbox.faults.add({ kind: 'latency', path: '/contacts/upsert', latencyMs: 20 });
    expect((await upsert()).status).toBe(200);
    expect(sandbox.requests.list()[0]?.faults).toEqual(['latency']);
  });

  it('accepts faults over the admin API', async () => {
    const added = await fetch(`${sandbox.adminUrl}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'error', method: 'POST', path: '/contacts/upsert', status: 500 }),
    });
    expect(added.status).toBe(201);
    expect((await upsert()).status).toBe(500);
    expect((await upsert()).status).toBe(200);
  });

  it('answers 400 for a malformed fault over the admin API', async () => {
    const res = await fetch(`${sandbox.adminUrl}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'explode' }),
    });
    expect(res.status).toBe(400);
    expect(get<string>(await res.json(), 'message')).toContain('latency, error, rateLimit, dropResponse');
  });

  it('keeps an always-fault until it is removed over the admin API', async () => {
    const fault = sandbox.faults.add({ kind: 'error', path: '/contacts/upsert', count: 'always' });
    expect((await upsert()).status).toBe(503);
    expect((await upsert()).status).toBe(503);
    const removed = await fetch(`${sandbox.adminUrl}/faults/${fault.id}`, { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect((await upsert()).status).toBe(200);
    expect((await fetch(`${sandbox.adminUrl}/faults/${fault.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('throws up front for a latency fault without latencyMs', () => {
    expect(() => sandbox.faults.add({ kind: 'latency' })).toThrow(/latencyMs/);
  });
});
