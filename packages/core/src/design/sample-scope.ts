import type { Scope } from '../expressions/mapping.js';
import { buildScope } from '../expressions/scope.js';

/** Sample data for the names a mapping sees; everything but the event is optional. */
export interface SampleScopeOptions {
  /** The trigger payload, `$` and `$event`: e.g. the trigger operation's `sample`. */
  readonly event: unknown;
  /** `$trigger`: the trigger operation and the delivery's id. */
  readonly trigger?: { readonly operation: string; readonly id?: string };
  /** `$steps`: outputs of earlier steps by id, e.g. their operations' `sampleOutput`. */
  readonly steps?: Readonly<Record<string, unknown>>;
  /** `$vars`: variables bound by `set` steps. */
  readonly vars?: Readonly<Record<string, unknown>>;
  /** `$config`: the host's non-secret configuration. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** `$error` inside onError steps. */
  readonly error?: unknown;
  /** Extra names, e.g. `item` and `index` inside a forEach body. */
  readonly locals?: Readonly<Record<string, unknown>>;
  /** `$run.workflowId`; default `preview`. `$run` is a dry run with the id `preview`. */
  readonly workflowId?: string;
}

/** The scope a step would see, built from sample data the way a run builds it. */
export function sampleScope(options: SampleScopeOptions): Scope {
  return buildScope(
    {
      runId: 'preview',
      workflowId: options.workflowId ?? 'preview',
      dryRun: true,
      trigger: options.trigger ?? { operation: 'preview' },
      payload: options.event,
      steps: options.steps ?? {},
      vars: options.vars ?? {},
      locals: options.locals ?? {},
      error: options.error,
    },
    options.config ?? {},
  );
}
