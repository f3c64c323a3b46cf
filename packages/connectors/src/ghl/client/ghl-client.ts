import { ActionError, deadlineSignal, silentLogger, type Logger, type OperationDescriptor } from '@flowline/core';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AccessToken, AccessTokenSource } from '../auth/access-token-source.js';
import type { FetchAnswer, FetchLike } from '../auth/oauth-token-endpoint.js';
import { GHL_PRODUCTION_BASE_URL } from '../auth/oauth-flow.js';
import { classifyResponse } from '../errors/classify-response.js';
import { RateBudget, type RateBudgetOptions } from '../rate/rate-budget.js';
import { parseRetryAfter, readRateLimitHeaders } from '../rate/rate-headers.js';
import {
  backoffMs,
  isSafeToResend,
  rateLimitWaitMs,
  resolveRetryOptions,
  type Reconcile,
  type ResolvedRetryOptions,
  type RetryOptions,
} from '../retry/retry-policy.js';
import { createHttpFetch } from './http-fetch.js';
import { InputValidator } from './input-validator.js';
import { buildRequest, type BuiltRequest, type OperationInput } from './request-builder.js';
import { requestEncodingOf } from './request-encoding.js';

export interface GhlClientOptions {
  /** Default production, `https://services.leadconnectorhq.com`; a sandbox or mock otherwise. */
  readonly baseUrl?: string;
  /** Default: keep-alive node:http (see `createHttpFetch`). */
  readonly fetch?: FetchLike;
  /** Per attempt (default 30 000 ms). */
  readonly timeoutMs?: number;
  readonly rateLimit?: RateBudgetOptions;
  readonly retry?: RetryOptions;
  /** See `Reconcile`: consulted before a creating POST is re-sent. */
  readonly reconcile?: Reconcile;
  readonly logger?: Logger;
  /** For jitter (default Math.random). */
  readonly random?: () => number;
}

/** One call: whose credentials, whose budget, when to give up. */
export interface GhlCall {
  readonly auth: AccessTokenSource;
  /** The budget to spend (e.g. `location:abc`); default the location/company of the input or token. */
  readonly budgetKey?: string;
  /** The budget when neither `budgetKey` nor the input or token names a location or company (e.g. `connection:main`). */
  readonly fallbackBudgetKey?: string;
  readonly signal?: AbortSignal;
  readonly logger?: Logger;
  /** How to look for this call's earlier effect before re-sending a creating request; default the client's `reconcile`. */
  readonly reconcile?: Reconcile;
  /**
   * Who retries this call. `'client'` (the default): the client re-sends after a 429, a network
   * error, a timeout or a 5xx as its `retry` options say. `'caller'`: the caller has a retry policy
   * of its own (a workflow step), so the request is sent once and every failure is thrown as it is
   * (a 429 as a RetryAfterError carrying the wait); the one re-send left is after a 401 that
   * renewed an OAuth token, which GHL did not act on.
   */
  readonly retriedBy?: 'client' | 'caller';
}

/** No re-sends after a 429 or an ambiguous failure: the caller's retry policy owns them. */
const CALLER_RETRIES = { retries: 0, rateLimitRetries: 0 } as const;

const ID_FIELDS = ['locationId', 'companyId'] as const;

