import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { Benchmark } from './benchmark.js';
import { benchProcessArgs, REPO_ROOT, type BenchBuild } from './bench-build.js';
import type { ColdStartResult } from './cold-start-probe.js';
import { formatMegabytes, type BenchReport } from './report.js';

export interface ColdStartOptions {
  /** Measured starts per variant, taken in turns (one start of each variant per round). */
  readonly rounds: number;
  /** Rounds run first and not counted (the disk cache, esbuild's bundling). */
  readonly warmupRounds: number;
  /** Also time `flowline serve` with --receiver-thread. */
  readonly receiverThread: boolean;
}

const DEFAULTS: ColdStartOptions = { rounds: 5, warmupRounds: 1, receiverThread: true };

const EXAMPLE_FLOWS = ['appointment-sync', 'contact-sync', 'lead-pipeline', 'note-sync', 'task-sync'];

/** One start: from spawn to ready, and the resident memory then. */
interface Start {
  readonly ms: number;
  readonly rss: number;
  /** For the engine probe: its own figures. */
  readonly probe?: ColdStartResult;
}

interface Variant {
  readonly label: string;
  start(): Promise<Start>;
}

const epochNow = (): number => performance.timeOrigin + performance.now();

/** Resident memory of a process now, from /proc (Linux), bytes; NaN elsewhere. */
function residentBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * Starts `node args`, waits for the first stdout line `ready` accepts (returning what it saw), then
 * stops the process (SIGTERM, unless it ends by itself) and waits for its exit.
 */
