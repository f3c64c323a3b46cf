import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Benchmark } from './benchmark.js';
import { benchProcessArgs, CURRENT_BUILD, REPO_ROOT, type BenchBuild } from './bench-build.js';
import { STORE_LABELS, type BenchStoreKind } from './bench-host.js';
import type { QueuedMemoryResult } from './queued-memory-probe.js';
import { formatMegabytes, type BenchReport } from './report.js';

const run = promisify(execFile);

/** One probe: a store, a build, and whether the webhook server runs on a thread of its own. */
export interface QueuedMemoryVariant {
  readonly store: BenchStoreKind;
  readonly build: BenchBuild;
  readonly receiverThread: boolean;
}

export interface QueuedMemoryOptions {
  readonly queued: number;
  /** This many of the deliveries come first over HTTP (see queued-memory-probe.ts). */
  readonly overHttp: number;
  /** A second sample this long after the first, with nothing happening (see queued-memory-probe.ts); 0: none. */
  readonly settleMs: number;
  readonly variants: readonly QueuedMemoryVariant[];
  /** Probes run at once (memory does not depend on timing; the machine has two cores). */
  readonly atOnce: number;
  /** The goal applies to this variant: the default configuration. */
  readonly goal: QueuedMemoryVariant;
  readonly goalMaxRssBytes: number;
}

const otherBuild: BenchBuild = CURRENT_BUILD === 'compiled' ? 'tsx' : 'compiled';

const DEFAULTS: QueuedMemoryOptions = {
  queued: 100_000,
  overHttp: 5_000,
  settleMs: 10_000,
  variants: [
    { store: 'sqlite-power', build: CURRENT_BUILD, receiverThread: false },
    { store: 'sqlite-power', build: CURRENT_BUILD, receiverThread: true },
    { store: 'memory', build: CURRENT_BUILD, receiverThread: false },
    { store: 'sqlite-power', build: otherBuild, receiverThread: false },
    { store: 'sqlite-power', build: otherBuild, receiverThread: true },
  ],
  atOnce: 2,
  goal: { store: 'sqlite-power', build: CURRENT_BUILD, receiverThread: false },
  goalMaxRssBytes: 200 * 1024 * 1024,
};

const sameVariant = (a: QueuedMemoryVariant, b: QueuedMemoryVariant): boolean => a.store === b.store && a.build === b.build && a.receiverThread === b.receiverThread;

function variantLabel(variant: QueuedMemoryVariant): string {
  return `${STORE_LABELS[variant.store]}${variant.receiverThread ? ', receiver thread' : ''}, ${variant.build}`;
}

/** Runs queued-memory-probe.ts in a child of its own with --expose-gc, so each variant starts from a fresh process. */
async function probe(variant: QueuedMemoryVariant, options: QueuedMemoryOptions): Promise<QueuedMemoryResult> {
  const args = await benchProcessArgs('queued-memory-probe.ts', variant.build, [variant.store, String(options.queued), ...(variant.receiverThread ? ['receiver-thread'] : []), `--over-http=${options.overHttp}`, `--settle-ms=${options.settleMs}`], ['--expose-gc']);
  const { stdout } = await run(process.execPath, args, { cwd: REPO_ROOT, maxBuffer: 1024 * 1024, timeout: 180_000 });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as QueuedMemoryResult;
  } catch (cause) {
    throw new Error(`queued-memory-probe.ts printed no JSON result; its output was:\n${stdout}`, { cause });
  }
}

/** `task` over `items`, `atOnce` at a time, results in order. */
async function inGroups<T, R>(items: readonly T[], atOnce: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let first = 0; first < items.length; first += atOnce) results.push(...(await Promise.all(items.slice(first, first + atOnce).map(task))));
  return results;
}

function perDelivery(bytes: number, queued: number): string {
  return `${Math.round(bytes / queued).toLocaleString('en-US')} bytes/delivery`;
}

