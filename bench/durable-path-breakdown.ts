/**
 * Where the durable path's CPU goes, stage by stage: each stage below is run on its own in this
 * process for a few seconds, with the loopback GHL and the webhook senders in the remote-side
 * child, and its CPU time per delivery (this process only) printed. Differences between
 * consecutive stages are the cost of what the later one adds.
 *   node --conditions=@flowline/source --import tsx bench/durable-path-breakdown.ts [seconds per stage] [in flight]
 *   node --import tsx bench/compiled.ts durable-path-breakdown.ts [seconds per stage] [in flight]   (the compiled build)
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { startBenchHost, UPSERT_WORKFLOW, type BenchStoreKind } from './bench-host.js';
import {
  createEngine,
  createGhlConnector,
  createPushPressConnector,
  createKeyedLimiter,
  createMemoryStore,
  createPushPressReceiver,
  pushpressTriggers,
  silentLogger,
  type IdentifiedEvent,
  type SubmitResult,
} from './host-dependencies.js';
import { measureThroughput } from './measure.js';
import { startRemoteSide, type RemoteSide } from './remote-side.js';
import { BENCH_SIGNING_SECRET, customerCreatedBody } from './signed-delivery.js';

const seconds = Number(process.argv[2] ?? '3');
const inFlight = Number(process.argv[3] ?? '32');
if (!(seconds > 0)) throw new TypeError(`Expected seconds per stage to be a positive number, got ${process.argv[2]}`);
if (!Number.isInteger(inFlight) || inFlight < 1) throw new TypeError(`Expected in-flight to be a positive integer, got ${process.argv[3]}`);

const UPSERT_INPUT = { body: { locationId: 'loc_bench', firstName: 'Maya', lastName: 'Lopez', email: 'maya.lopez@example.com', phone: '+15125550143', tags: ['pushpress', 'member'], source: 'PushPress' } };

function line(label: string, cpuMicros: number, rate: number, extra = ''): void {
  process.stdout.write(`${label.padEnd(64)} ${cpuMicros.toFixed(0).padStart(6)} cpu µs/delivery ${Math.round(rate).toLocaleString('en-US').padStart(7)}/s wall${extra}\n`);
}

/** A stage driven from this process: `task` runs `inFlight` at a time for `seconds` (after a 1 s warm-up). */
async function inProcess(label: string, task: (n: number) => Promise<unknown>): Promise<void> {
  await measureThroughput(task, { durationMs: 1_000, concurrency: inFlight });
  const result = await measureThroughput((n) => task(n + 1e7), { durationMs: seconds * 1000, concurrency: inFlight });
  line(label, result.cpuMicrosPerRun, result.runsPerSecond);
}

/** A stage driven by signed webhooks from the remote side: this process's CPU per accepted delivery, `after` included. */
async function byWebhooks(label: string, remote: RemoteSide, url: string, after: () => Promise<void>): Promise<void> {
  await remote.send({ url, senders: inFlight, durationMs: 1_000, firstIndex: 0 });
  await after();
  const cpu = process.cpuUsage();
  const load = await remote.send({ url, senders: inFlight, durationMs: seconds * 1000, firstIndex: 1e7 });
  await after();
  const used = process.cpuUsage(cpu);
  const wall = (performance.timeOrigin + performance.now() - load.firstSendAt) / 1000;
  line(label, (used.user + used.system) / load.accepted, load.accepted / wall, `  (${load.accepted} accepted)`);
}

async function receiverOnly(remote: RemoteSide, sink: { submit(event: IdentifiedEvent): Promise<SubmitResult> }, label: string, after: () => Promise<void>): Promise<void> {
  const receiver = createPushPressReceiver({ secrets: [BENCH_SIGNING_SECRET], sink, operations: pushpressTriggers, logger: silentLogger });
  const server = createServer(receiver);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await byWebhooks(label, remote, `http://127.0.0.1:${port}/webhooks/pushpress`, after);
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}

const connection = { connector: 'ghl', settings: { locationId: 'loc_bench' }, credentials: { type: 'private-token', token: 'bench-token-not-a-secret' } } as const;

const remote = await startRemoteSide();
process.stdout.write(`load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}; ${inFlight} in flight, ${seconds} s per stage; cpu of this process only\n`);
try {
  await inProcess('1. fetch POST /contacts/upsert (undici), answer read', async () => {
    const response = await fetch(`${remote.ghlUrl}/contacts/upsert`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer x', version: '2021-07-28' }, body: JSON.stringify(UPSERT_INPUT.body) });
    await response.json();
  });
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  await inProcess('1b. the same POST through node:http (keep-alive agent), for comparison', () =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify(UPSERT_INPUT.body);
      const outgoing = request(`${remote.ghlUrl}/contacts/upsert`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: 'Bearer x' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          JSON.parse(Buffer.concat(chunks).toString('utf8'));
          resolve();
        });
        response.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    }),
  );
  agent.destroy();
  const ghl = createGhlConnector({ baseUrl: remote.ghlUrl });
  const operation = ghl.operations.find((candidate) => candidate.id === 'ghl.contacts.upsert-contact');
  if (!operation) throw new Error('The GHL connector has no ghl.contacts.upsert-contact');
  const limiter = createKeyedLimiter();
  await inProcess('2. GHL connector invoke (validate, rate budget, fetch, classify)', (n) =>
    ghl.invoke({ operationId: operation.id, input: UPSERT_INPUT }, { tenant: 'default', connectionName: 'ghl', connection, signal: new AbortController().signal, limiter, logger: silentLogger, idempotencyKey: `k${n}`, attempt: 1 }),
  );
  const engine = createEngine({ connectors: [createGhlConnector({ baseUrl: remote.ghlUrl }), createPushPressConnector()], connections: { ghl: connection }, config: { ghlLocationId: 'loc_bench' }, store: createMemoryStore() });
  engine.deploy(UPSERT_WORKFLOW);
  const nowMs = Date.now();
  await inProcess('3. engine.dispatch of the workflow, memory store (no HTTP in)', async (n) => {
    const body = customerCreatedBody(n, nowMs);
    const [run] = await engine.dispatch({ id: `customer.created:${body.data.id}:${body.created}`, trigger: 'pushpress.customer.created', payload: JSON.parse(JSON.stringify(body)) as unknown });
    if (run?.status !== 'succeeded') throw new Error(`A run did not succeed: ${JSON.stringify(run?.error)}`);
  });
  await receiverOnly(remote, { submit: async (event) => ({ status: 'accepted', id: event.id }) }, '4. receiver: HTTP in, signature, schema, 202 (sink does nothing)', async () => {});
  const idleEngine = createEngine({ store: createMemoryStore(), connectors: [createPushPressConnector()] });
  await receiverOnly(remote, idleEngine, '5. receiver + engine.submit, memory store, no workflow deployed', () => idleEngine.idle());
  for (const store of ['memory', 'sqlite-process', 'sqlite-power'] as const satisfies readonly BenchStoreKind[]) {
    const bench = await startBenchHost({ store, ghlUrl: remote.ghlUrl });
    try {
      await byWebhooks(`6. whole path (startHost), ${store}`, remote, bench.host.webhookUrl, () => bench.host.engine.idle());
    } finally {
      await bench.close();
    }
  }
} finally {
  await remote.close();
}
