import { ActionError, RetryAfterError, type ErrorCategory } from '@flowline/core';
import { redactText, redactValue } from '../ghl/errors/redact.js';
import { parseRetryAfter } from '../ghl/rate/rate-headers.js';
import type { HttpResponseOutput } from './http-request-operation.js';

/** An answer's headers as one string each (repeated headers joined with ", "), names in lower case. */
export function flatHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}

/** The step's output: JSON parsed when the answer says it is JSON (text when it does not parse), else text; null when empty. Secrets are redacted. */
export function responseOutput(status: number, headers: Record<string, string>, raw: Buffer, secrets: readonly string[]): HttpResponseOutput {
  const text = raw.toString('utf8');
  let body: unknown = text === '' ? null : text;
  if (text !== '' && isJson(headers['content-type'])) {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = text;
    }
  }
  return { status, headers: redactValue(headers, secrets) as Record<string, string>, body: redactValue(body, secrets) };
}

function categoryOf(status: number): ErrorCategory {
  if (status === 401) return 'credentials';
  if (status === 403) return 'permission';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  return 'validation';
}

/** An error status as a typed error the retry policy reads: 5xx, 408 and network are retried, a 429 after its Retry-After. */
export function statusError(output: HttpResponseOutput, request: string, now: number): ActionError {
  const snippet = typeof output.body === 'string' ? output.body.slice(0, 500) : output.body;
  const options = { status: output.status, request, details: { status: output.status, body: snippet } };
  if (output.status === 429) {
    const waitMs = parseRetryAfter(output.headers['retry-after'] ?? null, now) ?? 0;
    return new RetryAfterError(waitMs, `${request} answered 429 Too Many Requests`, { ...options, hint: 'The service asked to wait; the step retries after its Retry-After.' });
  }
  const category = categoryOf(output.status);
  return new ActionError(category, `${request} answered ${output.status}`, {
    ...options,
    hint: category === 'server' ? 'The service failed; the step retries by its retry policy.' : 'Check the request (URL, body, the connection\'s credentials), or set failOnHttpError to false to take the answer as output.',
  });
}

export { redactText };
