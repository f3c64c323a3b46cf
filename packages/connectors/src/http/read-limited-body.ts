import { ActionError } from '@flowline/core';
import type { Dispatcher } from 'undici';

/** Reads an answer's body, refusing (and dropping the connection of) one larger than `maxBytes`, by its Content-Length or as it arrives. */
export async function readLimitedBody(response: Dispatcher.ResponseData, maxBytes: number, request: string): Promise<Buffer> {
  const tooLarge = (size: string) =>
    new ActionError('validation', `${request} answered more than ${maxBytes} bytes (${size}); the answer was refused`, {
      status: response.statusCode,
      request,
      hint: 'Ask for less (a page, a filter), or raise the step input\'s maxResponseBytes (at most 10 MiB).',
    });
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.body.destroy();
    throw tooLarge(`Content-Length ${declared}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      response.body.destroy();
      throw tooLarge('as it arrived');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}
