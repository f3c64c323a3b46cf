import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createKeyedLimiter, silentLogger, type ActionContext, type Connector } from '@flowline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostConnectors } from '../src/host-config.js';

/** flowline.config.json's `http`: a host reaches loopback only when its configuration says so. */

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((_request, response) => response.end('reached'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const context: ActionContext = {
  tenant: 'default',
  connectionName: 'web',
  connection: { connector: 'http' },
  signal: new AbortController().signal,
  limiter: createKeyedLimiter(),
  logger: silentLogger,
  idempotencyKey: 'run-1/get',
  attempt: 1,
};

async function request(config: Parameters<typeof hostConnectors>[0]): Promise<unknown> {
  const http = hostConnectors(config).find((connector): connector is Connector => connector.name === 'http');
  if (!http) throw new Error('the host has no http connector');
  return http.invoke({ operationId: 'flowline.http.request', input: { url } }, context).catch((error: unknown) => error);
}

describe('host config: http', () => {
  it('refuses loopback by default', async () => {
    expect(await request({})).toMatchObject({ name: 'BlockedAddressError', category: 'permission' });
  });

  it('reaches loopback with allowPrivateNetworks or with the host in allowHosts', async () => {
    expect(await request({ http: { allowPrivateNetworks: true } })).toMatchObject({ status: 200, body: 'reached' });
    expect(await request({ http: { allowHosts: ['127.0.0.1'] } })).toMatchObject({ status: 200, body: 'reached' });
  });
});
