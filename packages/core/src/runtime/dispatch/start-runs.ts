import { randomUUID } from 'node:crypto';
import type { Snapshot } from 'xstate';
import type { PreparedWorkflow } from '../../machine/prepare-workflow.js';
import type { ChosenBranch, RunRecord, StepRecord, TriggerEvent } from '../../store/records.js';
import { isFinishedStatus } from '../../store/store-checks.js';
import { isTruthy } from '../../steps/truthiness.js';
import { toErrorRecord } from '../error-record.js';
import { executeRun, finishRun, queueRun } from '../execute-run.js';
import { legacyRunId, runIdOf } from '../run-id.js';
import type { FreshRun } from '../run-services.js';
import type { TenantRuntime } from '../tenants/tenant-runtime.js';
import { testOfRun } from '../test-run.js';

/** A finished run with its step records. */
export type CompletedRun = RunRecord & { readonly steps: readonly StepRecord[] };

export interface RunOptions {
  /** Action steps record the request they would send instead of calling out. */
  readonly dryRun?: boolean;
  /**
   * Dry runs only: outputs that stand in for action steps' sample outputs, by step id or path
   * (e.g. `{ link: { found: false } }`), so a test can take the way a first event would.
   */
  readonly mocks?: Readonly<Record<string, unknown>>;
  /**
   * Dry runs only: the branch an `if` step takes whatever its condition (`then`, `else`), or the
   * case a `switch` step runs (its index from 0, or `default`), by step id or path.
   */
  readonly branches?: Readonly<Record<string, ChosenBranch>>;
}

/** A run with its step records, read from the tenant's store. */
export async function complete(tenant: TenantRuntime, run: RunRecord): Promise<CompletedRun> {
  return { ...run, steps: await tenant.store.listSteps(run.id) };
}

/**
 * Executes a run (from `snapshot` when given), answering with its step records from memory
 * instead of the store. `fresh`: the run cannot have been attempted before (see
 * RunServices.freshRuns). A run of a version no longer published may let that version go.
 */
export async function execute(tenant: TenantRuntime, workflow: PreparedWorkflow, run: RunRecord, fresh?: FreshRun, snapshot?: Snapshot<unknown>): Promise<CompletedRun> {
  const { services } = tenant;
  const { stepsOfRuns } = tenant.inProgress;
  try {
    if (stepsOfRuns.has(run.id)) return await complete(tenant, await executeRun(workflow, run, services, snapshot));
    const steps: StepRecord[] = [];
    stepsOfRuns.set(run.id, steps);
    if (fresh) services.freshRuns.set(run.id, fresh);
    try {
      return { ...(await executeRun(workflow, run, services, snapshot)), steps };
    } finally {
      stepsOfRuns.delete(run.id);
      services.freshRuns.delete(run.id);
    }
  } finally {
    tenant.deployments.runEnded(run);
  }
}

/**
 * Starts (or finds) the run of `event` on one workflow version. An event with an id has one run
 * per version, named by `runIdOf`: found again after a restart, and resumed or answered as it
 * ended. `fresh`: the event was accepted into the inbox just now, so it has no run yet.
 * `receivedAt`: when the inbox accepted it. Undefined when the trigger's filter does not match.
 */
export async function start(
  tenant: TenantRuntime,
  workflow: PreparedWorkflow,
  event: TriggerEvent,
  runOptions: RunOptions,
  fresh = false,
  receivedAt?: string,
): Promise<CompletedRun | undefined> {
  const { store, services } = tenant;
  const dryRun = runOptions.dryRun ?? false;
  const test = testOfRun(workflow.definition, runOptions);
  const { id: workflowId, version } = workflow.definition;
  const id = event.id === undefined || dryRun ? randomUUID() : runIdOf(event.id, workflowId, version, receivedAt);
  if (event.id !== undefined && !dryRun && !fresh) {
    const existing = await existingRun(tenant, event.id, workflowId, version, receivedAt);
    if (existing && isFinishedStatus(existing.status)) return complete(tenant, existing);
    // A run of this event on another version (published before a restart) finishes on its own version.
    const itsVersion = existing && existing.workflowVersion !== version ? await tenant.deployments.versionOf(existing) : workflow;
    if (existing && itsVersion) return execute(tenant, itsVersion, existing, undefined, (await store.getSnapshot(existing.id)) as Snapshot<unknown> | undefined);
    if (existing) {
      services.logger.warn('a run cannot resume: its workflow version is not saved', { runId: existing.id, workflowId, version: existing.workflowVersion });
      return complete(tenant, existing);
    }
  }
  if (workflow.filter) {
    let matches: boolean;
    try {
      matches = isTruthy(await workflow.filter.evaluate(event.payload, { event: event.payload, trigger: { operation: event.trigger, id: event.id }, config: services.config }, '/trigger/filter'));
    } catch (error) {
      const run = await queueRun(workflow, event, { id, dryRun, services });
      return complete(tenant, await finishRun(run, { status: 'failed', error: toErrorRecord(error, services.redact) }, services));
    }
    if (!matches) return undefined;
  }
  if (!dryRun) await tenant.deployments.saved();
  const run = withTest(await queueRun(workflow, event, { id, dryRun, services }), test);
  // Nothing of the run can be in the store if its event was accepted just now, or if it is not an
  // inbox event's run: those write their record before their first step, and none was found above.
  return execute(tenant, workflow, run, fresh || receivedAt === undefined ? { fromInbox: fresh } : undefined);
}

/**
 * The run an event already has on a workflow: on this version (under the id older versions gave
 * inbox runs too), else on another saved version of the workflow. Looked for only when the event
 * may have been processed before.
 */
async function existingRun(tenant: TenantRuntime, eventId: string, workflowId: string, version: number, receivedAt: string | undefined): Promise<RunRecord | undefined> {
  const { store } = tenant;
  const own = (await store.getRun(runIdOf(eventId, workflowId, version, receivedAt))) ?? (receivedAt === undefined ? undefined : await store.getRun(legacyRunId(eventId, workflowId, version)));
  if (own) return own;
  for (const other of await store.listWorkflowVersions(workflowId)) {
    if (other.version === version || other.state === 'draft') continue;
    const run = await store.getRun(runIdOf(eventId, workflowId, other.version, receivedAt));
    if (run) return run;
  }
  return undefined;
}

/**
 * Runs every published workflow of the tenant whose trigger (and filter) matches the event. Every
 * run ends (or stops) before this settles, even when one throws: an event tried again must not
 * start a run again beside itself.
 */
export async function startMatching(tenant: TenantRuntime, event: TriggerEvent, runOptions: RunOptions, fresh: boolean, receivedAt?: string): Promise<CompletedRun[]> {
  const matching = tenant.deployments.startingOn(event.trigger);
  const settled = await Promise.allSettled(matching.map((workflow) => start(tenant, workflow, event, runOptions, fresh, receivedAt)));
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  return settled.flatMap((result) => (result.status === 'fulfilled' && result.value !== undefined ? [result.value] : []));
}

/** Runs one definition's prepared workflow against one event, outside the inbox (a new id each time). */
export async function runOnce(tenant: TenantRuntime, workflow: PreparedWorkflow, event: TriggerEvent, runOptions: RunOptions): Promise<CompletedRun> {
  const test = testOfRun(workflow.definition, runOptions);
  const run = withTest(await queueRun(workflow, event, { id: randomUUID(), dryRun: runOptions.dryRun ?? false, services: tenant.services }), test);
  return execute(tenant, workflow, run, { fromInbox: false });
}

function withTest(run: RunRecord, test: RunRecord['test']): RunRecord {
  return test === undefined ? run : { ...run, test };
}
