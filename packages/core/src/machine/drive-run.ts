import type { Actor, Snapshot } from 'xstate';
import type { RunResult } from '../runtime/run-context.js';
import type { RunServices } from '../runtime/run-services.js';
import type { PreparedStep } from '../steps/step-kind.js';
import { isStoreUnavailable } from '../store/store-unavailable-error.js';
import type { StepOutcome } from '../steps/step-outcome.js';
import type { RunMachine, RunMachineEvent } from './run-machine.js';
import { runStep } from './run-step.js';
import { RunWaiting } from './run-waiting.js';

/** Thrown between steps of a run an operator cancelled. */
export class RunCancelled extends Error {
  constructor(runId: string) {
    super(`Run ${runId} was cancelled`);
    this.name = 'RunCancelled';
  }
}

/**
 * Runs a run's actor to its end: starts it (fresh, or restored from a persisted snapshot), runs
 * the step its state names, sends the outcome, and repeats until the machine is done. A step
 * that throws past its own error handling (e.g. its record cannot be written) crashes the run,
 * unless the store cannot write for now: that error is thrown, leaving the run where its last
 * saved snapshot says, to go on once the store writes again.
 */
export async function driveRun(
  actor: Actor<RunMachine>,
  steps: ReadonlyMap<string, PreparedStep>,
  services: RunServices,
  signal: AbortSignal,
  /** Called after each step that leaves the run unfinished, with the state to resume from; the next step waits for what it returns. */
  afterStep?: (persisted: Snapshot<unknown>) => Promise<void> | undefined,
): Promise<RunResult> {
  // An actor that errs (e.g. restored from a damaged snapshot) is read from its snapshot below; with
  // no one observing it, XState would also throw its error from a timer, past everything.
  actor.subscribe({ error: () => undefined });
  actor.start();
  try {
    for (;;) {
      const snapshot = actor.getSnapshot();
      if (snapshot.status === 'done') return snapshot.output;
      if (snapshot.status === 'error') throw snapshot.error;
      signal.throwIfAborted();
      if (services.cancelled.size > 0 && services.cancelled.has(snapshot.context.runId)) throw new RunCancelled(snapshot.context.runId);
      const stepId = String(snapshot.value);
      const step = steps.get(stepId);
      if (!step) throw new Error(`The run is in state "${stepId}", which is not a step of its workflow`);
      let event: RunMachineEvent;
      try {
        const outcome: StepOutcome = await runStep(step, snapshot.context, services, signal);
        event = { type: 'step.done', outcome };
      } catch (error) {
        if (error instanceof RunWaiting) error.snapshot = actor.getPersistedSnapshot();
        if (isStoreUnavailable(error) || error instanceof RunCancelled || error instanceof RunWaiting) throw error;
        event = { type: 'step.crashed', error };
      }
      actor.send(event);
      if (afterStep && actor.getSnapshot().status === 'active') await afterStep(actor.getPersistedSnapshot());
    }
  } finally {
    // A done actor has stopped itself; one left mid-run (aborted) is stopped here.
    if (actor.getSnapshot().status === 'active') actor.stop();
  }
}
