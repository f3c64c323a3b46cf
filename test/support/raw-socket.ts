import { connect, type Socket } from 'node:net';

export interface RawExchange {
  /** Everything the server sent before it closed the connection. */
  readonly received: string;
  /** The status line's code, if an HTTP answer came. */
  readonly status: number | undefined;
}

/**
 * Opens a TCP connection to `url`'s host and port, lets `write` send what it likes (all at once
 * or a byte at a time), and resolves once the server closes the connection, with what it sent.
 */
export function rawExchange(url: string, write: (socket: Socket) => void): Promise<RawExchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    socket.on('close', () => {
      const received = Buffer.concat(chunks).toString('utf8');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      resolve({ received, status: match ? Number(match[1]) : undefined });
    });
    socket.on('connect', () => write(socket));
  });
}

/** Writes `text` one byte every `everyMs`, until it is all sent or the socket is closed. */
export function trickle(socket: Socket, text: string, everyMs: number): void {
  let index = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || index >= text.length) return void clearInterval(timer);
    socket.write(text[index] ?? '');
    index += 1;
  }, everyMs);
  socket.once('close', () => clearInterval(timer));
}

/**
 * Opens a connection and resolves once it is established; it sends nothing and stays open until
 * the caller or the server closes it (what the server sends is read and dropped, so its close is seen).
 */
export function openIdle(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.off('error', reject);
      socket.on('error', () => {});
      socket.resume();
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** Resolves once the socket is closed (by either side). */
export function closed(socket: Socket): Promise<void> {
  return socket.closed ? Promise.resolve() : new Promise((resolve) => socket.once('close', () => resolve()));
}
