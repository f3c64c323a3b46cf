/**
 * The durable-path load on one store and nothing else, to profile the host process:
 *   node --cpu-prof --cpu-prof-dir=/tmp/flowline-prof --import tsx bench/profile-durable-path.ts [store] [seconds] [senders] [concurrency] [receiver-thread]
 *   node --import tsx bench/cpuprofile-summary.ts /tmp/flowline-prof/<file>.cpuprofile 40 <skip-ms>
 * store: memory | sqlite-power | sqlite-process (default sqlite-power); `receiver-thread` runs the
 * host's webhook server on its own thread (concurrency `-` for the default). The load generator
 * and the loopback GHL run in a child (not profiled). It prints when the measured load starts (ms
 * since this process started), to pass as skip-ms.
 */
import { performance } from 'node:perf_hooks';
import { BENCH_STORE_KINDS, startBenchHost, type BenchStoreKind } from './bench-host.js';
import { percentile } from './percentile.js';
import { startRemoteSide } from './remote-side.js';

const store = (process.argv[2] ?? 'sqlite-power') as BenchStoreKind;
const seconds = Number(process.argv[3] ?? '5');
const senders = Number(process.argv[4] ?? '32');
const concurrency = process.argv[5] === undefined || process.argv[5] === '-' ? undefined : Number(process.argv[5]);
const receiverThread = process.argv[6] === 'receiver-thread';
if (process.argv[6] !== undefined && !receiverThread) throw new TypeError(`Expected \`receiver-thread\` or nothing after the concurrency, got ${process.argv[6]}`);
if (!BENCH_STORE_KINDS.includes(store)) throw new TypeError(`Expected the store (${BENCH_STORE_KINDS.join(', ')}), got ${process.argv[2]}`);
if (!(seconds > 0)) throw new TypeError(`Expected seconds to be a positive number, got ${process.argv[3]}`);
if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) throw new TypeError(`Expected concurrency to be a positive integer, got ${process.argv[5]}`);

const remote = await startRemoteSide();
const bench = await startBenchHost({ store, ghlUrl: remote.ghlUrl, receiverThread, ...(concurrency === undefined ? {} : { concurrency }) });
try {
  const { engine, webhookUrl } = bench.host;
  await remote.send({ url: webhookUrl, senders, durationMs: 1_000, firstIndex: 0 });
  await engine.idle();
  process.stdout.write(`measured load starts at ${Math.round(performance.now())} ms\n`);
  const cpu = process.cpuUsage();
  const load = await remote.send({ url: webhookUrl, senders, durationMs: seconds * 1000, firstIndex: 1_000_000 });
  await engine.idle();
  const used = process.cpuUsage(cpu);
  const wall = (performance.timeOrigin + performance.now() - load.firstSendAt) / 1000;
  process.stdout.write(
    `${load.accepted} accepted, ${Math.round(load.accepted / wall)} deliveries/s end to end, ack p50 ${percentile(load.ackMs, 50).toFixed(1)} ms p99 ${percentile(load.ackMs, 99).toFixed(1)} ms, host cpu ${((used.user + used.system) / load.accepted).toFixed(0)} µs/delivery\n`,
  );
} finally {
  await bench.close();
  await remote.close();
}
