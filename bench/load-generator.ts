import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadReply, LoadRequest } from './webhook-load-child.js';
import type { WebhookLoadOptions, WebhookLoadResult } from './webhook-load.js';

/** The load-generator child process, driven one load at a time. */
export interface LoadGenerator {
  send(options: WebhookLoadOptions): Promise<WebhookLoadResult>;
  close(): Promise<void>;
}

/** Forks webhook-load-child.ts (through tsx, with an IPC channel). */
export async function startLoadGenerator(): Promise<LoadGenerator> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./webhook-load-child.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`The load generator exited (code ${code}) before it was ready`));
    child.once('error', reject);
    child.once('exit', onExit);
    child.once('message', (message: LoadReply) => {
      child.off('exit', onExit);
      if (message.type === 'ready') resolve();
      else reject(new Error(`The load generator said ${message.type} before it was ready`));
    });
  });
  return {
    send(options) {
      return new Promise((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`The load generator exited (code ${code}) before answering`));
        child.once('exit', onExit);
        child.once('message', (message: LoadReply) => {
          child.off('exit', onExit);
          if (message.type === 'result') resolve(message.result);
          else reject(new Error(message.type === 'failed' ? `The load generator failed: ${message.message}` : `The load generator said ${message.type} instead of a result`));
        });
        child.send({ type: 'send', options } satisfies LoadRequest);
      });
    },
    async close() {
      if (child.connected) child.send({ type: 'exit' } satisfies LoadRequest);
      const timer = setTimeout(() => child.kill(), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
