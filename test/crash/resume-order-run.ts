import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { customerIdOf, deliveryIdentity } from '../../packages/connectors/src/index.js';
import type { DeadLetter, RunRecord } from '../../packages/core/src/index.js';
import { createScenario, scenarioCustomers, type JsonObject, type LocationDump, type ScenarioScript } from '../../packages/sandbox/src/index.js';
import { createSqliteStore } from '../../packages/store-sqlite/src/index.js';
import { NodeChild } from '../support/node-child.js';
import type { SandboxAdmin } from '../support/sandbox-admin.js';
import { startSandboxChild } from '../support/sandbox-child.js';
import { freePort, ServeProcess } from '../support/serve-process.js';
import type { Workload } from './crash-deliveries.js';
import { FLOW_DIRS, LOCATION_ID } from './crash-run.js';
import { deliveryOutcomes, type DeliveryOutcomes } from './delivery-outcomes.js';
import { acceptanceOrder, DeliverySender } from './delivery-sender.js';
import { SECRET_ENV, writeCrashConfig } from './crash-config.js';

const APPOINTMENTS = '/calendars/events/appointments';

/**
 * One customer's appointment, scheduled and then marked a no-show an hour later: the
 * appointment-sync flows create the GHL appointment (confirmed) for the first and set it to
 * `noshow` for the second.
 */
export function appointmentWorkload(): Workload {
  const script: ScenarioScript = {
    name: 'resume order',
    companyId: 'client_sandbox',
    startAt: 0,
    customers: { ann: { first: 'Ann', last: 'Order', email: 'ann.order@example.com', phone: '+15125550199', role: 'member', existing: true } },
    steps: [
      { at: 0, event: 'appointment.scheduled', customer: 'ann', appointment: 'pt1', typeName: 'Personal Training', staffId: 'usr_coach_1', startsIn: 86_400 },
      { at: 3600, event: 'appointment.noshowed', customer: 'ann', appointment: 'pt1' },
    ],
  };
  const startAt = Math.floor(Date.now() / 1000) - 3600 - 120;
  const deliveries = createScenario(script, { startAt }).map((delivery) => {
    const identity = deliveryIdentity(delivery.event, delivery.created, delivery.data);
    return { identity, orderingKey: customerIdOf(delivery.event, delivery.data) ?? identity, delivery };
  });
  const customers = scenarioCustomers(script);
  return { deliveries, sendOrder: deliveries.map((_, index) => index), customers, customerCount: customers.length, duplicates: 0, displaced: 0 };
}

export interface ResumeOrderResult {
  readonly location: LocationDump;
  readonly outcomes: DeliveryOutcomes;
  /** The scheduled delivery's run: dead-lettered, retried by `flowline runs retry`, killed, resumed. */
  readonly retriedRun: RunRecord | undefined;
  readonly deadLetters: readonly DeadLetter[];
  /** What was left for the restart: the retried run's status and the no-show's inbox status. */
  readonly leftBehind: { readonly retriedRun: string; readonly noShow: string };
  readonly stoppedGracefully: boolean;
  /** How the resuming serve ended, and what it and the retry printed (for failure messages). */
  readonly exit: string;
  readonly output: string;
  readonly seconds: number;
}


/** Waits until the sandbox has used up fault `id` (the request it holds or fails has come), bounded. */
async function consumed(admin: SandboxAdmin, id: string, what: string): Promise<void> {
  for (const until = Date.now() + 30_000; Date.now() < until; await sleep(10)) {
    if (!(await admin.faults()).some((fault) => fault.id === id)) return;
  }
  throw new Error(`Gave up waiting until ${what}`);
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; await sleep(20)) {
    if (await condition()) return;
  }
  throw new Error(`Gave up waiting until ${what}`);
}

/**
 * The resume-order case: a customer's older delivery (appointment scheduled) failed and was
 * dead-lettered; an operator's `flowline runs retry` of its run was killed while GHL held its
 * appointment write; meanwhile `flowline serve` had accepted the customer's newer delivery (the
 * no-show) and was killed in its run. So the restart finds a leftover run (its inbox entry done)
 * and a pending event of the same customer, the run older. It must finish the run first, in the
 * customer's lane, and then the no-show.
 */
