import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { silentLogger } from '@flowline/core';
import type { WebhookServer, WebhookServerOptions } from '../webhook-server.js';
import type { HostMessage, ReceiverMessage, ReceiverThreadData } from './messages.js';
import { createTurnBatch } from './turn-batch.js';

/** The source build runs under tsx (tests, dev scripts); the compiled one (`dist/`) is plain JavaScript. */
const COMPILED = import.meta.url.endsWith('.js');

/**
 * Starts the thread. Compiled, it is an ES module worker. From source, the thread's module is
 * TypeScript, and Node 20 does not hand the loader hooks of `--import tsx` to worker threads,
 * so the thread registers tsx itself: its in-thread `require` hook, not its ESM hooks, which
 * would start one more thread (and V8 heap) of their own. Either way the thread starts without
 * this process's `execArgv`, or it would load `--import tsx` uselessly too.
 */
function startWorker(workerData: ReceiverThreadData): Worker {
  if (COMPILED) return new Worker(new URL('./thread-entry.js', import.meta.url), { workerData, execArgv: [] });
  const require = createRequire(import.meta.url);
  const entry = fileURLToPath(new URL('./thread-entry.ts', import.meta.url));
  const code = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();\nrequire(${JSON.stringify(entry)});\n`;
  return new Worker(code, { eval: true, workerData, execArgv: ['--conditions=@flowline/source'] });
}

/**
 * The webhook server on a worker thread (`receiverThread` of startHost): HTTP parsing, the
 * PushPress receiver's checks (size, signature, schema) and the answers happen there, so this
 * thread's event loop is left to the engine, its store and its GHL requests. An accepted
 * delivery crosses to this thread as JSON with its tenant, is committed by that tenant's `submit`, and only then answered
 * (202, or 200 for a duplicate; 503 if the commit failed). Messages go in batches (turn-batch.ts).
 */
export async function startReceiverThread(options: WebhookServerOptions): Promise<WebhookServer> {
  const logger = options.logger ?? silentLogger;
  const { tenants } = options;
  const data: ReceiverThreadData = {
    tenants: tenants.entries(),
    webhookPath: options.webhookPath,
    port: options.port,
    host: options.host,
    forwardLogs: logger !== silentLogger,
    limits: options.limits,
    ...(options.maxAgeSeconds === undefined ? {} : { maxAgeSeconds: options.maxAgeSeconds }),
  };
  const worker = startWorker(data);
  const post = (batch: readonly HostMessage[]): void => worker.postMessage(batch);
  const send = createTurnBatch(post);
  // Answers go out before the turn ends: the commit that lets them go also lets runs go a turn later, and those would take the loop first.
  const answer = createTurnBatch(post, process.nextTick);
  let closing: (() => void) | undefined;
  let stopping = false;
  let started: ((port: number) => void) | undefined;
  let failed: ((error: Error) => void) | undefined;

  const submit = (ask: number, tenant: string, event: string): void => {
    Promise.resolve()
      .then(() => tenants.sinkOf(tenant).submit(JSON.parse(event)))
      .then(
        (result) => answer({ kind: 'submitted', ask, result }),
        (error: unknown) => {
          const cause = error instanceof Error ? error : new Error(String(error));
          answer({ kind: 'failed', ask, name: cause.name, message: cause.message });
        },
      );
  };

  const park = (ask: number, tenant: string, event: string): void => {
    Promise.resolve()
      .then(() => tenants.parkingOf(tenant).park(JSON.parse(event)))
      .then(
        ({ added }) => answer({ kind: 'parked', ask, added }),
        (error: unknown) => {
          const cause = error instanceof Error ? error : new Error(String(error));
          answer({ kind: 'failed', ask, name: cause.name, message: cause.message });
        },
      );
  };

  // Tenants added or removed while it runs: the thread receives their webhooks from now on, or no longer.
  let changes = 0;
  let applied = 0;
  const waitingForApplied: Array<{ readonly change: number; readonly resolve: () => void }> = [];
  const unwatch = tenants.watch((tenant, secrets) => {
    changes += 1;
    send(secrets === undefined ? { kind: 'tenant', change: changes, tenant } : { kind: 'tenant', change: changes, tenant, secrets: [...secrets] });
  });
  const tenantsApplied = (change: number): void => {
    applied = Math.max(applied, change);
    for (let index = waitingForApplied.length - 1; index >= 0; index--) {
      const waiting = waitingForApplied[index];
      if (waiting && waiting.change <= applied) {
        waitingForApplied.splice(index, 1);
        waiting.resolve();
      }
    }
  };

  worker.on('message', (batch: readonly ReceiverMessage[]) => {
    for (const message of batch) {
      switch (message.kind) {
        case 'submit':
          submit(message.ask, message.tenant, message.event);
          break;
        case 'park':
          park(message.ask, message.tenant, message.event);
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
        case 'tenants-applied':
          tenantsApplied(message.applied);
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
    // Nothing is received any more: no one waits for a change to take effect.
    tenantsApplied(Number.MAX_SAFE_INTEGER);
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
    unwatch();
    await worker.terminate();
    throw error;
  } finally {
    started = undefined;
    failed = undefined;
  }

  return {
    port,
    tenantsApplied() {
      const change = changes;
      return change <= applied ? Promise.resolve() : new Promise<void>((resolve) => waitingForApplied.push({ change, resolve }));
    },
    async close() {
      stopping = true;
      unwatch();
      await new Promise<void>((resolve) => {
        closing = resolve;
        worker.once('exit', () => resolve());
        send({ kind: 'close' });
      });
      await worker.terminate();
    },
  };
}
