import type { BenchBuild } from './bench-build.js';
import { forkBenchChild } from './ipc-child.js';
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

/** Forks remote-side-child.ts (of `build`, default this process's; with an IPC channel) and waits until its GHL listens. */
export async function startRemoteSide(build?: BenchBuild): Promise<RemoteSide> {
  const child = await forkBenchChild<RemoteRequest, RemoteReply>('remote-side-child.ts', build);
  const ready = await child.next('it to start');
  if (ready.type !== 'ready') throw new Error(`The remote-side process said ${ready.type} before it was ready`);
  return {
    ghlUrl: ready.ghlUrl,
    send: async (options) => (await child.ask({ type: 'send', options }, 'sent')).result,
    upserts: async () => (await child.ask({ type: 'upserts' }, 'upserts')).count,
    close: () => child.close({ type: 'exit' }),
  };
}