export async function runResumeOrder(options: { readonly workload: Workload; readonly seed: number; readonly log?: (line: string) => void }): Promise<ResumeOrderResult> {
  const { workload } = options;
  const log = options.log ?? (() => {});
  const started = Date.now();
  const at = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const workDir = mkdtempSync(join(tmpdir(), 'flowline-resume-order-'));
  const dataDir = join(workDir, 'data');
  const secret = `crash_${randomBytes(16).toString('hex')}`;
  const env = { [SECRET_ENV]: secret };
  const sandbox = await startSandboxChild({ customers: workload.customers, workDir, seed: options.seed });
  const { admin } = sandbox;
  let serve: ServeProcess | undefined;
  let retrying: NodeChild | undefined;
  try {
    const configFile = writeCrashConfig(workDir, sandbox.ghlUrl, sandbox.pushpressUrl);
    serve = new ServeProcess({ workflows: FLOW_DIRS, configFile, dataDir, port: await freePort(), env, logFile: join(workDir, 'serve.log') });
    const sender = new DeliverySender({ url: serve.webhookUrl, secret, workload });
    await serve.start();
    const sending = sender.run();

    // 1. The scheduled delivery's run fails: GHL fails the appointment on every try. It is dead-lettered.
    await admin.addFault({ kind: 'error', method: 'POST', path: APPOINTMENTS, status: 503, count: 'always' });
    sender.allowUpTo(1);
    await waitFor(() => serve?.output().includes('a run failed') ?? false, 'the scheduled delivery is dead-lettered', 60_000);
    await admin.clearFaults();
    log(`${at()}: the scheduled delivery is dead-lettered`);

    // 2. The no-show is accepted; its run is held in GHL (a users search) when serve is killed.
    const held = await admin.addFault({ kind: 'latency', method: 'GET', path: '/users/search', latencyMs: 5000, count: 1 });
    sender.allowUpTo(2);
    await sending;
    await consumed(admin, held.id, 'the no-show reaches GHL');
    await serve.kill('resume order: the no-show is running');
    await admin.clearFaults();
    log(`${at()}: serve killed in the no-show's run`);

    // 3. An operator retries the dead-lettered run; GHL holds its appointment write, and the retry is killed.
    const failed = await withStore(dataDir, async (store) => (await store.listRuns({ status: 'failed' })).find((run) => run.workflowId.endsWith('appointment-scheduled')));
    if (!failed) throw new Error('The scheduled delivery left no failed run');
    const write = await admin.addFault({ kind: 'latency', method: 'POST', path: APPOINTMENTS, latencyMs: 1500, count: 1 });
    retrying = new NodeChild({ script: 'packages/cli/dist/main.js', args: ['runs', 'retry', `run:${failed.id}`, ...FLOW_DIRS, '--config', configFile, '--data-dir', dataDir], env, logFile: join(workDir, 'serve.log') });
    await consumed(admin, write.id, "the retry's appointment write reaches GHL");
    await retrying.kill('SIGKILL');
    // The held write commits in GHL after the retry died.
    await waitFor(async () => appointmentsOf((await admin.state()).locations.find((location) => location.id === LOCATION_ID)).length > 0, 'the held appointment write commits');
    const leftBehind = await withStore(dataDir, async (store) => ({
      // The retry is a new attempt of the failed run (`<id>~2`): that is what the kill left.
      retriedRun: (await store.getRun(`${failed.id}~2`))?.status ?? 'missing',
      noShow: (await store.getInboxEntry(workload.deliveries[1]?.identity ?? ''))?.status ?? 'missing',
    }));
    log(`${at()}: left behind: the retried run ${leftBehind.retriedRun}, the no-show ${leftBehind.noShow}`);

    // 4. serve starts again and resumes both; SIGTERM once it is done.
    await serve.start();
    const stopping = Date.now();
    const stop = await serve.stop(120_000);
    log(`stop took ${Date.now() - stopping} ms`);
    log(`${at()}: serve resumed and stopped`);

    const result = await withStore(dataDir, async (store) => ({
      outcomes: await deliveryOutcomes(store, [...acceptanceOrder(sender.attempts).values()].flat()),
      retriedRun: await store.getRun(`${failed.id}~2`),
      deadLetters: await store.listDeadLetters(),
    }));
    const location = (await admin.state()).locations.find((candidate) => candidate.id === LOCATION_ID);
    if (!location) throw new Error(`The sandbox has no location ${LOCATION_ID}`);
    const output = `${serve.output()}\n--- flowline runs retry\n${retrying.output()}`.slice(-8000);
    return { ...result, location, leftBehind, stoppedGracefully: stop.graceful && stop.exit.code === 0, exit: JSON.stringify(stop), output, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    const output = `${serve ? serve.output() : ''}\n--- flowline runs retry\n${retrying ? retrying.output() : ''}`;
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- output (last lines):\n${output.slice(-6000)}`, { cause: error });
  } finally {
    if (retrying && !retrying.hasExited) await retrying.kill('SIGKILL');
    if (serve?.running) await serve.kill();
    await sandbox.close();
    if (process.env['FLOWLINE_CRASH_KEEP'] === undefined) rmSync(workDir, { recursive: true, force: true });
    else log(`kept ${workDir}`);
  }
}

/** Every appointment in a location, on any contact. */
export function appointmentsOf(location: LocationDump | undefined): JsonObject[] {
  return (location?.contacts ?? []).flatMap((contact) => (Array.isArray(contact['appointments']) ? (contact['appointments'] as JsonObject[]) : []));
}

async function withStore<T>(dataDir: string, use: (store: ReturnType<typeof createSqliteStore>) => Promise<T>): Promise<T> {
  const store = createSqliteStore({ path: join(dataDir, 'flowline.db') });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
