import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Benchmark } from './benchmark.js';
import { BUILD_LABELS, CURRENT_BUILD } from './bench-build.js';
import { STORE_LABELS, type BenchStoreKind } from './bench-host.js';
import { forkBenchChild, type IpcChild } from './ipc-child.js';
import type { PathReply, PathRequest, PathSpec } from './path-child.js';
import { percentile } from './percentile.js';
import { startRemoteSide, type RemoteSide } from './remote-side.js';
import { formatRatio, type BenchReport } from './report.js';
import { tenantId } from './tenant-files.js';
import type { WebhookLoadResult } from './webhook-load.js';

export interface TenantsDurableOptions {
  /** The store (and durability) of every host: durable-path's goal store. */
  readonly store: BenchStoreKind;
  /** Concurrent senders of the load generator (as durable-path). */
  readonly senders: number;
  /** Deliveries measured per path: the same number for every variant. */
  readonly deliveries: number;
  /** Per path, before measuring, to the same receivers. */
  readonly warmupMs: number;
  /** Once, on a throwaway memory-store host, so the first path measured does not pay for the JIT. */
  readonly jitWarmupMs: number;
  /** The many-tenant host's tenants (besides the default one, which gets no delivery). */
  readonly tenants: number;
  /** Also measure a host with one added tenant taking every delivery (the default tenant's path against a tenant's). */
  readonly oneAddedTenant: boolean;
  /** Rounds; each measures every variant once, in alternating order (A,B then B,A), on a fresh host and store. */
  readonly rounds: number;
  /** Goal: the many-tenant host's deliveries/s ≥ this × the single-tenant one's (median of the rounds' ratios). */
  readonly goalRatio: number;
}

const DEFAULTS: TenantsDurableOptions = {
  store: 'sqlite-power',
  senders: 32,
  deliveries: 6_000,
  warmupMs: 1_000,
  jitWarmupMs: 2_000,
  tenants: 100,
  oneAddedTenant: true,
  rounds: 3,
  goalRatio: 0.9,
};

interface Variant {
  readonly key: string;
  readonly label: string;
  readonly path: PathSpec;
}

interface Figures {
  readonly load: WebhookLoadResult;
  readonly completed: number;
  readonly endToEndSeconds: number;
  readonly hostCpuMicros: number;
  /** write(2)-family calls and bytes of the host process over the same span (/proc/<pid>/io: the WAL and its sockets); NaN elsewhere. */
  readonly hostWriteCalls: number;
  readonly hostWriteBytes: number;
  readonly deadLetters: number;
}

/** A process's write calls and bytes so far (syscw, wchar of /proc/<pid>/io; Linux), NaN elsewhere. */
function writesOf(pid: number): { calls: number; bytes: number } {
  try {
    const io = readFileSync(`/proc/${pid}/io`, 'utf8');
    const field = (name: string): number => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(io)?.[1] ?? Number.NaN);
    return { calls: field('syscw'), bytes: field('wchar') };
  } catch {
    return { calls: Number.NaN, bytes: Number.NaN };
  }
}

type HostProcess = IpcChild<PathRequest, PathReply>;

/** Host CPU µs per delivery. */
const cpuPer = (figures: Figures): number => figures.hostCpuMicros / Math.max(1, figures.completed);
const ratePer = (figures: Figures): number => figures.completed / figures.endToEndSeconds;
/** Host KiB written per delivery. */
const kibPer = (figures: Figures): number => figures.hostWriteBytes / 1024 / Math.max(1, figures.completed);

/**
 * A fresh host (and store) of `path`; `warmupMs` of sending, then exactly `deliveries`
 * deliveries, spread over the host's tenants when it has some, until every accepted one has run.
 */
