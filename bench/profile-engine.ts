/**
 * A loop of engine runs and nothing else, to profile:
 *   node --cpu-prof --cpu-prof-dir=/tmp/flowline-prof --conditions=@flowline/source --import tsx bench/profile-engine.ts [seconds] [concurrency] [runs-per-engine]
 *   node --conditions=@flowline/source --import tsx bench/cpuprofile-summary.ts /tmp/flowline-prof/<largest>.cpuprofile 40 3000
 * It warms up for 3 s first (start-up included), which the summary's skip-ms leaves out.
 */
import { createBenchEngine, customerEvents, deliveryAt } from './customer-created.js';
import { measureThroughput } from './measure.js';

const seconds = Number(process.argv[2] ?? '5');
const concurrency = Number(process.argv[3] ?? '1');
/** A fresh engine (and memory store) after this many runs; 0 keeps one engine, whose store grows. */
const runsPerEngine = Number(process.argv[4] ?? '0');
if (!(seconds > 0)) throw new TypeError(`Expected seconds to be a positive number, got ${process.argv[2]}`);
if (!Number.isInteger(concurrency) || concurrency < 1) throw new TypeError(`Expected concurrency to be a positive integer, got ${process.argv[3]}`);
if (!Number.isInteger(runsPerEngine) || runsPerEngine < 0) throw new TypeError(`Expected runs-per-engine to be an integer ≥ 0, got ${process.argv[4]}`);

const events = customerEvents(1_024);
let engine = createBenchEngine();
const warmUpEnd = performance.now() + 3_000;
for (let run = 0; performance.now() < warmUpEnd; run += 1) await engine.dispatch(deliveryAt(events, run + 1e9));
const result = await measureThroughput(async (run) => {
  const [done] = await engine.dispatch(deliveryAt(events, run));
  if (done?.status !== 'succeeded') throw new Error(`A run did not succeed: ${JSON.stringify(done?.error)}`);
  if (runsPerEngine > 0 && run > 0 && run % runsPerEngine === 0) engine = createBenchEngine();
}, { durationMs: seconds * 1000, concurrency });
process.stdout.write(`${result.runs} runs, ${Math.round(result.runsPerSecond)} runs/s wall, ${result.cpuMicrosPerRun.toFixed(1)} cpu µs/run\n`);
