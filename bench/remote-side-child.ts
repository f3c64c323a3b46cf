/**
 * The other side of the durable-path benchmark, in a process of its own (forked with IPC): the
 * PushPress that sends signed webhooks (the load generator) and the GoHighLevel that answers
 * the upserts (the loopback GHL). Neither shares an event loop, or a CPU budget, with the host
 * being measured, as neither would in production.
 * It says `{ type: 'ready', ghlUrl }` once its GHL listens. Then, one request at a time:
 * `{ type: 'send', options }` → `{ type: 'sent', result }`; `{ type: 'upserts' }` →
 * `{ type: 'upserts', count }`; `{ type: 'exit' }` ends it. A failure answers `{ type: 'failed', message }`.
 */
import { exitWithParent, replyToParent } from './ipc-child.js';
import { startLoopbackGhl } from './loopback-ghl.js';
import { sendDeliveries, type WebhookLoadOptions, type WebhookLoadResult } from './webhook-load.js';

export type RemoteRequest = { readonly type: 'send'; readonly options: WebhookLoadOptions } | { readonly type: 'upserts' } | { readonly type: 'exit' };
export type RemoteReply =
  | { readonly type: 'ready'; readonly ghlUrl: string }
  | { readonly type: 'sent'; readonly result: WebhookLoadResult }
  | { readonly type: 'upserts'; readonly count: number }
  | { readonly type: 'failed'; readonly message: string };

// Without its parent (killed, or ended without close()), nothing is left to serve: do not linger.
exitWithParent('remote-side-child.ts');
const reply = (message: RemoteReply): void => replyToParent(message);
const ghl = await startLoopbackGhl();

process.on('message', (message: RemoteRequest) => {
  if (message.type === 'exit') {
    void ghl.close().then(() => process.disconnect());
    return;
  }
  if (message.type === 'upserts') {
    reply({ type: 'upserts', count: ghl.upserts });
    return;
  }
  sendDeliveries(message.options).then(
    (result) => reply({ type: 'sent', result }),
    (error: unknown) => reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});

reply({ type: 'ready', ghlUrl: ghl.url });