/** The location (or company) a request is about, from its input: path, then query, then body. */
function budgetKeyOf(input: OperationInput, token: AccessToken): string | undefined {
  for (const field of ID_FIELDS) {
    for (const part of [input.path, input.query, input.body]) {
      const value = part !== null && typeof part === 'object' ? (part as Record<string, unknown>)[field] : undefined;
      if (typeof value === 'string' && value !== '') return `${field === 'locationId' ? 'location' : 'company'}:${value}`;
    }
  }
  if (token.locationId !== undefined) return `location:${token.locationId}`;
  if (token.companyId !== undefined) return `company:${token.companyId}`;
  return undefined;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

function checkOptions(options: GhlClientOptions): void {
  if (options.baseUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(options.baseUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      throw new TypeError(`Expected \`baseUrl\` to be an http(s) URL such as ${GHL_PRODUCTION_BASE_URL}, got ${JSON.stringify(options.baseUrl)}`);
    }
  }
  if (options.timeoutMs !== undefined && (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0)) {
    throw new TypeError(`Expected \`timeoutMs\` to be a positive number of milliseconds, got ${options.timeoutMs}`);
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') throw new TypeError('Expected `fetch` to be a function');
  if (options.reconcile !== undefined && typeof options.reconcile !== 'function') throw new TypeError('Expected `reconcile` to be a function');
}

async function readBody(response: FetchAnswer): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Executes GHL operations described by OperationDescriptors over HTTP: validates the input,
 * spends the location's rate budget, authenticates, retries what is safe to retry (unless the
 * call's `retriedBy` is `'caller'`) and classifies failures as ActionError.
 */
export class GhlClient {
  readonly baseUrl: string;
  readonly budget: RateBudget;
  readonly #fetch: FetchLike;
  readonly #timeoutMs: number;
  readonly #retry: ResolvedRetryOptions;
  readonly #reconcile: Reconcile | undefined;
  readonly #logger: Logger;
  readonly #random: () => number;
  readonly #validator = new InputValidator();

  constructor(options: GhlClientOptions = {}) {
    checkOptions(options);
    this.baseUrl = options.baseUrl ?? GHL_PRODUCTION_BASE_URL;
    this.#fetch = options.fetch ?? createHttpFetch();
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#retry = resolveRetryOptions(options.retry);
    this.#reconcile = options.reconcile;
    this.#logger = options.logger ?? silentLogger;
    this.#random = options.random ?? Math.random;
    this.budget = new RateBudget(options.rateLimit);
  }

  /** Throws ActionError('validation') with JSON pointers when `input` does not fit the operation. */
  validate(operation: OperationDescriptor, input: unknown): void {
    this.#validator.check(operation, input);
  }

  async execute(operation: OperationDescriptor, input: unknown, call: GhlCall): Promise<unknown> {
    const http = operation.http;
    if (!http) throw new ActionError('internal', `Operation ${operation.id} has no HTTP request to send`);
    const requestLabel = `${http.method.toUpperCase()} ${http.path}`;
    this.#validator.check(operation, input);
    const typedInput = input as OperationInput;
    const built = buildRequest({
      baseUrl: this.baseUrl,
      method: http.method,
      pathTemplate: http.path,
      version: http.version,
      input: typedInput,
      encoding: requestEncodingOf(http.method, http.path),
    });
    const logger = call.logger ?? this.#logger;
    const signal = call.signal;
    const aborted = (): ActionError =>
      new ActionError('timeout', `The GHL call ${requestLabel} was cancelled before it finished`, { request: requestLabel, cause: signal?.reason });
    const guard = async <T>(promise: Promise<T>): Promise<T> => {
      try {
        return await promise;
      } catch (error) {
        if (signal?.aborted) throw aborted();
        throw error;
      }
    };

    const limits = call.retriedBy === 'caller' ? CALLER_RETRIES : this.#retry;
    let token = await guard(call.auth.current(signal));
    const budgetKey = call.budgetKey ?? budgetKeyOf(typedInput, token) ?? call.fallbackBudgetKey ?? 'unkeyed';
    let renewed = false;
    let resends = 0;
    let rateLimited = 0;
    for (let attempt = 1; ; attempt += 1) {
      const permit = await guard(this.budget.acquire(budgetKey, signal));
      const started = Date.now();
      let response: FetchAnswer;
      try {
        response = await this.#send(built, token.token, signal);
      } catch (error) {
        permit.settle();
        if (signal?.aborted) throw aborted();
        const failure = isAbort(error)
          ? new ActionError('timeout', `GHL did not answer ${requestLabel} within ${this.#timeoutMs} ms`, { request: requestLabel })
          : new ActionError('network', `Could not reach GHL for ${requestLabel}: ${this.#describeNetworkError(error)}`, {
              request: requestLabel,
              hint: 'Check the network and the base URL; the call can be retried.',
              cause: error,
            });
        logger.warn('ghl request failed', { request: requestLabel, attempt, budgetKey, category: failure.category });
        const next = await this.#afterAmbiguousFailure(operation, input, failure, ++resends, limits.retries, call);
        if (next.done) return next.value;
        continue;
      }
      const rate = readRateLimitHeaders(response.headers);
      logger.debug('ghl request', { request: requestLabel, status: response.status, attempt, budgetKey, ms: Date.now() - started });

      if (response.ok) {
        permit.settle(rate);
        const body = await guard(readBody(response));
        return body === undefined ? null : body;
      }
      const body = await readBody(response).catch(() => undefined);
      const retryAfterMs =
        parseRetryAfter(response.headers.get('retry-after'), Date.now()) ?? rate.intervalMs ?? 10_000;

      if (response.status === 429) {
        const waitMs = rateLimitWaitMs(retryAfterMs, this.#random);
        permit.settle(rate, waitMs);
        rateLimited += 1;
        logger.warn('ghl rate limited', { request: requestLabel, attempt, budgetKey, waitMs });
        if (rateLimited <= limits.rateLimitRetries) continue; // the budget holds the key until waitMs passed
        throw classifyResponse({ status: 429, body, request: requestLabel, scopes: operation.scopes ?? [], retryAfterMs: waitMs, secrets: call.auth.secrets() });
      }
      permit.settle(rate);

      if (response.status === 401 && !renewed) {
        renewed = true;
        const fresh = await guard(call.auth.renew(token.token, signal));
        if (fresh) {
          token = fresh;
          continue; // GHL did not act on a 401: re-sending is safe for every method
        }
      }
      const failure = classifyResponse({
        status: response.status,
        body,
        request: requestLabel,
        scopes: operation.scopes ?? [],
        retryAfterMs,
        secrets: call.auth.secrets(),
      });
      if (failure.category !== 'server' && failure.category !== 'timeout') throw failure;
      const next = await this.#afterAmbiguousFailure(operation, input, failure, ++resends, limits.retries, call);
      if (next.done) return next.value;
    }
  }

  /** After a network error, a timeout or a 5xx: returns a result, throws, or lets the caller re-send. */
  async #afterAmbiguousFailure(
    operation: OperationDescriptor,
    input: unknown,
    failure: ActionError,
    resend: number,
    retries: number,
    call: GhlCall,
  ): Promise<{ done: true; value: unknown } | { done: false }> {
    if (resend > retries) throw failure;
    const { signal } = call;
    if (!isSafeToResend(operation)) {
      const reconcile = call.reconcile ?? this.#reconcile;
      if (!reconcile) throw failure;
      const found = await reconcile(operation, input, failure);
      if (found !== undefined) return { done: true, value: found };
    }
    try {
      await sleep(backoffMs(resend, this.#retry, this.#random), undefined, signal ? { signal } : undefined);
    } catch {
      throw new ActionError('timeout', `The GHL call was cancelled while waiting to retry after: ${failure.message}`, {
        ...(failure.request === undefined ? {} : { request: failure.request }),
        cause: failure,
      });
    }
    return { done: false };
  }

  #describeNetworkError(error: unknown): string {
    const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
    if (cause && typeof cause.code === 'string') return cause.code;
    if (cause && typeof cause.message === 'string') return cause.message;
    return error instanceof Error ? error.message : String(error);
  }

  async #send(built: BuiltRequest, token: string, signal: AbortSignal | undefined): Promise<FetchAnswer> {
    // Not AbortSignal.any with AbortSignal.timeout: on Node 20 the timeout can be collected unfired.
    const deadline = deadlineSignal(signal, this.#timeoutMs);
    try {
      return await this.#fetch(built.url, {
        method: built.method,
        headers: { ...built.headers, Authorization: `Bearer ${token}` },
        ...(built.body === undefined ? {} : { body: built.body }),
        signal: deadline.signal,
      });
    } finally {
      deadline.dispose();
    }
  }

}
