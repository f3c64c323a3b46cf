/**
 * The store writes one delivery makes on the durable path, and nothing else, to see what the
 * SQLite store costs per delivery:
 *   node --conditions=@flowline/source --import tsx bench/profile-store-writes.ts [sqlite-power|sqlite-process|memory] [seconds] [in flight]
 * Each delivery: addToInbox, putRun (running), putIdempotency (pending), putIdempotency (done),
 * putStep, putRun (succeeded), setInboxStatus (done), with records shaped like the real ones.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore, createSqliteStore, type Store } from './host-dependencies.js';
import { measureThroughput } from './measure.js';
import { customerCreatedBody } from './signed-delivery.js';

const kind = process.argv[2] ?? 'sqlite-power';
const seconds = Number(process.argv[3] ?? '3');
const inFlight = Number(process.argv[4] ?? '32');
const dir = mkdtempSync(join(tmpdir(), 'flowline-store-writes-'));
const store: Store & { close?: () => Promise<void> } =
  kind === 'memory' ? createMemoryStore() : createSqliteStore({ path: join(dir, 'bench.db'), durability: kind === 'sqlite-process' ? 'process' : 'power' });
const nowMs = Date.now();
const contact = { contact: { id: 'c_1', locationId: 'loc_bench', email: 'maya.lopez@example.com', firstName: 'Maya', lastName: 'Lopez', phone: '+15125550143', tags: ['pushpress', 'member'], source: 'PushPress', dateAdded: '2026-11-27T00:00:00.000Z' }, new: true };
const input = { body: { locationId: 'loc_bench', firstName: 'Maya', lastName: 'Lopez', email: 'maya.lopez@example.com', phone: '+15125550143', tags: ['pushpress', 'member'], source: 'PushPress' } };

async function delivery(n: number): Promise<void> {
  const body = customerCreatedBody(n, nowMs);
  const event = { id: `customer.created:${body.data.id}:${body.created}:${n}`, trigger: 'pushpress.customer.created', payload: body, orderingKey: body.data.id };
  const at = new Date().toISOString();
  await store.addToInbox(event, at);
  const run = { id: `run-${n}`, workflowId: 'bench', workflowVersion: 1, status: 'running' as const, dryRun: false, event, queuedAt: at, startedAt: at };
  await store.putRun(run);
  const key = `run/run-${n}/upsert`;
  await store.putIdempotency({ key, runId: run.id, path: 'upsert', state: 'pending', output: null, recordedAt: at });
  await store.putIdempotency({ key, runId: run.id, path: 'upsert', state: 'done', output: contact, recordedAt: at });
  await store.putStep({ runId: run.id, path: 'upsert', stepId: 'upsert', kind: 'action', status: 'succeeded', attempts: 1, startedAt: at, finishedAt: at, durationMs: 3, input, output: contact });
  await store.putRun({ ...run, status: 'succeeded', finishedAt: at, output: { upsert: contact } });
  await store.setInboxStatus(event.id, 'done', { runIds: [run.id] });
}

try {
  await measureThroughput((n) => delivery(n + 1e7), { durationMs: 1000, concurrency: inFlight });
  const result = await measureThroughput(delivery, { durationMs: seconds * 1000, concurrency: inFlight });
  process.stdout.write(`${kind}: ${Math.round(result.runsPerSecond)} deliveries/s, ${result.cpuMicrosPerRun.toFixed(0)} cpu µs/delivery (7 writes each, ${inFlight} in flight)\n`);
} finally {
  await store.close?.();
  rmSync(dir, { recursive: true, force: true });
}
