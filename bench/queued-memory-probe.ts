/**
 * Resident memory of a host with `count` deliveries queued: accepted (committed to the inbox)
 * but not yet run. Run by queued-memory.ts in a child of its own (one per variant), with
 * --expose-gc, of either build (see bench-build.ts); prints one JSON line (QueuedMemoryResult).
 *   node --expose-gc --conditions=@flowline/source --import tsx bench/queued-memory-probe.ts <memory|sqlite-power|sqlite-process> <count> [receiver-thread] [--over-http=<count>] [--settle-ms=<ms>]
 *
 * How: a host (startHost, engine concurrency 1) whose GHL upsert is held by the loopback GHL,
 * so the first run waits in its action and every later delivery stays queued behind it. With
 * --over-http, that many of the deliveries arrive first as signed webhooks over HTTP (32
 * keep-alive senders in this process), so the webhook server has carried traffic when the
 * memory is measured; the rest (all of them without it) are handed to `engine.submit`, the
 * receiver's sink, 1,000 at a time (what the receiver submits after checking a signed webhook,
 * without the HTTP: 100,000 webhooks would take longer than the benchmark's budget).
 * With --settle-ms, it samples again after that long with nothing happening (see `settled`).
 * With `receiver-thread`, the host runs its webhook server on a thread of its own (startHost's
 * `receiverThread`); deliveries submitted directly do not go through it.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { BENCH_STORE_KINDS, startBenchHost, type BenchStoreKind } from './bench-host.js';
import { startLoopbackGhl } from './loopback-ghl.js';
import { customerCreatedBody, type CustomerCreatedBody } from './signed-delivery.js';
import { sendDeliveries } from './webhook-load.js';

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
  readonly receiverThread: boolean;
  /** Deliveries that came as signed webhooks over HTTP (the first ones); the others were submitted directly. */
  readonly overHttp: number;
  readonly queued: number;
  /** Host started and idle (after a forced GC). */
  readonly idle: MemorySample;
  /** With `queued` deliveries accepted and waiting (after a forced GC). */
  readonly withQueue: MemorySample;
  /**
   * The same, `settleMs` later with nothing happening (after another forced GC): by then V8's
   * memory reducer has shrunk the main thread's young generation, grown by the traffic, and
   * freed pages have gone back to the system. Absent when not asked for.
   */
  readonly settled?: MemorySample;
  readonly settleMs: number;
  /** Peak resident memory of the process so far (getrusage maxrss), bytes. */
  readonly peakRss: number;
  /** Deliveries accepted per second while submitting (inbox commits, no HTTP). */
  readonly submittedPerSecond: number;
  /**
   * Upsert requests the held GHL has received: the first run's (engine concurrency 1), and again
   * each time that request timed out (the GHL client's 30 s) and the run tried it again.
   */
  readonly heldUpserts: number;
}

const BATCH = 1_000;
const HTTP_SENDERS = 32;
/** The HTTP deliveries must all be sent within this. */
const HTTP_TIMEOUT_MS = 120_000;

function sample(): MemorySample {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('queued-memory-probe.ts needs --expose-gc');
  gc();
  gc();
  const { rss, heapTotal, heapUsed, external } = process.memoryUsage();
  return { rss, heapTotal, heapUsed, external };
}

interface ProbeArgs {
  readonly store: BenchStoreKind;
  readonly count: number;
  readonly receiverThread: boolean;
  /** How many of the deliveries are sent first as signed webhooks over HTTP (0: none). */
  readonly overHttp: number;
  /** How long to wait, with the queue, before a second sample (0: no second sample). */
  readonly settleMs: number;
}

function parseArgs(argv: readonly string[]): ProbeArgs {
  const [store, countText, ...flags] = argv;
  if (!BENCH_STORE_KINDS.includes(store as BenchStoreKind)) throw new TypeError(`Expected the store (${BENCH_STORE_KINDS.join(', ')}) as the first argument, got ${String(store)}`);
  const count = Number(countText);
  if (!Number.isInteger(count) || count < 1) throw new TypeError(`Expected the number of deliveries to queue as the second argument, got ${String(countText)}`);
  let receiverThread = false;
  let overHttp = 0;
  let settleMs = 0;
  for (const flag of flags) {
    if (flag === 'receiver-thread') receiverThread = true;
    else if (/^--over-http=\d+$/.test(flag)) overHttp = Number(flag.slice('--over-http='.length));
    else if (/^--settle-ms=\d+$/.test(flag)) settleMs = Number(flag.slice('--settle-ms='.length));
    else throw new TypeError(`Expected \`receiver-thread\`, --over-http=<count> or --settle-ms=<ms> after the count, got ${flag}`);
  }
  if (overHttp > count) throw new TypeError(`Expected --over-http to be at most the count (${count}), got ${overHttp}`);
  return { store: store as BenchStoreKind, count, receiverThread, overHttp, settleMs };
}

async function probe({ store, count, receiverThread, overHttp, settleMs }: ProbeArgs): Promise<QueuedMemoryResult> {
  const ghl = await startLoopbackGhl({ hold: true });
  const bench = await startBenchHost({ store, ghlUrl: ghl.url, concurrency: 1, receiverThread });
  try {
    const { engine, webhookUrl } = bench.host;
    const idle = sample();
    const nowMs = Date.now();
    const start = performance.now();
    if (overHttp > 0) {
      // Through the webhook server (or the receiver thread), as PushPress sends them.
      const load = await sendDeliveries({ url: webhookUrl, senders: HTTP_SENDERS, durationMs: HTTP_TIMEOUT_MS, firstIndex: 0, maxDeliveries: overHttp });
      if (load.sent !== overHttp || load.accepted !== load.sent) throw new Error(`Of ${overHttp} deliveries to send over HTTP, ${load.sent} were sent and ${load.accepted} accepted: ${JSON.stringify(load.refused)}`);
    }
    for (let first = overHttp; first < count; first += BATCH) {
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
    let settled: MemorySample | undefined;
    if (settleMs > 0) {
      await sleep(settleMs);
      settled = sample();
    }
    return { store, receiverThread, overHttp, queued: count - 1, idle, withQueue, ...(settled ? { settled } : {}), settleMs, peakRss: process.resourceUsage().maxRSS * 1024, submittedPerSecond, heldUpserts: ghl.upserts };
  } finally {
    // The queued runs are left unrun: the process ends here.
    await bench.close({ waitForRuns: false });
    await ghl.close();
  }
}

const result = await probe(parseArgs(process.argv.slice(2)));
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