async function startUntil<T>(args: readonly string[], ready: (line: string, pid: number) => T | undefined, options: { readonly stop: boolean }): Promise<{ readonly value: T; readonly spawnedAt: number }> {
  const spawnedAt = epochNow();
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines: string[] = [];
  try {
    const value = await new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('not ready within 60 s')), 60_000);
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        const seen = ready(line, child.pid ?? 0);
        if (seen !== undefined) {
          clearTimeout(timer);
          resolve(seen);
        }
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`exited (code ${code}) before it was ready`));
      });
    });
    return { value, spawnedAt };
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`node ${args.join(' ')}: ${(error as Error).message}\n${lines.join('\n')}\n${stderr}`, { cause: error });
  } finally {
    if (options.stop) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

function engineVariant(build: BenchBuild): Variant {
  return {
    label: `engine ready, ${build}`,
    async start() {
      const args = await benchProcessArgs('cold-start-probe.ts', build);
      const { value: probe, spawnedAt } = await startUntil(args, (line) => (line.startsWith('{') ? (JSON.parse(line) as ColdStartResult) : undefined), { stop: false });
      if (probe.workflows !== 21) throw new Error(`The cold-start probe deployed ${probe.workflows} workflows, expected the 21 examples`);
      return { ms: probe.readyAt - spawnedAt, rss: probe.rss, probe };
    },
  };
}

/** `flowline serve` of the five example flows on a fresh SQLite file, until it prints where PushPress should post. */
function serveVariant(build: BenchBuild, receiverThread: boolean): Variant {
  const main = build === 'compiled' ? ['packages/cli/dist/main.js'] : ['--conditions=@flowline/source', '--import', 'tsx', 'packages/cli/src/main.ts'];
  return {
    label: `serve${receiverThread ? ' --receiver-thread' : ''}, ${build}`,
    async start() {
      const dataDir = mkdtempSync(join(tmpdir(), 'flowline-cold-serve-'));
      try {
        const args = [...main, 'serve', ...EXAMPLE_FLOWS.map((flow) => `examples/${flow}`), '--config', 'examples/flowline.config.json', '--port', '0', '--data-dir', dataDir, ...(receiverThread ? ['--receiver-thread'] : [])];
        const { value, spawnedAt } = await startUntil(args, (line, pid) => (line.startsWith('PushPress webhooks: POST ') ? { at: epochNow(), rss: residentBytes(pid) } : undefined), { stop: true });
        return { ms: value.at - spawnedAt, rss: value.rss };
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Plain node doing nothing: what every start pays before Flowline. */
const bareNode: Variant = {
  label: 'bare node (reference)',
  async start() {
    const code = "process.stdout.write(JSON.stringify({ at: performance.timeOrigin + performance.now(), rss: process.memoryUsage().rss }) + '\\n')";
    const { value, spawnedAt } = await startUntil(['-e', code], (line) => JSON.parse(line) as { at: number; rss: number }, { stop: false });
    return { ms: value.at - spawnedAt, rss: value.rss };
  },
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 === 1 ? (sorted[(sorted.length - 1) / 2] ?? Number.NaN) : ((sorted[sorted.length / 2 - 1] ?? 0) + (sorted[sorted.length / 2] ?? 0)) / 2;
};

const range = (values: readonly number[], format: (value: number) => string): string => `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
const millis = (value: number): string => `${Math.round(value).toLocaleString('en-US')} ms`;

export function createColdStart(overrides: Partial<ColdStartOptions> = {}): Benchmark {
  const options = { ...DEFAULTS, ...overrides };
  if (!Number.isInteger(options.rounds) || options.rounds < 1) throw new TypeError(`Expected \`rounds\` to be a positive integer, got ${options.rounds}`);
  return {
    name: 'cold-start',
    title: 'from spawn to a ready engine, and to `flowline serve` listening, compiled vs tsx',
    async run(report: BenchReport) {
      const variants: Variant[] = [
        bareNode,
        engineVariant('compiled'),
        engineVariant('tsx'),
        serveVariant('compiled', false),
        serveVariant('tsx', false),
        ...(options.receiverThread ? [serveVariant('compiled', true), serveVariant('tsx', true)] : []),
      ];
      report.row('engine ready', 'a process that imports core, connectors and store-sqlite, opens a SQLite store, creates an engine');
      report.row('', 'with the GHL and PushPress connectors and examples/flowline.config.json, deploys the 21 example workflows');
      report.row('serve', '`flowline serve`: the CLI serving the five example flows (the same 21) on a fresh SQLite file, until it prints its webhook URL');
      report.row('builds', 'compiled: plain node, packages from dist (serve: node packages/cli/dist/main.js); tsx: --import tsx, sources');
      report.row('measured', `spawn → ready (the child's clock, or its line) and resident memory then (no forced GC); ${options.warmupRounds} round(s) not counted,`);
      report.row('', `then ${options.rounds} rounds, each starting every variant once in turn: median (min–max)`);
      const starts = new Map<Variant, Start[]>(variants.map((variant) => [variant, []]));
      for (let round = 0; round < options.warmupRounds + options.rounds; round += 1) {
        for (const variant of variants) {
          const start = await variant.start();
          if (round >= options.warmupRounds) starts.get(variant)?.push(start);
        }
      }
      report.row('', `${'spawn → ready'.padEnd(30)} ${'rss when ready'}`);
      for (const variant of variants) {
        const taken = starts.get(variant) ?? [];
        report.row(variant.label, `${range(taken.map((start) => start.ms), millis).padEnd(30)} ${range(taken.map((start) => start.rss), formatMegabytes)}`);
        const probes = taken.flatMap((start) => (start.probe ? [start.probe] : []));
        if (probes.length > 0) {
          const imported = median(probes.map((probe) => probe.importedMs));
          const storeOpen = median(probes.map((probe) => probe.storeOpenMs - probe.importedMs));
          const deployed = median(probes.map((probe) => probe.readyMs - probe.storeOpenMs));
          report.row('  in the child: modules / store / engine', `${millis(imported)} node + imports, ${millis(storeOpen)} SQLite open, ${millis(deployed)} engine + 21 deploys; heapUsed ${formatMegabytes(median(probes.map((probe) => probe.heapUsed)))}`);
        }
      }
      const medianOf = (label: string, pick: (start: Start) => number): number => median((starts.get(variants.find((variant) => variant.label === label) as Variant) ?? []).map(pick));
      const pairs: Array<[string, string, string]> = [
        ['engine ready', 'engine ready, compiled', 'engine ready, tsx'],
        ['serve', 'serve, compiled', 'serve, tsx'],
        ...(options.receiverThread ? [['serve --receiver-thread', 'serve --receiver-thread, compiled', 'serve --receiver-thread, tsx'] as [string, string, string]] : []),
      ];
      for (const [what, compiled, tsx] of pairs) {
        report.row(`compiled vs tsx: ${what}`, `${millis(medianOf(compiled, (start) => start.ms))} vs ${millis(medianOf(tsx, (start) => start.ms))}, ${formatMegabytes(medianOf(compiled, (start) => start.rss))} vs ${formatMegabytes(medianOf(tsx, (start) => start.rss))} (medians)`);
      }
      if (options.receiverThread) {
        for (const build of ['compiled', 'tsx'] as const) {
          const extra = medianOf(`serve --receiver-thread, ${build}`, (start) => start.rss) - medianOf(`serve, ${build}`, (start) => start.rss);
          report.row(`receiver thread at start, ${build}`, `${formatMegabytes(extra)} more rss (serve with it − without, medians)`);
        }
      }
    },
  };
}

export const coldStart: Benchmark = createColdStart();
