import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Benchmark } from './benchmark.js';
import { benchProcessArgs, CURRENT_BUILD, REPO_ROOT } from './bench-build.js';
import type { HeapProbeResult, HeapSample } from './heap-probe.js';
import { formatMegabytes, type BenchReport } from './report.js';

const run = promisify(execFile);

export interface HeapInFlightOptions {
  readonly inFlight: number;
}

/** Starts heap-probe.ts (this process's build) in a child with --expose-gc (so `pnpm bench` needs no flag) and a heap of its own. */
async function probe(inFlight: number): Promise<HeapProbeResult> {
  const args = await benchProcessArgs('heap-probe.ts', CURRENT_BUILD, [String(inFlight)], ['--expose-gc']);
  const { stdout } = await run(process.execPath, args, {
    cwd: REPO_ROOT,
    maxBuffer: 1024 * 1024,
    timeout: 120_000,
  });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as HeapProbeResult;
  } catch (cause) {
    throw new Error(`heap-probe.ts printed no JSON result; its output was:\n${stdout}`, { cause });
  }
}

function perTenThousand(bytes: number, inFlight: number): string {
  return formatMegabytes((bytes / inFlight) * 10_000);
}

function reportSide(report: BenchReport, label: string, sample: HeapSample, inFlight: number): void {
  const held = sample.during - sample.before;
  const kept = sample.after - sample.before;
  report.row(`${label}: heap per 10,000 in-flight runs`, `${perTenThousand(held, inFlight).padStart(9)}  (${Math.round(held / inFlight).toLocaleString('en-US')} bytes/run)`);
  report.row(`${label}: kept after they finished`, `${perTenThousand(kept, inFlight).padStart(9)}  per 10,000 runs`);
}

export function createHeapInFlight(overrides: Partial<HeapInFlightOptions> = {}): Benchmark {
  const inFlight = overrides.inFlight ?? 10_000;
  if (!Number.isInteger(inFlight) || inFlight < 1) throw new TypeError(`Expected \`inFlight\` to be a positive integer, got ${inFlight}`);
  return {
    name: 'heap-in-flight',
    title: `heap held by ${inFlight.toLocaleString('en-US')} runs waiting in their action`,
    async run(report: BenchReport) {
      const result = await probe(inFlight);
      report.row('method', `child process with --expose-gc, ${CURRENT_BUILD}; heapUsed after forced GC, before / during / after`);
      reportSide(report, 'engine', result.engine, result.inFlight);
      reportSide(report, 'hand-written', result.handWritten, result.inFlight);
      const failures = Object.entries(result.burst.failures);
      const failed = failures.reduce((sum, [, count]) => sum + count, 0);
      report.row(`engine: burst of ${result.burst.size.toLocaleString('en-US')} dispatched at once`, failed === 0 ? 'all succeeded' : `${failed} failed (${failures.map(([code, count]) => `${code} ×${count}`).join(', ')})`);
      report.note('in-flight runs are started 16 at a time, each wave waiting in the action before the next starts.');
      report.note('"kept after" is what the memory store keeps of finished runs (run, step and snapshot records).');
    },
  };
}

export const heapInFlight: Benchmark = createHeapInFlight();
