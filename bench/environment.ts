import { cpus, loadavg, totalmem } from 'node:os';
import { BUILD_LABELS, CURRENT_BUILD } from './bench-build.js';
import type { BenchReport } from './report.js';

/** Prints what the figures were measured on, so they can be quoted. */
export function reportEnvironment(report: BenchReport, now: Date = new Date()): void {
  const processors = cpus();
  report.heading('environment', 'where these figures come from');
  report.row('date', now.toISOString());
  report.row('node', `${process.version} (V8 ${process.versions.v8})`);
  report.row('platform', `${process.platform} ${process.arch}`);
  report.row('cpus', `${processors.length} × ${processors[0]?.model.trim() ?? 'unknown model'}`);
  const load = loadavg()[0];
  const busy = load !== undefined && load >= processors.length / 2;
  report.row('load average (1 min) at start', `${load?.toFixed(2) ?? '?'}${busy ? ' (other work shares the cpus: wall-clock figures are inflated; compare cpu µs/run)' : ''}`);
  report.row('memory', `${Math.round(totalmem() / 1024 ** 3)} GiB`);
  report.row('node flags', process.execArgv.join(' ') || '(none)');
  report.row('build', `${BUILD_LABELS[CURRENT_BUILD]}${CURRENT_BUILD === 'compiled' ? '; the bench\'s own modules bundled by esbuild (bench/.out)' : ''}`);
}
