/**
 * The host side of the durable-path benchmark, in a process of its own (forked with IPC by
 * durable-path.ts, of either build: see bench-build.ts): the path under test, one at a time,
 * either Flowline's host (startHost on a fresh store) or the path written by hand
 * (hand-written-path.ts). Its CPU time is this process's (`process.cpuUsage()`: every thread).
 * It says `{ type: 'ready' }`. Then, one request at a time:
 * `{ type: 'start', path, ghlUrl }` → `{ type: 'started', webhookUrl, targets?, apiUrl? }` (`targets`: the tenants' webhooks;
 * `apiUrl`: the HTTP API's base URL, with `api`);
 * `{ type: 'cpu' }` → `{ type: 'cpu', cpuMicros }` (user + system so far);
 * `{ type: 'idle' }` → `{ type: 'idle', at, cpuMicros }` once every accepted delivery has run
 * (`at`: epoch ms, comparable across processes);
 * `{ type: 'dead-letters' }` → `{ type: 'dead-letters', count }`;
 * `{ type: 'close' }` → `{ type: 'closed' }` (the path closed, its store deleted);
 * `{ type: 'exit' }` ends it. A failure answers `{ type: 'failed', message }`.
 */
import { performance } from 'node:perf_hooks';
import { startBenchHost, type BenchStoreKind } from './bench-host.js';
import { startHandWrittenPath } from './hand-written-path.js';
import { exitWithParent, replyToParent } from './ipc-child.js';
import type { WebhookTarget } from './webhook-load.js';

/**
 * `tenants`: gyms besides the default tenant (bench-host.ts); the deliveries then go to them, spread evenly (`started`'s `targets`).
 * `api`: the host's HTTP API on too (bench-host.ts), its URL in `started`'s `apiUrl`.
 */
export type PathSpec =
  | { readonly kind: 'host'; readonly store: BenchStoreKind; readonly receiverThread: boolean; readonly tenants?: number; readonly api?: boolean }
  | { readonly kind: 'hand-written' };

export type PathRequest =
  | { readonly type: 'start'; readonly path: PathSpec; readonly ghlUrl: string }
  | { readonly type: 'cpu' }
  | { readonly type: 'idle' }
  | { readonly type: 'dead-letters' }
  | { readonly type: 'close' }
  | { readonly type: 'exit' };

export type PathReply =
  | { readonly type: 'ready' }
  | { readonly type: 'started'; readonly webhookUrl: string; readonly targets?: readonly WebhookTarget[]; readonly apiUrl?: string }
  | { readonly type: 'cpu'; readonly cpuMicros: number }
  | { readonly type: 'idle'; readonly at: number; readonly cpuMicros: number }
  | { readonly type: 'dead-letters'; readonly count: number }
  | { readonly type: 'closed' }
  | { readonly type: 'failed'; readonly message: string };

interface RunningPath {
  readonly webhookUrl: string;
  readonly targets?: readonly WebhookTarget[];
  readonly apiUrl?: string;
  idle(): Promise<void>;
  deadLetters(): Promise<number>;
  close(): Promise<void>;
}

exitWithParent('path-child.ts');
const reply = (message: PathReply): void => replyToParent(message);
const cpuMicros = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

async function start(path: PathSpec, ghlUrl: string): Promise<RunningPath> {
  if (path.kind === 'hand-written') {
    const hand = await startHandWrittenPath(ghlUrl);
    return { webhookUrl: hand.webhookUrl, idle: () => hand.idle(), deadLetters: async () => 0, close: () => hand.close() };
  }
  const bench = await startBenchHost({ store: path.store, ghlUrl, receiverThread: path.receiverThread, ...(path.tenants ? { tenants: path.tenants } : {}), ...(path.api ? { api: true } : {}) });
  const { engine, webhookUrl } = bench.host;
  const deadLetters = async (): Promise<number> => {
    let count = 0;
    for (const id of engine.tenants()) count += (await engine.tenant(id).deadLetters()).length;
    return count;
  };
  const { apiUrl } = bench.host;
  return { webhookUrl, ...(bench.tenantTargets.length > 0 ? { targets: bench.tenantTargets } : {}), ...(apiUrl === undefined ? {} : { apiUrl }), idle: () => engine.idle(), deadLetters, close: () => bench.close() };
}

let running: RunningPath | undefined;
const current = (): RunningPath => {
  if (!running) throw new Error('No path is started');
  return running;
};

async function answer(request: Exclude<PathRequest, { type: 'exit' }>): Promise<PathReply> {
  switch (request.type) {
    case 'start':
      if (running) throw new Error('A path is already started');
      running = await start(request.path, request.ghlUrl);
      return { type: 'started', webhookUrl: running.webhookUrl, ...(running.targets ? { targets: running.targets } : {}), ...(running.apiUrl === undefined ? {} : { apiUrl: running.apiUrl }) };
    case 'cpu':
      return { type: 'cpu', cpuMicros: cpuMicros() };
    case 'idle':
      await current().idle();
      return { type: 'idle', at: performance.timeOrigin + performance.now(), cpuMicros: cpuMicros() };
    case 'dead-letters':
      return { type: 'dead-letters', count: await current().deadLetters() };
    case 'close':
      await current().close();
      running = undefined;
      return { type: 'closed' };
  }
}

process.on('message', (request: PathRequest) => {
  if (request.type === 'exit') {
    void (running?.close() ?? Promise.resolve()).finally(() => process.disconnect());
    return;
  }
  answer(request).then(reply, (error: unknown) => reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});

reply({ type: 'ready' });
