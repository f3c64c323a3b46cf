/**
 * Child-process entry of the tenants-startup benchmark's embedding path (tenants-startup.ts
 * starts it, `node … tenants-startup-probe.js <tenants>`): as an app embedding Flowline starts
 * with many gyms. It imports core, connectors and store-sqlite, opens a fresh SQLite store,
 * creates an engine with the GHL and PushPress connectors and examples/flowline.config.json for
 * the default tenant, deploys the 21 example workflows, then adds `<tenants>` more tenants
 * (each its own connections and `$config`, as tenant-files.ts gives them) and deploys the same
 * 21 for each: ready. Then it resumes every tenant (nothing is left in a fresh store: the cost of
 * asking), and prints one JSON line (TenantsProbeResult). Besides the packages it imports only
 * tenant-files.ts (no package code), so what it loads is what an app loads.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../packages/core/src/index.js';
import { createGhlConnector, createPushPressConnector } from '../packages/connectors/src/index.js';
import { createSqliteStore } from '../packages/store-sqlite/src/index.js';
import { EXAMPLE_FLOWS, tenantFile, tenantId } from './tenant-files.js';

/** What the probe prints. Times are ms since this process's time origin (its start), except `readyAt`. */
export interface TenantsProbeResult {
  /** Every module imported (node's own start-up included). */
  readonly importedMs: number;
  /** The SQLite store opened, the engine created, the default tenant's 21 workflows deployed. */
  readonly defaultReadyMs: number;
  /** Every tenant added and its 21 workflows deployed: ready. */
  readonly readyMs: number;
  /** Epoch ms when ready, to compare with the parent's spawn time. */
  readonly readyAt: number;
  /** `engine.resume()` done (every tenant asked for its leftovers). */
  readonly resumedMs: number;
  /** Tenants besides the default one. */
  readonly tenants: number;
  /** Workflows deployed, over every tenant. */
  readonly workflows: number;
  /** process.memoryUsage() when ready, and after resume (no forced GC). */
  readonly rss: number;
  readonly heapUsed: number;
  readonly rssResumed: number;
  readonly heapUsedResumed: number;
}

const importedMs = performance.now();
const tenants = Number(process.argv[2] ?? '0');
if (!Number.isInteger(tenants) || tenants < 0) throw new TypeError(`Expected a number of tenants, got ${process.argv[2]}`);

interface ExamplesConfig {
  readonly ghl: { readonly baseUrl: string };
  readonly pushpress: { readonly baseUrl: string };
  readonly connections: NonNullable<Parameters<typeof createEngine>[0]>['connections'];
  readonly config: Record<string, unknown>;
}

const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const config = JSON.parse(readFileSync(join(examples, 'flowline.config.json'), 'utf8')) as ExamplesConfig;
// Read once, as `flowline serve` does: every tenant deploys the same parsed definitions.
const definitions: unknown[] = EXAMPLE_FLOWS.flatMap((flow) =>
  readdirSync(join(examples, flow))
    .filter((name) => name.endsWith('.workflow.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(examples, flow, name), 'utf8')) as unknown),
);

const dataDir = mkdtempSync(join(tmpdir(), 'flowline-tenants-probe-'));
const store = createSqliteStore({ path: join(dataDir, 'flowline.db') });
const engine = createEngine({
  connectors: [createGhlConnector({ baseUrl: config.ghl.baseUrl }), createPushPressConnector({ baseUrl: config.pushpress.baseUrl })],
  connections: config.connections,
  config: config.config,
  store,
});
for (const definition of definitions) engine.deploy(definition);
const defaultReadyMs = performance.now();
let workflows = engine.workflows().length;
for (let n = 1; n <= tenants; n += 1) {
  const file = tenantFile(n, config.config);
  const scope = engine.addTenant({ id: tenantId(n), connections: file.connections, ...(file.config ? { config: file.config } : {}) });
  for (const definition of definitions) scope.deploy(definition);
  workflows += scope.workflows().length;
}
const readyMs = performance.now();
const ready = process.memoryUsage();
await engine.resume();
const resumedMs = performance.now();
const resumed = process.memoryUsage();
const result: TenantsProbeResult = {
  importedMs,
  defaultReadyMs,
  readyMs,
  readyAt: performance.timeOrigin + readyMs,
  resumedMs,
  tenants,
  workflows,
  rss: ready.rss,
  heapUsed: ready.heapUsed,
  rssResumed: resumed.rss,
  heapUsedResumed: resumed.heapUsed,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
await engine.idle();
await store.close();
rmSync(dataDir, { recursive: true, force: true });
