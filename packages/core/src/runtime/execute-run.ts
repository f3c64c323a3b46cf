import { createActor, type Snapshot } from 'xstate';
import { driveRun, RunCancelled } from '../machine/drive-run.js';
import { RunWaiting } from '../machine/run-waiting.js';
import type { PreparedWorkflow } from '../machine/prepare-workflow.js';
import type { RunRecord, TriggerEvent } from '../store/records.js';
import { toErrorRecord } from './error-record.js';
import type { RunContext, RunResult } from './run-context.js';
import type { RunServices } from './run-services.js';
import { isoTime } from './iso-time.js';
import { emitIfHeard } from './run-events.js';
import { isStoreUnavailable } from '../store/store-unavailable-error.js';
import { clearDeadLetterOfRun } from './dead-letters.js';

export function initialContext(run: RunRecord): RunContext {
  return {
    runId: run.id,
    workflowId: run.workflowId,
    dryRun: run.dryRun,
    trigger: { operation: run.event.trigger, ...(run.event.id === undefined ? {} : { id: run.event.id }) },
    payload: run.event.payload,
    steps: {},
    vars: {},
    locals: {},
    error: null,
    pathPrefix: '',
    result: null,
    ...(run.retryOf === undefined ? {} : { retryOf: run.retryOf }),
    ...(run.test === undefined ? {} : { test: run.test }),
  };
}

/** A new run: announced as queued; its record is first written when it starts, a moment later. */
export async function queueRun(workflow: PreparedWorkflow, event: TriggerEvent, options: { id: string; dryRun: boolean; services: RunServices }): Promise<RunRecord> {
  const { definition } = workflow;
  const { services } = options;
  const run: RunRecord = {
    id: options.id,
    workflowId: definition.id,
    workflowVersion: definition.version,
    status: 'queued',
    dryRun: options.dryRun,
    event,
    queuedAt: isoTime(services.now()),
  };
  emitIfHeard(services, 'run.queued', () => ({
    runId: run.id,
    workflowId: run.workflowId,
    dryRun: run.dryRun,
    at: run.queuedAt,
    trigger: event.trigger,
    ...(event.id === undefined ? {} : { eventId: event.id }),
  }));
  return run;
}

/**
 * Ends a run: its final record and event. A run that succeeds takes its dead letter off the list
 * (it was resumed or retried after it gave up); a run that cannot have been attempted before has
 * none, and is not looked up. Also ends a run without running its machine (e.g. its trigger
 * filter failed).
 */
export async function finishRun(run: RunRecord, result: RunResult, services: RunServices): Promise<RunRecord> {
  const finishedAt = services.now();
  const done: RunRecord = {
    ...run,
    status: result.status,
    finishedAt: isoTime(finishedAt),
    ...(result.output === undefined ? {} : { output: result.output }),
    ...(result.error ? { error: result.error } : {}),
    ...(result.failedStep ? { failedStep: result.failedStep } : {}),
  };
  await services.store.putRun(done);
  if (result.status === 'succeeded' && !services.freshRuns.has(run.id)) {
    // A retry's success also ends the dead letters of the attempts before it.
    for (let id: string | undefined = run.id; id !== undefined; id = id === run.id ? run.retryOf : (await services.store.getRun(id))?.retryOf) {
      await clearDeadLetterOfRun(services.store, id);
    }
  }
  const base = () => ({ runId: run.id, workflowId: run.workflowId, dryRun: run.dryRun, at: done.finishedAt ?? isoTime(finishedAt), durationMs: finishedAt - Date.parse(run.startedAt ?? run.queuedAt) });
  if (result.status === 'succeeded') emitIfHeard(services, 'run.succeeded', () => ({ ...base(), ...(result.output === undefined ? {} : { output: result.output }) }));
  else if (result.status === 'cancelled') emitIfHeard(services, 'run.cancelled', base);
  else emitIfHeard(services, 'run.failed', () => ({ ...base(), error: result.error ?? { name: 'Error', code: 'internal', message: 'The run failed' }, ...(result.failedStep ? { failedStep: result.failedStep } : {}) }));
  return done;
}

/**
 * Leaves a run waiting for its delay's timer: its snapshot (at the delay step) is saved, then its
 * record as `waiting`. A crash between the two leaves it `running`, so the next start resumes it,
 * and its delay step finds its timer and waits again.
 */
