import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS_TTL_MS } from '../../src/options/index.js';
import { CONNECTION, LOC_A, TOKEN_A, startWorld, type World } from './support.js';

/** The resolver's cache against the sandbox: GHL is asked only when it must be. */
let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(async () => {
  await world.close();
});

const tags = (refresh = false) => world.resolver.resolve({ tenant: 'gym-a', connectionName: CONNECTION, source: 'ghl.tags', refresh });
const names = (result: { options: readonly { value: string }[] }): string[] => result.options.map((o) => o.value);

/** A tag made in GHL behind the builder's back (another user, another app). */
async function addTagInGhl(name: string): Promise<void> {
  const res = await fetch(`${world.sandbox.url}/locations/${LOC_A}/tags`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN_A}`, version: '2021-07-28', 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  expect(res.status).toBe(200);
}

describe('the options cache', () => {
  it('answers a second call from the cache without asking GHL', async () => {
    const first = await tags();
    const second = await tags();
    expect(first.cached).toBe(false);
    expect(second).toEqual({ ...first, cached: true });
    expect(world.sent('get-location-tags')).toBe(1);
  });

  it('asks again once the TTL (default 5 minutes) has passed', async () => {
    await tags();
    world.clock.now += DEFAULT_OPTIONS_TTL_MS - 1;
    expect((await tags()).cached).toBe(true);
    world.clock.now += 1;
    expect((await tags()).cached).toBe(false);
    expect(world.sent('get-location-tags')).toBe(2);
  });

  it('takes a TTL of its own', async () => {
    await world.close();
    world = await startWorld({ ttlMs: 1000 });
    await tags();
    world.clock.now += 1000;
    await tags();
    expect(world.sent('get-location-tags')).toBe(2);
  });

  it('refresh: true asks GHL again and replaces the cached answer', async () => {
    expect(names(await tags())).not.toContain('new-in-ghl');
    await addTagInGhl('new-in-ghl');
    expect(names(await tags())).not.toContain('new-in-ghl'); // cached
    const refreshed = await tags(true);
    expect(refreshed.cached).toBe(false);
    expect(names(refreshed)).toContain('new-in-ghl');
    const after = await tags();
    expect(after.cached).toBe(true);
    expect(names(after)).toContain('new-in-ghl');
    expect(world.sent('get-location-tags')).toBe(2);
  });

  it('identical concurrent calls share one request', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => tags()));
    expect(world.sent('get-location-tags')).toBe(1);
    expect(answers.filter((a) => !a.cached)).toHaveLength(1);
    expect(new Set(answers.map((a) => JSON.stringify(a.options))).size).toBe(1);
  });

  it('pipelines and every pipeline\'s stages share one request', async () => {
    const resolve = (source: string, params?: Record<string, string>) =>
      world.resolver.resolve({ tenant: 'gym-a', connectionName: CONNECTION, source, ...(params ? { params } : {}) });
    const [pipelines, membership, pt] = await Promise.all([
      resolve('ghl.pipelines'),
      resolve('ghl.pipeline-stages', { pipelineId: 'pip_membership_1' }),
      resolve('ghl.pipeline-stages', { pipelineId: 'pip_pt_1' }),
    ]);
    expect(pipelines.options).toHaveLength(2);
    expect(membership.options[0]?.value).toBe('stg_lead');
    expect(pt.options[0]?.value).toBe('stg_pt_enquiry');
    expect(world.sent('get-pipelines')).toBe(1);
  });

  it('a slower stale answer never overwrites a newer one', async () => {
    await world.resolver.resolve({ tenant: 'gym-a', connectionName: CONNECTION, source: 'ghl.calendars' }); // the location's rate budget has probed
    const gate = world.gate.hold('/tags');
    const slow = tags(); // GHL answers the old list, which reaches the client late
    await gate.held;
    await addTagInGhl('added-meanwhile');
    const fresh = await tags(true); // started later, answered first
    expect(names(fresh)).toContain('added-meanwhile');
    gate.release();
    const stale = await slow;
    expect(names(stale)).not.toContain('added-meanwhile'); // its caller gets what GHL said to it
    const now = await tags();
    expect(now.cached).toBe(true);
    expect(names(now)).toContain('added-meanwhile'); // the cache kept the newer answer
    expect(now.fetchedAt).toBe(fresh.fetchedAt);
    expect(world.sent('get-location-tags')).toBe(2);
  });

  it('a call while a refresh is in flight waits for the refresh', async () => {
    await tags();
    await addTagInGhl('during-refresh');
    const gate = world.gate.hold('/tags');
    const refreshing = tags(true);
    await gate.held;
    const joining = tags();
    gate.release();
    expect(names(await joining)).toContain('during-refresh');
    expect(names(await refreshing)).toContain('during-refresh');
    expect(world.sent('get-location-tags')).toBe(2);
  });

  it('a failed request is not cached', async () => {
    world.sandbox.faults.add({ kind: 'error', status: 500, method: 'GET', path: '/locations/*/tags', count: 'always' });
    await expect(tags()).rejects.toMatchObject({ category: 'server' });
    world.sandbox.faults.clear();
    expect((await tags()).cached).toBe(false);
  });

  it('invalidate forgets a tenant\'s answers', async () => {
    await tags();
    expect(world.resolver.invalidate({ tenant: 'gym-a', connectionName: CONNECTION })).toBe(1);
    expect((await tags()).cached).toBe(false);
    expect(world.resolver.invalidate({ tenant: 'gym-b' })).toBe(0);
  });
});
