/**
 * Thrown by a step that makes its run wait (a `delay` whose timer is not due): the run stops where
 * it is, its snapshot (still at that step) saved, listed as `waiting` until the timer scheduler
 * resumes it. Not a failure: no `onError` takes it.
 */
export class RunWaiting extends Error {
  readonly dueAt: string;
  /** The delay step it waits in. */
  readonly stepId: string;
  /** The run's persisted snapshot, still at the waiting step (set by driveRun before it stops the actor). */
  snapshot: unknown;

  constructor(runId: string, stepId: string, dueAt: string) {
    super(`Run ${runId} waits in ${stepId} until ${dueAt}`);
    this.name = 'RunWaiting';
    this.stepId = stepId;
    this.dueAt = dueAt;
  }
}
