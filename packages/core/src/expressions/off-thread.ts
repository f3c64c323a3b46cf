import type { EvaluationFailure } from './evaluation-failure.js';
import type { ExpressionLimits } from './expression-limits.js';

/** One evaluation for another thread: the expression's source and what it sees. */
export interface OffThreadRequest {
  readonly source: string;
  readonly input: unknown;
  readonly bindings: Readonly<Record<string, unknown>>;
}

/** Its value (already checked against `maxResultBytes`), or why it has none. */
export type OffThreadOutcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly failure: EvaluationFailure };

/**
 * Evaluates expressions on other threads, under `timeoutMs` (the thread is ended at the
 * deadline) and a heap limit, with JSONata's built-ins and Flowline's (`$toE164`) but no host
 * functions. The runtime makes one (`expressions/worker/expression-workers.ts`); design-time
 * code never imports it, so it stays free of Node built-ins.
 */
export interface OffThreadEvaluator {
  /** Rejects only when the request cannot be sent (a value that cannot be cloned to a thread). */
  evaluate(request: OffThreadRequest): Promise<OffThreadOutcome>;
}

/** Makes the evaluator, on first need, for the compiler's limits. */
export type OffThreadEvaluatorFactory = (limits: ExpressionLimits) => OffThreadEvaluator;
