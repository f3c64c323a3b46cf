import type { ExpressionLimits } from '../expression-limits.js';
import type { OffThreadOutcome, OffThreadRequest } from '../off-thread.js';

/** What an expression worker is started with. */
export interface ExpressionWorkerData {
  readonly limits: ExpressionLimits;
}

/** Host → worker: one evaluation (a worker is given one at a time). */
export interface EvaluateMessage extends OffThreadRequest {
  readonly id: number;
}

/** Worker → host: ready for work (its modules are loaded), or an evaluation's outcome. */
export type WorkerMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'outcome'; readonly id: number; readonly outcome: OffThreadOutcome };
