/**
 * The crash test's disk-full case (issue 13): `flowline serve` keeps its data directory on a
 * small real filesystem (a tmpfs) that runs full while runs are in flight and deliveries keep
 * coming, then is freed. The engine must stay up and answer 503 while writes fail, never
 * dead-letter an acknowledged delivery because of the disk, and finish everything once there is
 * room, leaving GHL as the same deliveries do on a roomy disk. Needs root (to mount the tmpfs),
 * as CI has; elsewhere it fails saying so, unless FLOWLINE_CRASH_NO_MOUNT=1 skips it.
 *
 * Environment: FLOWLINE_CRASH_SEED picks the workload (as in crash.test.ts); FLOWLINE_CRASH_KEEP=1
 * keeps serve.log.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkload } from './crash-deliveries.js';
import { comparableState, duplicatesBeyond } from './comparable-state.js';
import { runWorkload, type RunResult } from './crash-run.js';
import { sendOrderByKey } from './delivery-sender.js';
import { OUTAGE_LINE, RECOVERY_LINE, runOnFillingDisk, type FullDiskResult } from './disk-full-run.js';
import { cannotMount } from './small-disk.js';

const SEED = Number(process.env['FLOWLINE_CRASH_SEED'] ?? 20251127);
const SKIP = process.env['FLOWLINE_CRASH_NO_MOUNT'] === '1';
const workload = buildWorkload({ seed: SEED + 13, days: 1, customersPerDay: 24 });
const log = (line: string): void => {
  process.stdout.write(`[disk-full seed ${SEED}] ${line}\n`);
};

describe.skipIf(SKIP)(`disk full (seed ${SEED}: ${workload.sendOrder.length} sends of ${workload.deliveries.length} deliveries)`, () => {
  let full: FullDiskResult;
  let roomy: RunResult;

  beforeAll(async () => {
    const why = cannotMount();
    if (why !== undefined) throw new Error(`The disk-full case ${why}; set FLOWLINE_CRASH_NO_MOUNT=1 to skip it`);
    full = await runOnFillingDisk({ workload, seed: SEED, log });
    roomy = await runWorkload({ workload, kills: 0, seed: SEED, log: (line) => log(`roomy run: ${line}`) });
    log(`full-disk run: ${full.seconds.toFixed(1)} s, ${full.refusedWhileFull} answers of 503, ${full.outcomes.done} done, ${full.outcomes.deadLettered} dead-lettered; roomy run: ${roomy.seconds.toFixed(1)} s`);
  }, 600_000);

  it('answers 503 while the disk is full and stays up through it, then stops on SIGTERM with exit code 0', () => {
    expect(full.refusedWhileFull).toBeGreaterThan(0);
    expect(full.upWhileFull).toBe(true);
    expect(full.starts).toBe(1);
    expect(full.stoppedGracefully).toBe(true);
    expect(full.output).toContain(OUTAGE_LINE);
    expect(full.output).toContain(RECOVERY_LINE);
  });

  it("acknowledges every delivery, each customer's in the order they were sent", () => {
    expect(full.acceptance).toEqual(sendOrderByKey(workload));
  });

  it('brings every acknowledged delivery to the end it has on a roomy disk: none lost, none dead-lettered for the disk', () => {
    expect(full.outcomes.problems).toEqual([]);
    expect(full.outcomes.done + full.outcomes.deadLettered).toBe(workload.deliveries.length);
    expect(full.outcomes.deadLetters).toEqual(roomy.outcomes.deadLetters);
    expect(full.outcomes.deadLetters.filter((letter) => letter.includes('store.'))).toEqual([]);
  });

  it('leaves GHL as the same deliveries do on a roomy disk, with nothing created twice', () => {
    const expected = comparableState(roomy.location);
    expect(duplicatesBeyond(comparableState(full.location), expected)).toEqual([]);
    expect(comparableState(full.location)).toEqual(expected);
  });
});
