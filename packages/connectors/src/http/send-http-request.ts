import { ActionError } from '@flowline/core';
import { request as undiciRequest, type Dispatcher } from 'undici';
import { BlockedAddressError } from './blocked-address-error.js';
import type { ConnectionAuth } from './http-auth.js';
import {
  DEFAULT_HTTP_TIMEOUT_MS,
  DEFAULT_MAX_RESPONSE_BYTES,
  MAX_REDIRECTS,
  type HttpRequestInput,
  type HttpResponseOutput,
} from './http-request-operation.js';
import { flatHeaders, redactText, responseOutput, statusError } from './http-response.js';
import { readLimitedBody } from './read-limited-body.js';

export interface SendOptions {
  readonly dispatcher: Dispatcher;
  readonly auth: ConnectionAuth;
  /** The connection's base URL: a relative `url` is resolved against it, and auth is only sent to its origin. */
  readonly baseUrl?: string;
  readonly signal: AbortSignal;
  readonly now: () => number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Request headers a workflow may not set: the connection's auth, and what the client computes itself. */
const OWN_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection']);

function describe(method: string, url: URL): string {
  return `${method} ${url.origin}${url.pathname}`;
}

function targetUrl(input: HttpRequestInput, baseUrl: string | undefined): URL {
  let url: URL;
  try {
    url = baseUrl === undefined ? new URL(input.url) : new URL(input.url, baseUrl);
  } catch {
    throw new ActionError('validation', `flowline.http.request: "${input.url.slice(0, 200)}" is not a URL`, { pointer: '/url', hint: 'Give an absolute http(s) URL, or a path with a connection that has a baseUrl.' });
  }
  if (baseUrl !== undefined && url.origin !== new URL(baseUrl).origin) {
    throw new ActionError('validation', `flowline.http.request: ${url.origin} is not the connection's origin ${new URL(baseUrl).origin}`, {
      pointer: '/url',
      hint: 'A connection with a baseUrl sends requests (and its credentials) to that origin only; use another connection for other hosts.',
    });
  }
  for (const [name, value] of Object.entries(input.query ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(one));
  }
  return url;
}

function checkScheme(url: URL, pointer: string): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ActionError('validation', `flowline.http.request only speaks http and https, not ${url.protocol}`, { pointer, hint: 'Use an http(s) URL.' });
  }
  if (url.username !== '' || url.password !== '') {
    throw new ActionError('validation', 'flowline.http.request: credentials in the URL are refused', { pointer, hint: 'Put credentials in the step\'s http connection.' });
  }
}

function encodeBody(input: HttpRequestInput): { body: string | undefined; contentType: string | undefined } {
  if (input.body === undefined || input.body === null) return { body: undefined, contentType: undefined };
  const asText = input.bodyType === 'text' || (input.bodyType === undefined && typeof input.body === 'string');
  if (asText) return { body: typeof input.body === 'string' ? input.body : JSON.stringify(input.body), contentType: 'text/plain; charset=utf-8' };
  return { body: JSON.stringify(input.body), contentType: 'application/json' };
}

/** What went wrong on the wire, as a typed error (network and timeouts are retried). */
function wireError(error: unknown, request: string, timedOut: boolean, timeoutMs: number, secrets: readonly string[]): unknown {
  if (error instanceof ActionError) return error;
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  if (cause instanceof BlockedAddressError) return cause;
  if (timedOut) return new ActionError('timeout', `${request} did not answer within ${timeoutMs} ms`, { request, hint: 'Raise the input\'s timeoutMs, or check the service.' });
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = redactText(error instanceof Error ? error.message : String(error), secrets);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new ActionError('timeout', `${request} timed out (${message})`, { request });
  }
  return new ActionError('network', `${request} failed: ${typeof code === 'string' ? `${code} ` : ''}${message}`, { request, hint: 'Check the URL and that the service is up; the step retries by its retry policy.' });
}

/**
 * Sends one `flowline.http.request`: builds the URL (query appended), the headers (the
 * connection's auth only to its first origin, never along a redirect to another), the JSON or text
 * body; follows at most `maxRedirects` redirects (each hop checked again by the dispatcher's address
 * guard), reads at most `maxResponseBytes`, and answers `{ status, headers, body }`. An error status
 * throws a typed error (see statusError) unless `failOnHttpError` is false.
 */
export async function sendHttpRequest(input: HttpRequestInput, options: SendOptions): Promise<HttpResponseOutput> {
  const secrets = options.auth.secrets;
  const timeoutMs = input.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
  const maxBytes = input.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const maxRedirects = Math.min(input.maxRedirects ?? MAX_REDIRECTS, MAX_REDIRECTS);
  let url = targetUrl(input, options.baseUrl);
  checkScheme(url, '/url');
  const authOrigin = url.origin;
  let method: string = input.method ?? 'GET';
  let { body, contentType } = encodeBody(input);
  const given: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    const lower = name.toLowerCase();
    if (OWN_HEADERS.has(lower) || lower in options.auth.headers) {
      throw new ActionError('validation', `flowline.http.request sets the header ${lower} itself`, { pointer: `/headers/${name}`, hint: 'Leave it out; auth comes from the connection.' });
    }
    given[lower] = value;
  }

  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([options.signal, timeout]);
  let hops = 0;
  for (;;) {
    const request = describe(method, url);
    const headers: Record<string, string> = { ...given };
    if (contentType !== undefined && headers['content-type'] === undefined) headers['content-type'] = contentType;
    if (url.origin === authOrigin) Object.assign(headers, options.auth.headers);
    let response: Dispatcher.ResponseData;
    let raw: Buffer;
    try {
      response = await undiciRequest(url, { method: method as Dispatcher.HttpMethod, headers, body, dispatcher: options.dispatcher, signal });
      if (REDIRECTS.has(response.statusCode) && typeof response.headers['location'] === 'string') {
        await response.body.dump();
        if (hops >= maxRedirects) {
          throw new ActionError('validation', `${request} redirected more than ${maxRedirects} times`, {
            status: response.statusCode,
            request,
            hint: 'Call the final URL directly, or raise maxRedirects (at most 5).',
          });
        }
        hops += 1;
        const next = new URL(response.headers['location'], url);
        checkScheme(next, '/url');
        if (response.statusCode === 303 || ((response.statusCode === 301 || response.statusCode === 302) && method === 'POST')) {
          method = method === 'HEAD' ? 'HEAD' : 'GET';
          body = undefined;
          contentType = undefined;
          delete given['content-type'];
        }
        url = next;
        continue;
      }
      raw = method === 'HEAD' ? Buffer.alloc(0) : await readLimitedBody(response, maxBytes, request);
    } catch (error) {
      if (options.signal.aborted) throw options.signal.reason;
      throw wireError(error, request, timeout.aborted && !options.signal.aborted, timeoutMs, secrets);
    }
    const output = responseOutput(response.statusCode, flatHeaders(response.headers), raw, secrets);
    if (input.failOnHttpError !== false && output.status >= 400) throw statusError(output, request, options.now());
    return output;
  }
}
