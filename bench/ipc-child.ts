import { fork, type ChildProcess } from 'node:child_process';
import { benchProcess, CURRENT_BUILD, REPO_ROOT, type BenchBuild } from './bench-build.js';

/** Every child's replies have a `type`; a failure answers `{ type: 'failed', message }`. */
export interface Reply {
  readonly type: string;
}

/** A bench module forked with an IPC channel, asked one question at a time. */
export interface IpcChild<Request, Answer extends Reply> {
  readonly build: BenchBuild;
  readonly pid: number;
  /** Waits for the child's next message (its first one says it is ready). */
  next(what: string): Promise<Answer>;
  /** Sends `request` and waits for an answer of type `expected`. */
  ask<T extends Answer['type']>(request: Request, expected: T): Promise<Extract<Answer, { type: T }>>;
  /** Sends `exit` (if still connected) and waits until the child has ended (killed after 5 s). */
  close(exit: Request): Promise<void>;
}

/** Forks bench/`entry` of `build` (see bench-build.ts) with an IPC channel, its output going to this process's. */
export async function forkBenchChild<Request, Answer extends Reply>(entry: string, build: BenchBuild = CURRENT_BUILD, nodeOptions: readonly string[] = []): Promise<IpcChild<Request, Answer>> {
  const { execArgv, module } = await benchProcess(entry, build, nodeOptions);
  const child: ChildProcess = fork(module, [], { execArgv: [...execArgv], cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = (what: string): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`${entry} (${build}) exited (code ${code}) while the benchmark waited for ${what}`));
      child.once('exit', onExit);
      child.once('message', (message: Answer & { message?: string }) => {
        child.off('exit', onExit);
        if (message.type === 'failed') reject(new Error(`${entry} (${build}) failed: ${message.message}`));
        else resolve(message);
      });
    });
  return {
    build,
    pid: child.pid ?? 0,
    next,
    async ask(request, expected) {
      const answer = next(expected);
      child.send(request as object);
      const message = await answer;
      if (message.type !== expected) throw new Error(`${entry} (${build}) said ${message.type}, expected ${expected}`);
      return message as Extract<Answer, { type: typeof expected }>;
    },
    async close(exit) {
      if (child.connected) child.send(exit as object);
      const timer = setTimeout(() => child.kill(), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** In the child: sends `message` to the parent. */
export function replyToParent(message: Reply): void {
  process.send?.(message);
}

/** In the child: ends the process when the parent goes (killed, or ended without close()). */
export function exitWithParent(entry: string): void {
  if (process.send === undefined) throw new Error(`${entry} must be started with an IPC channel (child_process.fork)`);
  process.on('disconnect', () => process.exit(0));
}
