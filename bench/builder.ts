/**
 * `pnpm bench builder`: the visual builder's weight and start.
 * - Bundle size: every .js and .css file of apps/builder/dist (after `pnpm --filter
 *   @flowline/builder build`), raw and gzipped (zlib level 6, what a server's gzip does by
 *   default), their sum and the largest one.
 * - Time until the canvas is interactive: Chromium (Debian's, headless) opens the page that
 *   `flowline serve --api-port N --ui` serves for a tenant (tenant token in the URL), in a fresh
 *   browser context each time (cold cache, loopback network); the time from navigation start
 *   (`performance.timeOrigin`) until the palette's "Search actions" box is enabled and the
 *   "Canvas" region is present, seen by a MutationObserver in the page. Median of 5 loads.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startGhlSandbox } from '../packages/sandbox/src/index.js';
import { freePort } from '../test/support/serve-process.js';
import type { Benchmark } from './benchmark.js';
import { REPO_ROOT } from './bench-build.js';
import { percentile } from './percentile.js';
import type { BenchReport } from './report.js';

const DIST = join(REPO_ROOT, 'apps/builder/dist');
const CHROMIUM = '/usr/bin/chromium';
const LOADS = 5;
const LOAD_TIMEOUT_MS = 60_000;

const kilobytes = (bytes: number): string => `${(bytes / 1024).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} kB`;

interface Asset {
  readonly file: string;
  readonly bytes: number;
  readonly gzipped: number;
}

function assets(dir: string): Asset[] {
  const found: Asset[] = [];
  const visit = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
      return;
    }
    if (!/\.(m?js|css)$/.test(path)) return;
    const body = readFileSync(path);
    found.push({ file: relative(dir, path), bytes: body.length, gzipped: gzipSync(body, { level: 6 }).length });
  };
  visit(dir);
  return found.sort((a, b) => b.gzipped - a.gzipped);
}


/** Resolves once `child` prints a line starting with `prefix`; rejects if it exits first or after 60 s. */
function lineOf(child: ChildProcess, prefix: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`flowline serve printed no "${prefix}" within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.split('\n').some((line) => line.startsWith(prefix))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`flowline serve exited (${code}) before "${prefix}":\n${output}`));
    });
  });
}

/** In the page, before its scripts: the first moment the palette's search box is enabled and the canvas region exists. */
function watchInteractive(): void {
  const page = globalThis as unknown as {
    document: { querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null; disabled?: boolean; labels?: ArrayLike<{ textContent: string | null }> }>; getElementById(id: string): { textContent: string | null } | null; documentElement: unknown };
    performance: { now(): number };
    MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
    __interactiveAt?: number;
  };
  type Node = { getAttribute(name: string): string | null; disabled?: boolean; labels?: ArrayLike<{ textContent: string | null }> };
  const nameOf = (element: Node): string => {
    const label = element.getAttribute('aria-label');
    if (label) return label.trim();
    const by = element.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => page.document.getElementById(id)?.textContent ?? '').join(' ').trim();
    return (element.labels?.[0]?.textContent ?? '').trim();
  };
  const some = (selector: string, name: string, ok: (element: Node) => boolean = () => true): boolean => Array.from(page.document.querySelectorAll(selector)).some((element) => nameOf(element) === name && ok(element));
  const check = (): boolean => {
    const searchReady = some('input[type="search"], [role="searchbox"]', 'Search actions', (element) => element.disabled !== true && element.getAttribute('aria-disabled') !== 'true');
    if (!searchReady || !some('section, [role="region"]', 'Canvas')) return false;
    page.__interactiveAt = page.performance.now();
    return true;
  };
  const observer = new page.MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(page.document, { subtree: true, childList: true, attributes: true });
}

async function measureLoads(url: string, loads: number): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const times: number[] = [];
    for (let load = 0; load < loads; load++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(watchInteractive);
      await page.goto(url);
      // The same condition through the accessibility tree: the in-page check must agree with it.
      await page.getByRole('region', { name: 'Canvas' }).waitFor({ timeout: LOAD_TIMEOUT_MS });
      await page.getByRole('region', { name: 'Palette' }).getByRole('searchbox', { name: 'Search actions' }).waitFor({ timeout: LOAD_TIMEOUT_MS });
      const at = await page.waitForFunction(() => (globalThis as { __interactiveAt?: number }).__interactiveAt, undefined, { timeout: LOAD_TIMEOUT_MS });
      times.push((await at.jsonValue()) as number);
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}

async function call(url: string, key: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text) as unknown;
}

/** `flowline serve --api-port N --ui` with the GHL sandbox and one tenant; returns the builder's URL for it, and how to stop. */
async function startHost(): Promise<{ url: string; close(): Promise<void> }> {
  const workDir = mkdtempSync(join(tmpdir(), 'flowline-bench-builder-'));
  const sandbox = await startGhlSandbox({ port: 0 });
  const operatorKey = `op_${randomBytes(16).toString('hex')}`;
  const configFile = join(workDir, 'flowline.config.json');
  writeFileSync(configFile, JSON.stringify({ ghl: { baseUrl: sandbox.url }, pushpress: { signingSecrets: [randomBytes(16).toString('hex')] } }));
  const [port, apiPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['packages/cli/dist/main.js', 'serve', 'test/builder/fixtures/host.workflow.json', '--config', configFile, '--port', String(port), '--api-port', String(apiPort), '--ui', '--data-dir', join(workDir, 'data')], {
    cwd: REPO_ROOT,
    env: { ...process.env, FLOWLINE_API_KEY: operatorKey, FLOWLINE_API_TOKEN_SECRET: randomBytes(32).toString('hex'), FLOWLINE_SECRET_KEY: randomBytes(32).toString('hex') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const close = async (): Promise<void> => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await sandbox.close();
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    await lineOf(child, 'PushPress webhooks: POST');
    const api = `http://127.0.0.1:${apiPort}`;
    const tenant = 'gym-bench';
    await call(`${api}/api/tenants`, operatorKey, {
      id: tenant,
      connections: { ghl: { connector: 'ghl', settings: { locationId: 'loc_sandbox_1' }, credentials: { type: 'private-token', token: 'sandbox-token' } } },
      config: { ghlLocationId: 'loc_sandbox_1' },
      pushpress: { signingSecrets: [randomBytes(16).toString('hex')] },
    });
    const { token } = (await call(`${api}/api/tenants/${tenant}/tokens`, operatorKey, { expiresInSeconds: 3600 })) as { token: string };
    return { url: `${api}/?${new URLSearchParams({ tenant, token }).toString()}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function run(report: BenchReport): Promise<void> {
  await promisify(execFile)('pnpm', ['--filter', '@flowline/builder', 'build'], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024, timeout: 300_000 });
  const files = assets(DIST);
  if (files.length === 0) throw new Error(`No .js or .css files in ${DIST}: is @flowline/builder built?`);
  const sum = (pick: (asset: Asset) => number, of: readonly Asset[] = files): number => of.reduce((total, asset) => total + pick(asset), 0);
  const js = files.filter((asset) => !asset.file.endsWith('.css'));
  const css = files.filter((asset) => asset.file.endsWith('.css'));
  report.row('bundle, JS + CSS gzipped', `${kilobytes(sum((asset) => asset.gzipped))} (${kilobytes(sum((asset) => asset.bytes))} raw, ${files.length} files)`);
  report.row('  JS gzipped', `${kilobytes(sum((asset) => asset.gzipped, js))} (${js.length} files)`);
  report.row('  CSS gzipped', `${kilobytes(sum((asset) => asset.gzipped, css))} (${css.length} files)`);
  const [largest] = files;
  if (largest) report.row('largest chunk gzipped', `${kilobytes(largest.gzipped)} (${kilobytes(largest.bytes)} raw): ${largest.file}`);
  for (const asset of files.slice(1, 4)) report.row(`  then ${asset.file}`, kilobytes(asset.gzipped));

  const host = await startHost();
  try {
    const times = (await measureLoads(host.url, LOADS)).sort((a, b) => a - b);
    report.row(`canvas interactive, median of ${LOADS} loads`, `${percentile(times, 50).toFixed(0)} ms`);
    report.row('  each load (sorted)', times.map((ms) => `${ms.toFixed(0)} ms`).join(', '));
    report.note('from navigation start to the "Search actions" box enabled and the "Canvas" region present; fresh browser context (cold cache) each load, served by flowline serve --ui on loopback');
  } finally {
    await host.close();
  }
}

export const builder: Benchmark = {
  name: 'builder',
  title: 'the visual builder: bundle size (gzipped) and time until its canvas is interactive in Chromium',
  run,
};
