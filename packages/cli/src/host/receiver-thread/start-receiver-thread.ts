import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { silentLogger } from '@flowline/core';
import type { WebhookServer, WebhookServerOptions } from '../webhook-server.js';
import type { HostMessage, ReceiverMessage, ReceiverThreadData } from './messages.js';
import { createTurnBatch } from './turn-batch.js';

/**
 * The thread's code, evaluated as CommonJS. Its module is TypeScript, like the whole repo, and
 * Node 20 does not hand the loader hooks of `--import tsx` to worker threads, so the thread
 * registers tsx itself: its in-thread `require` hook, not its ESM hooks, which would start one
 * more thread (and V8 heap) of their own. The thread is started without this process's
 * `execArgv`, or it would load `--import tsx` uselessly too. Together that saves about 25 MB.
 */
function threadModule(): string {
  const require = createRequire(import.meta.url);
  const entry = fileURLToPath(new URL('./thread-entry.ts', import.meta.url));
  return `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();\nrequire(${JSON.stringify(entry)});\n`;
}

/**
 * The webhook server on a worker thread (`receiverThread` of startHost): HTTP parsing, the
 * PushPress receiver's checks (size, signature, schema) and the answers happen there, so this
 * thread's event loop is left to the engine, its store and its GHL requests. An accepted
 * delivery crosses to this thread as JSON, is committed by `sink.submit`, and only then answered
 * (202, or 200 for a duplicate; 503 if the commit failed). Messages go in batches (turn-batch.ts).
 */
export async function startReceiverThread(options: WebhookServerOptions): Promise<WebhookServer> {
  const logger = options.logger ?? silentLogger;
  const data: ReceiverThreadData = {
    secrets: [...options.secrets],
    webhookPath: options.webhookPath,
    port: options.port,
    host: options.host,
    forwardLogs: logger !== silentLogger,
  };
  const worker = new Worker(threadModule(), { eval: true, workerData: data, execArgv: [] });
  const post = (batch: readonly HostMessage[]): void => worker.postMessage(batch);
  const send = createTurnBatch(post);
  // Answers go out before the turn ends: the commit that lets them go also lets runs go a turn later, and those would take the loop first.
  const answer = createTurnBatch(post, process.nextTick);
  let closing: (() => void) | undefined;
  let stopping = false;
  let started: ((port: number) => void) | undefined;
  let failed: ((error: Error) => void) | undefined;

  const submit = (ask: number, event: string): void => {
    Promise.resolve()
      .then(() => options.sink.submit(JSON.parse(event)))
      .then(
        (result) => answer({ kind: 'submitted', ask, result }),
        (error: unknown) => {
          const cause = error instanceof Error ? error : new Error(String(error));
          answer({ kind: 'failed', ask, name: cause.name, message: cause.message });
        },
      );
  };

  worker.on('message', (batch: readonly ReceiverMessage[]) => {
    for (const message of batch) {
      switch (message.kind) {
        case 'submit':
          submit(message.ask, message.event);
          break;
        case 'health':
          send({ kind: 'health', ask: message.ask, body: JSON.stringify(options.health()) });
          break;
        case 'log':
          logger[message.level](message.message, message.fields);
          break;
        case 'listening':
          started?.(message.port);
          break;
        case 'listen-failed':
          if (failed) failed(Object.assign(new Error(message.message), message.code === undefined ? {} : { code: message.code }));
          else logger.error('the webhook server failed', { error: message.message });
          break;
        case 'closed':
          closing?.();
          break;
      }
    }
  });
  worker.on('error', (error) => {
    if (failed) failed(error);
    else logger.error('the webhook receiver thread failed; webhooks are no longer received', { error: `${error.name}: ${error.message}` });
  });

  worker.on('exit', (code) => {
    if (!stopping && started === undefined) logger.error('the webhook receiver thread stopped; webhooks are no longer received', { code });
  });

  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      started = resolve;
      failed = reject;
      worker.once('exit', (code) => reject(new Error(`The webhook receiver thread exited (code ${code}) before it listened`)));
    });
  } catch (error) {
    stopping = true;
    await worker.terminate();
    throw error;
  } finally {
    started = undefined;
    failed = undefined;
  }

  return {
    port,
    async close() {
      stopping = true;
      await new Promise<void>((resolve) => {
        closing = resolve;
        worker.once('exit', () => resolve());
        send({ kind: 'close' });
      });
      await worker.terminate();
    },
  };
}
