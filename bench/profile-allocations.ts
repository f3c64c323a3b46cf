/**
 * Where a loop of engine runs allocates (garbage included), by function, to find what keeps the
 * garbage collector busy:
 *   node --conditions=@flowline/source --import tsx bench/profile-allocations.ts [seconds] [top]
 * Uses V8's sampling heap profiler with collected objects kept in the samples.
 */
import { Session } from 'node:inspector/promises';
import { createBenchEngine, customerEvents, deliveryAt } from './customer-created.js';

interface SamplingNode {
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly selfSize: number;
  readonly children: readonly SamplingNode[];
}

const seconds = Number(process.argv[2] ?? '3');
const top = Number(process.argv[3] ?? '40');
const events = customerEvents(1_024);
let engine = createBenchEngine();
for (let run = 0; run < 20_000; run += 1) await engine.dispatch(deliveryAt(events, run + 1e9));

const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const end = performance.now() + seconds * 1000;
let runs = 0;
while (performance.now() < end) {
  await engine.dispatch(deliveryAt(events, runs));
  runs += 1;
  if (runs % 3_000 === 0) engine = createBenchEngine();
}
const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: SamplingNode } };
session.disconnect();

const byFunction = new Map<string, number>();
let total = 0;
/** Built-ins (`new Set`, `sort`, ...) are charged to the function that called them, which is the one to change. */
const visit = (node: SamplingNode, caller: string): void => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^.*node_modules\/\.pnpm\/([^/]+)\/.*$/, '$1').replace(/^.*\/work\/main\//, '');
  const own = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  const key = url === '' ? `${functionName} in ${caller}` : own;
  byFunction.set(key, (byFunction.get(key) ?? 0) + node.selfSize);
  total += node.selfSize;
  for (const child of node.children) visit(child, url === '' ? caller : own);
};
visit(profile.head, '(root)');
process.stdout.write(`${runs} runs, ${Math.round(total / runs)} bytes allocated per run (sampled)\n`);
for (const [key, bytes] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  process.stdout.write(`${(bytes / runs).toFixed(0).padStart(7)} B/run  ${(100 * bytes / total).toFixed(1).padStart(5)}%  ${key}\n`);
}
