import { appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { NodeChild, type ExitInfo } from './node-child.js';

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for the caller to bind). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('The kernel gave no port'))));
    });
  });
}

export interface ServeProcessOptions {
  /** Workflow files or directories, relative to the repository root. */
  readonly workflows: readonly string[];
  readonly configFile: string;
  readonly dataDir: string;
  readonly port: number;
  /** Environment for `$env:` values of the config. */
  readonly env?: Readonly<Record<string, string>>;
  readonly concurrency?: number;
  /** `--durability`: `power` (fsync each commit, the default) or `process`. */
  readonly durability?: 'power' | 'process';
  /** Every start's output is appended here, each start under a `--- start #n` line. */
  readonly logFile?: string;
  /** How long a start may take before it counts as failed (default 60 s). */
  readonly startTimeoutMs?: number;
  /** Which starts run with `--receiver-thread` (default none), by start number from 1. */
  readonly receiverThread?: (start: number) => boolean;
}

/**
 * `flowline serve` as a separate process, started again and again on the same port and data
 * directory: the engine under test in the crash test.
 */
export class ServeProcess {
  readonly url: string;
  readonly webhookUrl: string;
  private child: NodeChild | undefined;
  private starts = 0;
  private readonly history: string[] = [];

  constructor(private readonly options: ServeProcessOptions) {
    if (options.workflows.length === 0) throw new TypeError('Expected at least one workflow path');
    if (!Number.isInteger(options.port) || options.port <= 0) throw new TypeError(`Expected a port number, got ${options.port}`);
    this.url = `http://127.0.0.1:${options.port}`;
    this.webhookUrl = `${this.url}/webhooks/pushpress`;
  }

  get running(): boolean {
    return this.child !== undefined && !this.child.hasExited;
  }

  get startCount(): number {
    return this.starts;
  }

  /** The process id of the current (or last) start. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the engine and resolves once its webhook receiver listens. */
  async start(): Promise<void> {
    if (this.running) throw new Error('flowline serve is already running');
    const { options } = this;
    this.starts++;
    if (options.logFile !== undefined) appendFileSync(options.logFile, `--- start #${this.starts} at ${new Date().toISOString()}\n`);
    const child = new NodeChild({
      ...(options.logFile === undefined ? {} : { logFile: options.logFile }),
      script: 'packages/cli/dist/main.js',
      args: [
        'serve',
        ...options.workflows,
        '--config',
        options.configFile,
        '--port',
        String(options.port),
        '--data-dir',
        options.dataDir,
        ...(options.concurrency === undefined ? [] : ['--concurrency', String(options.concurrency)]),
        ...(options.durability === undefined ? [] : ['--durability', options.durability]),
        ...(options.receiverThread?.(this.starts) ? ['--receiver-thread'] : []),
      ],
      ...(options.env === undefined ? {} : { env: options.env }),
    });
    this.child = child;
    await child.waitForLine((line) => line.startsWith('PushPress webhooks: POST'), options.startTimeoutMs ?? 60_000, `flowline serve start #${this.starts}`);
  }

  /** SIGKILL: no handler runs, nothing is flushed. */
  async kill(note = ''): Promise<ExitInfo> {
    const child = this.requireChild();
    const exit = await child.kill('SIGKILL');
    if (this.options.logFile !== undefined) appendFileSync(this.options.logFile, `--- SIGKILL at ${new Date().toISOString()} ${note}\n`);
    this.keepOutput(child, `start #${this.starts} (killed)`);
    return exit;
  }

  /** SIGTERM: the engine finishes what it has (engine.idle()) and exits; SIGKILL after `timeoutMs`. */
  async stop(timeoutMs: number): Promise<{ graceful: boolean; exit: ExitInfo }> {
    const child = this.requireChild();
    const result = await child.stop(timeoutMs);
    this.keepOutput(child, `start #${this.starts} (stopped)`);
    return result;
  }

  /** Output of the current process and the last few earlier ones, for failure messages. */
  output(): string {
    return [...this.history.slice(-3), this.child ? this.child.output() : ''].join('\n');
  }

  private requireChild(): NodeChild {
    if (!this.child) throw new Error('flowline serve was never started');
    return this.child;
  }

  private keepOutput(child: NodeChild, label: string): void {
    this.history.push(`--- ${label}\n${child.output()}`);
    if (this.history.length > 20) this.history.shift();
  }
}