async function waitRun(run: RunRecord, waiting: RunWaiting, services: RunServices): Promise<RunRecord> {
  await services.store.putSnapshot(run.id, waiting.snapshot);
  const waitingRun: RunRecord = { ...run, status: 'waiting', waitingUntil: waiting.dueAt };
  await services.store.putRun(waitingRun);
  emitIfHeard(services, 'run.waiting', () => ({ runId: run.id, workflowId: run.workflowId, dryRun: run.dryRun, at: isoTime(services.now()), until: waiting.dueAt, stepId: waiting.stepId }));
  return waitingRun;
}

/**
 * Runs (or resumes, from a persisted snapshot) one run's machine to its end. The snapshot after
 * each step is saved to the store as the run moves, so another process can resume it after a
 * crash. (A run with no saved snapshot resumes from its first step; its effects are recorded
 * apart, so the steps already done are skipped, not repeated.)
 *
 * A run's record is written as it starts, so it is listed as running, and resumed after a crash.
 * The run of an event accepted just now needs no record to be resumed (its pending inbox entry
 * stands for it), so its record waits until there is more to show than its start: with its first
 * saved snapshot (before its second step), when a step retries, or, for the many runs that end in
 * their first step, only once, finished.
 *
 * When the store cannot write for now (disk full, I/O error, busy: `isStoreUnavailable`), the
 * run does not fail: executeRun rejects with that error and the run stays unfinished in the
 * store, as after a crash, for its caller to resume once writes succeed again.
 */
export async function executeRun(workflow: PreparedWorkflow, queued: RunRecord, services: RunServices, snapshot?: Snapshot<unknown>): Promise<RunRecord> {
  const { waitingUntil: _waitedUntil, ...resumed } = queued;
  const run: RunRecord = { ...resumed, status: 'running', startedAt: queued.startedAt ?? isoTime(services.now()) };
  let recording: Promise<void> | undefined;
  const recordRunning = (): Promise<void> => (recording ??= services.store.putRun(run));
  let saving: Promise<void> | undefined;
  let saveFailure: unknown;
  const inBackground = (write: () => Promise<unknown>) => {
    saving = (saving ?? Promise.resolve()).then(write).then(
      () => undefined,
      (error: unknown) => {
        saveFailure ??= error;
      },
    );
  };
  const deferred = services.freshRuns.get(run.id)?.fromInbox === true;
  if (!deferred) await recordRunning();
  else {
    services.unrecordedRuns.set(run.id, () => {
      services.unrecordedRuns.delete(run.id);
      inBackground(recordRunning);
    });
  }
  emitIfHeard(services, 'run.started', () => ({ runId: run.id, workflowId: run.workflowId, dryRun: run.dryRun, at: run.startedAt ?? isoTime(services.now()) }));

  const actor = createActor(workflow.machine, snapshot ? { snapshot, input: initialContext(run) } : { input: initialContext(run) });
  // Saved after each step that leaves the run unfinished; a finished run is told by its record.
  // A run whose record waited goes on to its next step only once the record is stored.
  const save = (persisted: Snapshot<unknown>): Promise<void> | undefined => {
    const unrecorded = recording === undefined;
    inBackground(() => Promise.all([recordRunning(), services.store.putSnapshot(run.id, persisted)]));
    return unrecorded ? saving : undefined;
  };
  let result: RunResult;
  let unavailable: unknown;
  let waiting: RunWaiting | undefined;
  const signal = services.idleSignals.take();
  try {
    result = await driveRun(actor, workflow.steps, services, signal, save);
  } catch (error) {
    if (isStoreUnavailable(error)) unavailable = error;
    // A run cancelled while its delay was setting its timer is cancelled, not left waiting.
    if (error instanceof RunWaiting && !services.cancelled.has(run.id)) waiting = error;
    result = error instanceof RunCancelled || error instanceof RunWaiting ? { status: 'cancelled' } : { status: 'failed', error: toErrorRecord(error, services.redact) };
  } finally {
    services.cancelled.delete(run.id);
    services.idleSignals.give(signal);
    if (deferred) services.unrecordedRuns.delete(run.id);
    if (saving) await saving;
  }
  if (unavailable !== undefined) throw unavailable;
  if (saveFailure !== undefined) {
    services.logger.error('could not save a run\'s record or snapshot while it ran', { runId: run.id, error: toErrorRecord(saveFailure, services.redact) });
  }
  if (waiting) return waitRun(run, waiting, services);
  if (result.status === 'cancelled') await services.store.deleteTimers(run.id);
  return finishRun(run, result, services);
}