async function measure(host: HostProcess, path: PathSpec, remote: RemoteSide, options: TenantsDurableOptions, firstIndex: number): Promise<Figures> {
  const started = await host.ask({ type: 'start', path, ghlUrl: remote.ghlUrl }, 'started');
  const send = { url: started.webhookUrl, senders: options.senders, ...(started.targets ? { targets: started.targets } : {}) };
  try {
    await remote.send({ ...send, durationMs: options.warmupMs, firstIndex });
    await host.ask({ type: 'idle' }, 'idle');
    const upsertsBefore = await remote.upserts();
    const cpuBefore = (await host.ask({ type: 'cpu' }, 'cpu')).cpuMicros;
    const writesBefore = writesOf(host.pid);
    const load = await remote.send({ ...send, durationMs: 600_000, maxDeliveries: options.deliveries, firstIndex: firstIndex + 1_000_000 });
    const done = await host.ask({ type: 'idle' }, 'idle');
    const writesAfter = writesOf(host.pid);
    return {
      load,
      completed: (await remote.upserts()) - upsertsBefore,
      endToEndSeconds: (done.at - load.firstSendAt) / 1000,
      hostCpuMicros: done.cpuMicros - cpuBefore,
      hostWriteCalls: writesAfter.calls - writesBefore.calls,
      hostWriteBytes: writesAfter.bytes - writesBefore.bytes,
      deadLetters: (await host.ask({ type: 'dead-letters' }, 'dead-letters')).count,
    };
  } finally {
    await host.ask({ type: 'close' }, 'closed');
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(middle)] ?? Number.NaN) + (sorted[Math.ceil(middle)] ?? Number.NaN)) / 2;
};
const each = (values: readonly number[], format: (value: number) => string): string => (values.length === 1 ? format(values[0] ?? Number.NaN) : `${format(median(values))} (${values.map(format).join(', ')})`);
const perSecond = (value: number): string => `${Math.round(value).toLocaleString('en-US')}/s`;
const micros = (value: number): string => `${Math.round(value)} µs`;
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const kib = (value: number): string => `${value.toFixed(1)} KiB`;

function problemsOf(figures: Figures): string {
  const { load } = figures;
  const problems = [
    ...(figures.completed !== load.accepted ? [`${load.accepted} accepted but ${figures.completed} upserts reached GHL`] : []),
    ...(load.sent !== load.accepted ? [`${load.sent} sent, ${load.accepted} accepted`] : []),
    ...(load.duplicates > 0 ? [`${load.duplicates} answered duplicate`] : []),
    ...Object.entries(load.refused).map(([status, count]) => `${count} answered ${status}`),
    ...(figures.deadLetters > 0 ? [`${figures.deadLetters} dead letters`] : []),
  ];
  return problems.length === 0 ? '' : ` PROBLEMS: ${problems.join('; ')}`;
}

