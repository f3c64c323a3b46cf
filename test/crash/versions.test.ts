/**
 * The crash test with versions (issue 14): `flowline serve` runs the example flows, v1 of each,
 * and is SIGKILLed three times at seeded moments while a workload of signed deliveries goes out.
 * The second kill lands while GHL holds appointment writes of v1 runs of
 * appointment-sync.appointment-scheduled, and serve comes back with v2 of that workflow (same id,
 * version 2: the GHL appointment it writes says "(workflow v2)", and it ends with a step of its
 * own). Afterwards no run is orphaned, no delivery has two runs of the workflow, every v1 run
 * finished on v1 (steps and GHL writes), every delivery accepted after the switch ran on v2,
 * and the store records v1 retired and v2 published.
 *
 * Environment: FLOWLINE_CRASH_SEED (as in crash.test.ts); FLOWLINE_CRASH_KEEP=1 keeps serve.log
 * and the SQLite file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { StepRecord } from '../../packages/core/src/index.js';
import type { JsonObject } from '../../packages/sandbox/src/index.js';
import { buildWorkload } from './crash-deliveries.js';
import { appointmentsById, runVersions, stepIds, V1_DESCRIPTION, V2_DESCRIPTION, V2_ONLY_STEP, VERSIONED, versionOne, versionTwo, type VersionedRun, type VersionsResult } from './versions-run.js';

const SEED = Number(process.env['FLOWLINE_CRASH_SEED'] ?? 20251127);
const workload = buildWorkload({ seed: SEED, customersPerDay: 40 });
const log = (line: string): void => {
  process.stdout.write(`[versions seed ${SEED}] ${line}\n`);
};

const versionOf = (entry: VersionedRun): number => Number(entry.run.workflowVersion);

/** Steps that did their GHL write (or found it done, by its effect record or in GHL), not skipped as a branch not taken. */
const wrote = (step: StepRecord): boolean => step.status === 'succeeded' || (step.status === 'skipped' && (step.reason === 'idempotent' || step.reason === 'reconciled'));

/** The GHL appointment a run created or edited, with the step that wrote it (none when the run wrote none). */
function writtenAppointment(entry: VersionedRun, appointments: ReadonlyMap<string, JsonObject>): { step: string; id: string; appointment: JsonObject | undefined } | undefined {
  for (const step of entry.steps) {
    if (!wrote(step)) continue;
    let id: unknown;
    if (step.stepId === 'createAppointment') id = (step.output as JsonObject | undefined)?.['id'];
    else if (step.stepId === 'editAppointment') id = ((step.input as JsonObject | undefined)?.['path'] as JsonObject | undefined)?.['eventId'];
    else continue;
    return { step: step.stepId, id: String(id), appointment: typeof id === 'string' ? appointments.get(id) : undefined };
  }
  return undefined;
}

