import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { REPO_ROOT } from '../support/node-child.js';

/** The browser-safe package entries, by the name their bundled file gets. */
export const DESIGN_ENTRIES = {
  design: '@flowline/core/design',
  catalog: '@flowline/connectors/catalog',
} as const;

/** Entries to bundle: the name of each output file (`<name>.js`) and the package specifier it bundles. */
export type Entries = Readonly<Record<string, string>>;

/**
 * What the entries' exports maps resolve to: `source`, the TypeScript sources through the
 * `@flowline/source` condition (nothing to build first), or `dist`, the built files a published
 * consumer gets. `pnpm test` builds first, so dist is the default; `FLOWLINE_BUNDLE_FROM=source`
 * picks the sources while working on them.
 */
export type ResolveFrom = 'source' | 'dist';
export const RESOLVE_FROM: ResolveFrom = process.env['FLOWLINE_BUNDLE_FROM'] === 'source' ? 'source' : 'dist';

/** Modules a browser entry must never reach: the engine's runtime and the connectors' Node side. */
const RUNTIME_MODULES = [
  /packages\/core\/(src|dist)\/(runtime|machine|store|limits|testing)\//,
  /packages\/connectors\/(src|dist)\/ghl\//,
  /packages\/connectors\/(src|dist)\/pushpress\/(?!customer-lookup\.)/,
  /node_modules\/(xstate|p-retry|eventemitter3|better-sqlite3|ajv-formats)\//,
  /node_modules\/ajv\/dist\/(?!runtime\/)/,
];

const NODE_BUILT_INS = new Set(builtinModules);

export function isNodeBuiltIn(specifier: string): boolean {
  return specifier.startsWith('node:') || NODE_BUILT_INS.has(specifier);
}

export interface BundledFile {
  /** The file's name in the output folder. */
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** The entry it is the bundle of, if any. */
  readonly entry?: string;
  /** Loaded only by a dynamic import, not when an entry loads. */
  readonly lazy: boolean;
  /** Repository paths of the modules in it. */
  readonly inputs: readonly string[];
}

export interface BrowserBundle {
  readonly files: readonly BundledFile[];
  /** Every Node built-in the bundled modules import, as `importer -> specifier` (left out of the bundle). */
  readonly nodeImports: readonly string[];
  /** Every input, repository-relative (or as esbuild names it). */
  readonly inputs: readonly string[];
  /** The inputs that are runtime code (RUNTIME_MODULES). */
  readonly runtimeInputs: readonly string[];
  readonly metafile: Metafile;
}

export interface BundleOptions {
  readonly entries: Entries;
  /** Where to write the files; in memory only when absent. */
  readonly outdir?: string;
  readonly from?: ResolveFrom;
}

/** Records (and leaves out) every import of a Node built-in, so the build finishes and the test can name them. */
function nodeBuiltInRecorder(found: string[], toRepo: (path: string) => string): Plugin {
  return {
    name: 'node-built-ins',
    setup(plugin) {
      plugin.onResolve({ filter: /.*/ }, (args) => {
        if (!isNodeBuiltIn(args.path)) return undefined;
        found.push(`${toRepo(args.importer)} -> ${args.path}`);
        return { path: args.path, external: true };
      });
    },
  };
}

/**
 * Bundles the entries for a browser as an app that depends on @flowline/core and
 * @flowline/connectors would: by package name, through the exports maps, ESM, code splitting on,
 * minified. The consumer is a temporary folder whose node_modules links the two packages.
 */
export async function bundleForBrowser(options: BundleOptions): Promise<BrowserBundle> {
  const consumer = await mkdtemp(join(tmpdir(), 'flowline-browser-consumer-'));
  try {
    await mkdir(join(consumer, 'node_modules/@flowline'), { recursive: true });
    for (const name of ['core', 'connectors']) await symlink(join(REPO_ROOT, 'packages', name), join(consumer, 'node_modules/@flowline', name), 'dir');
    await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'browser-consumer', private: true, type: 'module' }));

    const toRepo = (path: string) => {
      const absolute = resolve(consumer, path);
      return absolute.startsWith(REPO_ROOT) ? relative(REPO_ROOT, absolute) : path;
    };
    const nodeImports: string[] = [];
    const outdir = options.outdir ?? join(consumer, 'out');
    const result = await build({
      absWorkingDir: consumer,
      entryPoints: Object.entries(options.entries).map(([name, specifier]) => ({ in: specifier, out: name })),
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      splitting: true,
      minify: true,
      conditions: (options.from ?? RESOLVE_FROM) === 'source' ? ['@flowline/source', 'module'] : undefined,
      outdir,
      write: options.outdir !== undefined,
      metafile: true,
      logLevel: 'silent',
      plugins: [nodeBuiltInRecorder(nodeImports, toRepo)],
    });

    const outputs = result.metafile.outputs;
    const key = (path: string) => relative(outdir, resolve(consumer, path));
    const eager = new Set<string>();
    const visit = (path: string) => {
      if (eager.has(path)) return;
      eager.add(path);
      for (const imported of outputs[path]?.imports ?? []) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    };
    const entryOf = new Map<string, string>();
    for (const [path, output] of Object.entries(outputs)) {
      const name = Object.keys(options.entries).find((entry) => output.entryPoint !== undefined && basenameOf(path) === `${entry}.js`);
      if (name) {
        entryOf.set(path, name);
        visit(path);
      }
    }
    const contents = new Map((result.outputFiles ?? []).map((file) => [key(file.path), file.contents]));
    const files: BundledFile[] = [];
    for (const [path, output] of Object.entries(outputs)) {
      if (path.endsWith('.map')) continue;
      const file = key(path);
      const bytes = contents.get(file) ?? (await readFile(join(outdir, file)));
      const entry = entryOf.get(path);
      files.push({
        file,
        bytes: bytes.length,
        gzipBytes: gzipSync(bytes, { level: 9 }).length,
        ...(entry ? { entry } : {}),
        lazy: !eager.has(path),
        inputs: Object.keys(output.inputs).map(toRepo),
      });
    }
    const inputs = Object.keys(result.metafile.inputs).map(toRepo);
    return {
      files: files.sort((a, b) => Number(a.lazy) - Number(b.lazy) || (a.entry ? 0 : 1) - (b.entry ? 0 : 1) || a.file.localeCompare(b.file)),
      nodeImports,
      inputs,
      runtimeInputs: inputs.filter((input) => RUNTIME_MODULES.some((pattern) => pattern.test(input))),
      metafile: result.metafile,
    };
  } finally {
    await rm(consumer, { recursive: true, force: true });
  }
}

function basenameOf(path: string): string {
  return path.slice(dirname(path).length + 1);
}

/** A table of the files with their raw and gzipped sizes, for the test's output. */
export function sizeTable(title: string, files: readonly BundledFile[]): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);
  const rows = files.map((file) => `  ${(file.entry ? `${file.entry} entry` : file.lazy ? 'lazy chunk' : 'shared chunk').padEnd(13)} ${file.file.padEnd(36)} ${kb(file.bytes)} ${kb(file.gzipBytes)}`);
  return [`${title}`, `  ${'kind'.padEnd(13)} ${'file'.padEnd(36)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}`, ...rows].join('\n');
}
