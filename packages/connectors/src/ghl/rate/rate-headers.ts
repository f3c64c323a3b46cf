import type { AnswerHeaders } from '../auth/oauth-token-endpoint.js';

/** What GHL's `X-RateLimit-*` answer headers say (see reference/ghl/docs/Authorization.md). */
export interface RateLimitHeaders {
  readonly max?: number;
  readonly remaining?: number;
  readonly intervalMs?: number;
  readonly dailyLimit?: number;
  readonly dailyRemaining?: number;
}

function numberHeader(headers: AnswerHeaders, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function readRateLimitHeaders(headers: AnswerHeaders): RateLimitHeaders {
  const entries = {
    max: numberHeader(headers, 'x-ratelimit-max'),
    remaining: numberHeader(headers, 'x-ratelimit-remaining'),
    intervalMs: numberHeader(headers, 'x-ratelimit-interval-milliseconds'),
    dailyLimit: numberHeader(headers, 'x-ratelimit-limit-daily'),
    dailyRemaining: numberHeader(headers, 'x-ratelimit-daily-remaining'),
  };
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as RateLimitHeaders;
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date. */
export function parseRetryAfter(raw: string | null, now: number): number | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const trimmed = raw.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
