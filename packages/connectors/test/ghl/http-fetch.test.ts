import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFetch } from '../../src/ghl/client/http-fetch.js';

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => resolve(text));
  });
}

describe('the GHL client\'s http fetch', () => {
  let url = '';
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    if (request.url === '/slow') return;
    response.writeHead(request.url === '/empty' ? 204 : 200, { 'content-type': 'application/json', 'x-ratelimit-remaining': '99' });
    if (request.url === '/utf8') return response.end(Buffer.from('\ufeff{"name":"Zoë 中文"}', 'utf8'));
    response.end(request.url === '/empty' ? undefined : JSON.stringify({ method: request.method, body, length: request.headers['content-length'] ?? null }));
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends a DELETE body with its length, as GHL\'s tag removal needs', async () => {
    const response = await createHttpFetch()(`${url}/contacts/c1/tags`, { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: '{"tags":["lead"]}' });
    expect(JSON.parse(await response.text())).toEqual({ method: 'DELETE', body: '{"tags":["lead"]}', length: '17' });
    expect(response.headers.get('x-ratelimit-remaining')).toBe('99');
    expect(response.headers.get('X-RateLimit-Remaining')).toBe('99');
  });

  it('reads UTF-8 answers as Response.text() does, byte-order mark dropped', async () => {
    const response = await createHttpFetch()(`${url}/utf8`, { method: 'GET' });
    expect(response.ok).toBe(true);
    expect(await response.text()).toBe('{"name":"Zoë 中文"}');
  });

  it('answers a 204 with no body', async () => {
    const response = await createHttpFetch()(`${url}/empty`, { method: 'GET' });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('rejects with the signal\'s reason when aborted', async () => {
    const controller = new AbortController();
    const pending = createHttpFetch()(`${url}/slow`, { method: 'GET', signal: controller.signal });
    controller.abort(new DOMException('too slow', 'TimeoutError'));
    await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('fails like fetch when nothing listens', async () => {
    await expect(createHttpFetch()('http://127.0.0.1:9/', { method: 'GET' })).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed', cause: { code: 'ECONNREFUSED' } });
  });
});
