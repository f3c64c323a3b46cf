/**
 * Thrown by a Flowline function (`$toE164`, `$formatInZone`, ...) given an argument it cannot use
 * (an unknown country or time zone, an unreadable time): a mistake in the expression, not in the
 * data, so the step fails with an `expression.evaluation` error that says which argument and what
 * to write instead. `code` names the mistake (it becomes the error's `jsonataCode`) and `hint`
 * becomes the error's hint; both are plain data, so they also come back from a worker thread.
 */
export class FunctionArgumentError extends Error {
  override readonly name = 'FunctionArgumentError';
  readonly code: string;
  readonly hint: string;

  constructor(code: string, message: string, hint: string) {
    super(message);
    this.code = code;
    this.hint = hint;
  }
}
