import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Benchmark } from './benchmark.js';
import { STORE_LABELS, type BenchStoreKind } from './bench-host.js';
import type { QueuedMemoryResult } from './queued-memory-probe.js';
import { formatMegabytes, type BenchReport } from './report.js';

const run = promisify(execFile);

export interface QueuedMemoryOptions {
  readonly queued: number;
  readonly stores: readonly BenchStoreKind[];
  /** The goal applies to this store (the durable default). */
  readonly goalStore: BenchStoreKind;
  readonly goalMaxRssBytes: number;
}

const DEFAULTS: QueuedMemoryOptions = {
  queued: 100_000,
  stores: ['memory', 'sqlite-power'],
  goalStore: 'sqlite-power',
  goalMaxRssBytes: 200 * 1024 * 1024,
};

/** Runs queued-memory-probe.ts in a child of its own with --expose-gc, so each store starts from a fresh process. */
async function probe(store: BenchStoreKind, queued: number): Promise<QueuedMemoryResult> {
  const probePath = fileURLToPath(new URL('./queued-memory-probe.ts', import.meta.url));
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', probePath, store, String(queued)], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    maxBuffer: 1024 * 1024,
    timeout: 120_000,
  });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as QueuedMemoryResult;
  } catch (cause) {
    throw new Error(`queued-memory-probe.ts printed no JSON result; its output was:\n${stdout}`, { cause });
  }
}

function perDelivery(bytes: number, queued: number): string {
  return `${Math.round(bytes / queued).toLocaleString('en-US')} bytes/delivery`;
}

export function createQueuedMemory(overrides: Partial<QueuedMemoryOptions> = {}): Benchmark {
  const options = { ...DEFAULTS, ...overrides };
  if (!Number.isInteger(options.queued) || options.queued < 1) throw new TypeError(`Expected \`queued\` to be a positive integer, got ${options.queued}`);
  if (!options.stores.includes(options.goalStore)) throw new TypeError(`Expected \`stores\` to include the goal store ${options.goalStore}`);
  return {
    name: 'queued-memory',
    title: `resident memory of a host with ${options.queued.toLocaleString('en-US')} deliveries queued`,
    async run(report: BenchReport) {
      report.row('queued means', 'accepted (engine.submit resolved: committed to the inbox) and not yet run; engine');
      report.row('', 'concurrency 1, the first run held in its GHL upsert by the loopback GHL, all others behind it');
      report.row('how', 'one child per store, run at once (--expose-gc, through tsx), startHost; deliveries are JSON-parsed');
      report.row('', 'customer.created payloads handed to engine.submit (the receiver\'s sink) 1,000 at a time, no HTTP');
      report.row('measured', 'process.memoryUsage() after a forced GC: host idle, then with the queue; peak = getrusage maxrss');
      // The probes run at once (memory does not depend on timing), to keep the block short.
      const results = await Promise.all(options.stores.map((store) => probe(store, options.queued)));
      for (const [index, store] of options.stores.entries()) {
        const result = results[index];
        if (!result) throw new Error(`No result for ${store}`);
        const { idle, withQueue } = result;
        report.row(STORE_LABELS[store], `${result.queued.toLocaleString('en-US')} queued, ${result.runsInAction} run waiting in its action`);
        report.row('  rss: idle host → with the queue', `${formatMegabytes(idle.rss)} → ${formatMegabytes(withQueue.rss)} (peak ${formatMegabytes(result.peakRss)})`);
        report.row('  heapUsed: idle host → with the queue', `${formatMegabytes(idle.heapUsed)} → ${formatMegabytes(withQueue.heapUsed)} (${perDelivery(withQueue.heapUsed - idle.heapUsed, result.queued)})`);
        report.row('  heapTotal: idle host → with the queue', `${formatMegabytes(idle.heapTotal)} → ${formatMegabytes(withQueue.heapTotal)}`);
        report.row('  rss − heapTotal: idle → with the queue', `${formatMegabytes(idle.rss - idle.heapTotal)} → ${formatMegabytes(withQueue.rss - withQueue.heapTotal)}`);
        report.row('  rss growth', `${formatMegabytes(withQueue.rss - idle.rss)} (${perDelivery(withQueue.rss - idle.rss, result.queued)})`);
        report.row('  accepted while queueing', `${Math.round(result.submittedPerSecond).toLocaleString('en-US')} deliveries/s (inbox commits, no HTTP; probes run side by side)`);
        const met = withQueue.rss < options.goalMaxRssBytes;
        const label = `rss < ${formatMegabytes(options.goalMaxRssBytes)} with ${options.queued.toLocaleString('en-US')} queued`;
        if (store === options.goalStore) report.goal(`${label}, ${store}`, met, formatMegabytes(withQueue.rss));
        else report.row('  against the goal (not counted)', `${met ? 'meets' : 'misses'} ${label}`);
      }
      report.note('the idle rss includes about 35 MB for the tsx loader (bare node ~40 MB, node --import tsx ~75 MB here).');
    },
  };
}

export const queuedMemory: Benchmark = createQueuedMemory();