export function createQueuedMemory(overrides: Partial<QueuedMemoryOptions> = {}): Benchmark {
  const options = { ...DEFAULTS, ...overrides };
  if (!Number.isInteger(options.queued) || options.queued < 1) throw new TypeError(`Expected \`queued\` to be a positive integer, got ${options.queued}`);
  if (!options.variants.some((variant) => sameVariant(variant, options.goal))) throw new TypeError(`Expected \`variants\` to include the goal's, ${variantLabel(options.goal)}`);
  return {
    name: 'queued-memory',
    title: `resident memory of a host with ${options.queued.toLocaleString('en-US')} deliveries queued`,
    async run(report: BenchReport) {
      report.row('queued means', 'accepted (committed to the inbox) and not yet run; engine concurrency 1, the first run held');
      report.row('', 'in its GHL upsert by the loopback GHL, all others behind it');
      report.row('how', `one child per variant (--expose-gc), ${options.atOnce} at a time, startHost; the first ${options.overHttp.toLocaleString('en-US')} deliveries come as signed`);
      report.row('', 'webhooks over HTTP (32 senders in the same process), so the webhook server, or the receiver thread, has carried');
      report.row('', 'traffic; the rest are JSON-parsed customer.created payloads handed to engine.submit 1,000 at a time');
      report.row('measured', 'process.memoryUsage() after a forced GC of the main thread: host idle, then with the queue (the goal\'s');
      report.row('', `measure), then settled: ${(options.settleMs / 1000).toFixed(0)} s later with nothing happening, after another forced GC; peak = getrusage maxrss`);
      const results = await inGroups(options.variants, options.atOnce, (variant) => probe(variant, options));
      const rssOf = new Map<string, number>();
      const settledOf = new Map<string, number>();
      for (const [index, variant] of options.variants.entries()) {
        const result = results[index];
        if (!result) throw new Error(`No result for ${variantLabel(variant)}`);
        const { idle, withQueue } = result;
        rssOf.set(variantLabel(variant), withQueue.rss);
        report.row(variantLabel(variant), `${result.queued.toLocaleString('en-US')} queued (${result.overHttp.toLocaleString('en-US')} over HTTP), 1 run waiting in its action${result.heldUpserts > 1 ? ` (its request tried ${result.heldUpserts} times)` : ''}`);
        report.row('  rss: idle host → with the queue', `${formatMegabytes(idle.rss)} → ${formatMegabytes(withQueue.rss)} (peak ${formatMegabytes(result.peakRss)})`);
        report.row('  heapUsed: idle host → with the queue', `${formatMegabytes(idle.heapUsed)} → ${formatMegabytes(withQueue.heapUsed)} (${perDelivery(withQueue.heapUsed - idle.heapUsed, result.queued)})`);
        report.row('  heapTotal: idle host → with the queue', `${formatMegabytes(idle.heapTotal)} → ${formatMegabytes(withQueue.heapTotal)}`);
        report.row('  rss − heapTotal: idle → with the queue', `${formatMegabytes(idle.rss - idle.heapTotal)} → ${formatMegabytes(withQueue.rss - withQueue.heapTotal)}`);
        report.row('  rss growth', `${formatMegabytes(withQueue.rss - idle.rss)} (${perDelivery(withQueue.rss - idle.rss, result.queued)})`);
        if (result.settled) {
          report.row(`  settled, ${(result.settleMs / 1000).toFixed(0)} s later: rss, heapTotal`, `${formatMegabytes(result.settled.rss)}, ${formatMegabytes(result.settled.heapTotal)}`);
          settledOf.set(variantLabel(variant), result.settled.rss);
        }
        report.row('  accepted while queueing', `${Math.round(result.submittedPerSecond).toLocaleString('en-US')} deliveries/s (HTTP, then inbox commits without it; ${options.atOnce} probes side by side)`);
        const met = withQueue.rss < options.goalMaxRssBytes;
        const label = `rss < ${formatMegabytes(options.goalMaxRssBytes)} with ${options.queued.toLocaleString('en-US')} queued`;
        if (sameVariant(variant, options.goal)) report.goal(`${label}, ${variantLabel(variant)}`, met, formatMegabytes(withQueue.rss));
        else report.row('  against the goal (not counted)', `${met ? 'meets' : 'misses'} ${label}`);
      }
      for (const build of [CURRENT_BUILD, otherBuild]) {
        for (const [when, of] of [['with the queue', rssOf], ['settled', settledOf]] as const) {
          const without = of.get(variantLabel({ ...options.goal, build, receiverThread: false }));
          const withThread = of.get(variantLabel({ ...options.goal, build, receiverThread: true }));
          if (without === undefined || withThread === undefined) continue;
          report.row(`receiver thread, ${build}, ${when}`, `${formatMegabytes(withThread)}, ${formatMegabytes(withThread - without)} more than without: ${withThread < options.goalMaxRssBytes ? 'fits' : 'does not fit'} under ${formatMegabytes(options.goalMaxRssBytes)}`);
        }
      }
      report.note('gc() collects the main thread only: the receiver thread\'s heap holds what the traffic left, young generation grown, and');
      report.note('does not shrink while the thread waits (the main thread\'s does, by the settled sample).');
    },
  };
}

export const queuedMemory: Benchmark = createQueuedMemory();
