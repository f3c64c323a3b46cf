import type { ScopeSource } from '../expressions/scope.js';
import type { ErrorRecord, RunTest } from '../store/records.js';

/** How a run ended (the machine's output). */
export interface RunResult {
  readonly status: 'succeeded' | 'failed' | 'cancelled';
  readonly output?: unknown;
  readonly error?: ErrorRecord;
  readonly failedStep?: string;
}

/**
 * The XState context of a run: plain JSON data, so the persisted snapshot can be stored and
 * a run resumed in another process.
 */
export interface RunContext extends ScopeSource {
  readonly error: ErrorRecord | null;
  /** Prefix of step paths in records, e.g. `members[2].` inside a forEach body. */
  readonly pathPrefix: string;
  readonly result: RunResult | null;
  /** The earlier attempt this run retries: the effects of its attempts are not done again. */
  readonly retryOf?: string;
  /** A test run's mocked outputs and chosen branches (dry runs only). */
  readonly test?: RunTest;
}
