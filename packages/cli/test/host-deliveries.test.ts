import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '@flowline/core';
import type { RunningHost } from '../src/host/start-host.js';
import { leadDelivery, postDelivery, recordingLogger, startTestHost, unknownEventDelivery } from './fixtures/test-host.js';

const hosts: RunningHost[] = [];
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function start(options: Parameters<typeof startTestHost>[0]): Promise<RunningHost> {
  const host = await startTestHost(options);
  hosts.push(host);
  return host;
}

/** A stand-in for GoHighLevel that refuses every request with 422. */
async function refusingGhl(): Promise<string> {
  const server = createServer((request, response) => {
    request.resume();
    response.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: 422, message: 'locationId is invalid' }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe.each([
  ["on the engine's thread", false],
  ['on a thread of its own', true],
] as const)('flowline serve: what happens to deliveries, webhook server %s', (_mode, receiverThread) => {
  it('parks an authentic delivery of an event type no trigger handles in its store, answering 202 parked', async () => {
    const store = createMemoryStore();
    const host = await start({ receiverThread, store });
    const sent = unknownEventDelivery('bdg_1');

    expect(await postDelivery(host.webhookUrl, sent)).toEqual({ status: 202, body: { status: 'parked', id: sent.id } });
    expect(await postDelivery(host.webhookUrl, sent)).toEqual({ status: 200, body: { status: 'duplicate', id: sent.id } });
    expect(await store.listParkedDeliveries()).toEqual([
      { id: sent.id, event: { id: sent.id, trigger: 'pushpress.member.badge.awarded', payload: JSON.parse(sent.body) as unknown }, receivedAt: expect.any(String), reason: 'unknown-trigger' },
    ]);
    expect(await store.getInboxEntry(sent.id)).toBeUndefined();
  });

  it('refuses a delivery older than its freshness window (maxAgeSeconds) with 422', async () => {
    const host = await start({ receiverThread, maxAgeSeconds: 60 });

    const answer = await postDelivery(host.webhookUrl, leadDelivery('usr_old', 120));

    expect(answer).toMatchObject({ status: 422, body: { error: { code: 'pushpress.webhook.stale_delivery' } } });
    expect((await postDelivery(host.webhookUrl, leadDelivery('usr_fresh', 30))).status).toBe(202);
  });

  it('logs a failed run as an error, with its workflow, the step that failed and why', async () => {
    const { logger, lines } = recordingLogger();
    const host = await start({ receiverThread, logger, ghlUrl: await refusingGhl() });

    expect((await postDelivery(host.webhookUrl, leadDelivery('usr_failing'))).status).toBe(202);

    await vi.waitFor(() =>
      expect(lines).toContainEqual({
        level: 'error',
        message: expect.stringContaining('a run failed'),
        fields: expect.objectContaining({ workflowId: 'new-lead', failedStep: 'upsert', error: expect.stringContaining('422') }),
      }),
    );
  });
});

describe('flowline serve: parked deliveries once their trigger exists', () => {
  it('replays, as it starts, a parked delivery whose trigger this version has, and lets it go from the parked list', async () => {
    const store = createMemoryStore();
    const sent = leadDelivery('usr_parked_earlier');
    // As an older version, without a customer.created trigger, would have parked it.
    await store.parkDelivery({ event: { id: sent.id, trigger: 'pushpress.customer.created', payload: JSON.parse(sent.body) as unknown }, receivedAt: new Date().toISOString(), reason: 'unknown-trigger' });
    await store.parkDelivery({ event: { id: 'still-unknown', trigger: 'pushpress.member.badge.awarded', payload: {} }, receivedAt: new Date().toISOString(), reason: 'unknown-trigger' });

    await start({ receiverThread: false, store });

    expect(await store.getInboxEntry(sent.id)).toMatchObject({ id: sent.id, event: { trigger: 'pushpress.customer.created' } });
    expect((await store.listParkedDeliveries()).map((delivery) => delivery.id)).toEqual(['still-unknown']);
  });
});
