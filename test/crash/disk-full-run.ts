import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LocationDump } from '../../packages/sandbox/src/index.js';
import { startSandboxChild } from '../support/sandbox-child.js';
import { freePort, ServeProcess } from '../support/serve-process.js';
import { FLOW_DIRS, LOCATION_ID } from './crash-run.js';
import type { Workload } from './crash-deliveries.js';
import type { DeliveryOutcomes } from './delivery-outcomes.js';
import { DeliverySender, type Attempt } from './delivery-sender.js';
import { CREATING_WRITES } from './kill-moments.js';
import { mountSmallDisk } from './small-disk.js';
import { SECRET_ENV, writeCrashConfig } from './crash-config.js';
import { readFinalState } from './final-state.js';

/** What the engine logs as it starts waiting for the store, and as it goes on (runtime/store-outage.ts). */
export const OUTAGE_LINE = 'error: the store cannot write for now';
export const RECOVERY_LINE = 'the store writes again';

export interface FullDiskResult {
  readonly location: LocationDump;
  readonly outcomes: DeliveryOutcomes;
  readonly attempts: readonly Attempt[];
  readonly acceptance: ReadonlyMap<string, readonly string[]>;
  /** Deliveries answered 503 while the disk was full. */
  readonly refusedWhileFull: number;
  /** Whether `flowline serve` was still running when the disk was freed (it never died). */
  readonly upWhileFull: boolean;
  readonly starts: number;
  readonly stoppedGracefully: boolean;
  /** serve's output: the outage and its end are logged. */
  readonly output: string;
  readonly seconds: number;
}


/** Polls `condition` until it holds or `timeoutMs` passes; says which. */
async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) return false;
    await sleep(20);
  }
  return true;
}

/**
 * The workload against one `flowline serve` whose data directory is on a small real filesystem
 * (a tmpfs) that runs full a third of the way in, while runs are in flight (GHL holds their
 * creating writes a moment), and stays full while the second third is sent: the receiver must
 * answer 503, and the engine must stay up with its runs waiting. Then the disk is freed, the
 * rest is sent, and the engine is stopped with SIGTERM; the store and the sandbox are read.
 */
export async function runOnFillingDisk(options: { readonly workload: Workload; readonly seed: number; readonly diskMiB?: number; readonly log?: (line: string) => void }): Promise<FullDiskResult> {
  const { workload } = options;
  const log = options.log ?? (() => {});
  const started = Date.now();
  const workDir = mkdtempSync(join(tmpdir(), 'flowline-disk-full-'));
  const disk = mountSmallDisk(join(workDir, 'disk'), options.diskMiB ?? 24);
  const dataDir = join(disk.dir, 'data');
  const secret = `crash_${randomBytes(16).toString('hex')}`;
  let serve: ServeProcess | undefined;
  const sandbox = await startSandboxChild({ customers: workload.customers, workDir, seed: options.seed }).catch((error: unknown) => {
    disk.unmount();
    throw error;
  });
  try {
    serve = new ServeProcess({
      workflows: FLOW_DIRS,
      configFile: writeCrashConfig(workDir, sandbox.ghlUrl, sandbox.pushpressUrl),
      dataDir,
      port: await freePort(),
      env: { [SECRET_ENV]: secret },
      logFile: join(workDir, 'serve.log'),
    });
    const sender = new DeliverySender({ url: serve.webhookUrl, secret, workload, giveUpAfterMs: 240_000 });
    await serve.start();
    let senderError: unknown;
    const sending = sender.run().catch((error: unknown) => {
      senderError = error;
    });
    const third = Math.ceil(sender.total / 3);
    sender.allowUpTo(third);
    await sender.reached(third, 60_000);
    // Runs in flight as the disk fills: GHL holds their creating writes, so their answers come to a full disk.
    for (const path of CREATING_WRITES) await sandbox.admin.addFault({ kind: 'latency', method: 'POST', path, count: 3, latencyMs: 400 });
    await sleep(100);
    const ballast = disk.fill();
    log(`disk full (ballast ${ballast} bytes) with ${sender.progress}/${sender.total} acknowledged`);
    const fullSince = sender.attempts.length;
    sender.allowUpTo(2 * third);
    const refusals = () => sender.attempts.slice(fullSince).filter((attempt) => attempt.status === 503).length;
    const noticed = await waitFor(() => refusals() >= 10 && (serve?.output().includes(OUTAGE_LINE) ?? false), 30_000);
    if (!noticed) log(`the disk is full, but after 30 s ${refusals()} deliveries were answered 503 and the engine ${serve.output().includes(OUTAGE_LINE) ? 'has' : 'has not'} logged the outage; it is ${serve.running ? 'up' : 'down'}`);
    // Full for a while longer: waiting runs and refused deliveries try again meanwhile.
    else await sleep(1500);
    const upWhileFull = serve.running;
    const refusedWhileFull = refusals();
    disk.free();
    await sandbox.admin.clearFaults();
    log(`disk freed after ${refusedWhileFull} answers of 503; the engine is ${upWhileFull ? 'up' : 'down (started again)'}`);
    if (!upWhileFull) await serve.start();
    sender.allowUpTo(sender.total);
    await sending;
    if (senderError) throw senderError;
    const stop = await serve.stop(120_000);

    const { acceptance, outcomes, location } = await readFinalState(dataDir, sender.attempts, sandbox.admin, LOCATION_ID);
    return {
      location,
      outcomes,
      attempts: sender.attempts,
      acceptance,
      refusedWhileFull,
      upWhileFull,
      starts: serve.startCount,
      stoppedGracefully: stop.graceful && stop.exit.code === 0,
      output: readFileSync(join(workDir, 'serve.log'), 'utf8'),
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    const output = serve ? serve.output() : '';
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- flowline serve output (last lines):\n${output.slice(-6000)}`, { cause: error });
  } finally {
    if (serve?.running) await serve.kill();
    await sandbox.close();
    disk.unmount();
    if (process.env['FLOWLINE_CRASH_KEEP'] === undefined) rmSync(workDir, { recursive: true, force: true });
    else log(`kept ${workDir} (the data directory was on the unmounted tmpfs)`);
  }
}
