/**
 * The two-process case of the crash test (issue 13): `flowline serve` is SIGKILLed with a
 * backlog of accepted deliveries in its inbox, then two `flowline serve` processes are started
 * at once on that data directory (on two ports). One of them owns the directory and finishes the
 * backlog; the other is refused, naming it. Nothing is lost and GHL ends as after the same
 * deliveries without any of this, with nothing done twice.
 *
 * Needs the compiled CLI (`pnpm build`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkload } from './crash-deliveries.js';
import { comparableState, duplicatesBeyond } from './comparable-state.js';
import { FLOW_DIRS, runWorkload, type RunResult } from './crash-run.js';
import { deliveryOutcomes, type DeliveryOutcomes } from './delivery-outcomes.js';
import { DeliverySender } from './delivery-sender.js';
import { startServeStack, type ServeStack } from './serve-stack.js';
import type { LocationDump } from '../../packages/sandbox/src/index.js';
import type { ServeProcess } from '../support/serve-process.js';

const SEED = Number(process.env['FLOWLINE_CRASH_SEED'] ?? 20251127);
const workload = buildWorkload({ seed: SEED, days: 1, customersPerDay: 20, duplicateShare: 0, displacedShare: 0 });

describe(`crash test: two flowline serve on one data directory (seed ${SEED}, ${workload.deliveries.length} deliveries)`, () => {
  let stack: ServeStack;
  let backlog: number;
  let running: ServeProcess[] = [];
  let refused: ServeProcess[] = [];
  let refusals: string[] = [];
  let outcomes: DeliveryOutcomes;
  let location: LocationDump;
  let calm: RunResult;

  beforeAll(async () => {
    stack = await startServeStack({ flows: FLOW_DIRS, customers: workload.customers, seed: SEED });
    const first = await stack.serve({ logName: 'serve-first.log' });
    await first.start();
    // Slow GHL down so that deliveries pile up in the inbox faster than the engine runs them.
    await stack.sandbox.admin.addFault({ kind: 'latency', method: 'POST', path: '/contacts/upsert', count: 'always', latencyMs: 300 });
    const sender = new DeliverySender({ url: first.webhookUrl, secret: stack.secret, workload });
    sender.allowUpTo(sender.total);
    await sender.run();
    await first.kill('after every delivery was acknowledged');
    await stack.sandbox.admin.clearFaults();
    backlog = await stack.withStore(async (store) => (await store.listInbox('pending')).length);

    const pair = [await stack.serve({ logName: 'serve-a.log' }), await stack.serve({ logName: 'serve-b.log' })];
    const started = await Promise.allSettled(pair.map((serve) => serve.start()));
    running = pair.filter((_, index) => started[index]?.status === 'fulfilled');
    refused = pair.filter((_, index) => started[index]?.status === 'rejected');
    refusals = started.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
    // Whoever started finishes the backlog (SIGTERM lets it finish its work first).
    for (const serve of running) expect((await serve.stop(120_000)).graceful).toBe(true);
    outcomes = await stack.withStore((store) => deliveryOutcomes(store, workload.deliveries.map((delivery) => delivery.identity)));
    location = await stack.location();
    calm = await runWorkload({ workload, kills: 0, seed: SEED });
  }, 600_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('has a backlog left in the inbox by the killed process, for both to take', () => {
    expect(backlog).toBeGreaterThan(0);
  });

  it('starts one of the two; the other is refused, names the one that owns the data directory and its pid, and exits 2', () => {
    expect(running).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refusals[0]).toContain('exited (code 2');
    expect(refused[0]?.output()).toContain(`flowline serve (pid ${running[0]?.pid}`);
    expect(refused[0]?.output()).toContain(`owns the data directory ${stack.dataDir}`);
  });

  it('brings every delivery to a terminal state', () => {
    // On failure, what the process that owned the directory said (a resume that failed is logged there).
    expect(outcomes.problems, running[0]?.output().slice(-4000)).toEqual([]);
    expect(outcomes.done + outcomes.deadLettered).toBe(workload.deliveries.length);
  });

  it('does nothing twice in GHL, and leaves it as the same deliveries do without a second process', () => {
    expect(duplicatesBeyond(comparableState(location), comparableState(calm.location))).toEqual([]);
    expect(comparableState(location)).toEqual(comparableState(calm.location));
  });
});
