import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActionError, createKeyedLimiter, RetryAfterError, silentLogger, type ActionContext, type ConnectionConfig } from '@flowline/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BlockedAddressError, createHttpConnector, forbiddenRange, type HttpConnector, type HttpConnectorOptions, type ResolveHost } from '../../src/http/index.js';

/** flowline.http.request against a real local HTTP server: SSRF refusals, redirects, size limit, auth. */

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
let server: Server;
let port: number;
let handler: Handler = (_request, response) => response.end();
const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      handler(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const connectors: HttpConnector[] = [];
afterEach(async () => {
  seen.length = 0;
  handler = (_request, response) => response.end();
  await Promise.all(connectors.splice(0).map((connector) => connector.close()));
});

/** A resolver for names of our own: each resolves to the addresses given, nothing else resolves. */
function resolver(names: Record<string, readonly string[]>): ResolveHost {
  return async (hostname) => {
    const found = names[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found;
  };
}

function connector(options: HttpConnectorOptions = {}): HttpConnector {
  const made = createHttpConnector(options);
  connectors.push(made);
  return made;
}

function context(connection: Partial<ConnectionConfig> = {}): ActionContext {
  return {
    tenant: 'default',
    connectionName: 'api',
    connection: { connector: 'http', ...connection },
    signal: new AbortController().signal,
    limiter: createKeyedLimiter(),
    logger: silentLogger,
    idempotencyKey: 'run-1/call',
    attempt: 1,
  };
}

const call = (http: HttpConnector, input: unknown, connection: Partial<ConnectionConfig> = {}) => http.invoke({ operationId: 'flowline.http.request', input }, context(connection));

async function failureOf(pending: Promise<unknown>): Promise<ActionError> {
  const error = await pending.then(
    (value) => {
      throw new Error(`Expected the call to fail, it returned ${JSON.stringify(value)}`);
    },
    (caught: unknown) => caught,
  );
  if (!(error instanceof ActionError)) throw error;
  return error;
}

describe('flowline.http.request: addresses refused by default', () => {
  it.each([
    ['IPv4 loopback', '127.0.0.1'],
    ['IPv4 private 10/8', '10.0.0.1'],
    ['IPv4 private 172.16/12', '172.20.1.1'],
    ['IPv4 private 192.168/16', '192.168.1.10'],
    ['carrier-grade NAT 100.64/10', '100.64.0.1'],
    ['cloud metadata 169.254.169.254', '169.254.169.254'],
    ['unspecified 0.0.0.0', '0.0.0.0'],
    ['IPv6 loopback', '[::1]'],
    ['IPv6 unique local fc00::/7', '[fd00::1]'],
    ['IPv6 link-local fe80::/10', '[fe80::1]'],
    ['IPv4-mapped IPv6 loopback', '[::ffff:127.0.0.1]'],
    ['a decimal IPv4 spelling of loopback', '2130706433'],
  ])('refuses an IP literal: %s', async (_name, host) => {
    const error = await failureOf(call(connector(), { url: `http://${host}:${port}/` }));
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(error.category).toBe('permission');
    expect(error.message).toContain('refused to connect');
    expect(seen).toEqual([]);
  });

  it('refuses a name that resolves to loopback, before connecting', async () => {
    const http = connector({ resolve: resolver({ 'innocent.test': ['127.0.0.1'] }) });
    const error = await failureOf(call(http, { url: `http://innocent.test:${port}/` }));
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(error.message).toBe('flowline.http.request refused to connect: innocent.test resolves to 127.0.0.1, a loopback address');
    expect(seen).toEqual([]);
  });

  it('refuses a name when any of its addresses is private (10.0.0.1 beside a public one)', async () => {
    const http = connector({ resolve: resolver({ 'mixed.test': ['93.184.215.14', '10.0.0.1'] }) });
    const error = await failureOf(call(http, { url: 'http://mixed.test/' }));
    expect(error).toMatchObject({ address: '10.0.0.1', category: 'permission' });
  });

  it('refuses a name resolving to an IPv6 loopback or IPv4-mapped address', async () => {
    const http = connector({ resolve: resolver({ 'six.test': ['::1'], 'mapped.test': ['::ffff:10.1.2.3'] }) });
    expect(await failureOf(call(http, { url: 'http://six.test/' }))).toBeInstanceOf(BlockedAddressError);
    expect(await failureOf(call(http, { url: 'http://mapped.test/' }))).toBeInstanceOf(BlockedAddressError);
  });

  it('refuses a redirect to a private address, checked on the hop', async () => {
    // allowed.test is let through by name; where it redirects is checked again.
    const http = connector({ allowHosts: ['allowed.test'], resolve: resolver({ 'allowed.test': ['127.0.0.1'], 'inside.test': ['10.0.0.1'] }) });
    handler = (request, response) => {
      response.writeHead(302, { location: request.url === '/to-literal' ? `http://127.0.0.1:${port}/secret` : 'http://inside.test/secret' });
      response.end();
    };
    const byName = await failureOf(call(http, { url: `http://allowed.test:${port}/to-name` }));
    expect(byName).toMatchObject({ host: 'inside.test', address: '10.0.0.1' });
    const byLiteral = await failureOf(call(http, { url: `http://allowed.test:${port}/to-literal` }));
    expect(byLiteral).toMatchObject({ address: '127.0.0.1' });
    expect(seen.map((request) => request.url)).toEqual(['/to-name', '/to-literal']);
  });

  it('classifies addresses with ipaddr.js: public unicast passes, the rest say why', () => {
    expect(forbiddenRange('8.8.8.8')).toBeUndefined();
    expect(forbiddenRange('2001:4860:4860::8888')).toBeUndefined();
    expect(forbiddenRange('169.254.169.254')).toContain('link-local');
    expect(forbiddenRange('::ffff:192.168.0.1')).toBe('a private-network address');
  });
});

describe('flowline.http.request against a host that allows loopback', () => {
  it('sends method, query, JSON body and headers, and parses a JSON answer', async () => {
    handler = (_request, response) => {
      response.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'r-1' });
      response.end(JSON.stringify({ ok: true }));
    };
    const output = await call(connector({ allowPrivateNetworks: true }), {
      method: 'POST',
      url: `http://127.0.0.1:${port}/hooks/a`,
      query: { tag: ['a', 'b'], page: 2 },
      headers: { 'X-Trace': 't-1' },
      body: { text: 'Check-in failed' },
    });
    expect(output).toMatchObject({ status: 201, headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'r-1' }, body: { ok: true } });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/hooks/a?tag=a&tag=b&page=2', body: '{"text":"Check-in failed"}' });
    expect(seen[0]?.headers).toMatchObject({ 'content-type': 'application/json', 'x-trace': 't-1' });
  });

  it('sends a string body as text and answers text as text', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('fine');
    };
    const output = await call(connector({ allowHosts: ['127.0.0.1'] }), { method: 'PUT', url: `http://127.0.0.1:${port}/`, body: 'hello' });
    expect(output).toMatchObject({ status: 200, body: 'fine' });
    expect(seen[0]).toMatchObject({ body: 'hello', headers: { 'content-type': 'text/plain; charset=utf-8' } });
  });

  it('reaches a name resolving to loopback when that name is allowed, and connects to the address checked', async () => {
    handler = (request, response) => response.end(request.headers.host);
    const http = connector({ allowHosts: ['sandbox.test'], resolve: resolver({ 'sandbox.test': ['127.0.0.1'] }) });
    expect(await call(http, { url: `http://sandbox.test:${port}/` })).toMatchObject({ status: 200, body: `sandbox.test:${port}` });
  });

  it('refuses an answer larger than maxResponseBytes, by Content-Length and when streamed without one', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 'a');
    handler = (request, response) => {
      if (request.url === '/chunked') {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write(big.subarray(0, 1024 * 1024));
        response.end(big.subarray(1024 * 1024));
      } else {
        response.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(big.length) });
        response.end(big);
      }
    };
    const http = connector({ allowPrivateNetworks: true });
    const declared = await failureOf(call(http, { url: `http://127.0.0.1:${port}/declared` }));
    expect(declared.message).toContain('answered more than 1048576 bytes (Content-Length 2097152)');
    expect(declared.category).toBe('validation');
    const streamed = await failureOf(call(http, { url: `http://127.0.0.1:${port}/chunked` }));
    expect(streamed.message).toContain('answered more than 1048576 bytes (as it arrived)');
    const small = await failureOf(call(http, { url: `http://127.0.0.1:${port}/declared`, maxResponseBytes: 1000 }));
    expect(small.message).toContain('more than 1000 bytes');
  });

  it('follows up to 5 redirects and refuses the sixth', async () => {
    handler = (request, response) => {
      const hop = Number(request.url?.slice(1));
      if (hop >= 6) return response.end('arrived');
      response.writeHead(301, { location: `/${hop + 1}` });
      response.end();
    };
    const http = connector({ allowPrivateNetworks: true });
    expect(await call(http, { url: `http://127.0.0.1:${port}/1` })).toMatchObject({ status: 200, body: 'arrived' });
    seen.length = 0;
    const error = await failureOf(call(http, { url: `http://127.0.0.1:${port}/0` }));
    expect(error.message).toBe(`GET http://127.0.0.1:${port}/5 redirected more than 5 times`);
    expect(seen).toHaveLength(6);
    const none = await failureOf(call(http, { url: `http://127.0.0.1:${port}/0`, maxRedirects: 0 }));
    expect(none.message).toContain('redirected more than 0 times');
  });

  it('turns a POST into a GET on a 303 and drops the body', async () => {
    handler = (request, response) => {
      if (request.url === '/form') {
        response.writeHead(303, { location: '/done' });
        return response.end();
      }
      response.end('ok');
    };
    await call(connector({ allowPrivateNetworks: true }), { method: 'POST', url: `http://127.0.0.1:${port}/form`, body: { a: 1 } });
    expect(seen.map((request) => [request.method, request.url, request.body])).toEqual([
      ['POST', '/form', '{"a":1}'],
      ['GET', '/done', ''],
    ]);
  });

  it('sends the connection\'s auth (bearer, basic, API-key header) to its origin only, never along a redirect to another', async () => {
    handler = (request, response) => {
      if (request.url === '/away') {
        response.writeHead(302, { location: `http://localhost:${port}/landed` });
        return response.end();
      }
      response.end('ok');
    };
    const http = connector({ allowPrivateNetworks: true });
    await call(http, { url: `http://127.0.0.1:${port}/b` }, { credentials: { type: 'bearer', token: 'tok-secret-1' } });
    await call(http, { url: `http://127.0.0.1:${port}/u` }, { credentials: { type: 'basic', username: 'gym', password: 'pw-secret-2' } });
    await call(http, { url: `http://127.0.0.1:${port}/k` }, { credentials: { type: 'header', name: 'X-API-Key', value: 'key-secret-3' } });
    await call(http, { url: `http://127.0.0.1:${port}/away` }, { credentials: { type: 'bearer', token: 'tok-secret-1' } });
    expect(seen[0]?.headers['authorization']).toBe('Bearer tok-secret-1');
    expect(seen[1]?.headers['authorization']).toBe(`Basic ${Buffer.from('gym:pw-secret-2').toString('base64')}`);
    expect(seen[2]?.headers['x-api-key']).toBe('key-secret-3');
    expect(seen[3]?.headers['authorization']).toBe('Bearer tok-secret-1');
    expect(seen[4]?.url).toBe('/landed');
    expect(seen[4]?.headers['authorization']).toBeUndefined();
  });

  it('refuses an Authorization header in the input when the connection sets it, and credentials of no known type', async () => {
    const http = connector({ allowPrivateNetworks: true });
    const clash = await failureOf(call(http, { url: `http://127.0.0.1:${port}/`, headers: { Authorization: 'Bearer x' } }, { credentials: { type: 'bearer', token: 'tok-secret-1' } }));
    expect(clash).toMatchObject({ category: 'validation', pointer: '/headers/Authorization' });
    const unknown = await failureOf(call(http, { url: `http://127.0.0.1:${port}/` }, { credentials: { type: 'oauth', token: 'tok-secret-1' } }));
    expect(unknown.category).toBe('credentials');
    expect(JSON.stringify(unknown)).not.toContain('tok-secret-1');
    expect(seen).toEqual([]);
  });

  it('keeps a connection with a baseUrl on its origin', async () => {
    handler = (request, response) => response.end(request.url);
    const http = connector({ allowPrivateNetworks: true });
    const settings = { baseUrl: `http://127.0.0.1:${port}/api/` };
    expect(await call(http, { url: 'contacts' }, { settings })).toMatchObject({ body: '/api/contacts' });
    const elsewhere = await failureOf(call(http, { url: `http://localhost:${port}/x` }, { settings, credentials: { type: 'bearer', token: 'tok-secret-1' } }));
    expect(elsewhere).toMatchObject({ category: 'validation', pointer: '/url' });
  });

  it('makes error statuses typed errors: 5xx server, 404 not_found, 429 waits its Retry-After; or output when failOnHttpError is false', async () => {
    handler = (request, response) => {
      const status = Number(request.url?.slice(1));
      response.writeHead(status, status === 429 ? { 'retry-after': '7' } : {});
      response.end('nope');
    };
    const http = connector({ allowPrivateNetworks: true });
    expect(await failureOf(call(http, { url: `http://127.0.0.1:${port}/503` }))).toMatchObject({ category: 'server', status: 503 });
    expect(await failureOf(call(http, { url: `http://127.0.0.1:${port}/404` }))).toMatchObject({ category: 'not_found', status: 404 });
    const limited = await failureOf(call(http, { url: `http://127.0.0.1:${port}/429` }));
    expect(limited).toBeInstanceOf(RetryAfterError);
    expect((limited as RetryAfterError).retryAfterMs).toBe(7000);
    expect(await call(http, { url: `http://127.0.0.1:${port}/500`, failOnHttpError: false })).toMatchObject({ status: 500, body: 'nope' });
  });

  it('refuses a scheme other than http(s), credentials in the URL and an input outside the schema, sending nothing', async () => {
    const http = connector({ allowPrivateNetworks: true });
    expect((await failureOf(call(http, { url: 'file:///etc/passwd' }))).message).toContain('only speaks http and https');
    expect((await failureOf(call(http, { url: `http://u:p@127.0.0.1:${port}/` }))).message).toContain('credentials in the URL');
    const invalid = await failureOf(call(http, { url: `http://127.0.0.1:${port}/`, method: 'FETCH' }));
    expect(invalid).toMatchObject({ category: 'validation', pointer: '/method' });
    expect(seen).toEqual([]);
  });

  it('fails a request that does not answer within timeoutMs as timeout', async () => {
    handler = () => undefined;
    const error = await failureOf(call(connector({ allowPrivateNetworks: true }), { url: `http://127.0.0.1:${port}/slow`, timeoutMs: 200 }));
    expect(error.category).toBe('timeout');
    expect(error.message).toContain('did not answer within 200 ms');
  });
});
