import * as http from 'node:http';
import * as https from 'node:https';
import type { FetchLike } from '../auth/oauth-token-endpoint.js';

/** Statuses whose answers carry no body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * A `fetch` for the GHL client over node:http/https with keep-alive connections. Node's global
 * fetch costs about ten times the CPU per request (measured in `bench/durable-path-breakdown.ts`),
 * which dominated the webhook → GHL path. It speaks only what the client sends: a string body or
 * none; anything else (the multipart upload) goes through the global fetch. Failures look like
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
    return new Promise<Response>((resolve, reject) => {
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
            const status = response.statusCode ?? 0;
            const headers = new Headers();
            for (const [name, value] of Object.entries(response.headers)) {
              if (Array.isArray(value)) for (const item of value) headers.append(name, item);
              else if (value !== undefined) headers.set(name, value);
            }
            resolve(new Response(NULL_BODY.has(status) ? null : Buffer.concat(chunks), { status, statusText: response.statusMessage ?? '', headers }));
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
