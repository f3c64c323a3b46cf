import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Benchmark } from './benchmark.js';
import { BENCH_STORE_KINDS, STORE_LABELS, startBenchHost, type BenchStoreKind } from './bench-host.js';
import { percentile } from './percentile.js';
import { startHandWrittenPath } from './hand-written-path.js';
import { startRemoteSide, type RemoteSide } from './remote-side.js';
import type { BenchReport } from './report.js';
import type { WebhookLoadResult } from './webhook-load.js';

export interface DurablePathOptions {
  readonly stores: readonly BenchStoreKind[];
  /** Concurrent senders of the load generator. */
  readonly senders: number;
  /** Per store, before measuring. */
  readonly warmupMs: number;
  /** Once, on a throwaway memory-store host before the first store, so the first store measured does not pay for the JIT. */
  readonly jitWarmupMs: number;
  readonly measureMs: number;
  /** The goals apply to this store (the durable default). */
  readonly goalStore: BenchStoreKind;
  readonly goalDeliveriesPerSecond: number;
  readonly goalP99AckMs: number;
  /** Also measure the goal store with the webhook server on a thread of its own (`receiverThread`, opt-in). */
  readonly receiverThreadVariant: boolean;
  /** Also measure the path written by hand (hand-written-path.ts), as a floor. */
  readonly handWrittenFloor: boolean;
}

const DEFAULTS: DurablePathOptions = {
  stores: BENCH_STORE_KINDS,
  senders: 32,
  warmupMs: 1_000,
  jitWarmupMs: 2_000,
  measureMs: 3_000,
  goalStore: 'sqlite-power',
  goalDeliveriesPerSecond: 2_200,
  goalP99AckMs: 50,
  receiverThreadVariant: true,
  handWrittenFloor: true,
};

interface StoreFigures {
  readonly load: WebhookLoadResult;
  /** Runs the loopback GHL saw during the measured load (one upsert per run). */
  readonly completed: number;
  /** First send → the last run done, seconds. */
  readonly endToEndSeconds: number;
  /** First send → last acknowledgement, seconds. */
  readonly sendingSeconds: number;
  /** CPU of the host process (receiver, engine, store, GHL client) over the same span, µs. */
  readonly hostCpuMicros: number;
  readonly deadLetters: number;
}

const epochNow = (): number => performance.timeOrigin + performance.now();

/** What the load is sent to: a webhook URL, a way to wait until every accepted delivery has run, and its dead letters. */
interface PathUnderTest {
  readonly webhookUrl: string;
  idle(): Promise<void>;
  deadLetters(): Promise<number>;
}

/** Warms `path` up, then sends the measured load and waits until every accepted delivery has run. */
async function measurePath(path: PathUnderTest, remote: RemoteSide, options: DurablePathOptions, firstIndex: number): Promise<StoreFigures> {
  const { webhookUrl } = path;
  await remote.send({ url: webhookUrl, senders: options.senders, durationMs: options.warmupMs, firstIndex });
  await path.idle();
  const upsertsBefore = await remote.upserts();
  const cpuBefore = process.cpuUsage();
  const load = await remote.send({ url: webhookUrl, senders: options.senders, durationMs: options.measureMs, firstIndex: firstIndex + 1_000_000 });
  await path.idle();
  const doneAt = epochNow();
  const cpu = process.cpuUsage(cpuBefore);
  return {
    load,
    completed: (await remote.upserts()) - upsertsBefore,
    endToEndSeconds: (doneAt - load.firstSendAt) / 1000,
    sendingSeconds: (load.lastAnswerAt - load.firstSendAt) / 1000,
    hostCpuMicros: cpu.user + cpu.system,
    deadLetters: await path.deadLetters(),
  };
}

async function measureStore(store: BenchStoreKind, remote: RemoteSide, options: DurablePathOptions, firstIndex: number, receiverThread = false): Promise<StoreFigures> {
  const bench = await startBenchHost({ store, ghlUrl: remote.ghlUrl, receiverThread });
  try {
    const { engine, webhookUrl } = bench.host;
    return await measurePath({ webhookUrl, idle: () => engine.idle(), deadLetters: async () => (await engine.deadLetters()).length }, remote, options, firstIndex);
  } finally {
    await bench.close();
  }
}

