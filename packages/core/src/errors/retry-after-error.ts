import { ActionError, type ActionErrorOptions } from './action-error.js';

/**
 * The other side asked us to wait (HTTP 429 with `Retry-After`, or a known rate-limit window).
 * Retry policies wait at least `retryAfterMs` before the next attempt.
 */
export class RetryAfterError extends ActionError {
  override readonly name: string = 'RetryAfterError';
  readonly retryAfterMs: number;

  constructor(retryAfterMs: number, message: string, options: ActionErrorOptions = {}) {
    super('rate_limited', message, options);
    this.retryAfterMs = retryAfterMs;
  }
}
