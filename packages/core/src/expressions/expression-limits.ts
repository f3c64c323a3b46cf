/** Bounds on every JSONata evaluation, so a runaway expression fails instead of hanging. */
export interface ExpressionLimits {
  /**
   * Time one evaluation may take, counting only its own work (evaluations running at the same
   * time are not charged for each other). On a worker thread the thread is ended at this deadline
   * (plus a short grace), so a single slow built-in call is stopped too.
   */
  readonly timeoutMs: number;
  /** Depth of nested evaluation (recursion). */
  readonly maxDepth: number;
  /** Items in any one sequence an evaluation builds. */
  readonly maxSequence: number;
  /**
   * Size of an expression's value as JSON, in UTF-8 bytes; also the most a string-building
   * built-in (`$pad`, `$join`, `$string`, `$formatNumber`, `&`, ...) may build, checked before
   * it builds it. Applies to what JSONata computes, not to values a plain path passes on.
   */
  readonly maxResultBytes: number;
  /**
   * When the engine has expression workers: the engine's thread time an evaluation may use
   * before it is moved to a worker thread, where `timeoutMs` then applies. Keeps a slow
   * expression from holding the event loop (and every acknowledgement) for its whole limit.
   */
  readonly mainThreadMs: number;
  /** The heap (old generation) of an expression worker thread, in MB; using more stops it with a limit error. */
  readonly workerMemoryMb: number;
}

export const DEFAULT_EXPRESSION_LIMITS: ExpressionLimits = {
  timeoutMs: 1000,
  maxDepth: 300,
  maxSequence: 100_000,
  maxResultBytes: 4 * 1024 * 1024,
  mainThreadMs: 5,
  workerMemoryMb: 128,
};

const KEYS = ['timeoutMs', 'maxDepth', 'maxSequence', 'maxResultBytes', 'mainThreadMs', 'workerMemoryMb'] as const;

export function checkExpressionLimits(limits: ExpressionLimits): void {
  for (const key of KEYS) {
    const value = limits[key];
    if (!Number.isInteger(value) || value < 1) {
      throw new TypeError(`Expected \`expressionLimits.${key}\` to be a positive integer, got ${value}`);
    }
  }
}
