import { randomUUID } from 'node:crypto';
import { FlowlineError } from '../../errors/flowline-error.js';
import type { PreparedWorkflow } from '../../machine/prepare-workflow.js';
import type { RunRecord } from '../../store/records.js';
import { isFinishedStatus } from '../../store/store-checks.js';
import { deadLetterIdOf } from '../dead-letters.js';
import type { EventQueue } from '../event-queue.js';
import { queueRun } from '../execute-run.js';
import { isoTime } from '../iso-time.js';
import { attemptId, firstAttemptId } from '../run-id.js';
import { acceptedOf } from '../dispatch/inbox-processor.js';
import { execute, type CompletedRun } from '../dispatch/start-runs.js';
import type { TenantRuntime } from '../tenants/tenant-runtime.js';
import { laneOf } from './lanes.js';

/** Which version a retry or replay runs: the run's own (default), or the workflow's published one. */
export interface AgainOptions {
  readonly version?: 'own' | 'latest';
}

const notFound = (runId: string) => new FlowlineError('runs.not-found', `There is no run "${runId}"`, { pointer: '/runId', hint: "List the tenant's runs to find its id." });

/** The id of a run's next attempt: `<first attempt's id>~<n>`, the first n not taken. */
async function nextAttemptId(tenant: TenantRuntime, runId: string): Promise<string> {
  const first = firstAttemptId(runId);
  for (let n = 2; ; n += 1) {
    const id = attemptId(first, n);
    if (!(await tenant.store.getRun(id))) return id;
  }
}

async function versionFor(tenant: TenantRuntime, run: RunRecord, options: AgainOptions): Promise<PreparedWorkflow> {
  const workflow = options.version === 'latest' ? tenant.deployments.latest(run.workflowId) : await tenant.deployments.versionOf(run);
  if (workflow) return workflow;
  throw new FlowlineError(
    'runs.workflow-missing',
    options.version === 'latest'
      ? `Run ${run.id} is of workflow "${run.workflowId}", which has no published version`
      : `Run ${run.id} is of version ${String(run.workflowVersion)} of workflow "${run.workflowId}", which is neither deployed nor saved`,
    { hint: options.version === 'latest' ? 'Publish the workflow, then try again.' : "Deploy that version, or run the workflow's published version ({ version: 'latest' })." },
  );
}

/**
 * Retries a dead letter (`run:<id>`, `inbox:<id>`, or a run id) in its ordering key's lane.
 *
 * A failed run gets a new attempt, a run of its own (`<id>~2`, `~3`…, linked by `retryOf`), so
 * the run it retries keeps its history. The attempt runs the run's own version unless asked for
 * the latest, and skips the effects its earlier attempts did, with their outputs. The dead
 * letter moves to the attempt when it fails, and goes when it succeeds.
 *
 * A delivery that could not be processed is pending again until it is (a restart meanwhile
 * finishes it), and off the list until it fails again.
 */
export async function retry(tenant: TenantRuntime, id: string, queue: EventQueue<CompletedRun[]>, options: AgainOptions = {}): Promise<CompletedRun[]> {
  const { store } = tenant;
  const letterId = deadLetterIdOf(id);
  const letter = await store.getDeadLetter(letterId);
  if (letter?.inboxId !== undefined) {
    const entry = await store.getInboxEntry(letter.inboxId);
    if (!entry) throw new FlowlineError('runs.not-found', `Dead letter ${letterId} names inbox entry ${letter.inboxId}, which is gone`);
    await store.setInboxStatus(entry.id, 'pending', { runIds: [] });
    await store.removeDeadLetter(letterId);
    tenant.work.begin();
    return queue.push(acceptedOf(tenant.id, entry), false, true) ?? [];
  }
  const runId = letter?.runId ?? id;
  const run = await store.getRun(runId);
  if (!run) throw notFound(runId);
  if (run.status !== 'failed') throw new FlowlineError('runs.not-failed', `Run ${runId} is ${run.status}; only failed runs are retried`, { hint: 'Replay a finished run instead.' });
  return [await queue.enqueue(laneOf(tenant.id, run), () => tenant.work.around(() => retryRun(tenant, run, options)))];
}

