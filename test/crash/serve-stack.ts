import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSqliteStore, type SqliteStore } from '../../packages/store-sqlite/src/index.js';
import { signDelivery, type Delivery, type JsonObject, type LocationDump } from '../../packages/sandbox/src/index.js';
import { NodeChild, type ExitInfo } from '../support/node-child.js';
import { startSandboxChild, type SandboxChild } from '../support/sandbox-child.js';
import { freePort, ServeProcess } from '../support/serve-process.js';
import { SECRET_ENV, writeCrashConfig } from './crash-config.js';

export const CLI = 'packages/cli/dist/main.js';
export const LOCATION_ID = 'loc_sandbox_1';

/**
 * What the two-process and killed-retry cases share: the sandbox in a child process, a config
 * pointed at it, one data directory, and `flowline serve` / `flowline runs retry` processes on it.
 */
export interface ServeStack {
  readonly workDir: string;
  readonly dataDir: string;
  readonly configFile: string;
  readonly secret: string;
  readonly sandbox: SandboxChild;
  /** A `flowline serve` of `flows` on the data directory (not started), on `port` or a free one. */
  serve(options?: { readonly port?: number; readonly logName?: string }): Promise<ServeProcess>;
  /** `flowline runs retry <id> <flows>` on the data directory, as a process (not awaited). */
  retry(id: string): NodeChild;
  /** POSTs a signed delivery to `url`; resolves with the status. */
  send(url: string, delivery: Delivery): Promise<number>;
  /** Opens the data directory's store for `use`, then closes it. */
  withStore<T>(use: (store: SqliteStore) => Promise<T>): Promise<T>;
  location(): Promise<LocationDump>;
  close(): Promise<void>;
}

export async function startServeStack(options: { readonly flows: readonly string[]; readonly customers?: readonly JsonObject[]; readonly seed?: number }): Promise<ServeStack> {
  const workDir = mkdtempSync(join(tmpdir(), 'flowline-crash-case-'));
  const secret = `crash_${randomBytes(16).toString('hex')}`;
  const sandbox = await startSandboxChild({ customers: options.customers ?? [], workDir, seed: options.seed ?? 1 });
  const configFile = writeCrashConfig(workDir, sandbox.ghlUrl, sandbox.pushpressUrl);
  const dataDir = join(workDir, 'data');
  const env = { [SECRET_ENV]: secret };
  const children: NodeChild[] = [];
  const serves: ServeProcess[] = [];
  return {
    workDir,
    dataDir,
    configFile,
    secret,
    sandbox,
    async serve(serveOptions = {}) {
      const serve = new ServeProcess({
        workflows: options.flows,
        configFile,
        dataDir,
        port: serveOptions.port ?? (await freePort()),
        env,
        logFile: join(workDir, serveOptions.logName ?? 'serve.log'),
      });
      serves.push(serve);
      return serve;
    },
    retry(id) {
      const child = new NodeChild({ script: CLI, args: ['runs', 'retry', id, ...options.flows, '--config', configFile, '--data-dir', dataDir], env, logFile: join(workDir, 'retry.log') });
      children.push(child);
      return child;
    },
    async send(url, delivery) {
      const signed = signDelivery(delivery, secret);
      const response = await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body, signal: AbortSignal.timeout(15_000) });
      await response.text();
      return response.status;
    },
    async withStore(use) {
      const store = createSqliteStore({ path: join(dataDir, 'flowline.db') });
      try {
        return await use(store);
      } finally {
        await store.close();
      }
    },
    async location() {
      const location = (await sandbox.admin.state()).locations.find((candidate) => candidate.id === LOCATION_ID);
      if (!location) throw new Error(`The sandbox has no location ${LOCATION_ID}`);
      return location;
    },
    async close() {
      await Promise.all(children.map((child) => child.kill('SIGKILL')));
      await Promise.all(serves.filter((serve) => serve.running).map((serve) => serve.kill()));
      await sandbox.close();
      if (process.env['FLOWLINE_CRASH_KEEP'] === undefined) rmSync(workDir, { recursive: true, force: true });
      else process.stdout.write(`kept ${workDir}\n`);
    },
  };
}

/** Polls `check` every 100 ms until it returns a value (not undefined), for at most `timeoutMs`; `what` names it in the error. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`${what}: not so within ${timeoutMs} ms`);
    await sleep(100);
  }
}

export type { ExitInfo };
