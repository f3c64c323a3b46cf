import { createServer, connect, type Server, type Socket } from 'node:net';
import { isStoreUnavailable, StoreUnavailableError } from '@flowline/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresStore, type PostgresStore } from '../src/index.js';
import { dropSchema, PG_URL, TEST_KEY, uniqueSchema } from './pg-schema.js';

const target = new URL(PG_URL);

/** A TCP proxy to the test server that can be cut (every connection dropped, the port closed) and restored on the same port. */
class CuttableProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const address = server.address();
    if (typeof address === 'object' && address !== null) this.port = address.port;
  }

  async cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = undefined;
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  url(): string {
    return `postgres://${target.username}@127.0.0.1:${this.port}${target.pathname}`;
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A port nothing listens on: taken, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

describe('an unreachable server', () => {
  it('fails opening with store.unavailable (a StoreUnavailableError), not a driver error', async () => {
    const port = await closedPort();
    const error = await createPostgresStore({ connectionString: `postgres://postgres@127.0.0.1:${port}/test`, schema: uniqueSchema('down') }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(isStoreUnavailable(error)).toBe(true);
    expect(error).toMatchObject({ code: 'store.unavailable', reason: 'io-error' });
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect((error as Error).message).toContain(`127.0.0.1:${port}/test`);
  });

  it('fails reads and writes with store.unavailable while the server is cut off, and works again once it answers', async () => {
    const proxy = new CuttableProxy();
    await proxy.start();
    const schema = uniqueSchema('outage');
    const store: PostgresStore = await createPostgresStore({ connectionString: proxy.url(), schema, encryptionKey: TEST_KEY, connectTimeoutMs: 2000 });
    cleanups.push(async () => {
      await proxy.cut();
      await store.close().catch(() => undefined);
      await dropSchema(schema);
    });
    await store.addToInbox({ trigger: 't', payload: {}, id: 'e1' }, '2026-01-01T00:00:00.000Z');

    await proxy.cut();
    const write = store.addToInbox({ trigger: 't', payload: {}, id: 'e2' }, '2026-01-01T00:00:01.000Z');
    await expect(write).rejects.toMatchObject({ code: 'store.unavailable' });
    await expect(store.getInboxEntry('e1')).rejects.toMatchObject({ code: 'store.unavailable' });
    await expect(store.listRuns()).rejects.toSatisfy(isStoreUnavailable);
    await expect(store.exportRecords()).rejects.toSatisfy(isStoreUnavailable);

    await proxy.start();
    // The engine tries again: the pool opens new connections and the write goes through.
    expect(await store.addToInbox({ trigger: 't', payload: {}, id: 'e2' }, '2026-01-01T00:00:01.000Z')).toEqual({ added: true });
    expect((await store.listInbox('pending')).map((entry) => entry.id)).toEqual(['e1', 'e2']);
  });
});
