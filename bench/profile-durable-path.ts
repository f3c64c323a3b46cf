/**
 * The durable-path load on one store and nothing else, to profile the host process:
 *   node --cpu-prof --cpu-prof-dir=/tmp/flowline-prof --conditions=@flowline/source --import tsx bench/profile-durable-path.ts [store] [seconds] [senders] [concurrency] [receiver-thread]
 *   node --conditions=@flowline/source --import tsx bench/cpuprofile-summary.ts /tmp/flowline-prof/<file>.cpuprofile 40 <skip-ms>
 * On the compiled build (packages from dist, after pnpm build; see compiled.ts):
 *   node --import tsx bench/compiled.ts --cpu-prof --cpu-prof-dir=/tmp/flowline-prof profile-durable-path.ts [store] [seconds] ...
 * store: memory | sqlite-power | sqlite-process (default sqlite-power), or hand-written for the
 * floor (hand-written-path.ts: no Flowline); `receiver-thread` runs the
 * host's webhook server on its own thread (concurrency `-` for the default). The load generator
 * and the loopback GHL run in a child (not profiled). It prints when the measured load starts (ms
 * since this process started), to pass as skip-ms. `--tenants=N` (anywhere) adds N tenants to the
 * host and spreads the deliveries over them, as the tenants-durable benchmark does.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { BENCH_STORE_KINDS, startBenchHost, type BenchStoreKind } from './bench-host.js';
import { startHandWrittenPath } from './hand-written-path.js';
import { percentile } from './percentile.js';
import { startRemoteSide } from './remote-side.js';
import type { WebhookTarget } from './webhook-load.js';

const tenantsFlag = process.argv.find((arg) => arg.startsWith('--tenants='));
const tenants = tenantsFlag === undefined ? 0 : Number(tenantsFlag.slice('--tenants='.length));
if (!Number.isInteger(tenants) || tenants < 0) throw new TypeError(`Expected --tenants=<whole number>, got ${tenantsFlag}`);
process.argv = process.argv.filter((arg) => arg !== tenantsFlag);
const handWritten = process.argv[2] === 'hand-written';
const store = (handWritten ? 'sqlite-power' : (process.argv[2] ?? 'sqlite-power')) as BenchStoreKind;
const seconds = Number(process.argv[3] ?? '5');
const senders = Number(process.argv[4] ?? '32');
const concurrency = process.argv[5] === undefined || process.argv[5] === '-' ? undefined : Number(process.argv[5]);
const receiverThread = process.argv[6] === 'receiver-thread';
if (process.argv[6] !== undefined && !receiverThread) throw new TypeError(`Expected \`receiver-thread\` or nothing after the concurrency, got ${process.argv[6]}`);
if (!BENCH_STORE_KINDS.includes(store)) throw new TypeError(`Expected the store (${BENCH_STORE_KINDS.join(', ')}) or hand-written, got ${process.argv[2]}`);
if (!(seconds > 0)) throw new TypeError(`Expected seconds to be a positive number, got ${process.argv[3]}`);
if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) throw new TypeError(`Expected concurrency to be a positive integer, got ${process.argv[5]}`);

/** This process's write(2)-family calls and bytes so far (/proc/self/io on Linux; sockets included), or undefined. */
function writesSoFar(): { calls: number; bytes: number } | undefined {
  try {
    const io = readFileSync('/proc/self/io', 'utf8');
    const field = (name: string): number => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(io)?.[1] ?? Number.NaN);
    return { calls: field('syscw'), bytes: field('wchar') };
  } catch {
    return undefined;
  }
}

const remote = await startRemoteSide();
const path: { readonly webhookUrl: string; readonly targets?: readonly WebhookTarget[]; idle(): Promise<void>; close(): Promise<void> } = handWritten
  ? await startHandWrittenPath(remote.ghlUrl)
  : await startBenchHost({ store, ghlUrl: remote.ghlUrl, receiverThread, tenants, ...(concurrency === undefined ? {} : { concurrency }) }).then((bench) => ({
      webhookUrl: bench.host.webhookUrl,
      targets: bench.tenantTargets,
      idle: () => bench.host.engine.idle(),
      close: () => bench.close(),
    }));
try {
  const { webhookUrl } = path;
  const targets = path.targets && path.targets.length > 0 ? { targets: path.targets } : {};
  await remote.send({ url: webhookUrl, senders, durationMs: 1_000, firstIndex: 0, ...targets });
  await path.idle();
  process.stdout.write(`measured load starts at ${Math.round(performance.now())} ms\n`);
  const cpu = process.cpuUsage();
  const writesBefore = writesSoFar();
  const load = await remote.send({ url: webhookUrl, senders, durationMs: seconds * 1000, firstIndex: 1_000_000, ...targets });
  await path.idle();
  const used = process.cpuUsage(cpu);
  const writesAfter = writesSoFar();
  const wall = (performance.timeOrigin + performance.now() - load.firstSendAt) / 1000;
  process.stdout.write(
    `${load.accepted} accepted, ${Math.round(load.accepted / wall)} deliveries/s end to end, ack p50 ${percentile(load.ackMs, 50).toFixed(1)} ms p99 ${percentile(load.ackMs, 99).toFixed(1)} ms, host cpu ${((used.user + used.system) / load.accepted).toFixed(0)} µs/delivery${
      writesBefore && writesAfter
        ? `, host writes ${((writesAfter.calls - writesBefore.calls) / load.accepted).toFixed(1)} calls and ${((writesAfter.bytes - writesBefore.bytes) / load.accepted / 1024).toFixed(1)} KiB per delivery (/proc/self/io: WAL and sockets)`
        : ''
    }\n`,
  );
} finally {
  await path.close();
  await remote.close();
}
