import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Benchmark } from './benchmark.js';
import { benchProcessArgs, BUILD_LABELS, CURRENT_BUILD, REPO_ROOT } from './bench-build.js';
import { formatMegabytes, type BenchReport } from './report.js';
import { EXAMPLE_FLOWS, EXAMPLES_CONFIG, tenantId } from './tenant-files.js';
import { newSecretKey, storeTenants } from './tenant-store.js';
import type { TenantsProbeResult } from './tenants-startup-probe.js';

export interface TenantsStartupOptions {
  /** Stored tenants besides the default one. */
  readonly tenants: number;
  /** Measured starts per variant, taken in turns (one start of each variant per round). */
  readonly rounds: number;
  /** Rounds run first and not counted (the disk cache, esbuild's bundling). */
  readonly warmupRounds: number;
  /** After ready, how long serve is left to resume its tenants before its memory is read again. */
  readonly settleMs: number;
  /** Also start the embedding path (createEngine + addTenant + 21 deploys each, no HTTP) for a breakdown. */
  readonly embeddingPath: boolean;
  readonly goalReadyMs: number;
  readonly goalRssBytes: number;
}

const DEFAULTS: TenantsStartupOptions = { tenants: 1_000, rounds: 2, warmupRounds: 1, settleMs: 2_000, embeddingPath: true, goalReadyMs: 5_000, goalRssBytes: 400 * 1024 * 1024 };

/** One start of serve. */
interface ServeStart {
  /** Spawn → the line that gives the webhook URL (the server listens). */
  readonly listeningMs: number;
  /** Spawn → /health answered 200 and the last tenant's webhook path answered (401 to a bad signature: it is registered). */
  readonly answeredMs: number;
  /** Resident memory, heap used, when answered (no forced GC). */
  readonly rss: number;
  readonly heapUsed: number;
  /** `settleMs` later (the tenants' resume done): resident memory, its peak so far (VmHWM), heap used. */
  readonly settledRss: number;
  readonly peakRss: number;
  readonly settledHeapUsed: number;
  /** Tenants serve said it serves besides the default one. */
  readonly tenants: number;
}

interface Variant<T> {
  readonly label: string;
  readonly tenants: number;
  start(): Promise<T>;
}

const epochNow = (): number => performance.timeOrigin + performance.now();

/** VmRSS and VmHWM of a process from /proc (Linux), bytes; NaN elsewhere. */
function residentBytes(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kB = (name: string): number => {
      const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status);
      return match ? Number(match[1]) * 1024 : Number.NaN;
    };
    return { rss: kB('VmRSS'), peak: kB('VmHWM') };
  } catch {
    return { rss: Number.NaN, peak: Number.NaN };
  }
}

/**
 * Loaded into serve with `--import`: on SIGUSR2 it writes `process.memoryUsage()` to stderr as
 * one line, so the benchmark reads the heap of the real `flowline serve` process (serve uses
 * SIGINT and SIGTERM; node's inspector SIGUSR1). A few hundred bytes of code, no module imported.
 */
const MEMORY_MARK = 'flowline-bench-memory ';
const MEMORY_ON_SIGNAL = `data:text/javascript,${encodeURIComponent(`process.on('SIGUSR2', () => process.stderr.write(${JSON.stringify(MEMORY_MARK)} + JSON.stringify(process.memoryUsage()) + '\\n'));`)}`;

