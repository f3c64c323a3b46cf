import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signPushPressData } from '@flowline/connectors';
import { createMemoryStore, type Logger, type Store } from '@flowline/core';
import { startHost, type RunningHost } from '../src/host/start-host.js';

const SECRET = 'start-host-test-secret';
const SAMPLE_DATA = (JSON.parse(readFileSync(new URL('../../../schemas/operations/pushpress/customer.created.json', import.meta.url), 'utf8')) as { sample: { data: Record<string, unknown> } }).sample
  .data;
const WORKFLOW = JSON.parse(readFileSync(new URL('./fixtures/new-lead.workflow.json', import.meta.url), 'utf8')) as unknown;

function delivery(customer: string): { body: string; signature: string; id: string } {
  const created = Math.floor(Date.now() / 1000);
  const data = { ...SAMPLE_DATA, id: customer, role: 'member', account: { type: 'primary', primaryCustomerId: customer } };
  return { body: JSON.stringify({ event: 'customer.created', created, data }), signature: signPushPressData(data, SECRET), id: `customer.created:${customer}:${created}` };
}

async function post(host: RunningHost, sent: { body: string; signature: string }): Promise<{ status: number; body: unknown }> {
  const response = await fetch(host.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'webhook-signature': sent.signature }, body: sent.body });
  return { status: response.status, body: await response.json() };
}

/** The store, with one of its methods replaced. */
function withMethod<K extends keyof Store>(store: Store, name: K, method: Store[K]): Store {
  return new Proxy(store, { get: (target, key, receiver) => (key === name ? method : Reflect.get(target, key, receiver)) });
}

/** The store, with its `addToInbox` replaced. */
function withAddToInbox(store: Store, addToInbox: Store['addToInbox']): Store {
  return withMethod(store, 'addToInbox', addToInbox);
}

interface LogLine {
  readonly level: keyof Logger;
  readonly message: string;
  readonly fields: Record<string, unknown> | undefined;
}

function recordingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const line = (level: keyof Logger) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, fields });
  return { logger: { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') }, lines };
}

const running: RunningHost[] = [];
async function start(options: { store?: Store; logger?: Logger; port?: number; receiverThread: boolean }): Promise<RunningHost> {
  const host = await startHost({
    config: { pushpress: { signingSecrets: [SECRET] }, connections: { ghl: { connector: 'ghl', settings: { locationId: 'loc_test' }, credentials: { type: 'private-token', token: 'test-token' } } }, config: { locationId: 'loc_test' } },
    workflows: [{ file: 'new-lead.workflow.json', definition: WORKFLOW }],
    port: options.port ?? 0,
    receiverThread: options.receiverThread,
    ...(options.store ? { store: options.store } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  running.push(host);
  return host;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((host) => host.close()));
});

describe.each([
  ["on the engine's thread", false],
  ['on a thread of its own', true],
] as const)('startHost: the webhook server %s', (_mode, receiverThread) => {
  it('answers 202 for a signed delivery once the engine has committed it to the inbox', async () => {
    const store = createMemoryStore();
    const host = await start({ store, receiverThread });
    const sent = delivery('usr_thread_1');

    expect(await post(host, sent)).toEqual({ status: 202, body: { status: 'accepted', id: sent.id } });
    expect(await store.getInboxEntry(sent.id)).toMatchObject({ id: sent.id, event: { trigger: 'pushpress.customer.created', payload: JSON.parse(sent.body) } });
  });

  it('holds the answer until the commit resolves', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const memory = createMemoryStore();
    const host = await start({ receiverThread, store: withAddToInbox(memory, async (event, receivedAt) => (await gate, memory.addToInbox(event, receivedAt))) });
    let answered = false;
    const answer = post(host, delivery('usr_thread_2')).then((result) => ((answered = true), result));

    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answered).toBe(false);
    release();
    expect((await answer).status).toBe(202);
  });

  it('answers 200 duplicate for a delivery it has already accepted', async () => {
    const host = await start({ receiverThread });
    const sent = delivery('usr_thread_3');
    await post(host, sent);

    expect(await post(host, sent)).toEqual({ status: 200, body: { status: 'duplicate', id: sent.id } });
  });

  it('answers 503 when the commit fails, and logs why through the host logger', async () => {
    const { logger, lines } = recordingLogger();
    const host = await start({ receiverThread, logger, store: withAddToInbox(createMemoryStore(), () => Promise.reject(new Error('disk full'))) });
    const sent = delivery('usr_thread_4');

    expect((await post(host, sent)).status).toBe(503);
    // From the receiver thread, log lines cross on their own, so they may land just after the answer.
    await vi.waitFor(() => expect(lines).toContainEqual({ level: 'error', message: expect.stringContaining('the event sink failed'), fields: { id: sent.id, error: 'Error: disk full' } }));
  });

  it('stays up and logs it when the leftovers of an earlier process cannot be listed at start', async () => {
    const { logger, lines } = recordingLogger();
    const host = await start({ receiverThread, logger, store: withMethod(createMemoryStore(), 'listInbox', () => Promise.reject(new Error('database is locked'))) });

    await vi.waitFor(() => expect(lines).toContainEqual({ level: 'error', message: expect.stringContaining('resuming the work an earlier process left failed'), fields: { error: 'Error: database is locked' } }));
    expect((await fetch(`${host.url}/health`)).status).toBe(200);
  });

  it('refuses a bad signature with 401 without committing it, and logs the refusal through the host logger', async () => {
    const { logger, lines } = recordingLogger();
    const store = createMemoryStore();
    const host = await start({ receiverThread, logger, store });
    const sent = delivery('usr_thread_5');

    expect((await post(host, { ...sent, signature: '0'.repeat(64) })).status).toBe(401);
    expect(await store.getInboxEntry(sent.id)).toBeUndefined();
    await vi.waitFor(() => expect(lines).toContainEqual(expect.objectContaining({ level: 'warn', message: 'pushpress webhook refused', fields: expect.objectContaining({ status: 401 }) })));
  });

  it('answers /health from the engine with its status only, naming no workflow, and 404 elsewhere', async () => {
    const host = await start({ receiverThread });

    const health = await fetch(`${host.url}/health`);
    expect({ status: health.status, body: await health.json() }).toEqual({ status: 200, body: { status: 'ok' } });
    const missing = await fetch(`${host.url}/elsewhere`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'Nothing at /elsewhere; PushPress webhooks go to /webhooks/pushpress' });
  });

  it('stops listening when closed', async () => {
    const host = await start({ receiverThread });
    running.splice(running.indexOf(host), 1);
    await host.close();

    await expect(fetch(`${host.url}/health`)).rejects.toThrow();
  });

  it('fails to start, with EADDRINUSE, on a port that is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      await expect(start({ receiverThread, port: (taken.address() as AddressInfo).port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
