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

/** `cancelled`: an operator stopped it; it does nothing more. `waiting`: it sleeps in a `delay` step until its timer is due (nothing of it is in memory). */
export type RunStatus = 'queued' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'cancelled';

/** A durable timer: the run sleeps in the delay step at `path` until `dueAt`, then goes on from its saved snapshot. */
export interface TimerRecord {
  readonly runId: string;
  /** The delay step's path in the run, e.g. `wait` or `check.wait`. */
  readonly path: string;
  /** ISO time (as `Date.toISOString` writes it) it is due. */
  readonly dueAt: string;
  /** ISO time the run went on past it; absent while it waits. */
  readonly firedAt?: string;
}

/** A timer that waits, with its tenant (what the engine's timer scheduler lists across tenants). */
export interface PendingTimer extends TimerRecord {
  readonly tenant: string;
}

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
  /** While it is `waiting`: the ISO time its delay is due. */
  readonly waitingUntil?: string;
  /** A new attempt of that run (a retry): effects its earlier attempts did are not done again. */
  readonly retryOf?: string;
  /** A new run of that run's event (a replay). */
  readonly replayOf?: string;
  /** A test run (dry runs only): the outputs mocked and the branches chosen. */
  readonly test?: RunTest;
  /** A sub-workflow's run: the run and the `call` step that started it. */
  readonly parent?: RunParent;
}

/** The run (and its `call` step) a sub-workflow's run was started by; `depth` 1 for a call from a top-level run. */
export interface RunParent {
  readonly runId: string;
  readonly path: string;
  readonly depth: number;
}

/** What a test run sets instead of what would happen, by step id or path (e.g. `members[2].notify`). */
export interface RunTest {
  /** Outputs that stand in for action steps' sample outputs. */
  readonly mocks?: Readonly<Record<string, unknown>>;
  /** Branches taken by `if` and `switch` steps whatever their conditions. */
  readonly branches?: Readonly<Record<string, ChosenBranch>>;
}

/** A branch a test run chooses: `then` or `else` of an `if`; a case index (from 0) or `default` of a `switch`. */
export type ChosenBranch = 'then' | 'else' | 'default' | number;

/** How a test run changed a step: its output was mocked, or its branch chosen. */
export interface StepTestMark {
  readonly mocked?: true;
  readonly branch?: ChosenBranch;
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
  /** In a test run: the step's output was mocked, or its branch chosen. */
  readonly test?: StepTestMark;
}

/**
 * An effect of an action step that has its own idempotency key, so it is never done twice, even
 * by another run with the same key. `pending` is written before the request is sent and `done`
 * after its answer: a `pending` record found later means the effect may have happened without
 * its answer being recorded, so the connector reconciles before sending again. (A step without
 * a key is recorded by its step record alone; earlier versions also wrote these records for it,
 * under `run/<run id>/<path>`, and those are still honoured.)
 */
export interface IdempotencyRecord {
  readonly key: string;
  readonly runId: string;
  readonly path: string;
  /** Absent means `done` (records written before effects had states). */
  readonly state?: 'pending' | 'done';
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

/** What to put on the dead-letter list: exactly one of `runId` (a run that gave up) or `inboxId` (a delivery never run). */
export type DeadLetterInput = (
  | { readonly runId: string; readonly inboxId?: undefined }
  | { readonly inboxId: string; readonly runId?: undefined }
) & {
  /** Why it is here, short and machine-readable, e.g. `run-failed`, `unprocessable`. */
  readonly reason: string;
  readonly error?: ErrorRecord;
  /** ISO time it was dead-lettered. */
  readonly at: string;
};

/** A dead letter: `id` is `run:<runId>` or `inbox:<inboxId>`, so one subject has at most one. */
export type DeadLetter = DeadLetterInput & { readonly id: string };
