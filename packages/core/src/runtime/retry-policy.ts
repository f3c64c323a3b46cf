import pRetry from 'p-retry';
import { ActionError, NEVER_RETRIED, type ErrorCategory } from '../errors/action-error.js';
import { FlowlineError } from '../errors/flowline-error.js';
import { RetryAfterError } from '../errors/retry-after-error.js';
import type { RetryPolicy } from '../generated/workflow.js';

export interface ResolvedRetryPolicy {
  readonly attempts: number;
  readonly initialDelayMs: number;
  readonly factor: number;
  readonly maxDelayMs: number;
  readonly jitter: boolean;
  readonly retryOn: ReadonlySet<ErrorCategory>;
}

export const DEFAULT_RETRY_ON: readonly ErrorCategory[] = ['network', 'timeout', 'rate_limited', 'server'];

/** Fills a step's retry policy with the defaults (3 attempts, 500 ms doubling to 30 s, jitter). */
export function resolveRetryPolicy(policy: RetryPolicy = {}): ResolvedRetryPolicy {
  return {
    attempts: policy.attempts ?? 3,
    initialDelayMs: policy.initialDelayMs ?? 500,
    factor: policy.factor ?? 2,
    maxDelayMs: policy.maxDelayMs ?? 30_000,
    jitter: policy.jitter ?? true,
    retryOn: new Set(policy.retryOn ?? DEFAULT_RETRY_ON),
  };
}

/** The category of anything thrown: connector errors say it; anything unexpected is `internal`. */
export function errorCategory(error: unknown): ErrorCategory {
  if (error instanceof ActionError) return error.category;
  if (error instanceof FlowlineError) return error.code.startsWith('expression.') ? 'expression' : 'internal';
  return 'internal';
}

/** Validation-type failures never retry, whatever the policy lists. */
export function isRetryable(error: unknown, policy: ResolvedRetryPolicy): boolean {
  const category = errorCategory(error);
  return !NEVER_RETRIED.has(category) && policy.retryOn.has(category);
}

/**
 * The wait before attempt `failedAttempt + 1`: exponential backoff (with jitter between 1x and
 * 2x), but never less than a `RetryAfterError` asked for.
 */
export function retryDelay(policy: ResolvedRetryPolicy, failedAttempt: number, error: unknown, random: () => number = Math.random): number {
  const exponential = policy.initialDelayMs * policy.factor ** (failedAttempt - 1);
  const backoff = Math.min(policy.maxDelayMs, policy.jitter ? exponential * (1 + random()) : exponential);
  return Math.round(error instanceof RetryAfterError ? Math.max(error.retryAfterMs, backoff) : backoff);
}

export interface RetryOptions {
  readonly signal: AbortSignal;
  /** Called before each wait, with the attempt about to be made. */
  readonly onRetry: (nextAttempt: number, delayMs: number, error: unknown) => void;
  readonly random?: () => number;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `task` under the policy; the delay of each retry comes from `retryDelay`. The first
 * attempt runs directly (most succeed); the retries after it run under p-retry.
 */
export async function withRetry<T>(task: (attempt: number) => Promise<T>, policy: ResolvedRetryPolicy, options: RetryOptions): Promise<T> {
  if (policy.attempts <= 1) return task(1);
  try {
    return await task(1);
  } catch (error) {
    if (!isRetryable(error, policy)) throw error;
    await waitToRetry(policy, options, 1, error);
  }
  if (policy.attempts === 2) return task(2);
  return pRetry((attempt) => task(attempt + 1), {
    retries: policy.attempts - 2,
    minTimeout: 0,
    maxTimeout: 0,
    randomize: false,
    signal: options.signal,
    shouldRetry: async ({ error, attemptNumber }) => {
      if (!isRetryable(error, policy)) return false;
      await waitToRetry(policy, options, attemptNumber + 1, error);
      return true;
    },
  });
}

async function waitToRetry(policy: ResolvedRetryPolicy, options: RetryOptions, failedAttempt: number, error: unknown): Promise<void> {
  const delay = retryDelay(policy, failedAttempt, error, options.random);
  options.onRetry(failedAttempt + 1, delay, error);
  await sleep(delay, options.signal);
}
