import { FlowlineError, type FlowlineErrorOptions } from './flowline-error.js';

/**
 * What kind of failure an action met. The retry policy of a step names the categories it
 * retries; `validation`, `credentials`, `permission` and `not_found` never succeed by waiting.
 */
export type ErrorCategory =
  | 'validation'
  | 'credentials'
  | 'permission'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'expression'
  | 'internal';

export const ERROR_CATEGORIES: readonly ErrorCategory[] = [
  'validation',
  'credentials',
  'permission',
  'not_found',
  'conflict',
  'rate_limited',
  'server',
  'network',
  'timeout',
  'expression',
  'internal',
];

/** Categories that can never succeed on a retry, whatever a step's policy says. */
export const NEVER_RETRIED: ReadonlySet<ErrorCategory> = new Set([
  'validation',
  'credentials',
  'permission',
  'not_found',
  'expression',
]);

export interface ActionErrorOptions extends FlowlineErrorOptions {
  /** HTTP status of the answer, when there was one. */
  readonly status?: number;
  /** The request path (never with credentials), e.g. `POST /contacts/upsert`. */
  readonly request?: string;
  /** Structured detail that is safe to show (the API's own message, violated fields). */
  readonly details?: unknown;
}

/** An action (a call to an outside system) failed. Connectors classify their failures with it. */
export class ActionError extends FlowlineError {
  override readonly name: string = 'ActionError';
  readonly category: ErrorCategory;
  readonly status: number | undefined;
  readonly request: string | undefined;
  readonly details: unknown;

  constructor(category: ErrorCategory, message: string, options: ActionErrorOptions = {}) {
    super(`action.${category}`, message, options);
    this.category = category;
    this.status = options.status;
    this.request = options.request;
    this.details = options.details;
  }
}
