import { loadavg } from 'node:os';
import type { Benchmark } from './benchmark.js';
import { BUILD_LABELS, CURRENT_BUILD, type BenchBuild } from './bench-build.js';
import { BENCH_API_KEYS, BENCH_STORE_KINDS, STORE_LABELS, type BenchStoreKind } from './bench-host.js';
import { watchEvents, type EventWatcher } from './event-watcher.js';
import { forkBenchChild, type IpcChild } from './ipc-child.js';
import type { PathReply, PathRequest, PathSpec } from './path-child.js';
import { percentile } from './percentile.js';
import { startRemoteSide, type RemoteSide } from './remote-side.js';
import { formatRatio, type BenchReport } from './report.js';
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
  /**
   * Also measure the goal store with the host's HTTP API on (startHost's `api`, issue 15): once
   * with nobody watching, once with one Server-Sent Events client (in this process, reading and
   * discarding the stream) watching the default tenant's run events from before the warm-up to
   * the end of the measured load. Compared with the plain host round by round.
   */
  readonly apiVariants: boolean;
  /** Also measure the path written by hand (hand-written-path.ts), as a floor. */
  readonly handWrittenFloor: boolean;
  /**
   * Also measure the goal store (and its receiver-thread variant, and the floor) on the other
   * build, in a host process of its own: tsx when this process runs compiled.
   */
  readonly otherBuild: boolean;
  /**
   * Rounds of the goal store, the floor and the receiver-thread variant, measured in turn in each
   * build's host process: the CPU ratios are the median over the rounds (the VM's speed swings
   * within a run). The first round's figures are printed in full, and the goals apply to them.
   */
  readonly rounds: number;
  /** The team's goal for Flowline's host CPU per delivery against the floor's (informational: not counted). */
  readonly goalMaxCpuRatio: number;
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
  apiVariants: true,
  handWrittenFloor: true,
  otherBuild: true,
  rounds: 3,
  goalMaxCpuRatio: 1.5,
};

interface StoreFigures {
  readonly load: WebhookLoadResult;
  /** Runs the loopback GHL saw during the measured load (one upsert per run). */
  readonly completed: number;
  /** First send → the last run done, seconds. */
  readonly endToEndSeconds: number;
  /** First send → last acknowledgement, seconds. */
  readonly sendingSeconds: number;
  /** CPU of the host process (receiver, engine, store, GHL client; every thread) over the same span, µs. */
  readonly hostCpuMicros: number;
  readonly deadLetters: number;
  /** With a watcher: the run events and bytes its stream brought during the measured load (from the first send until the host was idle). */
  readonly watched?: { readonly events: number; readonly bytes: number };
}

type HostProcess = IpcChild<PathRequest, PathReply>;

/** A host process of `build` (path-child.ts), with a JIT warm-up on a throwaway memory-store host, so the first path measured does not pay for the JIT. */
async function startHostProcess(build: BenchBuild, remote: RemoteSide, options: DurablePathOptions): Promise<HostProcess> {
  const child = await forkBenchChild<PathRequest, PathReply>('path-child.ts', build);
  const ready = await child.next('it to start');
  if (ready.type !== 'ready') throw new Error(`path-child.ts said ${ready.type} before it was ready`);
  if (options.jitWarmupMs > 0) {
    const { webhookUrl } = await child.ask({ type: 'start', path: { kind: 'host', store: 'memory', receiverThread: false }, ghlUrl: remote.ghlUrl }, 'started');
    await remote.send({ url: webhookUrl, senders: options.senders, durationMs: options.jitWarmupMs, firstIndex: 90_000_000 });
    await child.ask({ type: 'close' }, 'closed');
  }
  return child;
}

/**
 * Starts `path` in the host process (a fresh host and store, or the path written by hand), warms
 * it up, then sends the measured load and waits until every accepted delivery has run.
 */