describe(`crash test with versions (seed ${SEED}: ${workload.sendOrder.length} sends, v2 of ${VERSIONED} published at the 2nd of 3 kills)`, () => {
  let result: VersionsResult;
  let appointments: Map<string, JsonObject>;
  let v1Runs: VersionedRun[];
  let v2Runs: VersionedRun[];

  beforeAll(async () => {
    result = await runVersions({ workload, seed: SEED, kills: 3, switchAt: 2, log });
    appointments = appointmentsById(result.location);
    v1Runs = result.runs.filter((entry) => versionOf(entry) === 1);
    v2Runs = result.runs.filter((entry) => versionOf(entry) === 2);
    log(
      `${result.seconds.toFixed(1)} s, ${result.starts} starts; ${result.outcomes.done} done, ${result.outcomes.deadLettered} dead-lettered; ` +
        `${VERSIONED}: ${v1Runs.length} v1 run(s), ${v2Runs.length} v2 run(s), ${result.inFlightAtSwitch.length} v1 run(s) unfinished at the switch ` +
        `(${result.heldAtSwitch} write(s) held); ${[...result.acceptedAfterSwitch].filter((identity) => result.versionedDeliveries.has(identity)).length} of its deliveries accepted after the switch`,
    );
  }, 300_000);

  it('orphans no run across the kills and the switch: no run left queued or running, no delivery left pending, none lost', () => {
    expect(result.outcomes.problems).toEqual([]);
    expect(result.outcomes.done + result.outcomes.deadLettered).toBe(workload.deliveries.length);
    expect(result.kills.map((kill) => kill.switched)).toEqual([false, true, false]);
    expect(result.stoppedGracefully).toBe(true);
  });

  it('gives no delivery two runs of the versioned workflow (neither v1 and v2, nor two of one version)', () => {
    const byId = new Map(result.runs.map((entry) => [entry.run.id, entry]));
    const twice: string[] = [];
    for (const [identity, entry] of result.inbox) {
      if (entry?.status !== 'done') continue;
      const named = entry.runIds.filter((id) => byId.has(id));
      if (named.length > 1) twice.push(`${identity}: the inbox names ${named.join(', ')}`);
      if (result.versionedDeliveries.has(identity) && named.length !== 1) twice.push(`${identity}: the inbox names ${named.length} runs of ${VERSIONED}`);
    }
    // Whatever the inbox names: the store holds one run per event (a retry's attempts `<id>~n` count as that run).
    const perEvent = new Map<string, string[]>();
    for (const { run } of result.runs) {
      if (run.retryOf !== undefined) continue;
      const key = run.event.id ?? run.id;
      perEvent.set(key, [...(perEvent.get(key) ?? []), `${run.id} (v${String(run.workflowVersion)})`]);
    }
    for (const [event, runs] of perEvent) if (runs.length > 1) twice.push(`event ${event}: runs ${runs.join(', ')}`);
    expect(twice).toEqual([]);
    expect(result.runs.length).toBeGreaterThan(0);
  });

  it("finishes every v1 run on v1: succeeded (or failed and dead-lettered), with v1's steps only, and its GHL appointment as v1 writes it", () => {
    expect(v1Runs.length).toBeGreaterThan(0);
    const v1Steps = stepIds(versionOne());
    const wrong: string[] = [];
    for (const entry of v1Runs) {
      const { run } = entry;
      if (run.status !== 'succeeded' && !(run.status === 'failed' && entry.deadLetter)) wrong.push(`${run.id}: ${run.status}${run.status === 'failed' ? ' without a dead letter' : ''}`);
      const foreign = entry.steps.map((step) => step.stepId).filter((id) => !v1Steps.has(id));
      if (foreign.length > 0) wrong.push(`${run.id}: steps v1 does not have: ${foreign.join(', ')}`);
      const written = writtenAppointment(entry, appointments);
      if (written && written.appointment?.['description'] !== V1_DESCRIPTION) wrong.push(`${run.id}: ${written.step} left appointment ${written.id} saying ${JSON.stringify(written.appointment?.['description'])}`);
    }
    expect(wrong).toEqual([]);
  });

  it('runs every delivery accepted after the switch on v2, with its own step and its GHL appointment as v2 writes it', () => {
    const after = [...result.acceptedAfterSwitch].filter((identity) => result.versionedDeliveries.has(identity));
    expect(after.length).toBeGreaterThan(0);
    const runsOf = (identity: string) => result.runs.filter((entry) => entry.run.event.id === identity);
    const wrong: string[] = [];
    for (const identity of after) {
      const runs = runsOf(identity);
      if (runs.length === 0 || runs.some((entry) => versionOf(entry) !== 2)) wrong.push(`${identity}: runs ${runs.map((entry) => `${entry.run.id} v${String(entry.run.workflowVersion)}`).join(', ') || 'none'}`);
    }
    for (const entry of v2Runs) {
      if (entry.run.status !== 'succeeded') continue;
      // Done, or found done on resume (a kill after its link was written: reconciled).
      if (!entry.steps.some((step) => step.stepId === V2_ONLY_STEP && wrote(step))) wrong.push(`${entry.run.id}: no ${V2_ONLY_STEP} step done: ${JSON.stringify(entry.steps.filter((step) => step.stepId === V2_ONLY_STEP))}`);
      const written = writtenAppointment(entry, appointments);
      if (written && written.appointment?.['description'] !== V2_DESCRIPTION) wrong.push(`${entry.run.id}: ${written.step} left appointment ${written.id} saying ${JSON.stringify(written.appointment?.['description'])}`);
    }
    expect(wrong).toEqual([]);
    expect(stepIds(versionTwo()).has(V2_ONLY_STEP) && !stepIds(versionOne()).has(V2_ONLY_STEP)).toBe(true);
  });

  it('finishes on v1, after the restart with v2, every v1 run the switching kill left unfinished', () => {
    expect(result.inFlightAtSwitch.length).toBeGreaterThan(0);
    const final = new Map(result.runs.map((entry) => [entry.run.id, entry]));
    for (const { run } of result.inFlightAtSwitch) {
      const entry = final.get(run.id);
      expect(entry?.run).toMatchObject({ id: run.id, workflowVersion: 1, status: 'succeeded' });
      expect(entry?.steps.map((step) => step.stepId)).not.toContain(V2_ONLY_STEP);
    }
  });

  it('finishes on v1 a v1 run the switching kill caught while GHL held its appointment write: the appointment is in GHL once, as v1 writes it', () => {
    expect(result.heldAtSwitch).toBeGreaterThan(0);
    // Caught in the write: it had looked up the appointment's link (none) and recorded no write yet.
    const caught = result.inFlightAtSwitch.filter(({ steps }) => steps.includes('eventLink') && !steps.includes('createAppointment'));
    expect(caught.length).toBeGreaterThan(0);
    const final = new Map(result.runs.map((entry) => [entry.run.id, entry]));
    for (const { run } of caught) {
      const entry = final.get(run.id);
      expect(entry?.run).toMatchObject({ workflowVersion: 1, status: 'succeeded' });
      expect(entry?.steps.map((step) => step.stepId)).not.toContain(V2_ONLY_STEP);
      const written = entry ? writtenAppointment(entry, appointments) : undefined;
      expect(written).toMatchObject({ step: 'createAppointment', appointment: { description: V1_DESCRIPTION } });
      // GHL committed the held write after the kill; the resumed run found it rather than booking again.
      const sameSlot = [...appointments.values()].filter((other) => other['contactId'] === written?.appointment?.['contactId'] && other['startTime'] === written?.appointment?.['startTime']);
      expect(sameSlot).toHaveLength(1);
    }
  });

  it("records the versions in the store: v1 retired, v2 published", () => {
    expect(result.versions.map((record) => [record.version, record.state])).toEqual([
      [1, 'retired'],
      [2, 'published'],
    ]);
  });
});
