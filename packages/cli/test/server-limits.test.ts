import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closed, openIdle, rawExchange, trickle } from '../../../test/support/raw-socket.js';
import { resolveServerLimits } from '../src/host/server-limits.js';
import type { RunningHost } from '../src/host/start-host.js';
import { leadDelivery, startTestHost } from './fixtures/test-host.js';

const hosts: RunningHost[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

async function start(receiverThread: boolean, limits: Parameters<typeof startTestHost>[0]['limits']): Promise<RunningHost> {
  const host = await startTestHost({ receiverThread, limits });
  hosts.push(host);
  return host;
}

function head(body: string, signature: string, contentLength = Buffer.byteLength(body)): string {
  return `POST /webhooks/pushpress HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nwebhook-signature: ${signature}\r\nContent-Length: ${contentLength}\r\n\r\n`;
}

describe.each([
  ["on the engine's thread", false],
  ['on a thread of its own', true],
] as const)('flowline serve: slow and idle clients, webhook server %s', (_mode, receiverThread) => {
  it('cuts a connection whose headers trickle in, at the headers timeout', async () => {
    const host = await start(receiverThread, { headersTimeoutMs: 300, requestTimeoutMs: 600 });

    const exchange = await rawExchange(host.webhookUrl, (socket) => trickle(socket, 'POST /webhooks/pushpress HTTP/1.1\r\nHost: test\r\nX-Slow: ' + 'a'.repeat(10_000), 20));

    expect(exchange.status).toBe(408);
  });

  it('answers 408 and cuts a body shorter than its Content-Length, at the body timeout', async () => {
    const host = await start(receiverThread, { bodyTimeoutMs: 300 });
    const sent = leadDelivery('usr_short_body');

    const exchange = await rawExchange(host.webhookUrl, (socket) => socket.write(head(sent.body, sent.signature, Buffer.byteLength(sent.body) + 50) + sent.body));

    expect(exchange.status).toBe(408);
    expect(exchange.received).toContain('pushpress.webhook.request_timeout');
  });

  it('answers 408 and cuts a body that trickles in, at the body timeout', async () => {
    const host = await start(receiverThread, { bodyTimeoutMs: 300 });
    const sent = leadDelivery('usr_trickled_body');

    const exchange = await rawExchange(host.webhookUrl, (socket) => {
      socket.write(head(sent.body, sent.signature));
      trickle(socket, sent.body, 20);
    });

    expect(exchange.status).toBe(408);
  });

  it('closes connections that never send a request, at the headers timeout', async () => {
    const host = await start(receiverThread, { headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const idle = await Promise.all(Array.from({ length: 50 }, () => openIdle(host.url)));
    sockets.push(...idle);

    await Promise.all(idle.map(closed));

    expect(idle.every((socket) => socket.destroyed)).toBe(true);
  });

  it('closes connections beyond maxConnections as they come, keeping the ones it serves', async () => {
    const host = await start(receiverThread, { maxConnections: 5, headersTimeoutMs: 60_000, requestTimeoutMs: 60_000 });
    const held = await Promise.all(Array.from({ length: 5 }, () => openIdle(host.url)));
    sockets.push(...held);

    const extra = await openIdle(host.url);
    sockets.push(extra);
    await closed(extra);

    expect(held.some((socket) => socket.destroyed)).toBe(false);
  });
});

describe('server limits', () => {
  it('has defaults that bound every wait: headers 10 s, request 30 s, keep-alive 5 s, body 15 s, 512 connections', () => {
    expect(resolveServerLimits()).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, bodyTimeoutMs: 15_000, maxConnections: 512 });
  });

  it('refuses a headers timeout longer than the request timeout, a value that is not a whole number ≥ 1, and an unknown setting', () => {
    expect(() => resolveServerLimits({ headersTimeoutMs: 40_000 })).toThrow(/headersTimeoutMs.*at most.*requestTimeoutMs/);
    expect(() => resolveServerLimits({ maxConnections: 0 })).toThrow(/maxConnections.*whole number ≥ 1, got 0/);
    expect(() => resolveServerLimits({ bodyTimeout: 5 } as never)).toThrow(/Unknown setting `bodyTimeout`/);
  });
});