async function retryRun(tenant: TenantRuntime, run: RunRecord, options: AgainOptions): Promise<CompletedRun> {
  const { store, services } = tenant;
  const workflow = await versionFor(tenant, run, options);
  const attempt: RunRecord = { ...(await queueRun(workflow, run.event, { id: await nextAttemptId(tenant, run.id), dryRun: false, services })), retryOf: run.id };
  // Stored before it runs: a crash leaves it unfinished, for the next start to resume.
  await store.putRun(attempt);
  const again = await execute(tenant, workflow, attempt);
  if (again.status === 'failed') await store.putDeadLetter({ runId: again.id, reason: 'run-failed', at: isoTime(services.now()), ...(again.error ? { error: again.error } : {}) });
  await store.removeDeadLetter(`run:${run.id}`);
  return again;
}

/**
 * Runs a finished run's event again, as a new run linked by `replayOf` (the run replayed keeps its
 * history), on the run's own version unless asked for the latest. Its effects happen again,
 * except those under a step's own idempotency key, which are done once for every run.
 */
export async function replay(tenant: TenantRuntime, runId: string, queue: EventQueue<CompletedRun[]>, options: AgainOptions = {}): Promise<CompletedRun> {
  const run = await tenant.store.getRun(runId);
  if (!run) throw notFound(runId);
  if (!isFinishedStatus(run.status)) throw new FlowlineError('runs.not-finished', `Run ${runId} is ${run.status}; only finished runs are replayed`, { hint: 'Wait for it to end, or cancel it.' });
  return queue.enqueue(laneOf(tenant.id, run), () =>
    tenant.work.around(async () => {
      const workflow = await versionFor(tenant, run, options);
      const again: RunRecord = { ...(await queueRun(workflow, run.event, { id: randomUUID(), dryRun: run.dryRun, services: tenant.services })), replayOf: run.id };
      return execute(tenant, workflow, again, { fromInbox: false });
    }),
  );
}

/**
 * Cancels a queued or running run: one running in this engine stops before its next step (the
 * step under way finishes); one that is not (left by an earlier process, or waiting) is recorded
 * as cancelled and never resumed. Resolves with the run as it ended (it may have finished first).
 */
export async function cancel(tenant: TenantRuntime, runId: string): Promise<RunRecord> {
  const { store, services } = tenant;
  const run = await store.getRun(runId);
  // A run running here may have no record yet (an inbox run's waits for its first step, see executeRun).
  const running = tenant.inProgress.stepsOfRuns.has(runId);
  if (!run && !running) throw notFound(runId);
  if (run && isFinishedStatus(run.status)) throw new FlowlineError('runs.finished', `Run ${runId} already ended (${run.status})`, { hint: 'Replay it to run its event again.' });
  if (!running && run) {
    const { waitingUntil: _waited, ...rest } = run;
    const cancelled: RunRecord = { ...rest, status: 'cancelled', finishedAt: isoTime(services.now()) };
    await store.putRun(cancelled);
    // A waiting run's timer goes with it, so the scheduler never wakes for it.
    await store.deleteTimers(runId);
    return cancelled;
  }
  const ended = new Promise<void>((resolve) => {
    const names = ['run.cancelled', 'run.succeeded', 'run.failed'] as const;
    const listener = (event: { readonly runId: string; readonly tenant: string }) => {
      if (event.runId !== runId || event.tenant !== tenant.id) return;
      for (const name of names) services.events.off(name, listener);
      resolve();
    };
    for (const name of names) services.events.on(name, listener);
  });
  services.cancelled.add(runId);
  await ended;
  const after = (await store.getRun(runId)) ?? run;
  if (!after) throw notFound(runId);
  return after;
}
