/**
 * `pnpm bench [name...]`: runs the benchmarks below one after another, each printing its own
 * labelled block. To add a benchmark, write a module exporting a `Benchmark` (see benchmark.ts)
 * and add it to `benchmarks`.
 */
import type { Benchmark } from './benchmark.js';
import { durablePath } from './durable-path.js';
import { engineThroughput } from './engine-throughput.js';
import { reportEnvironment } from './environment.js';
import { heapInFlight } from './heap-in-flight.js';
import { queuedMemory } from './queued-memory.js';
import { BenchReport } from './report.js';

const benchmarks: readonly Benchmark[] = [engineThroughput, heapInFlight, durablePath, queuedMemory];

function pick(names: readonly string[]): readonly Benchmark[] {
  if (names.length === 0) return benchmarks;
  const unknown = names.filter((name) => !benchmarks.some((benchmark) => benchmark.name === name));
  if (unknown.length > 0) {
    throw new Error(`Unknown benchmark ${unknown.map((name) => `"${name}"`).join(', ')}; expected one of: ${benchmarks.map((benchmark) => benchmark.name).join(', ')}`);
  }
  return benchmarks.filter((benchmark) => names.includes(benchmark.name));
}

async function main(): Promise<void> {
  const selected = pick(process.argv.slice(2).filter((arg) => arg !== '--'));
  const report = new BenchReport();
  reportEnvironment(report);
  const started = performance.now();
  for (const benchmark of selected) {
    report.heading(benchmark.name, benchmark.title);
    await benchmark.run(report);
  }
  report.heading('summary', `${selected.length} benchmark(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  report.row('goals missed', String(report.goalsMissed));
}

await main();
