import { ActionError, RetryAfterError, type ErrorCategory } from '@flowline/core';
import { redactText, redactValue } from './redact.js';

export interface FailedResponse {
  readonly status: number;
  /** The parsed JSON body, or the text when it was not JSON, or undefined when empty. */
  readonly body: unknown;
  /** e.g. `GET /contacts/{contactId}`: the path template, never the filled-in URL. */
  readonly request: string;
  /** OAuth scopes the operation needs, from its descriptor. */
  readonly scopes: readonly string[];
  /** How long GHL asked us to wait (Retry-After or the rate-limit interval), for a 429. */
  readonly retryAfterMs: number;
  /** Secrets in play for this call; redacted from anything GHL sent back. */
  readonly secrets: readonly string[];
}

/** GHL's error bodies (`BadRequestDTO`, `UnauthorizedDTO`, `UnprocessableDTO`): `message` is a string or a list. */
export function ghlMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() === '' ? undefined : body.slice(0, 500);
  if (body === null || typeof body !== 'object') return undefined;
  const message = (body as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.filter((m): m is string => typeof m === 'string').join('; ');
  const error = (body as { error?: unknown }).error;
  return typeof error === 'string' ? error : undefined;
}

function categoryOf(status: number): ErrorCategory {
  if (status === 401) return 'credentials';
  if (status === 403) return 'permission';
  if (status === 400 || status === 422) return 'validation';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  return 'validation';
}

function hintFor(category: ErrorCategory, scopes: readonly string[]): string | undefined {
  switch (category) {
    case 'credentials':
      return 'Reconnect the GHL connection (the token is invalid, expired or was revoked).';
    case 'permission':
      return scopes.length > 0
        ? `Grant the app the scope(s) ${scopes.join(', ')} and reconnect, or use a token of a location that has access.`
        : 'Check that the token belongs to the right location or company and that the app is installed there.';
    case 'validation':
      return 'Fix the step input; GHL says what it did not accept.';
    case 'not_found':
      return 'Check the ids in the step input: GHL has no such record in this location.';
    case 'server':
      return 'GHL failed; the call can be retried later.';
    default:
      return undefined;
  }
}

/** The `error` member of the sandbox's 501 for an operation it does not simulate (packages/sandbox). */
export const NOT_SIMULATED = 'not_simulated';

/** The operation a 501 not_simulated names, or undefined when the answer is not one. */
function notSimulatedOperation(status: number, body: unknown): string | undefined {
  if (status !== 501 || body === null || typeof body !== 'object') return undefined;
  const { error, operationId } = body as { error?: unknown; operationId?: unknown };
  if (error !== NOT_SIMULATED) return undefined;
  return typeof operationId === 'string' && operationId !== '' ? operationId : 'this operation';
}

/**
 * Turns a non-2xx answer of GHL into a typed, readable ActionError (or RetryAfterError for a 429).
 * A 501 not_simulated (the sandbox's answer for an operation it does not simulate) is `internal`:
 * no retry makes it succeed, and it is not a missing record.
 */
export function classifyResponse(failed: FailedResponse): ActionError {
  const { status, request, scopes, secrets } = failed;
  const unsimulated = notSimulatedOperation(status, failed.body);
  if (unsimulated !== undefined) {
    const operationId = redactText(unsimulated, secrets);
    return new ActionError('internal', `The GHL sandbox does not simulate ${operationId} (${request} answered 501 not_simulated)`, {
      status,
      request,
      details: { status, request, code: NOT_SIMULATED, operationId },
      hint: 'Run this step against GHL itself, or give the sandbox a route for it (packages/sandbox/src/ghl/routes).',
    });
  }
  const said = ghlMessage(failed.body);
  const ghlSays = said === undefined ? undefined : redactText(said, secrets);
  const details = {
    status,
    request,
    ...(ghlSays === undefined ? {} : { message: ghlSays }),
    ...(failed.body !== undefined && typeof failed.body === 'object' ? { body: redactValue(failed.body, secrets) } : {}),
    ...(status === 403 && scopes.length > 0 ? { requiredScopes: [...scopes] } : {}),
  };
  const suffix = ghlSays === undefined ? '' : `: ${ghlSays}`;

  if (status === 429) {
    const seconds = Math.ceil(failed.retryAfterMs / 1000);
    return new RetryAfterError(failed.retryAfterMs, `GHL rate limit hit on ${request} (429); retry in ${seconds}s${suffix}`, {
      status,
      request,
      details,
      hint: 'Lower the rate of calls for this location, or wait.',
    });
  }

  const category = categoryOf(status);
  let message: string;
  if (category === 'permission' && scopes.length > 0) {
    message = `GHL refused ${request} (403): the connection needs the scope${scopes.length > 1 ? 's' : ''} ${scopes.join(', ')}${suffix}`;
  } else if (category === 'credentials') {
    message = `GHL did not accept the credentials for ${request} (401)${suffix}`;
  } else {
    message = `GHL answered ${status} to ${request}${suffix}`;
  }
  const hint = hintFor(category, scopes);
  return new ActionError(category, message, { status, request, details, ...(hint === undefined ? {} : { hint }) });
}
