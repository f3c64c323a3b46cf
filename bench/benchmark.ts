import type { BenchReport } from './report.js';

/**
 * One benchmark of `pnpm bench`. To add one: write a module exporting a `Benchmark`, and add it
 * to the list in `run.ts`. It prints only through `report`, in its own labelled block.
 */
export interface Benchmark {
  /** Short id, used to pick benchmarks: `pnpm bench <name> [<name>...]`. */
  readonly name: string;
  /** What it measures, one line: the heading of its block. */
  readonly title: string;
  run(report: BenchReport): Promise<void>;
}
