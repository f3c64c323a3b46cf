import type { ErrorRecord } from '../store/records.js';

/** What a step tells the run machine when it finishes. Failures are data, not exceptions. */
export type StepOutcome =
  /** Go on with the next step; `output` becomes `$steps.<id>`. */
  | { readonly type: 'next'; readonly output?: unknown; readonly vars?: Readonly<Record<string, unknown>> }
  /** Go on with the first step of the named nested list (e.g. `then`), or the next step if it is empty. */
  | { readonly type: 'branch'; readonly branch: string; readonly output?: unknown }
  /** End the run successfully now. */
  | { readonly type: 'succeed'; readonly output?: unknown }
  /** End the run as failed now, whatever onError says (a `fail` step). */
  | { readonly type: 'fail'; readonly error: ErrorRecord }
  /** The step failed; its `onError` decides what happens. */
  | { readonly type: 'error'; readonly error: ErrorRecord };
