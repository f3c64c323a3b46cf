import { FlowlineError, type FlowlineErrorOptions } from './flowline-error.js';

export interface ExpressionErrorOptions extends FlowlineErrorOptions {
  /** Character offset in the expression where JSONata stopped, when it says. */
  readonly position?: number;
  /** JSONata's own error code, e.g. S0202 or D1012. */
  readonly jsonataCode?: string;
}

export type ExpressionErrorCode = 'expression.syntax' | 'expression.evaluation' | 'expression.limit' | 'expression.result-too-large';

/**
 * A JSONata expression failed to compile or to evaluate (including running past its time,
 * depth or size bounds). Codes: `expression.syntax`, `expression.evaluation`, `expression.limit`
 * (time, depth, sequence size, a worker thread's memory), `expression.result-too-large` (a value
 * it built, or was about to build, past `maxResultBytes`).
 */
export class ExpressionError extends FlowlineError {
  override readonly name: string = 'ExpressionError';
  readonly position: number | undefined;
  readonly jsonataCode: string | undefined;

  constructor(code: ExpressionErrorCode, message: string, options: ExpressionErrorOptions = {}) {
    super(code, message, options);
    this.position = options.position;
    this.jsonataCode = options.jsonataCode;
  }
}
