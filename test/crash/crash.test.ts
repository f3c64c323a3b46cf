/**
 * The crash test of issue 5: the GHL sandbox and `flowline serve` run as separate processes;
 * signed PushPress deliveries (duplicates, some out of order, many customers) are sent while
 * the engine is SIGKILLed again and again at seeded moments (see kill-moments.ts), and restarted
 * each time; every second start runs its webhook server on a thread of its own
 * (`--receiver-thread`), so kills land in both modes. Afterwards every delivery must have
 * reached a terminal state, none acknowledged may
 * be missing, and the sandbox must hold exactly what a run of the same deliveries without
 * crashes leaves in a fresh sandbox.
 *
 * Environment: FLOWLINE_CRASH_SEED (default 20251127) picks the workload and the kill moments;
 * FLOWLINE_CRASH_QUICK=1 runs a small version (fewer deliveries and kills, for a quick look);
 * FLOWLINE_CRASH_KEEP=1 keeps the temp folders (SQLite file, config) and says where they are.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkload } from './crash-deliveries.js';
import { comparableState, duplicatesBeyond } from './comparable-state.js';
import { runWorkload, type RunResult } from './crash-run.js';
import { sendOrderByKey } from './delivery-sender.js';

const SEED = Number(process.env['FLOWLINE_CRASH_SEED'] ?? 20251127);
const QUICK = process.env['FLOWLINE_CRASH_QUICK'] === '1';
const KILLS = QUICK ? 4 : 12;
const workload = buildWorkload({ seed: SEED, customersPerDay: QUICK ? 30 : 160 });
const log = (line: string): void => {
  process.stdout.write(`[crash seed ${SEED}] ${line}\n`);
};

describe(`crash test (seed ${SEED}${QUICK ? ', quick' : ''}: ${workload.sendOrder.length} sends of ${workload.deliveries.length} deliveries from ${workload.customerCount} customers, ${KILLS} kills)`, () => {
  let crashed: RunResult;
  let calm: RunResult;

  beforeAll(async () => {
    // Two independent stacks (own sandbox processes, data dirs and ports), one after the other so
    // that neither slows the other down.
    crashed = await runWorkload({ workload, kills: KILLS, seed: SEED, alternateReceiverThread: true, log: (line) => log(`crashing run: ${line}`) });
    calm = await runWorkload({ workload, kills: 0, seed: SEED, log: (line) => log(`calm run: ${line}`) });
    for (const [name, run] of [['crashing', crashed], ['calm', calm]] as const) {
      log(
        `${name} run: ${run.seconds.toFixed(1)} s, ${run.starts} start(s), ${run.attempts.length} POSTs, ` +
          `${run.outcomes.done} done, ${run.outcomes.deadLettered} dead-lettered, ${run.outcomes.reconciledSteps} step(s) reconciled, ` +
          `GHL requests ${run.sandbox.requests.total} (${run.sandbox.requests.droppedResponses} answers dropped)`,
      );
    }
  }, 600_000);

  it('sends the issue-sized workload: at least 500 deliveries with duplicates and out-of-order ones, and at least 10 kills', () => {
    if (QUICK) return;
    expect(workload.sendOrder.length).toBeGreaterThanOrEqual(500);
    expect(workload.duplicates).toBeGreaterThan(0);
    expect(workload.displaced).toBeGreaterThan(0);
    expect(crashed.kills.length).toBeGreaterThanOrEqual(10);
  });

  it('kills in every way: at random, after a GHL write lost its answer, during a write, right after a write', () => {
    // A faulted kill counts only if its fault fired (a write was held or lost when the kill came).
    // The quick version has one kill of each kind, too few to be sure each finds its write.
    if (QUICK) return;
    const kinds = new Set(crashed.kills.filter((kill) => kill.kind === 'random' || kill.faultFired === true).map((kill) => kill.kind));
    expect([...kinds].sort()).toEqual(['after-write', 'lost-answer', 'random', 'write-in-flight']);
    expect(crashed.kills.every((kill) => kill.exit === 'SIGKILL')).toBe(true);
    expect(crashed.sandbox.requests.droppedResponses).toBeGreaterThan(0);
  });

  it("acknowledges every delivery, each customer's in the order they were sent", () => {
    const sent = sendOrderByKey(workload);
    expect(crashed.acceptance).toEqual(sent);
    expect(calm.acceptance).toEqual(sent);
  });

  it('brings every acknowledged delivery to a terminal state (done, or dead-lettered with a reason) and loses none', () => {
    expect(crashed.outcomes.problems).toEqual([]);
    expect(crashed.outcomes.done + crashed.outcomes.deadLettered).toBe(workload.deliveries.length);
  });

  it('stops on SIGTERM after finishing its work, with exit code 0', () => {
    expect(crashed.stoppedGracefully).toBe(true);
    expect(calm.stoppedGracefully).toBe(true);
  });

  it('dead-letters the same deliveries as the run without crashes', () => {
    expect(calm.outcomes.problems).toEqual([]);
    expect(crashed.outcomes.deadLetters).toEqual(calm.outcomes.deadLetters);
  });

  it('leaves no duplicate contact, task, note or appointment in GHL', () => {
    expect(duplicatesBeyond(comparableState(crashed.location), comparableState(calm.location))).toEqual([]);
  });

  it('leaves GHL in the same state as the same deliveries without crashes', () => {
    const expected = comparableState(calm.location);
    expect(expected.contacts.length).toBeGreaterThan(0);
    expect(comparableState(crashed.location)).toEqual(expected);
  });
});
