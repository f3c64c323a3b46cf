import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BUFFERED_BYTES, writeOrLetGo } from '../../src/api/event-stream-writer.js';

const FRAME = `data: ${'x'.repeat(64 * 1024)}\n\n`;
/** Far beyond any loopback socket buffer: a stream that is never let go writes all of it. */
const GIVE_UP_BYTES = 256 * 1024 * 1024;

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server whose one stream writes frames as fast as it may, until it is let go or has written GIVE_UP_BYTES. */
async function streamingServer(): Promise<{ port: number; finished: Promise<{ written: number; letGo: boolean; mostWaiting: number }> }> {
  let finish!: (outcome: { written: number; letGo: boolean; mostWaiting: number }) => void;
  const finished = new Promise<{ written: number; letGo: boolean; mostWaiting: number }>((resolve) => (finish = resolve));
  server = createServer((_request, response: ServerResponse) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    let written = 0;
    let mostWaiting = 0;
    const next = (): void => {
      mostWaiting = Math.max(mostWaiting, response.writableLength);
      if (written >= GIVE_UP_BYTES) return finish({ written, letGo: false, mostWaiting });
      if (!writeOrLetGo(response, FRAME)) return finish({ written, letGo: true, mostWaiting });
      written += FRAME.length;
      setImmediate(next);
    };
    next();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, finished };
}

describe('an event stream whose client does not keep up', () => {
  it('is ended once more than 1 MiB waits for the client, instead of buffering without bound', async () => {
    const { port, finished } = await streamingServer();
    const socket = connect(port, '127.0.0.1');
    socket.write('GET /events HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n');
    socket.pause(); // the client reads nothing
    const outcome = await finished;
    socket.destroy();
    expect(outcome.letGo).toBe(true);
    expect(outcome.mostWaiting).toBeLessThanOrEqual(MAX_BUFFERED_BYTES + FRAME.length);
  });

  it('is not ended while its client reads along', async () => {
    const { port } = await streamingServer();
    const socket = connect(port, '127.0.0.1');
    let received = 0;
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > 8 * 1024 * 1024) socket.destroy(); // enough: 8× the limit went through
    });
    socket.write('GET /events HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n');
    await new Promise((resolve) => socket.on('close', resolve));
    // Had it been let go, the client would have got 1 MiB and what the sockets hold, then the end.
    expect(received).toBeGreaterThan(8 * 1024 * 1024);
    server!.closeAllConnections();
  });
});
