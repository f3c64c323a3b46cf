import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGhlSandbox, type GhlSandbox } from '../src/index.js';
import { call, LOC } from './support/ghl-client.js';

let sandbox: GhlSandbox;
let clock = 0;
beforeEach(async () => {
  clock = 1_760_000_000_000;
  sandbox = await startGhlSandbox({
    now: () => clock,
    rateLimit: { limit: 3, windowMs: 2_000 },
    locations: [{ id: LOC }, { id: 'loc_two' }],
    tokens: { 'sandbox-token': { locationId: LOC }, 'two-token': { locationId: 'loc_two' } },
  });
});
afterEach(async () => {
  await sandbox.close();
});

const list = (token = 'sandbox-token', loc = LOC) => call(sandbox, 'GET', `/contacts/?locationId=${loc}`, { token });

describe('rate limits', () => {
  it('sends the GHL rate-limit headers on every answer', async () => {
    const res = await list();
    expect(Object.fromEntries([...res.headers].filter(([k]) => k.startsWith('x-ratelimit')))).toEqual({
      'x-ratelimit-max': '3',
      'x-ratelimit-remaining': '2',
      'x-ratelimit-interval-milliseconds': '2000',
      'x-ratelimit-limit-daily': '200000',
      'x-ratelimit-daily-remaining': '199999',
    });
    const invalid = await call(sandbox, 'POST', '/contacts/', { body: { locationId: LOC, dnd: 1 } });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get('x-ratelimit-remaining')).toBe('1');
  });

  it('answers 429 with Retry-After over the limit, and serves again in the next window', async () => {
    for (let i = 0; i < 3; i++) expect((await list()).status).toBe(200);
    const limited = await list();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    clock += 2_000;
    expect((await list()).status).toBe(200);
    expect(sandbox.dump().requests.rateLimited).toBe(1);
  });

  it('counts each location separately', async () => {
    for (let i = 0; i < 3; i++) await list();
    expect((await list()).status).toBe(429);
    expect((await list('two-token', 'loc_two')).status).toBe(200);
  });

  it('enforces the daily limit', async () => {
    const daily = await startGhlSandbox({ now: () => clock, rateLimit: { limit: 100, dailyLimit: 2 } });
    try {
      await call(daily, 'GET', `/contacts/?locationId=${LOC}`);
      await call(daily, 'GET', `/contacts/?locationId=${LOC}`);
      const res = await call(daily, 'GET', `/contacts/?locationId=${LOC}`);
      expect(res.status).toBe(429);
      expect(res.headers.get('x-ratelimit-daily-remaining')).toBe('0');
    } finally {
      await daily.close();
    }
  });
});
