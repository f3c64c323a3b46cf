import { ActionError } from '@flowline/core';
import { classifyResponse } from './classify-response.js';

export const PUSHPRESS_PRODUCTION_URL = 'https://api.pushpress.com/v3';

export interface PushPressClientOptions {
  readonly apiKey: string;
  readonly companyId: string;
  /** Default production, `https://api.pushpress.com/v3` (staging: `https://api.pushpressstage.com/v3`). */
  readonly baseUrl?: string;
  /** Per-request timeout. Default 10 s. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  /** The clock for Retry-After dates, in ms. Default `Date.now`. */
  readonly now?: () => number;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
}

/** A PushPress customer as the API answers it (kept whole: unknown fields included). */
export type PushPressCustomer = Readonly<Record<string, unknown>> & { readonly id?: unknown };

export interface PushPressClient {
  /** `GET /customers/{uuid}`. Throws ActionError (not_found, credentials, ...) or RetryAfterError. */
  getCustomer(customerId: string, options?: RequestOptions): Promise<PushPressCustomer>;
}

const DEFAULT_TIMEOUT_MS = 10_000;

function checkOptions(options: PushPressClientOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createPushPressClient: expected an options object `{ apiKey, companyId, baseUrl? }`.');
  }
  if (typeof options.apiKey !== 'string' || options.apiKey.length === 0) {
    throw new TypeError('createPushPressClient: expected `apiKey` to be a non-empty string.');
  }
  if (typeof options.companyId !== 'string' || options.companyId.length === 0) {
    throw new TypeError('createPushPressClient: expected `companyId` to be a non-empty string.');
  }
  if (options.baseUrl !== undefined && !/^https?:\/\//.test(options.baseUrl)) {
    throw new TypeError('createPushPressClient: expected `baseUrl` to be an http(s) URL, e.g. https://api.pushpress.com/v3.');
  }
  if (options.timeoutMs !== undefined && (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0)) {
    throw new TypeError('createPushPressClient: expected `timeoutMs` to be a positive number of milliseconds.');
  }
}

/** A minimal PushPress REST client (headers `API-KEY` and `company-id`). */
export function createPushPressClient(options: PushPressClientOptions): PushPressClient {
  checkOptions(options);
  const baseUrl = (options.baseUrl ?? PUSHPRESS_PRODUCTION_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchImpl = options.fetch ?? fetch;
  const now = options.now ?? Date.now;

  async function getJson(path: string, request: string, callerSignal: AbortSignal | undefined): Promise<unknown> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal === undefined ? timeout : AbortSignal.any([callerSignal, timeout]);
    let response: Response;
    let bodyText: string;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method: 'GET',
        headers: { 'API-KEY': options.apiKey, 'company-id': options.companyId, accept: 'application/json' },
        signal,
      });
      bodyText = await response.text();
    } catch (cause) {
      if (timeout.aborted) {
        throw new ActionError('timeout', `PushPress did not answer ${request} within ${timeoutMs} ms.`, { request, cause });
      }
      if (callerSignal?.aborted === true) {
        throw new ActionError('timeout', `${request} was aborted (step timeout or run stopped).`, { request, cause });
      }
      throw new ActionError('network', `Could not reach PushPress for ${request}.`, {
        request,
        cause,
        hint: 'Check the network and the connection\'s base URL.',
      });
    }
    if (!response.ok) {
      throw classifyResponse({ status: response.status, retryAfter: response.headers.get('retry-after'), bodyText }, request, now());
    }
    try {
      return JSON.parse(bodyText);
    } catch (cause) {
      throw new ActionError('server', `PushPress answered ${request} with a body that is not JSON.`, {
        status: response.status,
        request,
        cause,
      });
    }
  }

  return {
    async getCustomer(customerId, requestOptions = {}) {
      if (typeof customerId !== 'string' || customerId.length === 0) {
        throw new ActionError('validation', 'Expected a non-empty PushPress customer id.', { pointer: '/path/customerId' });
      }
      const path = `/customers/${encodeURIComponent(customerId)}`;
      const request = `GET ${path}`;
      const body = await getJson(path, request, requestOptions.signal);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new ActionError('server', `PushPress answered ${request} with something other than a customer object.`, { request });
      }
      return body as PushPressCustomer;
    },
  };
}
