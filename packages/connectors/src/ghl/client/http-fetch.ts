import * as http from 'node:http';
import * as https from 'node:https';
import type { AnswerHeaders, FetchAnswer, FetchLike } from '../auth/oauth-token-endpoint.js';

/** Headers as node:http parsed them (names lowercased), read the way `Headers.get` reads. */
function answerHeaders(raw: http.IncomingHttpHeaders): AnswerHeaders {
  return {
    get(name) {
      const value = raw[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

const utf8 = new TextDecoder();

/** The answer as the client reads it; `text()` decodes UTF-8 and drops a byte-order mark, as `Response.text()` does. */
function answer(status: number, headers: http.IncomingHttpHeaders, body: Buffer): FetchAnswer {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: answerHeaders(headers),
    text: () => Promise.resolve(utf8.decode(body)),
  };
}

/**
 * A `fetch` for the GHL client over node:http/https with keep-alive connections. Node's global
 * fetch costs about ten times the CPU per request (measured in `bench/durable-path-breakdown.ts`),
 * which dominated the webhook → GHL path; so did building a WHATWG Response per answer, hence the
 * lighter `FetchAnswer`. It speaks only what the client sends: a string body or none; anything
 * else (the multipart upload) goes through the global fetch. Failures look like
 * fetch's: a TypeError with the socket error as `cause`, or the abort signal's reason.
 */
export function createHttpFetch(options: { readonly maxSockets?: number } = {}): FetchLike {
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
  return (input, init) => {
    const url = new URL(input);
    const body = init.body;
    if ((body !== undefined && body !== null && typeof body !== 'string') || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      return fetch(input, init);
    }
    return new Promise<FetchAnswer>((resolve, reject) => {
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(signal.reason);
      const request = (url.protocol === 'https:' ? https : http).request(
        url,
        {
          method: init.method ?? 'GET',
          // Node sends a DELETE body unframed unless told its length (GHL's tag removal has one).
          headers: typeof body === 'string' ? { ...(init.headers as Record<string, string>), 'content-length': String(Buffer.byteLength(body)) } : (init.headers as Record<string, string>),
          agent: url.protocol === 'https:' ? httpsAgent : httpAgent,
        },
        (response: http.IncomingMessage) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error) => reject(new TypeError('fetch failed', { cause: error })));
          response.on('end', () => {
            signal?.removeEventListener('abort', onAbort);
            resolve(answer(response.statusCode ?? 0, response.headers, Buffer.concat(chunks)));
          });
        },
      );
      const onAbort = () => {
        request.destroy();
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      request.on('error', (error) => {
        signal?.removeEventListener('abort', onAbort);
        if (!signal?.aborted) reject(new TypeError('fetch failed', { cause: error }));
      });
      request.end(body ?? undefined);
    });
  };
}