async function measurePath(host: HostProcess, path: PathSpec, remote: RemoteSide, options: DurablePathOptions, firstIndex: number, watch = false): Promise<StoreFigures> {
  const { webhookUrl, apiUrl } = await host.ask({ type: 'start', path, ghlUrl: remote.ghlUrl }, 'started');
  let watcher: EventWatcher | undefined;
  try {
    if (watch) {
      if (apiUrl === undefined) throw new Error('Expected the host to have its API on, to watch its events');
      watcher = await watchEvents(apiUrl, 'default', BENCH_API_KEYS.operatorKey);
    }
    await remote.send({ url: webhookUrl, senders: options.senders, durationMs: options.warmupMs, firstIndex });
    await host.ask({ type: 'idle' }, 'idle');
    const upsertsBefore = await remote.upserts();
    const cpuBefore = (await host.ask({ type: 'cpu' }, 'cpu')).cpuMicros;
    const eventsBefore = watcher?.events() ?? 0;
    const bytesBefore = watcher?.bytes() ?? 0;
    const load = await remote.send({ url: webhookUrl, senders: options.senders, durationMs: options.measureMs, firstIndex: firstIndex + 1_000_000 });
    const done = await host.ask({ type: 'idle' }, 'idle');
    return {
      load,
      completed: (await remote.upserts()) - upsertsBefore,
      endToEndSeconds: (done.at - load.firstSendAt) / 1000,
      sendingSeconds: (load.lastAnswerAt - load.firstSendAt) / 1000,
      hostCpuMicros: done.cpuMicros - cpuBefore,
      deadLetters: (await host.ask({ type: 'dead-letters' }, 'dead-letters')).count,
      // Last: the stream has had the IPC round trips above to bring the events written by the time the host was idle.
      ...(watcher ? { watched: { events: watcher.events() - eventsBefore, bytes: watcher.bytes() - bytesBefore } } : {}),
    };
  } finally {
    watcher?.close();
    await host.ask({ type: 'close' }, 'closed');
  }
}

const otherBuildThan = (build: BenchBuild): BenchBuild => (build === 'compiled' ? 'tsx' : 'compiled');

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(middle)] ?? Number.NaN) + (sorted[Math.ceil(middle)] ?? Number.NaN)) / 2;
};

