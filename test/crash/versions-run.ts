import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DeadLetter, InboxEntry, RunRecord, StepRecord, WorkflowVersionRecord } from '../../packages/core/src/index.js';
import { createPrng, type JsonObject, type LocationDump } from '../../packages/sandbox/src/index.js';
import { createSqliteStore } from '../../packages/store-sqlite/src/index.js';
import { REPO_ROOT } from '../support/node-child.js';
import type { SandboxAdmin } from '../support/sandbox-admin.js';
import { startSandboxChild } from '../support/sandbox-child.js';
import { freePort, ServeProcess } from '../support/serve-process.js';
import type { Workload } from './crash-deliveries.js';
import { FLOW_DIRS, LOCATION_ID } from './crash-run.js';
import { SECRET_ENV, writeCrashConfig } from './crash-config.js';
import { deliveryOutcomes, type DeliveryOutcomes } from './delivery-outcomes.js';
import { acceptanceOrder, DeliverySender, type Attempt } from './delivery-sender.js';
import { awaitKillMoment, KILL_KINDS, type KillMoment } from './kill-moments.js';

/** The workflow that gets a v2: busy (about one delivery in seven) and several GHL steps long. */
export const VERSIONED = 'appointment-sync.appointment-scheduled';
const VERSIONED_FILE = 'appointment-scheduled.workflow.json';
const APPOINTMENT_FLOWS = 'examples/appointment-sync';
const APPOINTMENTS = '/calendars/events/appointments';
/** How long GHL holds the appointment writes at the switching kill. */
const HOLD_MS = 1000;

/** What v1 (the example as it is) writes into a GHL appointment it creates. */
export const V1_DESCRIPTION = 'Booked in PushPress';
/** What v2 writes into a GHL appointment it creates or edits. */
export const V2_DESCRIPTION = 'Booked in PushPress (workflow v2)';
/** A step only v2 has: it records, in Flowline's links, that v2 handled the appointment. */
export const V2_ONLY_STEP = 'markVersion';

type Definition = JsonObject & { steps: JsonObject[] };

/** v1 of the versioned workflow: examples/appointment-sync/appointment-scheduled.workflow.json. */
export function versionOne(): Definition {
  return JSON.parse(readFileSync(join(REPO_ROOT, APPOINTMENT_FLOWS, VERSIONED_FILE), 'utf8')) as Definition;
}

