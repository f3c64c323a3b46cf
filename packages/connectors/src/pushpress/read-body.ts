import type { IncomingMessage } from 'node:http';
import { WebhookRejection } from './webhook-rejection.js';

export interface ReadBodyOptions {
  readonly maxBytes: number;
  /** The whole body must have arrived this long after reading starts; 0 waits for ever. */
  readonly timeoutMs: number;
}

/**
 * Reads a request body into memory, refusing (with a `payload_too_large` rejection) as soon as
 * either the declared `Content-Length` or the bytes actually received pass `maxBytes`; no more
 * than `maxBytes` plus one chunk is ever held. On refusal the request is left paused with its
 * data listener removed: the caller answers and then disposes of the connection. A body that is
 * not complete within `timeoutMs` (trickled, or shorter than its `Content-Length`) is refused
 * the same way, with a `request_timeout` rejection.
 */
export function readBody(req: IncomingMessage, options: ReadBodyOptions): Promise<Buffer> {
  const { maxBytes, timeoutMs } = options;
  const tooLarge = (): WebhookRejection =>
    new WebhookRejection('payload_too_large', `The body is larger than the ${maxBytes} bytes this receiver accepts.`, {
      hint: 'PushPress deliveries are small; check that this is the PushPress webhook endpoint.',
    });

  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) return Promise.reject(tooLarge());

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            cleanup();
            req.pause();
            chunks.length = 0;
            reject(
              new WebhookRejection('request_timeout', `The body did not arrive within ${timeoutMs} ms.`, {
                hint: 'Send the whole body at once, with a Content-Length that matches it.',
              }),
            );
          }, timeoutMs)
        : undefined;
    const cleanup = (): void => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > maxBytes) {
        cleanup();
        req.pause();
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks, received));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onAborted = (): void => {
      cleanup();
      reject(new Error('The client aborted the request before the body was complete.'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}
