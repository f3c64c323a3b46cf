/**
 * Which build a benchmark process runs:
 * - `compiled`: plain `node`, no tsx loaded. The bench module is bundled by esbuild into
 *   bench/.out/ (gitignored); its imports of the Flowline packages (`../packages/<name>/src/...`)
 *   are rewritten to the packages' `dist/` build and left out of the bundle, as are their
 *   dependencies, so only the bench's own code is bundled. What an app that installed the
 *   packages runs.
 * - `tsx`: the sources through tsx (`node --conditions=@flowline/source --import tsx file.ts`),
 *   how every benchmark ran before the packages were built.
 * `pnpm bench` runs its own process compiled (see run.ts), so every benchmark's default is
 * `compiled`; some add the tsx build side by side.
 */
import type { Plugin } from 'esbuild';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type BenchBuild = 'compiled' | 'tsx';

export const BENCH_BUILDS: readonly BenchBuild[] = ['compiled', 'tsx'];

/** The repository's root (in a bundle too: `import.meta.url` is the source file's there, see below). */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BENCH_DIR = join(REPO_ROOT, 'bench');
const PACKAGES_DIR = join(REPO_ROOT, 'packages');
const OUT_DIR = join(BENCH_DIR, '.out');

/** What a bundle sets before its own code runs. */
const BUILD_MARK = '__flowlineBenchBuild';

/** The build this process runs. */
export const CURRENT_BUILD: BenchBuild = (globalThis as { [BUILD_MARK]?: BenchBuild })[BUILD_MARK] ?? 'tsx';

export const BUILD_LABELS: Readonly<Record<BenchBuild, string>> = {
  compiled: 'compiled (plain node, packages from dist)',
  tsx: 'tsx (sources through --import tsx)',
};

/** The import path of `target` as written in a bundle in OUT_DIR. */
function importFromOut(target: string): string {
  const path = relative(OUT_DIR, target).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/**
 * `../packages/<name>/src/<file>.js` → `packages/<name>/dist/<file>.js`, external; a package's
 * own dependency (`../packages/<name>/node_modules/...`) external as it is. The bench's modules
 * are bundled with `import.meta.url` replaced by their source file's URL, so that paths built
 * from it (`new URL('../schemas/...', import.meta.url)`) mean what they mean in the sources.
 */
const distPackages: Plugin = {
  name: 'flowline-packages-from-dist',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      const inPackages = relative(PACKAGES_DIR, target);
      if (inPackages.startsWith('..')) return undefined;
      const [name, area, ...rest] = inPackages.split(sep);
      if (name === undefined || rest.length === 0) return { errors: [{ text: `Unexpected import of ${args.path} from ${args.importer}` }] };
      if (area === 'src') {
        const compiled = join(PACKAGES_DIR, name, 'dist', ...rest);
        if (!existsSync(compiled)) return { errors: [{ text: `${relative(REPO_ROOT, compiled)} does not exist: run pnpm build (imported as ${args.path} by ${relative(REPO_ROOT, args.importer)})` }] };
        return { path: importFromOut(compiled), external: true };
      }
      if (area === 'node_modules') return { path: importFromOut(target), external: true };
      return { errors: [{ text: `Expected an import of a package's src/ or node_modules/, got ${args.path} from ${args.importer}` }] };
    });
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (relative(BENCH_DIR, args.path).startsWith('..')) return undefined;
      const text = await readFile(args.path, 'utf8');
      return { contents: text.replaceAll(IMPORT_META_URL, JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/** Spelled in parts: this module is bundled too, and its own text goes through the replacement. */
const IMPORT_META_URL = ['import', 'meta', 'url'].join('.');

const bundles = new Map<string, Promise<string>>();

/** Bundles bench/`entry` (a file name, e.g. `heap-probe.ts`) for the compiled build, once per process; returns the bundle's path. */
export function bundleBenchModule(entry: string): Promise<string> {
  let bundle = bundles.get(entry);
  if (!bundle) {
    const outfile = join(OUT_DIR, entry.replace(/\.ts$/, '.js'));
    // esbuild is loaded only when bundling: the probes import this module, and measure their memory.
    bundle = import('esbuild').then(({ build }) => build({
      entryPoints: [join(BENCH_DIR, entry)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      plugins: [distPackages],
      banner: { js: `globalThis.${BUILD_MARK} = 'compiled';` },
      logLevel: 'silent',
    })).then(() => outfile);
    bundles.set(entry, bundle);
  }
  return bundle;
}

/** How to start bench/`entry` as a process of `build`: node's arguments before the module, and the module. */
export interface BenchProcess {
  readonly execArgv: readonly string[];
  readonly module: string;
}

/** `nodeOptions` go first (e.g. `--expose-gc`). Start the process with the repository's root as its cwd (tsx is resolved from there). */
export async function benchProcess(entry: string, build: BenchBuild = CURRENT_BUILD, nodeOptions: readonly string[] = []): Promise<BenchProcess> {
  if (build === 'tsx') return { execArgv: [...nodeOptions, '--conditions=@flowline/source', '--import', 'tsx'], module: join(BENCH_DIR, entry) };
  return { execArgv: [...nodeOptions], module: await bundleBenchModule(entry) };
}

/** `node` arguments for bench/`entry` of `build`, then `args`. */
export async function benchProcessArgs(entry: string, build: BenchBuild, args: readonly string[] = [], nodeOptions: readonly string[] = []): Promise<string[]> {
  const { execArgv, module } = await benchProcess(entry, build, nodeOptions);
  return [...execArgv, module, ...args];
}
