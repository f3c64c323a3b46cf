import type { Catalog } from '../catalog/catalog.js';
import type { ConnectionConfig, Connector } from '../connectors/connector.js';
import type { KeyedLimiter } from '../limits/keyed-limiter.js';
import type { RunRecord, StepRecord } from '../store/records.js';
import type { TenantStore } from '../store/store.js';
import type { Redactor } from './error-record.js';
import type { Logger } from './logger.js';
import type { RunEventEmitter } from './run-events.js';
import type { IdleSignals } from './idle-signals.js';

/** A run that cannot have been attempted before. */
export interface FreshRun {
  /**
   * It runs an event accepted just now, whose pending inbox entry stands for it after a crash, so
   * its own record waits until it has more to show (see executeRun).
   */
  readonly fromInbox: boolean;
}

/** What a `call` step asks for: a workflow (a version, or the published one) run with an input, on behalf of a run's step. */
export interface WorkflowCall {
  readonly workflowId: string;
  readonly version?: number;
  readonly input: unknown;
  readonly parentRunId: string;
  readonly path: string;
  readonly dryRun: boolean;
}

/** The engine-wide services every run uses. */
export interface RunServices {
  /** The tenant whose runs these services serve. */
  readonly tenant: string;
  readonly store: TenantStore;
  readonly events: RunEventEmitter;
  readonly logger: Logger;
  readonly limiter: KeyedLimiter;
  readonly catalog: Catalog;
  readonly connectors: ReadonlyMap<string, Connector>;
  readonly connections: Readonly<Record<string, ConnectionConfig>>;
  /** Non-secret host configuration, `$config` in mappings. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly redact: Redactor;
  readonly now: () => number;
  /**
   * Runs that cannot have been attempted before (a new id, or an event accepted just now): nothing
   * of theirs can be in the store yet, so their steps skip looking for earlier effects.
   */
  readonly freshRuns: Map<string, FreshRun>;
  /** Runs whose record is not written yet (see executeRun), with what writes it. */
  readonly unrecordedRuns: Map<string, () => void>;
  /** Runs an operator cancelled while they ran: each stops before its next step. */
  readonly cancelled: Set<string>;
  /** Signals for runs nothing cancels, reused between runs. */
  readonly idleSignals: IdleSignals;
  /** Tells the engine's timer scheduler a run now waits for a timer due at `dueAt` (ms since the epoch). */
  readonly timerSet: (dueAt: number) => void;
  /** Runs a sub-workflow of the tenant to its end (a `call` step); absent where no engine runs (design time). */
  readonly callWorkflow?: (call: WorkflowCall) => Promise<RunRecord>;
  /** Stores a step's record (and keeps it for the run's result, saving a read-back). */
  recordStep(record: StepRecord): Promise<void>;
}
