import type { Scope } from './mapping.js';

/** What a step's scope is built from: a run's context (RunContext fits), or sample data at design time. */
export interface ScopeSource {
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
  readonly error: unknown;
}

/**
 * The names a mapping sees (documented in the README):
 * `$` and `$event` the trigger payload, `$trigger` {operation, id}, `$steps` earlier steps'
 * outputs, `$vars` variables, `$config` the host's non-secret configuration, `$run` {id,
 * workflowId, dryRun}, `$error` inside onError steps, `$item`/`$index` inside forEach bodies.
 */
export function buildScope(source: ScopeSource, config: Readonly<Record<string, unknown>>): Scope {
  return {
    input: source.payload,
    bindings: {
      event: source.payload,
      trigger: source.trigger,
      steps: source.steps,
      vars: source.vars,
      config,
      run: { id: source.runId, workflowId: source.workflowId, dryRun: source.dryRun },
      error: source.error ?? undefined,
      ...source.locals,
    },
  };
}
