import { RetryAfterError } from '@flowline/core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { staticTokenSource } from '../../src/ghl/auth/access-token-source.js';
import { createGhlConnector, GhlClient, type GhlConnectorOptions } from '../../src/ghl/index.js';
import { actionContext, failureOf, fastRetry, getContact, handMadeOperations, PRIVATE_TOKEN, privateToken, uploadCustomFieldFile } from './support/fixtures.js';
import { sendJson, startServer, type TestServer } from './support/http-server.js';

/** GHL-like burst limiter: a sliding window of `max` requests per `intervalMs`, counted on arrival. */
function slidingWindow(max: number, intervalMs: number, external = 0) {
  const arrivals: number[] = Array.from({ length: external }, () => Date.now());
  let refused = 0;
  let peak = 0;
  return {
    get refused() {
      return refused;
    },
    get peak() {
      return peak;
    },
    admit(): { ok: boolean; headers: Record<string, string> } {
      const now = Date.now();
      while (arrivals.length > 0 && (arrivals[0] ?? 0) + intervalMs <= now) arrivals.shift();
      const ok = arrivals.length < max;
      if (ok) arrivals.push(now);
      else refused += 1;
      peak = Math.max(peak, arrivals.length);
      return {
        ok,
        headers: {
          'X-RateLimit-Max': String(max),
          'X-RateLimit-Remaining': String(Math.max(0, max - arrivals.length)),
          'X-RateLimit-Interval-Milliseconds': String(intervalMs),
          'X-RateLimit-Limit-Daily': '200000',
          'X-RateLimit-Daily-Remaining': '199000',
        },
      };
    },
  };
}

