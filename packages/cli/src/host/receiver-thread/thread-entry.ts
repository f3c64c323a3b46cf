/**
 * The receiver thread (started by start-receiver-thread.ts): the HTTP server, the PushPress
 * receiver's checks (body, signature, schema) and the answers, for every tenant (each with its
 * own signing secrets, kept up to date by the host's thread). Each accepted delivery is sent to
 * the host's thread with its tenant, and answered once that thread has committed it.
 */
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { createPushPressReceiver, pushpressTriggers, type DeliveryParking } from '@flowline/connectors';
import type { EventSink, Logger, SubmitResult } from '@flowline/core';
import type { HostMessage, LogLevel, ReceiverMessage, ReceiverThreadData } from './messages.js';
import { hostRoutes } from '../host-routes.js';
import { createLimitedServer } from '../server-limits.js';
import { loggerOfTenant } from '../tenant-logger.js';
import { TenantReceivers } from '../tenant-receivers.js';
import { createTurnBatch } from './turn-batch.js';

if (!parentPort) throw new Error('thread-entry.ts runs in the receiver thread; start it with startReceiverThread');
const host = parentPort;
const data = workerData as ReceiverThreadData;
const send = createTurnBatch<ReceiverMessage>((batch) => host.postMessage(batch));

interface Waiting {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

/** Questions to the host's thread that wait for their answer, by number. */
const waiting = new Map<number, Waiting>();
let lastAsk = 0;
function ask<T>(message: (ask: number) => ReceiverMessage): Promise<T> {
  lastAsk += 1;
  const number = lastAsk;
  return new Promise<T>((resolve, reject) => {
    waiting.set(number, { resolve: resolve as (value: unknown) => void, reject });
    send(message(number));
  });
}
/** The question `number`, answered now. */
function answered(number: number): Waiting | undefined {
  const entry = waiting.get(number);
  waiting.delete(number);
  return entry;
}

const sinkOf = (tenant: string): EventSink => ({
  submit: (event) => ask<SubmitResult>((number) => ({ kind: 'submit', ask: number, tenant, event: JSON.stringify(event) })),
});
const parkingOf = (tenant: string): DeliveryParking => ({
  park: (event) => ask<{ added: boolean }>((number) => ({ kind: 'park', ask: number, tenant, event: JSON.stringify(event) })),
});
const forward =
  (level: LogLevel) =>
  (message: string, fields?: Record<string, unknown>): void =>
    send({ kind: 'log', level, message, ...(fields === undefined ? {} : { fields }) });
const logger: Logger | undefined = data.forwardLogs ? { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') } : undefined;

/** Each tenant's signing secrets, as the host's thread said last. */
const tenants = new Map<string, readonly string[]>(data.tenants);
const receivers = new TenantReceivers((tenant, secrets) =>
  createPushPressReceiver({
    secrets: [...secrets],
    sink: sinkOf(tenant),
    parking: parkingOf(tenant),
    operations: pushpressTriggers,
    bodyTimeoutMs: data.limits.bodyTimeoutMs,
    ...(data.maxAgeSeconds === undefined ? {} : { maxAgeSeconds: data.maxAgeSeconds }),
    ...(logger === undefined ? {} : { logger: loggerOfTenant(logger, tenant) }),
  }),
);

const server = createLimitedServer(
  hostRoutes({
    webhookPath: data.webhookPath,
    receiverOf: (tenant) => receivers.receiverOf(tenant, tenants.get(tenant)),
    health: () => ask<string>((number) => ({ kind: 'health', ask: number })),
  }),
  data.limits,
);

host.on('message', (batch: readonly HostMessage[]) => {
  for (const message of batch) {
    switch (message.kind) {
      case 'submitted':
        answered(message.ask)?.resolve(message.result);
        break;
      case 'parked':
        answered(message.ask)?.resolve({ added: message.added });
        break;
      case 'health':
        answered(message.ask)?.resolve(message.body);
        break;
      case 'failed':
        answered(message.ask)?.reject(Object.assign(new Error(message.message), { name: message.name }));
        break;
      case 'tenant':
        if (message.secrets === undefined) tenants.delete(message.tenant);
        else tenants.set(message.tenant, message.secrets);
        receivers.forget(message.tenant);
        send({ kind: 'tenants-applied', applied: message.change });
        break;
      case 'close':
        server.close(() => send({ kind: 'closed' }));
        server.closeAllConnections();
        break;
    }
  }
});
server.once('error', (error: NodeJS.ErrnoException) => send({ kind: 'listen-failed', message: error.message, ...(error.code === undefined ? {} : { code: error.code }) }));
server.listen(data.port, data.host, () => send({ kind: 'listening', port: (server.address() as AddressInfo).port }));
