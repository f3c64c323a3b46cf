import type { ErrorRecord } from '../store/records.js';

/** How a run ended (the machine's output). */
export interface RunResult {
  readonly status: 'succeeded' | 'failed';
  readonly output?: unknown;
  readonly error?: ErrorRecord;
  readonly failedStep?: string;
}

/**
 * The XState context of a run: plain JSON data, so the persisted snapshot can be stored and
 * a run resumed in another process.
 */
export interface RunContext {
  readonly runId: string;
  readonly workflowId: string;
  readonly dryRun: boolean;
  readonly trigger: { readonly operation: string; readonly id?: string };
  readonly payload: unknown;
  /** Outputs of the steps that have run, by step id. */
  readonly steps: Readonly<Record<string, unknown>>;
  /** Variables bound by `set` steps. */
  readonly vars: Readonly<Record<string, unknown>>;
  /** Extra `$name` bindings, e.g. `$item` and `$index` inside a forEach body. */
  readonly locals: Readonly<Record<string, unknown>>;
  /** The error a fallback (onError) step list is handling, as `$error`. */
  readonly error: ErrorRecord | null;
  /** Prefix of step paths in records, e.g. `members[2].` inside a forEach body. */
  readonly pathPrefix: string;
  readonly result: RunResult | null;
}
