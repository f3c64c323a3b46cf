/** An error as stored and shown: never an Error instance, never a secret. */
export interface ErrorRecord {
  readonly name: string;
  readonly code: string;
  readonly message: string;
  readonly category?: string;
  readonly pointer?: string;
  readonly hint?: string;
  readonly status?: number;
  readonly details?: unknown;
}

/** A trigger event as the engine receives it. */
export interface TriggerEvent {
  /** The trigger operation id, e.g. `pushpress.customer.created`. */
  readonly trigger: string;
  /** The event body as delivered (for PushPress: `{ event, created, data }`). */
  readonly payload: unknown;
  /** The delivery identity, used to drop duplicates (PushPress: `event:data.id:created`). */
  readonly id?: string;
  /** Groups events that must run in order, one at a time (e.g. one PushPress customer). */
  readonly orderingKey?: string;
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface RunRecord {
  readonly id: string;
  readonly workflowId: string;
  readonly workflowVersion: string | number | undefined;
  readonly status: RunStatus;
  readonly dryRun: boolean;
  readonly event: TriggerEvent;
  readonly queuedAt: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly output?: unknown;
  readonly error?: ErrorRecord;
  /** The step that failed the run, when one did. */
  readonly failedStep?: string;
}

export type StepStatus = 'succeeded' | 'failed' | 'skipped';

/** The outcome of one step of one run (one item of a forEach counts as its own path). */
export interface StepRecord {
  readonly runId: string;
  /** The step id, with `[index]` segments inside forEach bodies, e.g. `members[2].tag`. */
  readonly path: string;
  readonly stepId: string;
  readonly kind: string;
  readonly status: StepStatus;
  readonly attempts: number;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly input?: unknown;
  readonly output?: unknown;
  readonly error?: ErrorRecord;
  /** Why a step was skipped (`idempotent`, `branch-not-taken`). */
  readonly reason?: string;
  /** In a dry run: the request the action would have sent. */
  readonly request?: unknown;
}

/** A completed effect, keyed by a step's idempotency key, so it is never done twice. */
export interface IdempotencyRecord {
  readonly key: string;
  readonly runId: string;
  readonly path: string;
  readonly output: unknown;
  readonly recordedAt: string;
}

export type InboxStatus = 'pending' | 'done' | 'dead';

/** A trigger event the engine accepted and owes a run (or a deliberate decision not to run). */
export interface InboxEntry {
  readonly id: string;
  readonly event: TriggerEvent;
  readonly receivedAt: string;
  readonly status: InboxStatus;
  readonly runIds: readonly string[];
  readonly error?: ErrorRecord;
}
