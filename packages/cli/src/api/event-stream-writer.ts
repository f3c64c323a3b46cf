import type { ServerResponse } from 'node:http';

/** How much of a stream may wait for a slow client before the stream is ended. */
export const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * Writes a frame to an event stream, unless the client has stopped keeping up (more than
 * `maxBuffered` bytes already waiting): then the stream is ended instead, and the client
 * reconnects with Last-Event-ID. A stream is never buffered without bound. Answers whether the
 * frame was written.
 */
export function writeOrLetGo(response: ServerResponse, frame: string, maxBuffered = MAX_BUFFERED_BYTES): boolean {
  if (response.writableEnded) return false;
  if (response.writableLength > maxBuffered) {
    response.end();
    return false;
  }
  response.write(frame);
  return true;
}
