/** One thing wrong with a workflow definition. */
export interface ValidationProblem {
  /** JSON pointer into the definition, e.g. `/steps/2/operation`. */
  readonly pointer: string;
  /** Stable machine-readable code, e.g. `operation.unknown`. */
  readonly code: string;
  readonly message: string;
  /** What to do, when we can tell (e.g. the closest valid operation ids). */
  readonly suggestion?: string;
}

export interface ValidationResult {
  readonly valid: boolean;
  readonly problems: readonly ValidationProblem[];
}