function findStep(steps: readonly JsonObject[], id: string): JsonObject | undefined {
  for (const step of steps) {
    if (step['id'] === id) return step;
    for (const branch of ['then', 'else', 'steps', 'do']) {
      const inner = step[branch];
      const found = Array.isArray(inner) ? findStep(inner as JsonObject[], id) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** Every step id of a definition, branches included. */
export function stepIds(definition: Definition): Set<string> {
  const ids = new Set<string>();
  const walk = (steps: readonly JsonObject[]): void => {
    for (const step of steps) {
      if (typeof step['id'] === 'string') ids.add(step['id']);
      for (const branch of ['then', 'else', 'steps', 'do']) if (Array.isArray(step[branch])) walk(step[branch] as JsonObject[]);
    }
  };
  walk(definition.steps);
  return ids;
}

/**
 * v2: the same id, version 2; the appointment it creates (or edits) says `V2_DESCRIPTION`, and
 * every run ends with a step of its own (`markVersion`, a Flowline link, no GHL write).
 */
export function versionTwo(): Definition {
  const definition = versionOne();
  definition['version'] = 2;
  const body = (id: string): JsonObject => {
    const step = findStep(definition.steps, id);
    const input = step?.['input'] as JsonObject | undefined;
    if (!input?.['body']) throw new Error(`v1 of ${VERSIONED} has no step ${id} with a body`);
    return input['body'] as JsonObject;
  };
  body('createAppointment')['description'] = V2_DESCRIPTION;
  body('editAppointment')['description'] = V2_DESCRIPTION;
  definition.steps.push({
    id: V2_ONLY_STEP,
    type: 'action',
    operation: 'flowline.links.put',
    connection: 'flowline',
    input: { namespace: "='pushpress-appointment:workflow-version:' & $config.ghlLocationId", from: '=$event.data.id', to: '2' },
  });
  return definition;
}

export interface VersionsKill extends KillMoment {
  readonly number: number;
  /** Whether the restart after this kill came up with v2. */
  readonly switched: boolean;
}

export interface VersionedRun {
  readonly run: RunRecord;
  readonly steps: readonly StepRecord[];
  readonly deadLetter: DeadLetter | undefined;
}

export interface UnfinishedRun {
  readonly run: RunRecord;
  /** Step ids recorded when the kill landed. */
  readonly steps: readonly string[];
}

export interface VersionsResult {
  readonly outcomes: DeliveryOutcomes;
  /** Every run of the versioned workflow (retry attempts included), with its steps. */
  readonly runs: readonly VersionedRun[];
  /** The inbox entry of every acknowledged delivery. */
  readonly inbox: ReadonlyMap<string, InboxEntry | undefined>;
  readonly versions: readonly WorkflowVersionRecord[];
  /** The v1 runs the store had `running` (or `queued`) right after the kill that switched to v2, with the steps they had recorded. */
  readonly inFlightAtSwitch: readonly UnfinishedRun[];
  /** How many GHL appointment writes the sandbox held when that kill landed. */
  readonly heldAtSwitch: number;
  /** Deliveries first committed by a serve that had v2 (their committing POST came after the switch). */
  readonly acceptedAfterSwitch: ReadonlySet<string>;
  /** Deliveries the versioned workflow starts on (appointment.scheduled), by identity. */
  readonly versionedDeliveries: ReadonlySet<string>;
  readonly location: LocationDump;
  readonly kills: readonly VersionsKill[];
  readonly starts: number;
  readonly stoppedGracefully: boolean;
  readonly seconds: number;
}

async function withStore<T>(dataDir: string, use: (store: ReturnType<typeof createSqliteStore>) => Promise<T>): Promise<T> {
  const store = createSqliteStore({ path: join(dataDir, 'flowline.db') });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** Waits until the sandbox has held `count` requests with fault `id`, bounded; answers whether it did. */
async function heldRequests(admin: SandboxAdmin, id: string, count: number, timeoutMs: number): Promise<boolean> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; await sleep(10)) {
    if (((await admin.faults()).find((fault) => fault.id === id)?.hits ?? 0) >= count) return true;
  }
  return false;
}

/**
 * The index in `attempts` of the POST that committed each delivery (as `acceptanceOrder` decides
 * it: its 202, or the last broken attempt before a `duplicate`).
 */
function committingAttempts(attempts: readonly Attempt[]): Map<string, number> {
  const committed = new Map<string, number>();
  const lastUnknown = new Map<string, number>();
  attempts.forEach((attempt, index) => {
    if (committed.has(attempt.identity)) return;
    if (attempt.outcome === 'accepted') committed.set(attempt.identity, index);
    else if (attempt.outcome === 'unknown') lastUnknown.set(attempt.identity, index);
    else if (attempt.outcome === 'duplicate') committed.set(attempt.identity, lastUnknown.get(attempt.identity) ?? index);
  });
  return committed;
}

/**
 * The versions case of the crash test (issue 14): `flowline serve` starts with v1 of every
 * example flow; the workload goes out in `kills + 1` slices with a SIGKILL in each of the first
 * `kills` (seeded moments, as crash-run.ts). Kill `switchAt` lands while GHL holds appointment
 * writes of v1 runs (a latency fault on the appointment POST), and the restart after it comes up
 * with v2 of appointment-scheduled (the workflow file replaced: same id, version 2). Later kills
 * land on the v2 serve. Then the rest is sent, serve is stopped with SIGTERM, and the store and
 * GHL are read.
 */
export async function runVersions(options: {
  readonly workload: Workload;
  readonly seed: number;
  readonly kills: number;
  /** The kill (1-based) after which serve restarts with v2. */
  readonly switchAt: number;
  readonly log?: (line: string) => void;
}): Promise<VersionsResult> {
  const { workload, kills, switchAt } = options;
  if (!(switchAt >= 1 && switchAt <= kills)) throw new RangeError(`Expected switchAt between 1 and ${kills}, got ${switchAt}`);
  const log = options.log ?? (() => {});
  const started = Date.now();
  const at = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const workDir = mkdtempSync(join(tmpdir(), 'flowline-versions-'));
  const dataDir = join(workDir, 'data');
  const secret = `crash_${randomBytes(16).toString('hex')}`;
  const sandbox = await startSandboxChild({ customers: workload.customers, workDir, seed: options.seed });
  const { admin } = sandbox;
  let serve: ServeProcess | undefined;
  try {
    // The appointment flows come from a folder of this run's own, so the versioned file can be replaced between starts.
    const appointmentFlows = join(workDir, 'appointment-sync');
    mkdirSync(appointmentFlows);
    for (const name of readdirSync(join(REPO_ROOT, APPOINTMENT_FLOWS)).filter((file) => file.endsWith('.workflow.json'))) {
      copyFileSync(join(REPO_ROOT, APPOINTMENT_FLOWS, name), join(appointmentFlows, name));
    }
    const workflows = FLOW_DIRS.map((dir) => (dir === APPOINTMENT_FLOWS ? appointmentFlows : dir));
    if (!workflows.includes(appointmentFlows)) throw new Error(`The crash flows no longer include ${APPOINTMENT_FLOWS}`);

    serve = new ServeProcess({
      workflows,
      configFile: writeCrashConfig(workDir, sandbox.ghlUrl, sandbox.pushpressUrl),
      dataDir,
      port: await freePort(),
      env: { [SECRET_ENV]: secret },
      logFile: join(workDir, 'serve.log'),
    });
    const sender = new DeliverySender({ url: serve.webhookUrl, secret, workload });
    const prng = createPrng(options.seed);
    const kinds = createPrng(options.seed + 1).shuffle(Array.from({ length: kills }, (_, index) => KILL_KINDS[index % KILL_KINDS.length] ?? 'random'));
    const killRecords: VersionsKill[] = [];
    let inFlightAtSwitch: UnfinishedRun[] = [];
    let heldAtSwitch = 0;
    let switchMark = Number.POSITIVE_INFINITY;

    await serve.start();
    log(`${at()}: sandbox and serve (v1) up`);
    let senderError: unknown;
    const sending = sender.run().catch((error: unknown) => {
      senderError = error;
    });
    for (let number = 1; number <= kills; number++) {
      const sliceStart = Math.ceil((sender.total * (number - 1)) / (kills + 1));
      const sliceEnd = Math.ceil((sender.total * number) / (kills + 1));
      const point = sliceStart + Math.floor(prng.next() * (sliceEnd - sliceStart));
      const switching = number === switchAt;
      let moment: KillMoment;
      if (switching) {
        // GHL holds every appointment POST for a while; the kill lands a seeded 0-400 ms after
        // the first is held (more may be held by then), so a v1 run is in its appointment write.
        const settle = prng.int(0, 400);
        sender.allowUpTo(sliceEnd);
        await sender.reached(point, 30_000);
        const armed = Date.now();
        const hold = await admin.addFault({ kind: 'latency', method: 'POST', path: APPOINTMENTS, latencyMs: HOLD_MS, count: 'always' });
        if (!(await heldRequests(admin, hold.id, 1, 30_000))) throw new Error(`No appointment write came within 30 s of send ${point}: the switching kill has no v1 run to land in`);
        await sleep(settle);
        moment = { kind: 'write-in-flight', path: APPOINTMENTS, faultFired: true, afterMs: Date.now() - armed };
      } else {
        const kind = kinds[number - 1] ?? 'random';
        sender.allowUpTo(sliceEnd);
        await sender.reached(point, 30_000);
        moment = await awaitKillMoment(kind, { admin, prng, faultTimeoutMs: 10_000 });
      }
      await serve.kill(`kill ${number}${switching ? ' (switch to v2)' : ''}: ${JSON.stringify(moment)}`);
      if (switching) {
        heldAtSwitch = (await admin.faults()).find((fault) => fault.spec.path === APPOINTMENTS)?.hits ?? 0;
        // The held writes commit in GHL after serve died; the restart comes after they did (a
        // write GHL commits later than that no engine could know of).
        await sleep(HOLD_MS + 300);
      }
      await admin.clearFaults();
      killRecords.push({ ...moment, number, switched: switching });
      log(`${at()}: kill ${number}/${kills}: ${moment.kind}${moment.path ? ` on POST ${moment.path}${moment.faultFired ? '' : ' (fault never fired)'}` : ''}; ${sender.progress}/${sender.total} acknowledged`);
      if (senderError) break;
      if (switching) {
        inFlightAtSwitch = await withStore(dataDir, async (store) => {
          const unfinished = [
            ...(await store.listRuns({ workflowId: VERSIONED, version: 1, status: 'running' })),
            ...(await store.listRuns({ workflowId: VERSIONED, version: 1, status: 'queued' })),
          ];
          return Promise.all(unfinished.map(async (run) => ({ run, steps: (await store.listSteps(run.id)).map((step) => step.stepId) })));
        });
        log(`${at()}: ${heldAtSwitch} appointment write(s) held at the kill; v1 runs left unfinished: ${inFlightAtSwitch.map(({ run, steps }) => `${run.id} (after ${steps.at(-1) ?? 'no step'})`).join(', ') || 'none'}`);
        writeFileSync(join(appointmentFlows, VERSIONED_FILE), `${JSON.stringify(versionTwo(), null, 2)}\n`);
        // Whatever POST is recorded from here on was answered by a serve with v2 (the old one is dead).
        switchMark = sender.attempts.length;
      } else {
        await sleep(prng.int(0, 300));
      }
      await serve.start();
      if (switching) log(`${at()}: serve restarted with v2 of ${VERSIONED}`);
    }
    sender.allowUpTo(sender.total);
    await sending;
    if (senderError) throw senderError;
    log(`${at()}: all ${sender.total} sends acknowledged; stopping serve with SIGTERM`);
    const stopping = Date.now();
    const stop = await serve.stop(120_000);
    log(`${at()}: serve stopped (${Date.now() - stopping} ms after SIGTERM)`);

    const acknowledged = [...acceptanceOrder(sender.attempts).values()].flat();
    const committed = committingAttempts(sender.attempts);
    const acceptedAfterSwitch = new Set([...committed].filter(([, index]) => index >= switchMark).map(([identity]) => identity));
    const versionedDeliveries = new Set(workload.deliveries.filter((item) => item.delivery.event === 'appointment.scheduled').map((item) => item.identity));
    const state = await withStore(dataDir, async (store) => {
      const runs: VersionedRun[] = [];
      for (const run of await store.listRuns({ workflowId: VERSIONED })) {
        runs.push({ run, steps: await store.listSteps(run.id), deadLetter: await store.getDeadLetter(`run:${run.id}`) });
      }
      const inbox = new Map<string, InboxEntry | undefined>();
      for (const identity of acknowledged) inbox.set(identity, await store.getInboxEntry(identity));
      return { outcomes: await deliveryOutcomes(store, acknowledged), runs, inbox, versions: await store.listWorkflowVersions(VERSIONED) };
    });
    const location = (await admin.state()).locations.find((candidate) => candidate.id === LOCATION_ID);
    if (!location) throw new Error(`The sandbox has no location ${LOCATION_ID}`);
    return {
      ...state,
      inFlightAtSwitch,
      heldAtSwitch,
      acceptedAfterSwitch,
      versionedDeliveries,
      location,
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

/** Every appointment in a location, by its GHL id. */
export function appointmentsById(location: LocationDump): Map<string, JsonObject> {
  const byId = new Map<string, JsonObject>();
  for (const contact of location.contacts) {
    for (const appointment of Array.isArray(contact['appointments']) ? (contact['appointments'] as JsonObject[]) : []) {
      if (typeof appointment['id'] === 'string') byId.set(appointment['id'], appointment);
    }
  }
  return byId;
}
