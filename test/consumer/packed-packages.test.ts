import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/node-child.js';

const run = promisify(execFile);
const PUBLISHED = ['core', 'connectors', 'store-sqlite', 'store-postgres'] as const;
const APP_FILES = join(REPO_ROOT, 'test/consumer/app');
const TSC = join(REPO_ROOT, 'node_modules/typescript/bin/tsc');

/** `pnpm pack` of one package into `destination`; returns the tarball's path. */
async function pack(dir: string, destination: string): Promise<string> {
  const before = new Set(readdirSync(destination));
  await run('pnpm', ['pack', '--pack-destination', destination], { cwd: join(REPO_ROOT, 'packages', dir) });
  const created = readdirSync(destination).filter((file) => !before.has(file) && file.endsWith('.tgz'));
  if (created.length !== 1) throw new Error(`pnpm pack in packages/${dir} made ${created.length} tarballs`);
  return join(destination, created[0]!);
}

describe('the packed packages, installed in an app outside the workspace', () => {
  let root: string;
  let app: string;
  const tarballs = new Map<string, string>();

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'flowline-consumer-'));
    app = join(root, 'app');
    const packs = join(root, 'tarballs');
    for (const dir of [app, packs]) rmSync(dir, { recursive: true, force: true });
    await run('mkdir', ['-p', app, packs]);
    await run('pnpm', ['run', 'build'], { cwd: REPO_ROOT });
    for (const dir of PUBLISHED) tarballs.set(dir, await pack(dir, packs));

    const typesNode = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).devDependencies['@types/node'] as string;
    const dependencies = Object.fromEntries(PUBLISHED.map((dir) => [`@flowline/${dir}`, `file:${tarballs.get(dir)}`]));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, type: 'module', dependencies, devDependencies: { '@types/node': typesNode } }, null, 2));
    writeFileSync(join(app, 'pnpm-workspace.yaml'), 'packages: []\nonlyBuiltDependencies:\n  - better-sqlite3\n');
    for (const file of readdirSync(APP_FILES)) copyFileSync(join(APP_FILES, file), join(app, file));
    copyFileSync(join(REPO_ROOT, 'examples/flowline.config.json'), join(app, 'flowline.config.json'));
    copyFileSync(join(REPO_ROOT, 'examples/contact-sync/customer-created.workflow.json'), join(app, 'customer-created.workflow.json'));
    copyFileSync(join(REPO_ROOT, 'examples/contact-sync/events/customer.created.json'), join(app, 'customer.created.json'));
    // The same package store as the workspace: better-sqlite3's native build is reused, not compiled again.
    await run('pnpm', ['install', '--prefer-offline', '--config.confirmModulesPurge=false'], { cwd: app, timeout: 240_000 });
  }, 300_000);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('holds dist, README and LICENSE only', async () => {
    for (const [dir, tarball] of tarballs) {
      const { stdout } = await run('tar', ['-tzf', tarball]);
      const files = stdout.trim().split('\n').map((line) => line.replace(/^package\//, ''));
      const stray = files.filter((file) => !/^(dist\/.+|README\.md|LICENSE|package\.json)$/.test(file));
      expect(stray, `packages/${dir}`).toEqual([]);
      expect(files, `packages/${dir}`).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json', 'dist/index.js', 'dist/index.d.ts']));
    }
  });

  it('publishes a licence, engines, a version and its entries without the workspace protocol or source condition', async () => {
    for (const [dir, tarball] of tarballs) {
      const { stdout } = await run('tar', ['-xzOf', tarball, 'package/package.json']);
      const manifest = JSON.parse(stdout) as Record<string, unknown>;
      expect(manifest, dir).toMatchObject({ license: 'MIT', engines: { node: '>=20' }, type: 'module' });
      expect(manifest['private'], dir).toBeUndefined();
      expect(stdout, dir).not.toContain('workspace:');
      expect(JSON.stringify(manifest['exports']), dir).not.toContain('@flowline/source');
      if (dir !== 'core') expect(manifest['peerDependencies'], dir).toMatchObject({ '@flowline/core': expect.stringMatching(/^\^\d/) });
    }
  });

  it('creates an engine, validates and dry-runs an example workflow and opens the SQLite store in plain node', async () => {
    const { stdout } = await run(process.execPath, ['smoke.mjs'], { cwd: app });
    const seen = JSON.parse(stdout.trim().split('\n').at(-1)!);
    // One copy of core: the connector's ActionError is recognised (category `validation`), not reported as `internal`.
    expect(seen).toMatchObject({
      operations: 126,
      testConnector: 'function',
      problems: [],
      valid: true,
      designValid: true,
      catalogSize: 133,
      dryRun: { status: 'succeeded', requests: expect.any(Number) },
      storedStatus: 'succeeded',
      badTask: { status: 'failed', category: 'validation', code: expect.any(String) },
    });
    expect(seen.dryRun.requests).toBeGreaterThan(0);
  });

  it('installs one copy of @flowline/core', () => {
    const store = readdirSync(join(app, 'node_modules/.pnpm')).filter((entry) => entry.startsWith('@flowline+core@'));
    expect(store).toHaveLength(1);
  });

  for (const resolution of ['node16', 'bundler'] as const) {
    it(`type-checks a consumer against the published .d.ts with skipLibCheck off (moduleResolution ${resolution})`, async () => {
      const result = await run(process.execPath, [TSC, '-p', `tsconfig.${resolution}.json`], { cwd: app }).catch((error: { stdout: string }) => error);
      expect(result.stdout).toBe('');
    });
  }
});
