import type { ActionError, OperationDescriptor } from '@flowline/core';

export interface RetryOptions {
  /** Re-sends after a network error, a timeout or a 5xx (default 3). */
  readonly retries?: number;
  /** Backoff before the first re-send, doubled each time, with full jitter (default 250 ms). */
  readonly minDelayMs?: number;
  /** Upper bound of one backoff (default 10 000 ms). */
  readonly maxDelayMs?: number;
  /** Re-sends after a 429, each after Retry-After (or the rate interval) plus jitter (default 3). */
  readonly rateLimitRetries?: number;
}

export interface ResolvedRetryOptions {
  readonly retries: number;
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
  readonly rateLimitRetries: number;
}

/**
 * Consulted before a POST that may create something is re-sent after an ambiguous failure (a
 * network error, a timeout or a 5xx: GHL may or may not have done it). Return the result of the
 * earlier attempt when it did happen (e.g. found by an idempotency key), and the client returns
 * that instead of sending again; return `undefined` when it surely did not happen, and the
 * client re-sends. Without a `reconcile`, such a POST is not re-sent and the failure is thrown.
 */
export type Reconcile = (operation: OperationDescriptor, input: unknown, error: ActionError) => Promise<unknown>;

function checkCount(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
    throw new TypeError(`Expected \`retry.${name}\` to be a non-negative integer, got ${value}`);
  }
}

function checkDelay(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
    throw new TypeError(`Expected \`retry.${name}\` to be a non-negative number of milliseconds, got ${value}`);
  }
}

export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  checkCount('retries', options.retries);
  checkCount('rateLimitRetries', options.rateLimitRetries);
  checkDelay('minDelayMs', options.minDelayMs);
  checkDelay('maxDelayMs', options.maxDelayMs);
  return {
    retries: options.retries ?? 3,
    minDelayMs: options.minDelayMs ?? 250,
    maxDelayMs: options.maxDelayMs ?? 10_000,
    rateLimitRetries: options.rateLimitRetries ?? 3,
  };
}

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Whether re-sending the operation after an ambiguous failure cannot do anything twice: the
 * idempotent HTTP methods, and POSTs whose scopes are all `.readonly` (GHL's searches).
 */
export function isSafeToResend(operation: OperationDescriptor): boolean {
  const method = operation.http?.method.toUpperCase() ?? '';
  if (IDEMPOTENT_METHODS.has(method)) return true;
  const scopes = operation.scopes ?? [];
  return method === 'POST' && scopes.length > 0 && scopes.every((scope) => scope.endsWith('.readonly'));
}

/** Exponential backoff with full jitter for re-send number `retry` (1-based). */
export function backoffMs(retry: number, options: ResolvedRetryOptions, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.minDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling * random());
}

/** The wait after a 429: what GHL asked for plus up to 10% (at most 1 s) of jitter. */
export function rateLimitWaitMs(askedMs: number, random: () => number): number {
  return Math.round(askedMs + Math.min(1000, askedMs * 0.1) * random());
}
