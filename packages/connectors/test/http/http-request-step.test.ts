import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEngine, createMemoryStore, type WorkflowDefinition } from '@flowline/core';
import { createTestConnector } from '@flowline/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpConnector } from '../../src/http/index.js';

/** flowline.http.request as a workflow step: the engine's retry policy, Retry-After, and secrets kept out of every record. */

const TOKEN = 'tok-very-secret-9f3a';
let server: Server;
let port: number;
const statuses: number[] = [];
let answers: Array<{ status: number; headers?: Record<string, string> }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const next = answers.shift() ?? { status: 200 };
    statuses.push(next.status);
    // The service echoes what it was sent, auth included: the records must not keep it.
    response.writeHead(next.status, { 'content-type': 'application/json', 'x-echo-auth': request.headers.authorization ?? '', ...next.headers });
    response.end(JSON.stringify({ youSent: request.headers.authorization, path: request.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function engineWith(allowPrivateNetworks: boolean) {
  const hook = createTestConnector({ name: 'hook', triggers: { fired: { payload: { type: 'object' } } } });
  const http = createHttpConnector({ allowPrivateNetworks });
  const store = createMemoryStore();
  const engine = createEngine({ connectors: [hook, http], store, connections: { alerts: { connector: 'http', credentials: { type: 'bearer', token: TOKEN } } } });
  engine.deploy({
    id: 'alert',
    name: 'Alert',
    version: 1,
    trigger: { operation: 'hook.fired' },
    steps: [
      {
        id: 'post',
        type: 'action',
        operation: 'flowline.http.request',
        connection: 'alerts',
        input: { method: 'POST', url: `=$event.url`, body: { text: 'Check-in failed' } },
        retry: { attempts: 3, initialDelayMs: 1, jitter: false },
      },
    ],
  } as WorkflowDefinition);
  return { engine, http };
}

describe('flowline.http.request in a workflow', () => {
  it('retries a 503, waits out a 429\'s Retry-After, then answers { status, headers, body }; the token is in no record', async () => {
    statuses.length = 0;
    answers = [{ status: 503 }, { status: 429, headers: { 'retry-after': '1' } }, { status: 200 }];
    const { engine, http } = engineWith(true);
    const retries: number[] = [];
    engine.on('step.retrying', (event) => retries.push(event.delayMs));
    const [run] = await engine.dispatch({ trigger: 'hook.fired', id: 'e-1', payload: { url: `http://127.0.0.1:${port}/hook` } });
    expect(statuses).toEqual([503, 429, 200]);
    expect(retries[0]).toBe(1);
    expect(retries[1]).toBeGreaterThanOrEqual(1000);
    expect(run?.status).toBe('succeeded');
    expect(run?.steps[0]).toMatchObject({ status: 'succeeded', attempts: 3, output: { status: 200, body: { path: '/hook' } } });
    const stored = JSON.stringify([run, await engine.getRun(run!.id), await engine.listRuns()]);
    expect(stored).toContain(`"output":{"status":200`);
    expect(stored).toContain('[redacted]');
    expect(stored).not.toContain(TOKEN);
    await http.close();
  });

  it('a failed request\'s error names the status, not the token, and a private address fails the step as permission on its first attempt', async () => {
    statuses.length = 0;
    answers = [{ status: 401 }];
    const { engine, http } = engineWith(true);
    const [failed] = await engine.dispatch({ trigger: 'hook.fired', id: 'e-2', payload: { url: `http://127.0.0.1:${port}/hook` } });
    expect(failed?.steps[0]).toMatchObject({ status: 'failed', attempts: 1, error: { category: 'credentials', status: 401 } });
    expect(JSON.stringify(await engine.getRun(failed!.id))).not.toContain(TOKEN);
    await http.close();

    const guarded = engineWith(false);
    const [refused] = await guarded.engine.dispatch({ trigger: 'hook.fired', id: 'e-3', payload: { url: `http://127.0.0.1:${port}/hook` } });
    expect(refused?.steps[0]).toMatchObject({ status: 'failed', attempts: 1, error: { category: 'permission' } });
    expect(statuses).toEqual([401]);
    await guarded.http.close();
  });
});
