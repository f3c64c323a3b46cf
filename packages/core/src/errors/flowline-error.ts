/** Options every Flowline error accepts. */
export interface FlowlineErrorOptions {
  /** A JSON pointer into the workflow definition or the payload that the error is about. */
  readonly pointer?: string;
  /** What the reader can do about it. */
  readonly hint?: string;
  readonly cause?: unknown;
}

/**
 * The base of every error Flowline throws on purpose. `code` is stable and machine-readable;
 * the message says what went wrong, `pointer` where, and `hint` what to do.
 */
export class FlowlineError extends Error {
  override readonly name: string = 'FlowlineError';
  readonly code: string;
  readonly pointer: string | undefined;
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: FlowlineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.pointer = options.pointer;
    this.hint = options.hint;
  }
}
