import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RemoteReply, RemoteRequest } from './remote-side-child.js';
import type { WebhookLoadOptions, WebhookLoadResult } from './webhook-load.js';

/** PushPress (the load generator) and GHL (the loopback stand-in) in a child process, driven one request at a time. */
export interface RemoteSide {
  /** The loopback GHL's base URL, for `ghl.baseUrl`. */
  readonly ghlUrl: string;
  send(options: WebhookLoadOptions): Promise<WebhookLoadResult>;
  /** `POST /contacts/upsert` requests the loopback GHL has received so far. */
  upserts(): Promise<number>;
  close(): Promise<void>;
}

function nextReply(child: ChildProcess, what: string): Promise<RemoteReply> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`The remote-side process exited (code ${code}) while the benchmark waited for ${what}`));
    child.once('exit', onExit);
    child.once('message', (message: RemoteReply) => {
      child.off('exit', onExit);
      if (message.type === 'failed') reject(new Error(`The remote-side process failed: ${message.message}`));
      else resolve(message);
    });
  });
}

/** Forks remote-side-child.ts (through tsx, with an IPC channel) and waits until its GHL listens. */
export async function startRemoteSide(): Promise<RemoteSide> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./remote-side-child.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await nextReply(child, 'it to start');
  if (ready.type !== 'ready') throw new Error(`The remote-side process said ${ready.type} before it was ready`);
  const ask = async <T extends RemoteReply['type']>(request: RemoteRequest, expected: T): Promise<Extract<RemoteReply, { type: T }>> => {
    const answer = nextReply(child, expected);
    child.send(request);
    const message = await answer;
    if (message.type !== expected) throw new Error(`The remote-side process said ${message.type}, expected ${expected}`);
    return message as Extract<RemoteReply, { type: T }>;
  };
  return {
    ghlUrl: ready.ghlUrl,
    send: async (options) => (await ask({ type: 'send', options }, 'sent')).result,
    upserts: async () => (await ask({ type: 'upserts' }, 'upserts')).count,
    async close() {
      if (child.connected) child.send({ type: 'exit' } satisfies RemoteRequest);
      const timer = setTimeout(() => child.kill(), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