/** The same load through the hand-written path (hand-written-path.ts): the floor to read the stores' figures against. */
async function measureHandWritten(remote: RemoteSide, options: DurablePathOptions, firstIndex: number): Promise<StoreFigures> {
  const path = await startHandWrittenPath(remote.ghlUrl);
  try {
    return await measurePath({ webhookUrl: path.webhookUrl, idle: () => path.idle(), deadLetters: async () => 0 }, remote, options, firstIndex);
  } finally {
    await path.close();
  }
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const perSecond = (value: number): string => `${Math.round(value).toLocaleString('en-US')}/s`;

/** `counted`: the goals apply to these figures; the others say how they compare (not counted). */
function reportStore(report: BenchReport, label: string, figures: StoreFigures, options: DurablePathOptions, counted: boolean): { deliveriesPerSecond: number; p99: number } {
  const { load } = figures;
  const p50 = percentile(load.ackMs, 50);
  const p99 = percentile(load.ackMs, 99);
  const deliveriesPerSecond = figures.completed / figures.endToEndSeconds;
  report.row(label, '');
  report.row('  deliveries/s end to end', `${perSecond(deliveriesPerSecond)}  (${figures.completed.toLocaleString('en-US')} runs done in ${figures.endToEndSeconds.toFixed(2)} s, first send → last run done)`);
  report.row('  acknowledged/s while sending', `${perSecond(load.accepted / figures.sendingSeconds)}  (${load.accepted.toLocaleString('en-US')} answered 202 in ${figures.sendingSeconds.toFixed(2)} s)`);
  report.row('  time to acknowledgement', `p50 ${ms(p50)}, p99 ${ms(p99)}, max ${ms(load.ackMs.at(-1) ?? Number.NaN)}`);
  report.row('  host cpu per delivery', `${(figures.hostCpuMicros / Math.max(1, figures.completed)).toFixed(0)} µs (all of the host process's threads)`);
  report.row('  sender cpu per delivery', `${(load.cpuMicros / Math.max(1, load.sent)).toFixed(0)} µs (remote-side process, while sending: sign + send + answer GHL)`);
  const refused = Object.entries(load.refused);
  const problems = [
    ...(figures.completed !== load.accepted ? [`${load.accepted} accepted but ${figures.completed} upserts reached GHL`] : []),
    ...(load.duplicates > 0 ? [`${load.duplicates} answered duplicate`] : []),
    ...refused.map(([status, count]) => `${count} answered ${status}`),
    ...(figures.deadLetters > 0 ? [`${figures.deadLetters} dead letters`] : []),
  ];
  report.row('  problems', problems.length === 0 ? 'none (every delivery 202, every accepted one ran its upsert)' : problems.join('; '));
  if (!counted) {
    report.row('  against the goals (not counted)', `${deliveriesPerSecond >= options.goalDeliveriesPerSecond ? 'meets' : 'misses'} ≥ ${options.goalDeliveriesPerSecond.toLocaleString('en-US')}/s, ${p99 < options.goalP99AckMs ? 'meets' : 'misses'} p99 < ${options.goalP99AckMs} ms`);
  }
  return { deliveriesPerSecond, p99 };
}

export function createDurablePath(overrides: Partial<DurablePathOptions> = {}): Benchmark {
  const options = { ...DEFAULTS, ...overrides };
  if (!Number.isInteger(options.senders) || options.senders < 1) throw new TypeError(`Expected \`senders\` to be a positive integer, got ${options.senders}`);
  if (!(options.measureMs > 0) || !(options.warmupMs >= 0) || !(options.jitWarmupMs >= 0)) throw new TypeError('Expected `measureMs` > 0, `warmupMs` ≥ 0 and `jitWarmupMs` ≥ 0');
  if (!options.stores.includes(options.goalStore)) throw new TypeError(`Expected \`stores\` to include the goal store ${options.goalStore}`);
  return {
    name: 'durable-path',
    title: 'signed PushPress webhook → committed → run → GHL upsert over loopback HTTP, per store',
    async run(report: BenchReport) {
      report.row('path', 'startHost (CLI): receiver checks signature + schema, engine.submit commits to the inbox, 202;');
      report.row('', 'the run maps 7 fields (JSONata) and POSTs /contacts/upsert through the GHL client');
      report.row('GHL', 'node:http server on 127.0.0.1, answers 200 at once, X-RateLimit-Max 1,000,000 per 1 s (the budget never waits)');
      report.row('load', `${options.senders} keep-alive node:http senders, each delivery a new customer (so runs go in parallel)`);
      report.row('processes', 'senders and GHL in one child process, the host alone in this one (one event loop, and one more for the opt-in receiver thread)');
      report.row('timing', `${options.jitWarmupMs} ms JIT warm-up on a throwaway host; per store: fresh host and store, ${options.warmupMs} ms warm-up, then ${options.measureMs} ms of sending; engine concurrency 64 (default)`);
      report.row('load average (1 min) before', loadavg()[0]?.toFixed(2) ?? '?');
      const remote = await startRemoteSide();
      try {
        if (options.jitWarmupMs > 0) {
          const throwaway = await startBenchHost({ store: 'memory', ghlUrl: remote.ghlUrl });
          await remote.send({ url: throwaway.host.webhookUrl, senders: options.senders, durationMs: options.jitWarmupMs, firstIndex: 90_000_000 });
          await throwaway.close();
        }
        for (const [index, store] of options.stores.entries()) {
          const figures = await measureStore(store, remote, options, index * 10_000_000);
          const { deliveriesPerSecond, p99 } = reportStore(report, STORE_LABELS[store], figures, options, store === options.goalStore);
          if (store === options.goalStore) {
            report.goal(`≥ ${options.goalDeliveriesPerSecond.toLocaleString('en-US')} deliveries/s end to end, ${store}`, deliveriesPerSecond >= options.goalDeliveriesPerSecond, perSecond(deliveriesPerSecond));
            report.goal(`p99 acknowledgement < ${options.goalP99AckMs} ms, ${store}`, p99 < options.goalP99AckMs, ms(p99));
          }
        }
        if (options.receiverThreadVariant) {
          const figures = await measureStore(options.goalStore, remote, options, 70_000_000, true);
          reportStore(report, `${STORE_LABELS[options.goalStore]}, webhook server on its own thread (opt-in)`, figures, options, false);
        }
        if (options.handWrittenFloor) reportStore(report, 'floor: the path written by hand (no Flowline)', await measureHandWritten(remote, options, 80_000_000), options, false);
      } finally {
        await remote.close();
      }
      report.row('load average (1 min) after', loadavg()[0]?.toFixed(2) ?? '?');
    },
  };
}

export const durablePath: Benchmark = createDurablePath();