/** `method url` → its status code (the body read and dropped). */
function ask(method: string, url: string, headers: Record<string, string> = {}, body = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * `flowline serve` of the five example flows (21 workflows) on `dataDir`, whose store holds
 * `tenants` stored tenants: spawn → it prints its webhook URL → it answers /health and the last
 * tenant's webhook path; its memory then and `settleMs` later; then SIGTERM.
 */
function serveVariant(dataDir: string, tenants: number, secretKey: string, settleMs: number): Variant<ServeStart> {
  const main = CURRENT_BUILD === 'compiled' ? ['packages/cli/dist/main.js'] : ['--conditions=@flowline/source', '--import', 'tsx', 'packages/cli/src/main.ts'];
  return {
    label: `serve, ${tenants === 0 ? '1 tenant (the default)' : `${tenants.toLocaleString('en-US')} stored tenants + the default`}`,
    tenants,
    async start() {
      const args = ['--import', MEMORY_ON_SIGNAL, ...main, 'serve', ...EXAMPLE_FLOWS.map((flow) => `examples/${flow}`), '--config', EXAMPLES_CONFIG, '--port', '0', '--data-dir', dataDir];
      const spawnedAt = epochNow();
      const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FLOWLINE_SECRET_KEY: secretKey } });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const pid = child.pid ?? 0;
      const lines: string[] = [];
      let stderr = '';
      const memoryAnswers: Array<(usage: NodeJS.MemoryUsage) => void> = [];
      createInterface({ input: child.stderr }).on('line', (line) => {
        if (line.startsWith(MEMORY_MARK)) memoryAnswers.shift()?.(JSON.parse(line.slice(MEMORY_MARK.length)) as NodeJS.MemoryUsage);
        else stderr += `${line}\n`;
      });
      const heapUsed = async (): Promise<number> => {
        const answered = new Promise<NodeJS.MemoryUsage>((resolve) => memoryAnswers.push(resolve));
        child.kill('SIGUSR2');
        const timeout = sleep(10_000).then(() => undefined);
        const usage = await Promise.race([answered, timeout]);
        if (usage === undefined) throw new Error('serve did not report its memory within 10 s');
        return usage.heapUsed;
      };
      try {
        const webhookUrl = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('not listening within 120 s')), 120_000);
          createInterface({ input: child.stdout }).on('line', (line) => {
            lines.push(line);
            const match = /^PushPress webhooks: POST (\S+)$/.exec(line);
            if (match?.[1]) {
              clearTimeout(timer);
              resolve(match[1]);
            }
          });
          void exited.then((code) => {
            clearTimeout(timer);
            reject(new Error(`exited (code ${code}) before it listened`));
          });
        });
        const listeningAt = epochNow();
        const health = await ask('GET', new URL('/health', webhookUrl).href);
        if (health !== 200) throw new Error(`GET /health answered ${health}`);
        if (tenants > 0) {
          // A bad signature: 401 says the tenant is registered (an unknown one is 404); no run starts.
          const last = await ask('POST', `${webhookUrl}/${tenantId(tenants)}`, { 'content-type': 'application/json', 'webhook-signature': '00' }, '{"event":"customer.created","created":0,"data":{"id":"x"}}');
          if (last !== 401) throw new Error(`POST ${webhookUrl}/${tenantId(tenants)} with a bad signature answered ${last}, expected 401 (registered)`);
        }
        const answeredAt = epochNow();
        const atReady = residentBytes(pid);
        const readyHeap = await heapUsed();
        await sleep(settleMs);
        const settled = residentBytes(pid);
        const settledHeap = await heapUsed();
        const served = /^(\d+) more tenant\(s\)/m.exec(lines.join('\n'));
        return {
          listeningMs: listeningAt - spawnedAt,
          answeredMs: answeredAt - spawnedAt,
          rss: atReady.rss,
          heapUsed: readyHeap,
          settledRss: settled.rss,
          peakRss: settled.peak,
          settledHeapUsed: settledHeap,
          tenants: served?.[1] ? Number(served[1]) : 0,
        };
      } catch (error) {
        child.kill('SIGKILL');
        throw new Error(`flowline serve (${args.slice(2).join(' ')}): ${(error as Error).message}\n${lines.join('\n')}\n${stderr}`, { cause: error });
      } finally {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** The embedding path (tenants-startup-probe.ts) with `tenants` tenants besides the default. */
function probeVariant(tenants: number): Variant<TenantsProbeResult & { readonly ms: number }> {
  return {
    label: `engine, ${tenants === 0 ? '1 tenant (the default)' : `${tenants.toLocaleString('en-US')} tenants + the default`}`,
    tenants,
    async start() {
      const args = await benchProcessArgs('tenants-startup-probe.ts', CURRENT_BUILD, [String(tenants)]);
      const spawnedAt = epochNow();
      const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
      const line = stdout.split('\n').find((text) => text.startsWith('{'));
      if (code !== 0 || !line) throw new Error(`tenants-startup-probe.ts ${tenants} exited (code ${code}):\n${stdout}\n${stderr}`);
      const probe = JSON.parse(line) as TenantsProbeResult;
      if (probe.workflows !== 21 * (tenants + 1)) throw new Error(`The probe deployed ${probe.workflows} workflows, expected ${21 * (tenants + 1)}`);
      return { ...probe, ms: probe.readyAt - spawnedAt };
    },
  };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(middle)] ?? Number.NaN) + (sorted[Math.ceil(middle)] ?? Number.NaN)) / 2;
};
const each = (values: readonly number[], format: (value: number) => string): string => (values.length === 1 ? format(values[0] ?? Number.NaN) : `${format(median(values))} (${values.map(format).join(', ')})`);
const millis = (value: number): string => `${Math.round(value).toLocaleString('en-US')} ms`;
const mb = formatMegabytes;

