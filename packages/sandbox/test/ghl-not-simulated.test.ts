import { ghlOperations } from '@flowline/connectors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ghlRoutes, SandboxOptionsError, startGhlSandbox, type GhlSandbox } from '../src/index.js';
import { contractCall } from './support/contract.js';
import { call, LOC } from './support/ghl-client.js';

/**
 * The sandbox simulates every catalog action. An operation of GHL's documents outside the catalog,
 * or one switched off with `unsimulated`, answers 501 not_simulated naming it: never a 404.
 */

const routeKey = (method: string, path: string) => `${method.toUpperCase()} /${path.split('/').filter((s) => s !== '').join('/')}`;

let sandbox: GhlSandbox;
beforeAll(async () => {
  sandbox = await startGhlSandbox({ unsimulated: ['ghl.users.filter-users-by-email', 'create-appointment-note'] });
});
afterAll(async () => {
  await sandbox.close();
});

describe('ghl sandbox: operations it does not simulate', () => {
  it('simulates every one of the catalog actions', () => {
    const served = new Set(ghlRoutes.map((r) => routeKey(r.method, r.path)));
    expect(ghlOperations.filter((o) => o.http === undefined || !served.has(routeKey(o.http.method, o.http.path))).map((o) => o.id)).toEqual([]);
  });

  it('answers 501 not_simulated naming an operation of GHL\'s documents outside the catalog (get-custom-values)', async () => {
    const res = await contractCall(sandbox, 'GET', `/locations/${LOC}/customValues`);
    expect(res.status).toBe(501);
    expect(res.body).toMatchObject({ statusCode: 501, error: 'not_simulated', operationId: 'get-custom-values' });
  });

  it('answers 501 not_simulated for a catalog action named in `unsimulated`, by catalog id', async () => {
    const res = await contractCall(sandbox, 'POST', '/users/search/filter-by-email', { body: { companyId: 'cmp_sandbox', emails: 'a@example.com' } });
    expect(res.status).toBe(501);
    expect(res.body).toMatchObject({ error: 'not_simulated', operationId: 'ghl.users.filter-users-by-email' });
    expect(res.body['message']).toContain('ghl.users.filter-users-by-email');
  });

  it('answers 501 for a catalog action named in `unsimulated` by GHL\'s operationId', async () => {
    const res = await call(sandbox, 'POST', '/calendars/appointments/apt_1/notes', { body: { body: 'Bring shoes' } });
    expect(res.body).toMatchObject({ statusCode: 501, error: 'not_simulated', operationId: 'ghl.calendars.create-appointment-note' });
  });

  it('refuses `unsimulated` naming an operation it does not simulate', async () => {
    await expect(startGhlSandbox({ unsimulated: ['ghl.users.no-such-thing'] })).rejects.toThrow(SandboxOptionsError);
  });

  it('checks the token first: without one, 401', async () => {
    expect((await call(sandbox, 'POST', '/users/search/filter-by-email', { token: null, body: {} })).status).toBe(401);
  });

  it('still answers 404 for a path GHL does not have', async () => {
    expect((await contractCall(sandbox, 'POST', '/users/search/no-such-thing', { body: {} })).status).toBe(404);
  });
});
