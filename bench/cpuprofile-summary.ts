/**
 * Summarises a V8 .cpuprofile (from node --cpu-prof): time by engine activity, self time by
 * package or source file and by function, and inclusive time by function.
 *   node --conditions=@flowline/source --import tsx bench/cpuprofile-summary.ts <file.cpuprofile> [top=40] [skip-ms=0]
 * Profiles of either build read alike: a package's frames are under packages/<name>/src or /dist.
 * skip-ms leaves out the first milliseconds (start-up, warm-up).
 */
import { readFileSync } from 'node:fs';
import { REPO_ROOT } from './bench-build.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/**
 * Engine activities, most specific first: a sample counts for the first whose pattern matches a
 * frame (function name and origin) anywhere on its stack, or only its leaf frame for the
 * catch-all activities marked 'leaf'.
 */
const ACTIVITIES: ReadonlyArray<readonly [string, RegExp, 'leaf'?]> = [
  ['start-up, module loading, deploy', /node:internal\/modules|^\S+ tsx:|deploy packages\/core|createBenchEngine|cjs-module-lexer/],
  ['payload check: ajv schema validation', /^validate\d* |ajv:/],
  ['payload check: unsafe keys (findUnsafeKeys)', /unsafe-keys/],
  ['payload check: size (JSON.stringify) and the rest', /payload-checker/],
  ['snapshot persistence (getPersistedSnapshot + putSnapshot)', /^getPersistedSnapshot |^putSnapshot |persistContext /],
  ['step records (putStep)', /^putStep /],
  ['run records (putRun)', /^putRun /],
  ['read-back of the finished run (listSteps/getRun)', /^listSteps |^getRun |^complete /],
  ['run id hash (sha256)', /node:internal\/crypto\/hash|^runIdFor /],
  ['events (emit + ISO times)', /^emit eventemitter3|^iso packages/],
  ['JSONata evaluation', / jsonata:/],
  ['mapping glue (mapping.ts, defineField)', /packages\/core\/(src|dist)\/expressions\/mapping/],
  ['scope building', /^buildScope /],
  ['retries wrapper (p-retry, withRetry, AbortSignal)', /p-retry|^withRetry |abort_controller|event_target/],
  ['action call (test connector + action)', /test-connector|^upsertContact /],
  ['XState actor creation (createActor)', /^createActor xstate/],
  ['XState interpretation (start, transitions, invoke)', / xstate:/, 'leaf'],
  ['engine glue (engine, executeRun, runStep, action-step)', /packages\/core\/(src|dist)/, 'leaf'],
  ['garbage collector', /^\(garbage collector\)/],
  ['idle', /^\(idle\)/],
];

const file = process.argv[2];
if (!file) throw new TypeError('Expected the path of a .cpuprofile file');
const top = Number(process.argv[3] ?? '40');
const skipMs = Number(process.argv[4] ?? '0');
if (!Number.isInteger(top) || top < 1 || !(skipMs >= 0)) throw new TypeError('Expected: <file.cpuprofile> [top: positive integer] [skip-ms: number ≥ 0]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const selfTime = new Map<number, number>();
let elapsed = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  elapsed += delta;
  if (elapsed >= skipMs * 1000) selfTime.set(id, (selfTime.get(id) ?? 0) + delta);
});
const total = [...selfTime.values()].reduce((sum, time) => sum + time, 0);

/** Where a frame comes from: a package under node_modules, a repo file, or a V8/node internal. */
function origin(url: string): string {
  if (!url) return '(native)';
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pnpm?.[1]) return pnpm[1];
  const path = url.replace(/^file:\/\//, '');
  if (path.startsWith(REPO_ROOT)) return path.slice(REPO_ROOT.length);
  return url.startsWith('node:') ? url : url.replace(/^file:\/\//, '');
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${origin(url)}:${lineNumber + 1}`;
}

function add(map: Map<string, number>, key: string, time: number): void {
  map.set(key, (map.get(key) ?? 0) + time);
}

const byFunction = new Map<string, number>();
const byOrigin = new Map<string, number>();
for (const [id, time] of selfTime) {
  const node = byId.get(id);
  if (!node) continue;
  add(byFunction, frameName(node), time);
  add(byOrigin, origin(node.callFrame.url), time);
}

const byActivity = new Map<string, number>();
const leavesByActivity = new Map<string, Map<string, number>>();
for (const [id, time] of selfTime) {
  const stack: string[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const node = byId.get(at);
    if (node) stack.push(frameName(node));
  }
  const activity = ACTIVITIES.find(([, pattern, where]) => (where === 'leaf' ? stack.slice(0, 1) : stack).some((frame) => pattern.test(frame)));
  const name = activity?.[0] ?? `other (leaf: ${stack[0] ?? '?'})`;
  add(byActivity, name, time);
  const leaves = leavesByActivity.get(name) ?? new Map<string, number>();
  leavesByActivity.set(name, leaves);
  add(leaves, stack[0] ?? '?', time);
}

/** Inclusive time: each sample counts once for every distinct frame name on its stack. */
const inclusive = new Map<string, number>();
for (const [id, time] of selfTime) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const node = byId.get(at);
    if (!node) break;
    const name = frameName(node);
    if (!seen.has(name)) {
      seen.add(name);
      add(inclusive, name, time);
    }
  }
}

function print(title: string, map: Map<string, number>, count: number): void {
  process.stdout.write(`\n${title}\n`);
  for (const [name, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    process.stdout.write(`${((time / total) * 100).toFixed(1).padStart(6)}%  ${(time / 1000).toFixed(0).padStart(7)} ms  ${name}\n`);
  }
}

process.stdout.write(`total sampled: ${(total / 1000).toFixed(0)} ms${skipMs > 0 ? ` (after the first ${skipMs} ms)` : ''}\n`);
print('time by engine activity', byActivity, 30);
for (const [name] of [...byActivity].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
  const leaves = leavesByActivity.get(name);
  if (leaves) print(`  top self-time functions in: ${name}`, leaves, 6);
}
print('self time by package / file', byOrigin, 25);
print('self time by function', byFunction, top);
print('inclusive time by function', inclusive, top);