/** `median (min–max)`, or the one value. */
const spread = (values: readonly number[], format: (value: number) => string): string =>
  values.length === 1 ? format(values[0] ?? Number.NaN) : `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const perSecond = (value: number): string => `${Math.round(value).toLocaleString('en-US')}/s`;

/** A later round of a path: one line. */
function reportRound(report: BenchReport, round: number, label: string, figures: StoreFigures): void {
  const p99 = percentile(figures.load.ackMs, 99);
  report.row(`  round ${round}: ${label}`, `${perSecond(figures.completed / figures.endToEndSeconds)} end to end, ack p99 ${ms(p99)}, host cpu ${(figures.hostCpuMicros / Math.max(1, figures.completed)).toFixed(0)} µs/delivery${figures.watched ? `, ${(figures.watched.events / Math.max(1, figures.completed)).toFixed(2)} events/delivery watched` : ''}${figures.completed === figures.load.accepted && figures.deadLetters === 0 ? '' : ' (PROBLEMS: not every accepted delivery ran)'}`);
}

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
  if (figures.watched) {
    const { events, bytes } = figures.watched;
    report.row('  watcher got', `${events.toLocaleString('en-US')} run events (${(events / Math.max(1, figures.completed)).toFixed(2)} per delivery), ${(bytes / 1024).toFixed(0)} KiB of stream (${(bytes / Math.max(1, events)).toFixed(0)} bytes per event)`);
  }
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

/**
 * The HTTP API's cost to the webhook path (issue 15): per build, each of the plain host, the API
 * on with nobody watching and the API watched, the medians over the rounds (min–max); then the
 * API variants ÷ the plain host, round by round (the same round, the same build).
 */
function reportApiVariants(report: BenchReport, builds: readonly BenchBuild[], results: ReadonlyMap<string, readonly StoreFigures[]>, options: DurablePathOptions): void {
  const paths = [['default', 'plain host'], ['api', 'API on, nobody watching'], ['watched', 'API on, one SSE client watching']] as const;
  const cpuOf = (figures: StoreFigures): number => figures.hostCpuMicros / Math.max(1, figures.completed);
  const rateOf = (figures: StoreFigures): number => figures.completed / figures.endToEndSeconds;
  report.row('the HTTP API and the webhook path', `${STORE_LABELS[options.goalStore]}; median of ${options.rounds} round(s) (min–max)`);
  for (const build of builds) {
    for (const [key, label] of paths) {
      const rounds = results.get(`${key} ${build}`);
      if (!rounds) continue;
      report.row(`  ${label}, ${build}`, [
        `${spread(rounds.map(rateOf), perSecond)} end to end`,
        `ack p50 ${spread(rounds.map((figures) => percentile(figures.load.ackMs, 50)), ms)}`,
        `p99 ${spread(rounds.map((figures) => percentile(figures.load.ackMs, 99)), ms)}`,
        `host cpu ${spread(rounds.map(cpuOf), (value) => `${value.toFixed(0)} µs`)}/delivery`,
      ].join(', '));
    }
  }
  report.row('API ÷ plain host', 'per round, same build: host cpu per delivery; deliveries/s end to end');
  for (const build of builds) {
    const plain = results.get(`default ${build}`);
    if (!plain) continue;
    for (const [key, label] of paths.slice(1)) {
      const rounds = results.get(`${key} ${build}`);
      if (!rounds) continue;
      const against = (of: (figures: StoreFigures) => number) => rounds.map((figures, index) => of(figures) / of(plain[index] as StoreFigures));
      report.row(`  ${label}, ${build}`, `cpu ${spread(against(cpuOf), formatRatio)}; deliveries/s ${spread(against(rateOf), formatRatio)}`);
    }
  }
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
      report.row('processes', 'senders and GHL in one child process; the path under test in a host process per build, one busy at a time (one');
      report.row('', 'event loop, and one more for the opt-in receiver thread); host cpu = that process\'s user + system time, every thread');
      if (options.apiVariants) {
        report.row('API variants', 'the host with its HTTP API on (startHost `api`, a port of its own): nobody watching; and watched: one SSE client');
        report.row('', 'in this (the bench\'s) process, GET /api/tenants/default/events with the operator key, from before the warm-up');
        report.row('', 'to the end of the load, reading and discarding the stream (its reading is not host cpu; the host\'s writing is)');
      }
      const builds: BenchBuild[] = [CURRENT_BUILD, ...(options.otherBuild ? [otherBuildThan(CURRENT_BUILD)] : [])];
      const variants = [
        STORE_LABELS[options.goalStore],
        ...(options.handWrittenFloor ? ['the floor'] : []),
        ...(options.receiverThreadVariant ? ['its receiver thread'] : []),
        ...(options.apiVariants ? ['its API on (nobody watching)', 'its API watched'] : []),
      ];
      report.row('builds', `${BUILD_LABELS[builds[0] ?? CURRENT_BUILD]}: every path${builds[1] ? `; ${BUILD_LABELS[builds[1]]}: ${variants.join(', ')}` : ''}`);
      report.row('timing', `per build: ${options.jitWarmupMs} ms JIT warm-up on a throwaway host; per path: fresh host and store, ${options.warmupMs} ms warm-up, then ${options.measureMs} ms of sending;`);
      report.row('', `engine concurrency 64 (default); then ${options.rounds} rounds of ${variants.join(', ')}, each build in turn (the first round printed in full)`);
      report.row('load average (1 min) before', loadavg()[0]?.toFixed(2) ?? '?');
      /** Every round's figures, per path and build (`<path> <build>`), and the host CPU µs per delivery of each. */
      const results = new Map<string, StoreFigures[]>();
      const cpu = new Map<string, number[]>();
      const record = (key: string, figures: StoreFigures): void => {
        results.set(key, [...(results.get(key) ?? []), figures]);
        cpu.set(key, [...(cpu.get(key) ?? []), figures.hostCpuMicros / Math.max(1, figures.completed)]);
      };
      let nextIndex = 0;
      const firstIndex = (): number => (nextIndex += 1) * 10_000_000;
      const remote = await startRemoteSide();
      const hosts = new Map<BenchBuild, HostProcess>();
      try {
        for (const build of builds) hosts.set(build, await startHostProcess(build, remote, options));
        const measure = (build: BenchBuild, path: PathSpec, watch = false): Promise<StoreFigures> => measurePath(hosts.get(build) as HostProcess, path, remote, options, firstIndex(), watch);
        for (const store of options.stores.filter((store) => store !== options.goalStore)) {
          reportStore(report, `${STORE_LABELS[store]}, ${CURRENT_BUILD}`, await measure(CURRENT_BUILD, { kind: 'host', store, receiverThread: false }), options, false);
        }
        // Round by round, each build in turn: the VM's speed drifts, so the builds are compared within each round.
        for (let round = 1; round <= options.rounds; round += 1) {
          for (const build of builds) {
            const label = `${STORE_LABELS[options.goalStore]}, ${build}`;
            const figures = await measure(build, { kind: 'host', store: options.goalStore, receiverThread: false });
            record(`default ${build}`, figures);
            if (round > 1) reportRound(report, round, label, figures);
            else {
              const counted = build === CURRENT_BUILD;
              const { deliveriesPerSecond, p99 } = reportStore(report, label, figures, options, counted);
              if (counted) {
                report.goal(`≥ ${options.goalDeliveriesPerSecond.toLocaleString('en-US')} deliveries/s end to end, ${options.goalStore}`, deliveriesPerSecond >= options.goalDeliveriesPerSecond, perSecond(deliveriesPerSecond));
                report.goal(`p99 acknowledgement < ${options.goalP99AckMs} ms, ${options.goalStore}`, p99 < options.goalP99AckMs, ms(p99));
              }
            }
            if (options.handWrittenFloor) {
              const floor = await measure(build, { kind: 'hand-written' });
              record(`floor ${build}`, floor);
              if (round > 1) reportRound(report, round, `floor, ${build}`, floor);
              else reportStore(report, `floor: the path written by hand (no Flowline), ${build}`, floor, options, false);
            }
            if (options.receiverThreadVariant) {
              const threaded = await measure(build, { kind: 'host', store: options.goalStore, receiverThread: true });
              record(`thread ${build}`, threaded);
              if (round > 1) reportRound(report, round, `receiver thread, ${build}`, threaded);
              else reportStore(report, `${STORE_LABELS[options.goalStore]}, receiver thread (opt-in), ${build}`, threaded, options, false);
            }
            if (options.apiVariants) {
              const api = await measure(build, { kind: 'host', store: options.goalStore, receiverThread: false, api: true });
              record(`api ${build}`, api);
              if (round > 1) reportRound(report, round, `API on, nobody watching, ${build}`, api);
              else reportStore(report, `${STORE_LABELS[options.goalStore]}, HTTP API on, nobody watching, ${build}`, api, options, false);
              const watched = await measure(build, { kind: 'host', store: options.goalStore, receiverThread: false, api: true }, true);
              record(`watched ${build}`, watched);
              if (round > 1) reportRound(report, round, `API on, one SSE client watching, ${build}`, watched);
              else reportStore(report, `${STORE_LABELS[options.goalStore]}, HTTP API on, one SSE client watching the tenant, ${build}`, watched, options, false);
            }
          }
        }
      } finally {
        for (const host of hosts.values()) await host.close({ type: 'exit' });
        await remote.close();
      }
      report.row('host cpu per delivery', `median of ${options.rounds} round(s) (min–max)`);
      for (const build of builds) {
        for (const [key, label] of [['default', STORE_LABELS[options.goalStore]], ['thread', 'receiver thread (opt-in)'], ['api', 'API on, nobody watching'], ['watched', 'API on, one SSE client watching'], ['floor', 'floor (by hand)']] as const) {
          const values = cpu.get(`${key} ${build}`);
          if (values) report.row(`  ${label}, ${build}`, `${spread(values, (value) => `${value.toFixed(0)} µs`)}`);
        }
      }
      report.row('Flowline ÷ floor, host cpu per delivery', `per round, same build; the team's goal ≤ ${formatRatio(options.goalMaxCpuRatio)} (informational, not counted)`);
      for (const build of builds) {
        const floors = cpu.get(`floor ${build}`);
        if (!floors) continue;
        for (const [key, label] of [['default', 'default'], ['thread', 'receiver thread'], ['api', 'API on, nobody watching'], ['watched', 'API on, SSE client watching']] as const) {
          const values = cpu.get(`${key} ${build}`);
          if (!values) continue;
          const ratios = values.map((value, index) => value / (floors[index] ?? Number.NaN));
          const middle = median(ratios);
          report.row(`  ${label}, ${build}`, `${spread(ratios, formatRatio)}; ${middle <= options.goalMaxCpuRatio ? 'meets' : 'misses'} ≤ ${formatRatio(options.goalMaxCpuRatio)}`);
        }
      }
      if (options.apiVariants) reportApiVariants(report, builds, results, options);
      if (builds.length === 2) {
        for (const [key, label] of [['default', 'default'], ['thread', 'receiver thread'], ['api', 'API on'], ['watched', 'API watched'], ['floor', 'floor']] as const) {
          const compiled = cpu.get(`${key} compiled`);
          const tsx = cpu.get(`${key} tsx`);
          if (compiled && tsx) report.row(`compiled ÷ tsx, host cpu per delivery, ${label}`, `${formatRatio(median(compiled) / median(tsx))} (medians)`);
        }
      }
      report.row('load average (1 min) after', loadavg()[0]?.toFixed(2) ?? '?');
    },
  };
}

export const durablePath: Benchmark = createDurablePath();
