/** Bounds on every JSONata evaluation, so a runaway expression fails instead of hanging. */
export interface ExpressionLimits {
  /** Wall-clock time one evaluation may take. */
  readonly timeoutMs: number;
  /** Depth of nested evaluation (recursion). */
  readonly maxDepth: number;
  /** Items in any one sequence an evaluation builds. */
  readonly maxSequence: number;
}

export const DEFAULT_EXPRESSION_LIMITS: ExpressionLimits = {
  timeoutMs: 1000,
  maxDepth: 300,
  maxSequence: 100_000,
};

export function checkExpressionLimits(limits: ExpressionLimits): void {
  for (const key of ['timeoutMs', 'maxDepth', 'maxSequence'] as const) {
    const value = limits[key];
    if (!Number.isInteger(value) || value < 1) {
      throw new TypeError(`Expected \`expressionLimits.${key}\` to be a positive integer, got ${value}`);
    }
  }
}