export function createTenantsStartup(overrides: Partial<TenantsStartupOptions> = {}): Benchmark {
  const options = { ...DEFAULTS, ...overrides };
  if (!Number.isInteger(options.tenants) || options.tenants < 1) throw new TypeError(`Expected \`tenants\` to be a positive integer, got ${options.tenants}`);
  if (!Number.isInteger(options.rounds) || options.rounds < 1) throw new TypeError(`Expected \`rounds\` to be a positive integer, got ${options.rounds}`);
  const many = options.tenants.toLocaleString('en-US');
  return {
    name: 'tenants-startup',
    title: `\`flowline serve\` with ${many} stored tenants × the 21 example workflows, from spawn to answering HTTP, and its memory`,
    async run(report: BenchReport) {
      report.row('serve', `\`flowline serve\` (${BUILD_LABELS[CURRENT_BUILD]}) of the five example flows (21 workflows) on a SQLite data dir (durability power)`);
      report.row('', `holding ${many} tenants stored as \`flowline tenants add\` stores them (own GHL location and token, PushPress key,`);
      report.row('', 'signing secret, $config; no "workflows": each runs the 21 serve is given), encrypted with FLOWLINE_SECRET_KEY;');
      report.row('', 'the baseline: the same serve with no stored tenant (the default tenant only)');
      report.row('ready', `spawn → the webhook URL printed → GET /health 200 and POST /webhooks/pushpress/${tenantId(options.tenants)} with a bad signature 401`);
      report.row('memory', `VmRSS (/proc) and heapUsed (SIGUSR2 → process.memoryUsage() in serve) when ready, no forced GC; again ${options.settleMs} ms later,`);
      report.row('', 'after every tenant\'s resume, with the peak VmHWM');
      if (options.embeddingPath) report.row('engine', `the embedding path in a child: imports, SQLite open, createEngine + 21 deploys, then addTenant + 21 deploys × ${many} (no HTTP)`);
      report.row('rounds', `${options.warmupRounds} not counted, then ${options.rounds}, each starting every variant once in turn: median (each round)`);
      report.row('load average (1 min) before', loadavg()[0]?.toFixed(2) ?? '?');
      const workDir = mkdtempSync(join(tmpdir(), 'flowline-bench-tenants-'));
      try {
        const secretKey = newSecretKey();
        const singleDir = join(workDir, 'single');
        const manyDir = join(workDir, 'many');
        for (const dir of [singleDir, manyDir]) mkdirSync(dir, { mode: 0o700 });
        const seedStarted = performance.now();
        await storeTenants(join(manyDir, 'flowline.db'), options.tenants, secretKey);
        report.row('tenants stored', `${many} in ${millis(performance.now() - seedStarted)} (tenantRecordOf + storeTenant, in this process)`);
        const single = serveVariant(singleDir, 0, secretKey, options.settleMs);
        const multi = serveVariant(manyDir, options.tenants, secretKey, options.settleMs);
        const engineSingle = probeVariant(0);
        const engineMulti = probeVariant(options.tenants);
        const serveStarts = new Map<Variant<ServeStart>, ServeStart[]>([[single, []], [multi, []]]);
        const probeStarts = new Map<Variant<TenantsProbeResult & { ms: number }>, Array<TenantsProbeResult & { ms: number }>>([[engineSingle, []], [engineMulti, []]]);
        for (let round = 0; round < options.warmupRounds + options.rounds; round += 1) {
          for (const variant of serveStarts.keys()) {
            const start = await variant.start();
            if (start.tenants !== variant.tenants) throw new Error(`serve said it serves ${start.tenants} more tenant(s), expected ${variant.tenants}`);
            if (round >= options.warmupRounds) serveStarts.get(variant)?.push(start);
          }
          if (options.embeddingPath) {
            for (const variant of probeStarts.keys()) {
              const start = await variant.start();
              if (round >= options.warmupRounds) probeStarts.get(variant)?.push(start);
            }
          }
        }
        for (const [variant, starts] of serveStarts) {
          const pick = (get: (start: ServeStart) => number): number[] => starts.map(get);
          report.row(variant.label, '');
          report.row('  spawn → listening / → answering HTTP', `${each(pick((start) => start.listeningMs), millis)} / ${each(pick((start) => start.answeredMs), millis)}`);
          report.row('  when ready: rss / heapUsed', `${each(pick((start) => start.rss), mb)} / ${each(pick((start) => start.heapUsed), mb)}`);
          report.row(`  ${options.settleMs} ms later: rss / peak / heapUsed`, `${each(pick((start) => start.settledRss), mb)} / ${each(pick((start) => start.peakRss), mb)} / ${each(pick((start) => start.settledHeapUsed), mb)}`);
        }
        const singleStarts = serveStarts.get(single) ?? [];
        const multiStarts = serveStarts.get(multi) ?? [];
        const delta = (get: (start: ServeStart) => number): number => median(multiStarts.map(get)) - median(singleStarts.map(get));
        report.row(`serve: ${many} tenants − 1 (medians)`, `+${millis(delta((start) => start.answeredMs))} (${(delta((start) => start.answeredMs) / options.tenants).toFixed(2)} ms a tenant), +${mb(delta((start) => start.rss))} rss (${Math.round(delta((start) => start.rss) / options.tenants / 1024)} kB a tenant), +${mb(delta((start) => start.heapUsed))} heap (${Math.round(delta((start) => start.heapUsed) / options.tenants / 1024)} kB a tenant)`);
        if (options.embeddingPath) {
          for (const [variant, starts] of probeStarts) {
            const pick = (get: (start: TenantsProbeResult & { ms: number }) => number): number[] => starts.map(get);
            report.row(variant.label, '');
            report.row('  spawn → ready / rss / heapUsed', `${each(pick((start) => start.ms), millis)} / ${each(pick((start) => start.rss), mb)} / ${each(pick((start) => start.heapUsed), mb)}`);
            report.row('  imports / default tenant / more tenants', `${each(pick((start) => start.importedMs), millis)} / ${each(pick((start) => start.defaultReadyMs - start.importedMs), millis)} / ${each(pick((start) => start.readyMs - start.defaultReadyMs), millis)}`);
            report.row('  then resume() / rss / heapUsed', `${each(pick((start) => start.resumedMs - start.readyMs), millis)} / ${each(pick((start) => start.rssResumed), mb)} / ${each(pick((start) => start.heapUsedResumed), mb)}`);
          }
        }
        const readyMs = median(multiStarts.map((start) => start.answeredMs));
        const rss = median(multiStarts.map((start) => start.rss));
        const settledPeak = median(multiStarts.map((start) => start.peakRss));
        report.goal(`< ${millis(options.goalReadyMs)} from spawn to answering, ${many} tenants × 21 workflows (serve, median)`, readyMs < options.goalReadyMs, millis(readyMs));
        report.goal(`< ${mb(options.goalRssBytes)} rss when ready, ${many} tenants (serve, median)`, rss < options.goalRssBytes, `${mb(rss)}; peak ${mb(settledPeak)} after resume`);
      } finally {
        rmSync(workDir, { recursive: true, force: true });
      }
      report.row('load average (1 min) after', loadavg()[0]?.toFixed(2) ?? '?');
    },
  };
}

export const tenantsStartup: Benchmark = createTenantsStartup();