export function createTenantsDurable(overrides: Partial<TenantsDurableOptions> = {}): Benchmark {
  const options = { ...DEFAULTS, ...overrides };
  if (!Number.isInteger(options.tenants) || options.tenants < 2) throw new TypeError(`Expected \`tenants\` to be an integer ≥ 2, got ${options.tenants}`);
  if (!Number.isInteger(options.deliveries) || options.deliveries < 1) throw new TypeError(`Expected \`deliveries\` to be a positive integer, got ${options.deliveries}`);
  if (!Number.isInteger(options.rounds) || options.rounds < 1) throw new TypeError(`Expected \`rounds\` to be a positive integer, got ${options.rounds}`);
  const single: Variant = { key: 'single', label: '1 tenant (the default, as durable-path)', path: { kind: 'host', store: options.store, receiverThread: false } };
  const added: Variant = { key: 'added', label: `1 added tenant (${tenantId(1)}, /webhooks/pushpress/${tenantId(1)})`, path: { kind: 'host', store: options.store, receiverThread: false, tenants: 1 } };
  const spread: Variant = { key: 'spread', label: `${options.tenants} tenants, deliveries spread evenly`, path: { kind: 'host', store: options.store, receiverThread: false, tenants: options.tenants } };
  const variants = [single, ...(options.oneAddedTenant ? [added] : []), spread];
  return {
    name: 'tenants-durable',
    title: `the durable path with deliveries spread over ${options.tenants} tenants, against one tenant, same run`,
    async run(report: BenchReport) {
      report.row('path', 'as durable-path: startHost (CLI), signed PushPress customer.created → committed to the inbox, 202 → the run');
      report.row('', `maps 7 fields (JSONata) and POSTs /contacts/upsert to a loopback GHL; ${STORE_LABELS[options.store]}; ${BUILD_LABELS[CURRENT_BUILD]}`);
      report.row('tenants', `${options.tenants} gyms (${tenantId(1)}…${tenantId(options.tenants)}) added to one host, each its own GHL connection, $config and signing secret,`);
      report.row('', `the same upsert workflow; delivery n goes to gym n mod ${options.tenants} at /webhooks/pushpress/<gym>, signed with its secret`);
      report.row('variants', variants.map((variant) => variant.label).join('; '));
      report.row('load', `${options.senders} keep-alive senders; per variant a fresh host and store, ${options.warmupMs} ms warm-up to the same receivers, then`);
      report.row('', `${options.deliveries.toLocaleString('en-US')} deliveries (each a new customer), timed from the first send to the last run done`);
      report.row('rounds', `${options.jitWarmupMs} ms JIT warm-up on a throwaway host, then ${options.rounds} rounds, the variants in order, then in reverse (A,B,C, C,B,A, …):`);
      report.row('', 'median (each round); ratios are taken within each round (the VM drifts), then their median;');
      report.row('', 'host cpu: user + system of the host process, every thread; host writes: its syscw and wchar (/proc/<pid>/io)');
      report.row('load average (1 min) before', loadavg()[0]?.toFixed(2) ?? '?');
      const figures = new Map<string, Figures[]>(variants.map((variant) => [variant.key, []]));
      const remote = await startRemoteSide();
      const host = await forkBenchChild<PathRequest, PathReply>('path-child.ts', CURRENT_BUILD);
      let nextIndex = 0;
      const firstIndex = (): number => (nextIndex += 1) * 10_000_000;
      try {
        const ready = await host.next('it to start');
        if (ready.type !== 'ready') throw new Error(`path-child.ts said ${ready.type} before it was ready`);
        if (options.jitWarmupMs > 0) {
          const { webhookUrl } = await host.ask({ type: 'start', path: { kind: 'host', store: 'memory', receiverThread: false }, ghlUrl: remote.ghlUrl }, 'started');
          await remote.send({ url: webhookUrl, senders: options.senders, durationMs: options.jitWarmupMs, firstIndex: 90_000_000 });
          await host.ask({ type: 'close' }, 'closed');
        }
        for (let round = 1; round <= options.rounds; round += 1) {
          const order = round % 2 === 1 ? variants : [...variants].reverse();
          for (const variant of order) {
            const measured = await measure(host, variant.path, remote, options, firstIndex());
            figures.get(variant.key)?.push(measured);
            report.row(`  round ${round}: ${variant.key}`, `${perSecond(ratePer(measured))} end to end, ack p50 ${ms(percentile(measured.load.ackMs, 50))} p99 ${ms(percentile(measured.load.ackMs, 99))}, host cpu ${micros(cpuPer(measured))}, writes ${kib(kibPer(measured))} per delivery${problemsOf(measured)}`);
          }
        }
      } finally {
        await host.close({ type: 'exit' });
        await remote.close();
      }
      for (const variant of variants) {
        const taken = figures.get(variant.key) ?? [];
        report.row(variant.label, '');
        report.row('  deliveries/s end to end', each(taken.map(ratePer), perSecond));
        report.row('  host cpu per delivery', each(taken.map(cpuPer), micros));
        report.row('  host writes per delivery', `${each(taken.map(kibPer), kib)}, ${each(taken.map((f) => f.hostWriteCalls / Math.max(1, f.completed)), (value) => value.toFixed(1))} calls (WAL + sockets)`);
        report.row('  ack p50 / p99', `${each(taken.map((f) => percentile(f.load.ackMs, 50)), ms)} / ${each(taken.map((f) => percentile(f.load.ackMs, 99)), ms)}`);
      }
      const base = figures.get(single.key) ?? [];
      const ratios = (key: string, of: (figures: Figures) => number): number[] => (figures.get(key) ?? []).map((figure, round) => of(figure) / of(base[round] as Figures));
      const rateRatios = ratios(spread.key, ratePer);
      const cpuRatios = ratios(spread.key, cpuPer);
      report.row(`${options.tenants} tenants ÷ 1 tenant: deliveries/s`, each(rateRatios, formatRatio));
      report.row(`${options.tenants} tenants ÷ 1 tenant: host cpu/delivery`, each(cpuRatios, formatRatio));
      report.row(`${options.tenants} tenants ÷ 1 tenant: bytes written/delivery`, each(ratios(spread.key, kibPer), formatRatio));
      if (options.oneAddedTenant) {
        report.row('1 added tenant ÷ the default: deliveries/s', each(ratios(added.key, ratePer), formatRatio));
        report.row('1 added tenant ÷ the default: cpu/delivery', each(ratios(added.key, cpuPer), formatRatio));
        const addedFigures = figures.get(added.key) ?? [];
        const spreadOverAdded = (figures.get(spread.key) ?? []).map((figure, round) => ratePer(figure) / ratePer(addedFigures[round] as Figures));
        report.row(`${options.tenants} tenants ÷ 1 added tenant: deliveries/s`, each(spreadOverAdded, formatRatio));
      }
      const problems = [...figures.values()].flat().filter((figure) => problemsOf(figure) !== '').length;
      report.row('problems', problems === 0 ? 'none (every delivery 202, every accepted one ran its upsert, no dead letter)' : `${problems} measurement(s) with problems (see the rounds)`);
      report.goal(`${options.tenants} tenants ≥ ${options.goalRatio}× the single tenant's deliveries/s (median of the rounds' ratios)`, median(rateRatios) >= options.goalRatio, formatRatio(median(rateRatios)));
      report.row('load average (1 min) after', loadavg()[0]?.toFixed(2) ?? '?');
    },
  };
}

export const tenantsDurable: Benchmark = createTenantsDurable();
