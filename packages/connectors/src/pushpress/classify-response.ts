import { ActionError, RetryAfterError, type ErrorCategory } from '@flowline/core';

/** Used when a 429 carries no usable `Retry-After`. */
export const DEFAULT_RETRY_AFTER_MS = 1000;

const MAX_DETAIL_CHARS = 500;

/** `Retry-After` as milliseconds (delta-seconds or an HTTP date), or undefined if absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** The API's own message, if its error body has one (truncated; never the request's headers). */
function apiMessage(bodyText: string): string | undefined {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (typeof body === 'object' && body !== null) {
      const record = body as Record<string, unknown>;
      for (const key of ['message', 'error', 'detail']) {
        const value = record[key];
        if (typeof value === 'string' && value.length > 0) return value.slice(0, MAX_DETAIL_CHARS);
      }
    }
  } catch {
    // not JSON: fall through
  }
  return undefined;
}

function categoryOf(status: number): ErrorCategory {
  if (status === 401) return 'credentials';
  if (status === 403) return 'permission';
  if (status === 404) return 'not_found';
  if (status === 408) return 'timeout';
  if (status === 409) return 'conflict';
  if (status >= 500) return 'server';
  if (status >= 400) return 'validation';
  return 'server';
}

const HINTS: Partial<Record<ErrorCategory, string>> = {
  credentials: 'Check the connection\'s apiKey and companyId.',
  permission: 'The API key lacks access to this resource.',
  not_found: 'Check the id; the object may have been deleted in PushPress.',
  timeout: 'PushPress timed out; the step may be retried.',
  server: 'PushPress failed; the step may be retried.',
};

export interface FailedResponse {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly bodyText: string;
}

/** Classifies a non-2xx PushPress answer: 401 credentials, 404 not_found, 408 timeout, 429 RetryAfterError, 5xx server. */
export function classifyResponse(response: FailedResponse, request: string, nowMs: number): ActionError {
  const message = apiMessage(response.bodyText);
  const details = message === undefined ? undefined : { message };
  if (response.status === 429) {
    const waitMs = retryAfterMs(response.retryAfter, nowMs) ?? DEFAULT_RETRY_AFTER_MS;
    return new RetryAfterError(waitMs, `PushPress rate-limited ${request}; retry after ${waitMs} ms.`, {
      status: 429,
      request,
      details,
    });
  }
  const category = categoryOf(response.status);
  return new ActionError(category, `PushPress answered ${response.status} to ${request}${message === undefined ? '' : `: ${message}`}`, {
    status: response.status,
    request,
    details,
    hint: HINTS[category],
  });
}