describe('ghl rate limits', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });
  let connectorOptions: GhlConnectorOptions;
  beforeEach(() => {
    connectorOptions = { operations: handMadeOperations, retry: fastRetry };
  });

  /** `count` connector calls for one location at once. */
  const calls = (baseUrl: string, count: number, options: Partial<GhlConnectorOptions> = {}) => {
    const connector = createGhlConnector({ ...connectorOptions, baseUrl, ...options });
    // one context (and step signal) per call, as the engine gives each step its own
    const context = () => actionContext({ credentials: privateToken, settings: { locationId: 'loc-burst' } });
    return Array.from({ length: count }, (_, i) => connector.invoke({ operationId: getContact.id, input: { path: { contactId: `c${i}` } } }, context()));
  };
  const burst = (baseUrl: string, count: number, options: Partial<GhlConnectorOptions> = {}) => Promise.all(calls(baseUrl, count, options));

  it('never sends a request the budget knows would be refused under a burst of 300 for one location', async () => {
    const limiter = slidingWindow(25, 100);
    const server = await startServer((_req, res) => {
      const { ok, headers } = limiter.admit();
      sendJson(res, ok ? 200 : 429, ok ? { ok: true } : { message: 'Too many requests' }, headers);
    });
    servers.push(server);
    const results = await burst(server.url, 300);
    expect(results).toHaveLength(300);
    expect(limiter.refused).toBe(0);
    expect(server.requests).toHaveLength(300);
    expect(limiter.peak).toBeLessThanOrEqual(25);
  });

  it('leaves room for requests other clients made, as X-RateLimit-Remaining reports them', async () => {
    const limiter = slidingWindow(20, 150, 12); // 12 of 20 already spent by someone else
    const server = await startServer((_req, res) => {
      const { ok, headers } = limiter.admit();
      sendJson(res, ok ? 200 : 429, ok ? { ok: true } : { message: 'Too many requests' }, headers);
    });
    servers.push(server);
    await burst(server.url, 60);
    expect(limiter.refused).toBe(0);
  });

  it('honours Retry-After on a 429 before sending again', async () => {
    let first = true;
    const server = await startServer((_req, res) => {
      if (first) {
        first = false;
        return sendJson(res, 429, { message: 'Too many requests' }, { 'Retry-After': '1' });
      }
      sendJson(res, 200, { ok: true });
    });
    servers.push(server);
    const arrivals: number[] = [];
    // The client on its own re-sends after a 429 (a connector call leaves that to the step: see below).
    const recording = new GhlClient({
      retry: fastRetry,
      baseUrl: server.url,
      fetch: (url, init) => {
        arrivals.push(Date.now());
        return fetch(url, init);
      },
    });
    await recording.execute(getContact, { path: { contactId: 'c1' } }, { auth: staticTokenSource(PRIVATE_TOKEN) });
    expect(arrivals).toHaveLength(2);
    expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(995);
  });

  it('a connector call answers a 429 with a RetryAfterError for the step, and holds the other callers for X-RateLimit-Interval-Milliseconds', async () => {
    let refusedOnce = false;
    const server = await startServer((_req, res) => {
      if (!refusedOnce) {
        refusedOnce = true;
        return sendJson(res, 429, { message: 'Too many requests' }, { 'X-RateLimit-Interval-Milliseconds': '200', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Max': '100' });
      }
      sendJson(res, 200, { ok: true });
    });
    servers.push(server);
    const sentAt: number[] = [];
    const results = await Promise.allSettled(
      calls(server.url, 5, {
        fetch: (url, init) => {
          sentAt.push(Date.now());
          return fetch(url, init);
        },
      }),
    );
    const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(RetryAfterError);
    expect((refused[0] as RetryAfterError).retryAfterMs).toBeGreaterThanOrEqual(200);
    expect(server.requests).toHaveLength(5);
    const first = sentAt[0] ?? 0;
    for (const at of sentAt.slice(1)) expect(at - first).toBeGreaterThanOrEqual(195);
  });

  it('fails with a RetryAfterError naming the reset, without sending, once the daily budget is spent', async () => {
    const server = await startServer((_req, res) =>
      sendJson(res, 200, { ok: true }, { 'X-RateLimit-Limit-Daily': '200000', 'X-RateLimit-Daily-Remaining': '0' }),
    );
    servers.push(server);
    const resetAt = Date.now() + 3_600_000;
    const connector = createGhlConnector({ ...connectorOptions, baseUrl: server.url, rateLimit: { dailyResetAt: () => resetAt } });
    const context = actionContext({ credentials: privateToken, settings: { locationId: 'loc-daily' } });
    const invoke = () => connector.invoke({ operationId: getContact.id, input: { path: { contactId: 'c1' } } }, context);
    await invoke();
    const error = await invoke().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryAfterError);
    expect((error as RetryAfterError).retryAfterMs).toBeGreaterThan(3_500_000);
    expect((error as RetryAfterError).message).toContain(new Date(resetAt).toISOString());
    expect(server.requests).toHaveLength(1);
  });

  it('counts the daily budget locally before any answer reports it', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, { ok: true }));
    servers.push(server);
    const connector = createGhlConnector({ ...connectorOptions, baseUrl: server.url, rateLimit: { dailyLimit: 2 } });
    const context = actionContext({ credentials: privateToken, settings: { locationId: 'loc-small' } });
    const invoke = () => connector.invoke({ operationId: getContact.id, input: { path: { contactId: 'c1' } } }, context);
    await invoke();
    await invoke();
    await expect(invoke()).rejects.toBeInstanceOf(RetryAfterError);
    expect(server.requests).toHaveLength(2);
  });

  it('keeps a separate budget per location', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, { ok: true }, { 'X-RateLimit-Max': '1', 'X-RateLimit-Interval-Milliseconds': '60000', 'X-RateLimit-Remaining': '0' }));
    servers.push(server);
    const connector = createGhlConnector({ ...connectorOptions, baseUrl: server.url });
    for (const locationId of ['loc-a', 'loc-b', 'loc-c']) {
      await connector.invoke({ operationId: getContact.id, input: { path: { contactId: 'c1' } } }, actionContext({ credentials: privateToken, settings: { locationId } }));
    }
    expect(server.requests).toHaveLength(3);
  });

  it("spends the budget of the request's location when the connection names none, else the connection's", async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, { ok: true }));
    servers.push(server);
    const connector = createGhlConnector({ ...connectorOptions, baseUrl: server.url });
    const upload = (locationId: string, settings: Record<string, unknown> = {}) =>
      connector.invoke({ operationId: uploadCustomFieldFile.id, input: { path: { locationId }, body: {} } }, actionContext({ credentials: privateToken, settings }));
    await upload('loc-x');
    await upload('loc-y');
    await upload('loc-y', { locationId: 'loc-z' });
    await connector.invoke({ operationId: getContact.id, input: { path: { contactId: 'c1' } } }, actionContext({ credentials: privateToken, connectionName: 'main' }));
    const { budget } = connector.client;
    expect([budget.inWindow('location:loc-x'), budget.inWindow('location:loc-y'), budget.inWindow('location:loc-z'), budget.inWindow('connection:main')]).toEqual([1, 1, 1, 1]);
  });

  it('a call waiting for budget gives up when its step is cancelled, without sending', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, { ok: true }, { 'X-RateLimit-Max': '1', 'X-RateLimit-Interval-Milliseconds': '60000' }));
    servers.push(server);
    const connector = createGhlConnector({ ...connectorOptions, baseUrl: server.url });
    const settings = { locationId: 'loc-wait' };
    await connector.invoke({ operationId: getContact.id, input: { path: { contactId: 'c1' } } }, actionContext({ credentials: privateToken, settings }));
    const controller = new AbortController();
    const pending = connector.invoke({ operationId: getContact.id, input: { path: { contactId: 'c2' } } }, actionContext({ credentials: privateToken, settings, signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('run stopped')), 20);
    expect((await failureOf(pending)).category).toBe('timeout');
    expect(server.requests).toHaveLength(1);
  });
});
