/**
 * The durable path written by hand, as a floor to read the engine's figures against: what this
 * machine does when a delivery costs only the essentials, with none of Flowline in the way.
 * Each delivery: node:http receives it, checks its HMAC signature, parses it, inserts it into a
 * SQLite inbox (WAL, group commit, WAL fdatasync off the event loop: durable as 'power'), answers
 * 202; then, 64 at a time, maps the contact in plain JavaScript, POSTs it to the GHL over a
 * keep-alive agent, and marks the row done (durable too). No schema checks, no run records, no
 * retries, no per-customer order, no idempotency records: everything the real path adds.
 */
import Database from 'better-sqlite3';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWalSync, walFileSync } from './host-dependencies.js';
import { BENCH_SIGNING_SECRET } from './signed-delivery.js';

export interface HandWrittenPath {
  readonly webhookUrl: string;
  /** Resolves when every accepted delivery has been sent to the GHL and marked done. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

interface Delivery {
  readonly id: string;
  readonly data: { readonly id: string; readonly email?: string; readonly phone?: string; readonly role?: string; readonly name?: { readonly first?: string; readonly last?: string } };
}

const RUNS_AT_ONCE = 64;

export async function startHandWrittenPath(ghlUrl: string): Promise<HandWrittenPath> {
  const dir = mkdtempSync(join(tmpdir(), 'flowline-hand-written-'));
  const path = join(dir, 'inbox.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE inbox (id TEXT PRIMARY KEY, event TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0)`);
  const insert = db.prepare<[string, string]>(`INSERT OR IGNORE INTO inbox (id, event) VALUES (?, ?)`);
  const markDone = db.prepare<[string]>(`UPDATE inbox SET done = 1 WHERE id = ?`);
  // The WAL sync is the SQLite store's own (wal-sync.ts): one in flight, the commits meanwhile share the next.
  const walFile = walFileSync(path);
  const walSync = createWalSync(walFile.sync);

  // Group commit: the writes of one event-loop turn in one transaction, settled after the WAL sync.
  let batch: Array<{ readonly write: () => void; readonly settle: () => void }> = [];
  const commitBatch = db.transaction((writes: typeof batch) => {
    for (const item of writes) item.write();
  });
  const durably = (write: () => void): Promise<void> =>
    new Promise((resolve) => {
      if (batch.length === 0) {
        setImmediate(() => {
          const writes = batch;
          batch = [];
          commitBatch(writes);
          void walSync.afterCommit().then(() => {
            for (const item of writes) item.settle();
          });
        });
      }
      batch.push({ write, settle: resolve });
    });

  const ghl = new URL('/contacts/upsert', ghlUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: RUNS_AT_ONCE });
  const postContact = (body: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const outgoing = request(
        ghl,
        {
          method: 'POST',
          agent,
          headers: { authorization: 'Bearer bench-token-not-a-secret', version: '2021-07-28', 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const waiting: Delivery[] = [];
  let running = 0;
  let onIdle: (() => void) | undefined;
  const runNext = (): void => {
    while (running < RUNS_AT_ONCE && waiting.length > 0) {
      const delivery = waiting.shift() as Delivery;
      running += 1;
      const { data } = delivery;
      const contact = JSON.stringify({
        locationId: 'loc_bench',
        firstName: data.name?.first,
        lastName: data.name?.last,
        email: data.email?.trim().toLowerCase(),
        phone: data.phone,
        tags: ['pushpress', data.role],
        source: 'PushPress',
      });
      void postContact(contact)
        .then((status) => {
          if (status < 200 || status > 299) throw new Error(`GHL answered ${status}`);
          return durably(() => markDone.run(delivery.id));
        })
        .finally(() => {
          running -= 1;
          runNext();
          if (running === 0 && waiting.length === 0) onIdle?.();
        });
    }
  };

  const secret = Buffer.from(BENCH_SIGNING_SECRET);
  const receive = (incoming: IncomingMessage, answer: ServerResponse): void => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const text = Buffer.concat(chunks).toString();
      const body = JSON.parse(text) as { readonly event: string; readonly created: number; readonly data: Delivery['data'] };
      const expected = createHmac('sha256', secret).update(JSON.stringify(body.data)).digest();
      const given = Buffer.from(String(incoming.headers['webhook-signature']), 'hex');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        answer.writeHead(401).end();
        return;
      }
      const delivery: Delivery = { id: `${body.event}:${body.data.id}:${body.created}`, data: body.data };
      void durably(() => insert.run(delivery.id, text)).then(() => {
        answer.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":true}');
        waiting.push(delivery);
        runNext();
      });
    });
  };

  const server = createServer(receive);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    webhookUrl: `http://127.0.0.1:${port}/`,
    idle: () =>
      running === 0 && waiting.length === 0 && batch.length === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            onIdle = resolve;
          }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
      await walSync.close();
      await walFile.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
