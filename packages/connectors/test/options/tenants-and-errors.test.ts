import { inspect } from 'node:util';
import { ActionError } from '@flowline/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OptionsError, type ResolveOptionsRequest } from '../../src/options/index.js';
import { CONNECTION, ghlConnection, LOC_A, LOC_B, startWorld, TOKEN_A, TOKEN_B, type World } from './support.js';

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(async () => {
  await world.close();
});

const WRONG_TOKEN = 'pit-WRONG-SECRET-5555eeee6666ffff';
const SECRETS = [TOKEN_A, TOKEN_B, WRONG_TOKEN];

function expectNoSecret(value: unknown): void {
  const text = `${String(value)} ${JSON.stringify(value)} ${inspect(value, { depth: 10 })}`;
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

async function failure(request: Partial<ResolveOptionsRequest>): Promise<unknown> {
  const outcome = await world.resolver.resolve({ tenant: 'gym-a', connectionName: CONNECTION, source: 'ghl.tags', ...request }).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) throw new Error(`expected a failure, got ${JSON.stringify(outcome.value)}`);
  expectNoSecret(outcome.error);
  return outcome.error;
}

describe('options per tenant', () => {
  it("tenant A's cache never answers tenant B, though both name their connection alike", async () => {
    const a = await world.resolver.resolve({ tenant: 'gym-a', connectionName: CONNECTION, source: 'ghl.tags' });
    const b = await world.resolver.resolve({ tenant: 'gym-b', connectionName: CONNECTION, source: 'ghl.tags' });
    expect(b.cached).toBe(false);
    expect(a.options.map((o) => o.value)).toContain('active-member');
    expect(b.options.map((o) => o.value)).toEqual(['b-only']);
    const requests = world.sandbox.requests.list().filter((r) => r.operationId === 'get-location-tags');
    expect(requests.map((r) => r.locationId)).toEqual([LOC_A, LOC_B]);
    // And back: each tenant's own answer from the cache.
    expect((await world.resolver.resolve({ tenant: 'gym-a', connectionName: CONNECTION, source: 'ghl.tags' })).options).toEqual(a.options);
    expect((await world.resolver.resolve({ tenant: 'gym-b', connectionName: CONNECTION, source: 'ghl.tags' })).options).toEqual(b.options);
    expect(world.sent('get-location-tags')).toBe(2);
  });

  it("a pipeline of tenant A is not among tenant B's", async () => {
    const error = await world.resolver
      .resolve({ tenant: 'gym-b', connectionName: CONNECTION, source: 'ghl.pipeline-stages', params: { pipelineId: 'pip_membership_1' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ category: 'not_found' });
    const stages = await world.resolver.resolve({ tenant: 'gym-b', connectionName: CONNECTION, source: 'ghl.pipeline-stages', params: { pipelineId: 'pip_b' } });
    expect(stages.options).toEqual([{ value: 'stg_b_1', label: 'B first' }]);
  });

  it('takes the connection itself instead of looking it up', async () => {
    const result = await world.resolver.resolve({ tenant: 'gym-new', connectionName: 'ghl', connection: ghlConnection(TOKEN_B, LOC_B), source: 'ghl.tags' });
    expect(result.options.map((o) => o.value)).toEqual(['b-only']);
  });

  it('invalidating one tenant leaves the other cached', async () => {
    await world.resolver.resolve({ tenant: 'gym-a', connectionName: CONNECTION, source: 'ghl.tags' });
    await world.resolver.resolve({ tenant: 'gym-b', connectionName: CONNECTION, source: 'ghl.tags' });
    expect(world.resolver.invalidate({ tenant: 'gym-a' })).toBe(1);
    expect((await world.resolver.resolve({ tenant: 'gym-b', connectionName: CONNECTION, source: 'ghl.tags' })).cached).toBe(true);
  });
});

describe('options errors', () => {
  it('an unknown source names the closest', async () => {
    for (const [source, near] of [
      ['ghl.pipeline', 'ghl.pipelines'],
      ['ghl.tag', 'ghl.tags'],
      ['ghl.pipeline-stage', 'ghl.pipeline-stages'],
    ] as const) {
      const error = await failure({ source });
      expect(error).toBeInstanceOf(OptionsError);
      expect(error).toMatchObject({ code: 'options.unknown-source', pointer: '/source' });
      expect((error as OptionsError).hint).toContain(`"${near}"`);
    }
  });

  it('an unknown tenant or connection, a connection of another connector, a malformed request', async () => {
    expect(await failure({ tenant: 'gym-z' })).toMatchObject({ code: 'options.unknown-connection' });
    expect(await failure({ connectionName: 'ghl-other' })).toMatchObject({ code: 'options.unknown-connection' });
    expect(await failure({ connectionName: 'pushpress' })).toMatchObject({ code: 'options.wrong-connector' });
    expect(await failure({ tenant: '' })).toMatchObject({ code: 'options.invalid-request', pointer: '/tenant' });
    expect(await failure({ params: 'pipelineId=1' as never })).toMatchObject({ code: 'options.invalid-params' });
    expect(world.sandbox.requests.list()).toEqual([]);
  });

  it("GHL's 401 for a wrong token is a credentials error without the token, in the error and the log", async () => {
    const error = await failure({ tenant: 'gym-x', connection: ghlConnection(WRONG_TOKEN, LOC_A) });
    expect(error).toBeInstanceOf(ActionError);
    expect(error).toMatchObject({ category: 'credentials', status: 401, request: 'GET /locations/{locationId}/tags' });
    expect((error as ActionError).hint).toBeDefined();
    expectNoSecret(world.log);
    expect(world.log.some((line) => line.level === 'warn' && line.message === 'options fetch failed')).toBe(true);
  });

  it("GHL's refusal of another location is a permission error without the token", async () => {
    const error = await failure({ tenant: 'gym-x', connection: ghlConnection(TOKEN_A, LOC_B) });
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).category).toMatch(/permission|credentials/);
    expectNoSecret(world.log);
  });

  it('a connection without a location, or without a token, is refused without sending anything', async () => {
    const noLocation = await failure({ tenant: 'gym-x', connection: { connector: 'ghl', credentials: { type: 'private-token', token: TOKEN_A } } });
    expect(noLocation).toMatchObject({ code: 'options.no-location', pointer: '/settings/locationId' });
    const noToken = await failure({ tenant: 'gym-x', connection: { connector: 'ghl', credentials: { type: 'private-token' }, settings: { locationId: LOC_A } } });
    expect(noToken).toMatchObject({ category: 'credentials', pointer: '/credentials/token' });
    expect(world.sandbox.requests.list()).toEqual([]);
  });

  it('no log line carries a token', async () => {
    await world.resolver.resolve({ tenant: 'gym-a', connectionName: CONNECTION, source: 'ghl.users' });
    await world.resolver.resolve({ tenant: 'gym-b', connectionName: CONNECTION, source: 'ghl.users', refresh: true });
    expect(world.log.some((line) => line.message === 'options fetched')).toBe(true);
    expectNoSecret(world.log);
  });
});
