import { FlowlineError, type FlowlineErrorOptions } from '@flowline/core';

/** A Flowline error with the HTTP status the API answers it with. */
export class ApiError extends FlowlineError {
  override readonly name: string = 'ApiError';
  readonly status: number;

  constructor(status: number, code: string, message: string, options: FlowlineErrorOptions = {}) {
    super(code, message, options);
    this.status = status;
  }
}

/** The body of every error answer: what went wrong, where (a JSON pointer), and what to do. */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly pointer?: string;
    readonly hint?: string;
    /** Every problem, for a definition that does not validate. */
    readonly problems?: readonly unknown[];
  };
}

/** Codes of the engine's errors the API answers with a status other than 400. */
const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  'tenants.not-found': 404,
  'tenants.exists': 409,
  'workflows.version-taken': 409,
  'runs.not-failed': 409,
  'runs.not-finished': 409,
  'runs.finished': 409,
  'runs.not-manual': 409,
  'tenants.default': 400,
  // A pointer in the request's definition, not a resource.
  'scope.pointer-not-found': 400,
  'runs.not-found': 404,
  'dead-letters.not-found': 404,
  'workflows.not-found': 404,
  'versions.not-found': 404,
  'definition.invalid': 422,
};

/** GHL's failures behind a request (its credentials, permissions, limits, outages): the host's gateway failed, not the request. */
const GATEWAY_ERRORS = new Set(['action.credentials', 'action.permission', 'action.rate_limited', 'action.server', 'action.network', 'action.timeout', 'action.not_found', 'action.conflict']);

/** The status of an engine error: its code's, a `*.not-found` is 404, GHL's failure 502, anything else the caller got wrong is 400. */
export function statusOf(error: FlowlineError): number {
  if (error instanceof ApiError) return error.status;
  if (GATEWAY_ERRORS.has(error.code)) return 502;
  return STATUS_OF_CODE[error.code] ?? (error.code.endsWith('not-found') || error.code === 'options.unknown-source' || error.code === 'options.unknown-connection' ? 404 : 400);
}

export function errorBody(error: FlowlineError): ErrorBody {
  const problems = (error as { problems?: unknown }).problems;
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.pointer === undefined ? {} : { pointer: error.pointer }),
      ...(error.hint === undefined ? {} : { hint: error.hint }),
      ...(Array.isArray(problems) ? { problems } : {}),
    },
  };
}

export const notFound = (what: string, hint: string): ApiError => new ApiError(404, 'api.not-found', `${what} was not found`, { hint });
