import { performance } from 'node:perf_hooks';

export interface Throughput {
  readonly runs: number;
  readonly seconds: number;
  readonly runsPerSecond: number;
  readonly microsPerRun: number;
  /** CPU time of this process (user + system, all threads) per run: steadier than wall time on a busy machine. */
  readonly cpuMicrosPerRun: number;
}

export interface MeasureOptions {
  /** How long to keep starting runs. */
  readonly durationMs: number;
  /** Runs kept in flight at once: 1 runs them one after another. */
  readonly concurrency: number;
}

function checkOptions(options: MeasureOptions): void {
  if (!Number.isFinite(options.durationMs) || options.durationMs <= 0) {
    throw new TypeError(`Expected \`durationMs\` to be a positive number, got ${options.durationMs}`);
  }
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
    throw new TypeError(`Expected \`concurrency\` to be a positive integer, got ${options.concurrency}`);
  }
}

/**
 * Runs `task` for `durationMs`, keeping `concurrency` runs in flight (each of `concurrency`
 * workers starts its next run as soon as its last one ends), and counts finished runs.
 * `task` gets a run number, to pick its input.
 */
export async function measureThroughput(task: (run: number) => Promise<unknown>, options: MeasureOptions): Promise<Throughput> {
  checkOptions(options);
  let started = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const deadline = start + options.durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      await task(started++);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  return { runs: started, seconds, runsPerSecond: started / seconds, microsPerRun: (seconds * 1e6) / started, cpuMicrosPerRun: (cpu.user + cpu.system) / started };
}

/** The median of a non-empty list of measurements, by throughput. */
export function medianThroughput(samples: readonly Throughput[]): Throughput {
  const sorted = [...samples].sort((a, b) => a.runsPerSecond - b.runsPerSecond);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new TypeError('Expected at least one measurement');
  return middle;
}
