import type { JsonObject } from '../../shared/json.js';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? 'Error';
}

/**
 * An answer the sandbox gives instead of a success, in GoHighLevel's error shape
 * `{ statusCode, message, error }` (common-schemas.json: BadRequestDTO, UnauthorizedDTO,
 * UnprocessableDTO; 422 carries a list of messages). Route handlers throw it.
 */
export class GhlHttpError extends Error {
  override readonly name: string = 'GhlHttpError';

  constructor(
    readonly status: number,
    message: string | string[],
    readonly extra: JsonObject = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(Array.isArray(message) ? message.join('; ') : message);
    this.messages = message;
  }

  readonly messages: string | string[];

  toBody(): JsonObject {
    return { statusCode: this.status, message: this.messages, error: reasonPhrase(this.status), ...this.extra };
  }
}

export const notFound = (what: string): GhlHttpError => new GhlHttpError(404, `${what} not found`);
export const badRequest = (message: string, extra: JsonObject = {}): GhlHttpError => new GhlHttpError(400, message, extra);
export const unprocessable = (messages: string[]): GhlHttpError => new GhlHttpError(422, messages);

/** GHL's 401 for a request without a bearer token, or with one it does not accept. */
export function tokenRefused(reason: 'missing' | 'unknown' | 'expired'): GhlHttpError {
  if (reason === 'missing') return new GhlHttpError(401, 'Invalid token: the Authorization header must be "Bearer <token>"');
  return new GhlHttpError(401, reason === 'expired' ? 'Invalid JWT: the access token has expired' : 'Invalid token: access token is invalid');
}
