/**
 * The receiver thread (started by start-receiver-thread.ts): the HTTP server, the PushPress
 * receiver's checks (body, signature, schema) and the answers. Each accepted delivery is sent to
 * the host's thread, and answered once that thread has committed it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { createPushPressReceiver, pushpressTriggers } from '@flowline/connectors';
import type { EventSink, Logger, SubmitResult } from '@flowline/core';
import type { HostMessage, LogLevel, ReceiverMessage, ReceiverThreadData } from './messages.js';
import { hostRoutes } from '../host-routes.js';
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

const sink: EventSink = {
  submit: (event) => ask<SubmitResult>((number) => ({ kind: 'submit', ask: number, event: JSON.stringify(event) })),
};
const forward =
  (level: LogLevel) =>
  (message: string, fields?: Record<string, unknown>): void =>
    send({ kind: 'log', level, message, ...(fields === undefined ? {} : { fields }) });
const logger: Logger | undefined = data.forwardLogs ? { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') } : undefined;
const receiver = createPushPressReceiver({ secrets: data.secrets, sink, operations: pushpressTriggers, ...(logger === undefined ? {} : { logger }) });

const server = createServer(
  hostRoutes({ webhookPath: data.webhookPath, receiver, health: () => ask<string>((number) => ({ kind: 'health', ask: number })) }),
);

host.on('message', (batch: readonly HostMessage[]) => {
  for (const message of batch) {
    switch (message.kind) {
      case 'submitted':
        answered(message.ask)?.resolve(message.result);
        break;
      case 'health':
        answered(message.ask)?.resolve(message.body);
        break;
      case 'failed':
        answered(message.ask)?.reject(Object.assign(new Error(message.message), { name: message.name }));
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
