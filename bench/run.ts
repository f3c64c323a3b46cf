/**
 * `pnpm bench [name...] [--tsx] [--no-build]`: runs the benchmarks below one after another, each
 * printing its own labelled block. To add a benchmark, write a module exporting a `Benchmark`
 * (see benchmark.ts) and add it to `benchmarks`.
 *
 * `pnpm bench` starts this module through tsx; it then builds the packages (`tsc -b
 * tsconfig.build.json`, unless --no-build) and runs itself again compiled: bundled by esbuild,
 * in plain node, the Flowline packages from their dist/ build (see bench-build.ts). So every
 * benchmark measures the compiled build unless it says otherwise; those where the build matters
 * also measure the tsx one side by side. With --tsx, it runs here, through tsx, as it did before
 * the packages were built.
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Benchmark } from './benchmark.js';
import { builder } from './builder.js';
import { benchProcessArgs, CURRENT_BUILD, REPO_ROOT } from './bench-build.js';
import { coldStart } from './cold-start.js';
import { durablePath } from './durable-path.js';
import { engineThroughput } from './engine-throughput.js';
import { expressionRunaway } from './expression-runaway.js';
import { reportEnvironment } from './environment.js';
import { heapInFlight } from './heap-in-flight.js';
import { installSize } from './install-size.js';
import { queuedMemory } from './queued-memory.js';
import { BenchReport } from './report.js';
import { tenantsDurable } from './tenants-durable.js';
import { tenantsStartup } from './tenants-startup.js';

const benchmarks: readonly Benchmark[] = [engineThroughput, heapInFlight, durablePath, tenantsDurable, queuedMemory, coldStart, tenantsStartup, installSize, expressionRunaway, builder];

const FLAGS = ['--tsx', '--no-build'] as const;

function pick(names: readonly string[]): readonly Benchmark[] {
  if (names.length === 0) return benchmarks;
  const unknown = names.filter((name) => !benchmarks.some((benchmark) => benchmark.name === name));
  if (unknown.length > 0) {
    throw new Error(`Unknown benchmark ${unknown.map((name) => `"${name}"`).join(', ')}; expected one of: ${benchmarks.map((benchmark) => benchmark.name).join(', ')} (and the flags ${FLAGS.join(', ')})`);
  }
  return benchmarks.filter((benchmark) => names.includes(benchmark.name));
}

async function runBenchmarks(names: readonly string[]): Promise<void> {
  const selected = pick(names);
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

/** `tsc -b tsconfig.build.json` (what `pnpm build` runs): the compiled figures are of the sources as they are. */
async function buildPackages(): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`pnpm build (tsc -b tsconfig.build.json) failed; run pnpm bench --no-build to measure the dist/ there is, or --tsx for the sources:\n${stdout}${stderr}`, { cause: error });
  }
}

/** Runs this module again, compiled, with the same arguments; resolves to its exit code. */
async function runCompiled(args: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, await benchProcessArgs('run.ts', 'compiled', args), { cwd: REPO_ROOT, stdio: 'inherit' });
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  return code ?? (signal ? 1 : 0);
}

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const names = args.filter((arg) => !(FLAGS as readonly string[]).includes(arg));
if (CURRENT_BUILD === 'compiled') {
  await runBenchmarks(names);
} else {
  pick(names);
  // The tsx run builds too: its side-by-side rows run the compiled build.
  if (!args.includes('--no-build')) await buildPackages();
  if (args.includes('--tsx')) await runBenchmarks(names);
  else process.exitCode = await runCompiled(args);
}
