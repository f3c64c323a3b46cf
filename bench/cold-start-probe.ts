/**
 * Child-process entry of the cold-start benchmark (cold-start.ts starts it, of either build: see
 * bench-build.ts): from nothing to a ready engine, as an app embedding Flowline starts. It imports
 * the three published packages (core, connectors, store-sqlite), opens a SQLite store, creates
 * an engine with the GHL and PushPress connectors and the connections and `$config` of
 * examples/flowline.config.json, deploys every examples/<flow>/*.workflow.json, and prints one
 * JSON line (ColdStartResult). It imports nothing else of the bench, so that what it loads is
 * what an app loads.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
// By path, as core-dependencies.ts does: the repo root has no workspace links.
import { createEngine } from '../packages/core/src/index.js';
import { createGhlConnector, createPushPressConnector } from '../packages/connectors/src/index.js';
import { createSqliteStore } from '../packages/store-sqlite/src/index.js';

/** What the probe prints. Times are ms since this process's time origin (its start), except `readyAt`. */
export interface ColdStartResult {
  /** Every module imported (node's own start-up included). */
  readonly importedMs: number;
  /** The SQLite store opened. */
  readonly storeOpenMs: number;
  /** The engine created and every workflow deployed: ready. */
  readonly readyMs: number;
  /** Epoch ms (performance.timeOrigin + now) when ready, to compare with the parent's spawn time. */
  readonly readyAt: number;
  readonly workflows: number;
  /** process.memoryUsage() when ready (no forced GC). */
  readonly rss: number;
  readonly heapUsed: number;
}

const importedMs = performance.now();

interface ExamplesConfig {
  readonly ghl: { readonly baseUrl: string };
  readonly pushpress: { readonly baseUrl: string };
  readonly connections: NonNullable<Parameters<typeof createEngine>[0]>['connections'];
  readonly config: Record<string, unknown>;
}

const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const config = JSON.parse(readFileSync(join(examples, 'flowline.config.json'), 'utf8')) as ExamplesConfig;
const workflowFiles = readdirSync(examples, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules')
  .flatMap((dir) => readdirSync(join(examples, dir.name)).filter((name) => name.endsWith('.workflow.json')).map((name) => join(examples, dir.name, name)))
  .sort();

const dataDir = mkdtempSync(join(tmpdir(), 'flowline-cold-start-'));
const store = createSqliteStore({ path: join(dataDir, 'flowline.db') });
const storeOpenMs = performance.now();
const engine = createEngine({
  connectors: [createGhlConnector({ baseUrl: config.ghl.baseUrl }), createPushPressConnector({ baseUrl: config.pushpress.baseUrl })],
  connections: config.connections,
  config: config.config,
  store,
});
for (const file of workflowFiles) engine.deploy(JSON.parse(readFileSync(file, 'utf8')));
const readyMs = performance.now();
const { rss, heapUsed } = process.memoryUsage();
const result: ColdStartResult = { importedMs, storeOpenMs, readyMs, readyAt: performance.timeOrigin + readyMs, workflows: engine.workflows().length, rss, heapUsed };
process.stdout.write(`${JSON.stringify(result)}\n`);
await store.close();
rmSync(dataDir, { recursive: true, force: true });
