import type { Scope } from '../expressions/mapping.js';
import type { RunContext } from './run-context.js';

/**
 * The names a mapping sees (documented in the README):
 * `$` and `$event` the trigger payload, `$trigger` {operation, id}, `$steps` earlier steps'
 * outputs, `$vars` variables, `$config` the host's non-secret configuration, `$run` {id,
 * workflowId, dryRun}, `$error` inside onError steps, `$item`/`$index` inside forEach bodies.
 */
export function buildScope(context: RunContext, config: Readonly<Record<string, unknown>>): Scope {
  return {
    input: context.payload,
    bindings: {
      event: context.payload,
      trigger: context.trigger,
      steps: context.steps,
      vars: context.vars,
      config,
      run: { id: context.runId, workflowId: context.workflowId, dryRun: context.dryRun },
      error: context.error ?? undefined,
      ...context.locals,
    },
  };
}
