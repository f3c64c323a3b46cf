import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SandboxOptionsError, startGhlSandbox, type GhlSandbox } from '../src/index.js';
import { call, LOC } from './support/ghl-client.js';

let sandbox: GhlSandbox;
beforeEach(async () => {
  sandbox = await startGhlSandbox({
    locations: [{ id: LOC }, { id: 'loc_other' }],
    tokens: { 'sandbox-token': { locationId: LOC }, 'read-only-token': { locationId: LOC, scopes: ['contacts.readonly'] } },
  });
});
afterEach(async () => {
  await sandbox.close();
});

describe('authentication', () => {
  it('answers 401 without an Authorization header', async () => {
    const res = await call(sandbox, 'GET', `/contacts/?locationId=${LOC}`, { token: null });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('answers 401 for an unknown token and never echoes it', async () => {
    const res = await call(sandbox, 'GET', `/contacts/?locationId=${LOC}`, { token: 'not-a-real-token-123' });
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).not.toContain('not-a-real-token-123');
  });

  it('answers 401 when the token lacks the operation scope', async () => {
    const res = await call(sandbox, 'POST', '/contacts/', { token: 'read-only-token', body: { locationId: LOC } });
    expect(res.status).toBe(401);
    expect(res.body['message']).toBe('The token is not authorized for this scope.');
    expect((await call(sandbox, 'GET', `/contacts/?locationId=${LOC}`, { token: 'read-only-token' })).status).toBe(200);
  });

  it('answers 403 when the body names another location', async () => {
    const res = await call(sandbox, 'POST', '/contacts/', { body: { locationId: 'loc_other', email: 'x@example.com' } });
    expect(res.status).toBe(403);
  });
});

describe('request validation', () => {
  it('answers 400 when the Version header is missing', async () => {
    const res = await call(sandbox, 'GET', `/contacts/?locationId=${LOC}`, { version: null });
    expect(res.status).toBe(400);
    expect(res.body['message']).toBe('Version header was not found');
  });

  it('answers 422 naming the member that violates the OpenAPI schema', async () => {
    const res = await call(sandbox, 'POST', '/contacts/', { body: { locationId: LOC, dnd: 'yes' } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity' });
    expect(res.body['message']).toEqual(['body/dnd must be boolean']);
  });

  it('answers 422 for a missing required query parameter', async () => {
    const res = await call(sandbox, 'GET', '/contacts/search/duplicate?email=a%40b.c');
    expect(res.status).toBe(422);
    expect(String(res.body['message'])).toContain('locationId');
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await fetch(`${sandbox.url}/contacts/`, {
      method: 'POST',
      headers: { authorization: 'Bearer sandbox-token', version: '2021-07-28', 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
  });

  it('answers 404 for a route GHL does not have', async () => {
    const res = await call(sandbox, 'GET', '/contacts/abc/unknown-thing');
    expect(res.status).toBe(404);
    expect(res.body['message']).toBe('Cannot GET /contacts/abc/unknown-thing');
  });

  it('rejects undeclared body members when asked to behave like a NestJS whitelist', async () => {
    const strict = await startGhlSandbox({ rejectUnknownBodyProperties: true });
    try {
      const res = await call(strict, 'POST', '/contacts/', { body: { locationId: LOC, favouriteColour: 'red' } });
      expect(res.status).toBe(422);
      expect(res.body['message']).toEqual(['property favouriteColour should not exist']);
    } finally {
      await strict.close();
    }
  });
});

describe('options', () => {
  it('refuses a non-loopback host', async () => {
    await expect(startGhlSandbox({ host: '0.0.0.0' })).rejects.toThrow(SandboxOptionsError);
  });

  it('refuses a token bound to an unknown location without naming the token', async () => {
    const attempt = startGhlSandbox({ tokens: { 'secret-token-value': { locationId: 'nowhere' } } });
    await expect(attempt).rejects.toThrow(/nowhere/);
    await expect(attempt).rejects.not.toThrow(/secret-token-value/);
  });

  it('refuses a non-integer rate limit', async () => {
    await expect(startGhlSandbox({ rateLimit: { limit: 0 } })).rejects.toThrow(/rateLimit.limit/);
  });
});
