/**
 * Runs any bench script on the compiled build (see bench-build.ts): bundled by esbuild, in plain
 * node, the Flowline packages from dist/ (run `pnpm build` first). Node's own options go before
 * the script, its arguments after it:
 *   node --import tsx bench/compiled.ts [node options...] <script.ts> [args...]
 *   node --import tsx bench/compiled.ts --cpu-prof --cpu-prof-dir=/tmp/flowline-prof profile-durable-path.ts sqlite-power 5
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { basename } from 'node:path';
import { benchProcessArgs } from './bench-build.js';

const argv = process.argv.slice(2);
const scriptAt = argv.findIndex((arg) => !arg.startsWith('-'));
const script = argv[scriptAt];
if (scriptAt === -1 || script === undefined || !script.endsWith('.ts')) {
  throw new TypeError('Expected: [node options...] <script.ts in bench/> [args...]');
}
const args = await benchProcessArgs(basename(script), 'compiled', argv.slice(scriptAt + 1), argv.slice(0, scriptAt));
// The cwd is the caller's, so that relative paths in the arguments mean what they say.
const child = spawn(process.execPath, args, { stdio: 'inherit' });
const [code] = (await once(child, 'exit')) as [number | null];
process.exitCode = code ?? 1;
