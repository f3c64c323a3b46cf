import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root, where scripts are resolved. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

function loaderArgs(script: string): string[] {
  return script.endsWith('.ts') ? ['--conditions=@flowline/source', '--import', 'tsx'] : [];
}

export interface NodeChildOptions {
  /**
   * A script path relative to the repository root: a `.ts` file runs from the packages' sources
   * (`node --conditions=@flowline/source --import tsx`), a `.js` file (the compiled CLI) in plain node.
   */
  readonly script: string;
  readonly args?: readonly string[];
  /** Extra environment variables (the parent's environment is passed on too). */
  readonly env?: Readonly<Record<string, string>>;
  /** How many output lines to keep for error messages (default 200). */
  readonly keepLines?: number;
  /** A file every output line is appended to as well (stderr lines start with `! `). */
  readonly logFile?: string;
}

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * A Node process running a TypeScript entry point, with its output kept line by line so a test
 * can wait for a line and show the last lines when something goes wrong.
 */
export class NodeChild {
  readonly process: ChildProcess;
  readonly exited: Promise<ExitInfo>;
  private readonly lines: string[] = [];
  private readonly keepLines: number;
  private readonly logFile: string | undefined;
  private readonly waiters = new Set<(line: string) => void>();
  private exitInfo: ExitInfo | undefined;

  constructor(options: NodeChildOptions) {
    if (typeof options.script !== 'string' || options.script === '') throw new TypeError('Expected `script` to be a path relative to the repository root');
    this.keepLines = options.keepLines ?? 200;
    this.logFile = options.logFile;
    this.process = spawn(process.execPath, [...loaderArgs(options.script), options.script, ...(options.args ?? [])], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => {
      this.process.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      });
    });
    this.follow(this.process.stdout, '');
    this.follow(this.process.stderr, '! ');
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  /** The last lines the process printed (stderr lines start with `! `). */
  output(): string {
    return this.lines.join('\n');
  }

  /** Resolves with the first line (printed from now on) that `matches`; rejects on exit or timeout. */
  waitForLine(matches: (line: string) => boolean, timeoutMs: number, what: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const done = (error: Error | undefined, line?: string): void => {
        clearTimeout(timer);
        this.waiters.delete(onLine);
        if (error) reject(error);
        else resolve(line ?? '');
      };
      const onLine = (line: string): void => {
        if (matches(line)) done(undefined, line);
      };
      const timer = setTimeout(() => done(new Error(`${what}: no such line within ${timeoutMs} ms. Output:\n${this.output()}`)), timeoutMs);
      this.waiters.add(onLine);
      void this.exited.then((info) => {
        if (this.waiters.has(onLine)) done(new Error(`${what}: the process exited (code ${info.code}, signal ${info.signal}) first. Output:\n${this.output()}`));
      });
    });
  }

  /** Sends a signal and waits for the process to be gone. */
  async kill(signal: NodeJS.Signals): Promise<ExitInfo> {
    if (this.exitInfo) return this.exitInfo;
    this.process.kill(signal);
    return this.exited;
  }

  /** Sends SIGTERM and waits up to `timeoutMs`; then SIGKILL. Says whether it stopped by itself. */
  async stop(timeoutMs: number): Promise<{ graceful: boolean; exit: ExitInfo }> {
    if (this.exitInfo) return { graceful: true, exit: this.exitInfo };
    this.process.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const first = await Promise.race([this.exited, timedOut]);
    clearTimeout(timer);
    if (first !== 'timeout') return { graceful: true, exit: first };
    return { graceful: false, exit: await this.kill('SIGKILL') };
  }

  private follow(stream: NodeJS.ReadableStream | null, prefix: string): void {
    if (!stream) return;
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      partial += chunk;
      const parts = partial.split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) this.remember(prefix + line);
    });
  }

  private remember(line: string): void {
    if (this.logFile !== undefined) appendFileSync(this.logFile, `${line}\n`);
    this.lines.push(line);
    if (this.lines.length > this.keepLines) this.lines.splice(0, this.lines.length - this.keepLines);
    for (const waiter of [...this.waiters]) waiter(line);
  }
}
