/**
 * The load generator of the durable-path benchmark, in a process of its own (forked with IPC),
 * so that signing and sending do not share an event loop with the receiver being measured.
 * It says `{ type: 'ready' }` once it listens. Messages in: `{ type: 'send', options: WebhookLoadOptions }` → `{ type: 'result', result }`
 * (or `{ type: 'failed', message }`); `{ type: 'exit' }` ends it.
 */
import { sendDeliveries, type WebhookLoadOptions, type WebhookLoadResult } from './webhook-load.js';

export type LoadRequest = { readonly type: 'send'; readonly options: WebhookLoadOptions } | { readonly type: 'exit' };
export type LoadReply =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly result: WebhookLoadResult }
  | { readonly type: 'failed'; readonly message: string };

function reply(message: LoadReply): void {
  process.send?.(message);
}

if (process.send === undefined) throw new Error('webhook-load-child.ts must be started with an IPC channel (child_process.fork)');

process.on('message', (message: LoadRequest) => {
  if (message.type === 'exit') {
    process.disconnect();
    return;
  }
  sendDeliveries(message.options).then(
    (result) => reply({ type: 'result', result }),
    (error: unknown) => reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});

reply({ type: 'ready' });
