/**
 * `flowline serve --database postgres://…`: the compiled command as a process, its store on the
 * machine's PostgreSQL (a schema of its own, dropped after), GHL played by the sandbox.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGhlSandbox, type GhlSandbox } from '@flowline/sandbox';
import { createPostgresStore } from '@flowline/store-postgres';
import { NodeChild } from '../../../test/support/node-child.js';
import { freePort } from '../../../test/support/serve-process.js';
import { dropSchema, PG_URL, uniqueSchema } from '../../store-postgres/test/pg-schema.js';
import { CLI, runCli, WORKFLOW } from './fixtures/tenant-stack.js';
import { leadDelivery, postDelivery, SECRET } from './fixtures/test-host.js';

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > giveUpAt) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('flowline serve --database: the store on PostgreSQL', () => {
  const schema = uniqueSchema('serve');
  // A password in the URL never shows in the output (trust authentication ignores it).
  const url = PG_URL.replace('postgres://postgres@', 'postgres://postgres:not-shown-pw@');
  let dir: string;
  let sandbox: GhlSandbox;
  let args: (port: number) => string[];
  const children: NodeChild[] = [];
  const contacts = () => sandbox.dump().locations[0]?.contacts ?? [];
  /** The statuses of the runs recorded in the schema, oldest first: read as another client of the database would. */
  const runStatuses = async (): Promise<string[]> => {
    const store = await createPostgresStore({ connectionString: PG_URL, schema });
    try {
      return (await store.listRuns()).map((run) => run.status).reverse();
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowline-serve-pg-'));
    sandbox = await startGhlSandbox({ locations: [{ id: 'loc_test' }], tokens: { 'test-token': { locationId: 'loc_test' } } });
    const configFile = join(dir, 'flowline.config.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        pushpress: { signingSecrets: [SECRET] },
        ghl: { baseUrl: sandbox.url },
        connections: { ghl: { connector: 'ghl', settings: { locationId: 'loc_test' }, credentials: { type: 'private-token', token: 'test-token' } } },
        config: { locationId: 'loc_test' },
      }),
    );
    args = (port) => ['serve', WORKFLOW, '--config', configFile, '--port', String(port), '--database', url, '--database-schema', schema];
  });

  afterAll(async () => {
    for (const child of children) await child.stop(30_000).catch(() => undefined);
    await sandbox?.close();
    await dropSchema(schema);
    rmSync(dir, { recursive: true, force: true });
  });

  async function serve(): Promise<{ child: NodeChild; port: number }> {
    const port = await freePort();
    const child = new NodeChild({ script: CLI, args: args(port) });
    children.push(child);
    await child.waitForLine((line) => line.startsWith('PushPress webhooks: POST'), 60_000, 'flowline serve --database');
    return { child, port };
  }

  it('runs deliveries with their records in PostgreSQL, refuses a second process on the schema, and a process started after a SIGKILL takes over', async () => {
    const first = await serve();
    expect(first.child.output()).toContain(`schema ${schema} (PostgreSQL)`);
    expect(first.child.output()).not.toContain('not-shown-pw');

    const one = leadDelivery('usr_pg_1');
    expect((await postDelivery(`http://127.0.0.1:${first.port}/webhooks/pushpress`, one)).status).toBeLessThan(300);
    await until(async () => (await runStatuses()).join() === 'succeeded', 'the first run');
    expect(contacts()).toEqual([expect.objectContaining({ tags: expect.arrayContaining(['pushpress', 'lead']) })]);

    const second = await runCli(args(await freePort()));
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`another Flowline process owns the PostgreSQL schema "${schema}"`);
    expect(second.stderr).not.toContain('not-shown-pw');

    await first.child.kill('SIGKILL');
    const third = await serve();
    const two = leadDelivery('usr_pg_2');
    expect((await postDelivery(`http://127.0.0.1:${third.port}/webhooks/pushpress`, two)).status).toBeLessThan(300);
    await until(async () => (await runStatuses()).join() === 'succeeded,succeeded', 'the second run');
    expect((await third.child.stop(30_000)).graceful).toBe(true);
  });

  it('refuses --database with --data-dir or --memory', async () => {
    const both = await runCli([...args(await freePort()), '--memory']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--database cannot go with --memory');
  });
});
