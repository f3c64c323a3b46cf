import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPrng, type LocationDump, type SandboxDump } from '../../packages/sandbox/src/index.js';
import { startSandboxChild } from '../support/sandbox-child.js';
import { freePort, ServeProcess } from '../support/serve-process.js';
import type { Workload } from './crash-deliveries.js';
import type { DeliveryOutcomes } from './delivery-outcomes.js';
import { DeliverySender, type Attempt } from './delivery-sender.js';
import { awaitKillMoment, CREATING_WRITES, KILL_KINDS, type KillMoment } from './kill-moments.js';
import { SECRET_ENV, writeCrashConfig } from './crash-config.js';
import { readFinalState } from './final-state.js';

/** The example flows the engine serves (every `*.workflow.json` in these folders). */
export const FLOW_DIRS = ['examples/contact-sync', 'examples/task-sync', 'examples/note-sync', 'examples/appointment-sync', 'examples/lead-pipeline'];
export const LOCATION_ID = 'loc_sandbox_1';

export interface RunOptions {
  readonly workload: Workload;
  /** SIGKILLs before the final start; 0 is the run without crashes. */
  readonly kills: number;
  readonly seed: number;
  /** Engine concurrency (`--concurrency`). */
  readonly concurrency?: number;
  /** The store's durability setting (default: the CLI's default). */
  readonly durability?: 'power' | 'process';
  /** Every second start (the 2nd, 4th, ...) runs with `--receiver-thread`, so kills land in both modes. */
  readonly alternateReceiverThread?: boolean;
  /** Progress lines (kills, restarts) go here. */
  readonly log?: (line: string) => void;
}

export interface KillRecord extends KillMoment {
  readonly number: number;
  /** Deliveries of the send order acknowledged when the kill landed. */
  readonly acknowledgedBefore: number;
  readonly exit: string;
}

export interface RunResult {
  readonly location: LocationDump;
  readonly sandbox: Pick<SandboxDump, 'requests'>;
  readonly outcomes: DeliveryOutcomes;
  readonly attempts: readonly Attempt[];
  /** Per customer (ordering key), identities in the order the engine committed them. */
  readonly acceptance: ReadonlyMap<string, readonly string[]>;
  readonly kills: readonly KillRecord[];
  readonly starts: number;
  /** Whether the final SIGTERM let the engine finish its work and exit by itself with code 0. */
  readonly stoppedGracefully: boolean;
  readonly seconds: number;
}


/** Kill kinds for `count` kills: every kind equally often (as far as the count allows), in seeded order. */
function killKinds(count: number, seed: number): Array<(typeof KILL_KINDS)[number]> {
  const kinds = Array.from({ length: count }, (_, index) => KILL_KINDS[index % KILL_KINDS.length] ?? 'random');
  return createPrng(seed).shuffle(kinds);
}

/**
 * One run of the workload against a fresh GHL sandbox process and `flowline serve` processes on
 * one data directory: the deliveries are released in `kills + 1` slices; after each slice the
 * engine is SIGKILLed at a seeded moment (see kill-moments.ts) and started again. Then the rest
 * is sent, the engine is stopped with SIGTERM (it finishes its work first), and the store and
 * the sandbox are read.
 */
export async function runWorkload(options: RunOptions): Promise<RunResult> {
  const { workload, kills } = options;
  const log = options.log ?? (() => {});
  const started = Date.now();
  const workDir = mkdtempSync(join(tmpdir(), 'flowline-crash-'));
  const secret = `crash_${randomBytes(16).toString('hex')}`;
  const sandbox = await startSandboxChild({ customers: workload.customers, workDir, seed: options.seed });
  let serve: ServeProcess | undefined;
  try {
    serve = new ServeProcess({
      workflows: FLOW_DIRS,
      configFile: writeCrashConfig(workDir, sandbox.ghlUrl, sandbox.pushpressUrl),
      dataDir: join(workDir, 'data'),
      port: await freePort(),
      env: { [SECRET_ENV]: secret },
      logFile: join(workDir, 'serve.log'),
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.durability === undefined ? {} : { durability: options.durability }),
      ...(options.alternateReceiverThread ? { receiverThread: (start: number) => start % 2 === 0 } : {}),
    });
    const sender = new DeliverySender({ url: serve.webhookUrl, secret, workload });
    const prng = createPrng(options.seed);
    const kinds = killKinds(kills, options.seed + 1);
    const killRecords: KillRecord[] = [];
    let faulted = 0;

    await serve.start();
    log(`sandbox and engine up after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    let senderError: unknown;
    const sending = sender.run().catch((error: unknown) => {
      senderError = error;
    });
    for (let number = 1; number <= kills; number++) {
      const kind = kinds[number - 1] ?? 'random';
      // Kill n falls while the n-th of kills + 1 slices of the send order goes out: at a seeded
      // point of it (or after 30 s, if the engine acknowledges slowly), then at the kind's moment.
      const sliceStart = Math.ceil((sender.total * (number - 1)) / (kills + 1));
      const sliceEnd = Math.ceil((sender.total * number) / (kills + 1));
      sender.allowUpTo(sliceEnd);
      await sender.reached(sliceStart + Math.floor(prng.next() * (sliceEnd - sliceStart)), 30_000);
      // Faulted kills take the creating writes in turn, so each kind of GHL object gets its share.
      const path = kind === 'random' ? undefined : CREATING_WRITES[faulted++ % CREATING_WRITES.length];
      const moment = await awaitKillMoment(kind, { admin: sandbox.admin, prng, faultTimeoutMs: 10_000, ...(path === undefined ? {} : { path }) });
      const acknowledgedBefore = sender.progress;
      const exit = await serve.kill(`kill ${number}: ${JSON.stringify(moment)}`);
      await sandbox.admin.clearFaults();
      const record: KillRecord = { ...moment, number, acknowledgedBefore, exit: exit.signal ?? `code ${exit.code}` };
      killRecords.push(record);
      log(`kill ${number}/${kills}: ${kind}${moment.path ? ` on POST ${moment.path}${moment.faultFired ? '' : ' (fault never fired)'}` : ''} after ${moment.afterMs} ms; ${acknowledgedBefore}/${sender.total} acknowledged`);
      if (senderError) break;
      await sleep(prng.int(0, 300));
      await serve.start();
    }
    sender.allowUpTo(sender.total);
    await sending;
    if (senderError) throw senderError;
    log(`all ${sender.total} sends acknowledged; stopping the engine with SIGTERM (it finishes its work first)`);
    const stop = await serve.stop(120_000);

    const { acceptance, outcomes, location, dump } = await readFinalState(join(workDir, 'data'), sender.attempts, sandbox.admin, LOCATION_ID);
    return {
      location,
      sandbox: { requests: dump.requests },
      outcomes,
      attempts: sender.attempts,
      acceptance,
      kills: killRecords,
      starts: serve.startCount,
      stoppedGracefully: stop.graceful && stop.exit.code === 0,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    const output = serve ? serve.output() : '';
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- flowline serve output (last lines):\n${output.slice(-6000)}`, { cause: error });
  } finally {
    if (serve?.running) await serve.kill();
    await sandbox.close();
    if (process.env['FLOWLINE_CRASH_KEEP'] === undefined) rmSync(workDir, { recursive: true, force: true });
    else log(`kept ${workDir}`);
  }
}
