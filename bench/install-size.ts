import { execFile } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { Benchmark } from './benchmark.js';
import { REPO_ROOT } from './bench-build.js';
import { formatMegabytes, type BenchReport } from './report.js';

const run = promisify(execFile);

export interface InstallSizeOptions {
  /** packages/<dir> to pack and install. */
  readonly packages: readonly string[];
  /** The largest packages of the installed node_modules to list. */
  readonly largest: number;
}

const DEFAULTS: InstallSizeOptions = { packages: ['core', 'connectors', 'store-sqlite'], largest: 6 };

interface TreeSize {
  readonly files: number;
  /** Sum of the files' sizes (each file once, hard links once, symlinks not followed). */
  readonly bytes: number;
  /** Blocks allocated on disk, bytes. */
  readonly diskBytes: number;
}

/** The files under `dir`, without following symlinks; `group` names the bucket a file's path (relative to `dir`) counts in. */
function measureTree(dir: string, group: (relative: string) => string = () => ''): { total: TreeSize; groups: Map<string, TreeSize> } {
  const seen = new Set<string>();
  const groups = new Map<string, { files: number; bytes: number; diskBytes: number }>();
  const total = { files: 0, bytes: 0, diskBytes: 0 };
  const visit = (path: string, relative: string): void => {
    const stats = lstatSync(path, { bigint: false });
    if (stats.isSymbolicLink()) return;
    if (stats.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name), relative === '' ? name : `${relative}/${name}`);
      return;
    }
    if (!stats.isFile()) return;
    const inode = `${stats.dev}:${stats.ino}`;
    if (seen.has(inode)) return;
    seen.add(inode);
    const bucket = groups.get(group(relative)) ?? { files: 0, bytes: 0, diskBytes: 0 };
    for (const sum of [bucket, total]) {
      sum.files += 1;
      sum.bytes += stats.size;
      sum.diskBytes += stats.blocks * 512;
    }
    groups.set(group(relative), bucket);
  };
  visit(dir, '');
  return { total, groups };
}

/** `pnpm pack` of packages/`dir` into `destination`; returns the tarball's path. */
async function pack(dir: string, destination: string): Promise<string> {
  const before = new Set(readdirSync(destination));
  await run('pnpm', ['pack', '--pack-destination', destination], { cwd: join(REPO_ROOT, 'packages', dir), timeout: 120_000 });
  const created = readdirSync(destination).filter((file) => !before.has(file) && file.endsWith('.tgz'));
  if (created.length !== 1 || created[0] === undefined) throw new Error(`pnpm pack in packages/${dir} made ${created.length} tarballs`);
  return join(destination, created[0]);
}

/** node_modules/.pnpm/<entry>/... → the entry, without its version and peer suffix: the package it holds. */
function installedPackage(relative: string): string {
  const [first, entry] = relative.split('/');
  if (first !== '.pnpm' || entry === undefined || entry === 'node_modules' || entry === 'lock.yaml') return '(pnpm bookkeeping)';
  const name = entry.replace(/\+/g, '/');
  const at = name.indexOf('@', 1);
  return at === -1 ? name : name.slice(0, at);
}

const kilobytes = (bytes: number): string => `${(bytes / 1024).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} kB`;

export function createInstallSize(overrides: Partial<InstallSizeOptions> = {}): Benchmark {
  const options = { ...DEFAULTS, ...overrides };
  return {
    name: 'install-size',
    title: `what an app installs: pnpm pack of ${options.packages.map((dir) => `@flowline/${dir}`).join(', ')}, and node_modules of a fresh app`,
    async run(report: BenchReport) {
      const root = mkdtempSync(join(tmpdir(), 'flowline-install-size-'));
      try {
        const tarballs = join(root, 'tarballs');
        const app = join(root, 'app');
        mkdirSync(tarballs);
        mkdirSync(app);
        report.row('packed', 'pnpm pack in packages/<name> (after the build): the tarball, and its files once extracted');
        const packed = new Map<string, string>();
        let packedBytes = 0;
        let unpacked = { files: 0, bytes: 0 };
        for (const dir of options.packages) {
          const tarball = await pack(dir, tarballs);
          packed.set(dir, tarball);
          const extracted = join(root, 'unpacked', dir);
          mkdirSync(extracted, { recursive: true });
          await run('tar', ['-xzf', tarball, '-C', extracted]);
          const { total } = measureTree(extracted);
          const size = statSync(tarball).size;
          packedBytes += size;
          unpacked = { files: unpacked.files + total.files, bytes: unpacked.bytes + total.bytes };
          report.row(`  @flowline/${dir}`, `${kilobytes(size).padStart(9)} packed, ${kilobytes(total.bytes).padStart(9)} unpacked, ${total.files} files`);
        }
        report.row('  together', `${kilobytes(packedBytes).padStart(9)} packed, ${kilobytes(unpacked.bytes).padStart(9)} unpacked, ${unpacked.files} files`);

        const dependencies = Object.fromEntries(options.packages.map((dir) => [`@flowline/${dir}`, `file:${packed.get(dir)}`]));
        writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'install-size-app', private: true, type: 'module', dependencies }, null, 2));
        writeFileSync(join(app, 'pnpm-workspace.yaml'), 'packages: []\nonlyBuiltDependencies:\n  - better-sqlite3\n');
        const started = performance.now();
        await run('pnpm', ['install', '--prefer-offline', '--config.confirmModulesPurge=false'], { cwd: app, timeout: 240_000 });
        const installSeconds = (performance.now() - started) / 1000;
        const { total, groups } = measureTree(join(app, 'node_modules'), installedPackage);
        report.row('fresh app', `package.json with the ${options.packages.length} tarballs only (production dependencies), pnpm install --prefer-offline`);
        report.row('', `(the workspace's package store: nothing downloaded if it is there; better-sqlite3's native build reused)`);
        report.row('  node_modules', `${formatMegabytes(total.bytes)} in ${total.files.toLocaleString('en-US')} files (${formatMegabytes(total.diskBytes)} on disk); ${groups.size - (groups.has('(pnpm bookkeeping)') ? 1 : 0)} packages; install took ${installSeconds.toFixed(1)} s`);
        const largest = [...groups].sort(([, a], [, b]) => b.bytes - a.bytes).slice(0, options.largest);
        report.row('  largest', largest.map(([name, size]) => `${name} ${formatMegabytes(size.bytes)}`).join(', '));
        const flowline = [...groups].filter(([name]) => name.startsWith('@flowline/')).reduce((sum, [, size]) => sum + size.bytes, 0);
        report.row('  of which @flowline/*', formatMegabytes(flowline));
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

export const installSize: Benchmark = createInstallSize();
