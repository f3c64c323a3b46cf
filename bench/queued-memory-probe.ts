/**
 * Resident memory of a host with `count` deliveries queued: accepted (committed to the inbox)
 * but not yet run. Run by queued-memory.ts in a child of its own (one per store), with
 * --expose-gc; prints one JSON line (QueuedMemoryResult).
 *   node --expose-gc --import tsx bench/queued-memory-probe.ts <memory|sqlite-power|sqlite-process> <count>
 *
 * How: a host (startHost, engine concurrency 1) whose GHL upsert is held by the loopback GHL,
 * so the first run waits in its action and every later delivery stays queued behind it; the
 * deliveries are handed to `engine.submit`, the receiver's sink, 1,000 at a time (what the
 * receiver submits after checking a signed webhook, without the HTTP: 100,000 webhooks would
 * take longer than the benchmark's budget).
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { BENCH_STORE_KINDS, startBenchHost, type BenchStoreKind } from './bench-host.js';
import { startLoopbackGhl } from './loopback-ghl.js';
import { customerCreatedBody, type CustomerCreatedBody } from './signed-delivery.js';

export interface MemorySample {
  readonly rss: number;
  /** V8 heap committed (includes the new space, up to 32 MB with Node 20's defaults). */
  readonly heapTotal: number;
  readonly heapUsed: number;
  /** Memory of C++ objects bound to JS (includes Buffers). */
  readonly external: number;
}

export interface QueuedMemoryResult {
  readonly store: BenchStoreKind;
  readonly queued: number;
  /** Host started and idle (after a forced GC). */
  readonly idle: MemorySample;
  /** With `queued` deliveries accepted and waiting (after a forced GC). */
  readonly withQueue: MemorySample;
  /** Peak resident memory of the process so far (getrusage maxrss), bytes. */
  readonly peakRss: number;
  /** Deliveries accepted per second while submitting (inbox commits, no HTTP). */
  readonly submittedPerSecond: number;
  /** Runs that reached the (held) GHL action: 1 means all the others are still queued. */
  readonly runsInAction: number;
}

const BATCH = 1_000;

function sample(): MemorySample {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('queued-memory-probe.ts needs --expose-gc');
  gc();
  gc();
  const { rss, heapTotal, heapUsed, external } = process.memoryUsage();
  return { rss, heapTotal, heapUsed, external };
}

function parseArgs(argv: readonly string[]): { store: BenchStoreKind; count: number } {
  const [store, countText] = argv;
  if (!BENCH_STORE_KINDS.includes(store as BenchStoreKind)) throw new TypeError(`Expected the store (${BENCH_STORE_KINDS.join(', ')}) as the first argument, got ${String(store)}`);
  const count = Number(countText);
  if (!Number.isInteger(count) || count < 1) throw new TypeError(`Expected the number of deliveries to queue as the second argument, got ${String(countText)}`);
  return { store: store as BenchStoreKind, count };
}

async function probe(store: BenchStoreKind, count: number): Promise<QueuedMemoryResult> {
  const ghl = await startLoopbackGhl({ hold: true });
  const bench = await startBenchHost({ store, ghlUrl: ghl.url, concurrency: 1 });
  try {
    const { engine } = bench.host;
    const idle = sample();
    const nowMs = Date.now();
    const start = performance.now();
    for (let first = 0; first < count; first += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, count - first) }, (_, offset) => {
        // Parsed from JSON text, as the receiver's payload is (a shallow copy of the sample would share its nested objects).
        const body = JSON.parse(JSON.stringify(customerCreatedBody(first + offset, nowMs))) as CustomerCreatedBody;
        // The event the receiver builds from a checked delivery (see the connectors' delivery-check.ts).
        return engine.submit({ id: `customer.created:${body.data.id}:${body.created}`, trigger: 'pushpress.customer.created', payload: body, orderingKey: body.data.id });
      });
      const results = await Promise.all(batch);
      const notAccepted = results.filter((result) => result.status !== 'accepted').length;
      if (notAccepted > 0) throw new Error(`${notAccepted} submitted deliveries were not accepted`);
    }
    const submittedPerSecond = count / ((performance.now() - start) / 1000);
    while (ghl.upserts < 1) await sleep(10);
    const withQueue = sample();
    return { store, queued: count - ghl.upserts, idle, withQueue, peakRss: process.resourceUsage().maxRSS * 1024, submittedPerSecond, runsInAction: ghl.upserts };
  } finally {
    // The queued runs are left unrun: the process ends here.
    await bench.close({ waitForRuns: false });
    await ghl.close();
  }
}

const { store, count } = parseArgs(process.argv.slice(2));
const result = await probe(store, count);
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
