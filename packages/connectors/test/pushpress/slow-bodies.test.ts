import { afterEach, describe, expect, it } from 'vitest';
import { customerCreatedBody, signatureFor } from './fixtures/deliveries.js';
import { rawExchange, trickle } from '../../../../test/support/raw-socket.js';
import { startReceiver, type ReceiverUnderTest } from './fixtures/receiver-under-test.js';

let running: ReceiverUnderTest | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

function head(body: string, contentLength = Buffer.byteLength(body)): string {
  return `POST / HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nwebhook-signature: ${signatureFor(body, 'whsec_current')}\r\nContent-Length: ${contentLength}\r\n\r\n`;
}

describe('PushPress webhook receiver: bodies that do not arrive', () => {
  it('answers 408 and cuts the connection when the body is shorter than its Content-Length', async () => {
    running = await startReceiver({ bodyTimeoutMs: 200 });
    const body = JSON.stringify(customerCreatedBody());

    const exchange = await rawExchange(running.url, (socket) => socket.write(head(body, Buffer.byteLength(body) + 100) + body));

    expect(exchange.status).toBe(408);
    expect(exchange.received).toContain('pushpress.webhook.request_timeout');
    expect(running.sink.committed).toEqual([]);
  });

  it('answers 408 and cuts the connection when the body trickles in slower than the deadline', async () => {
    running = await startReceiver({ bodyTimeoutMs: 300 });
    const body = JSON.stringify(customerCreatedBody());

    const exchange = await rawExchange(running.url, (socket) => {
      socket.write(head(body));
      trickle(socket, body, 20);
    });

    expect(exchange.status).toBe(408);
    expect(exchange.received).toContain('pushpress.webhook.request_timeout');
    expect(running.sink.committed).toEqual([]);
  });

  it('accepts a body that arrives in pieces within the deadline', async () => {
    running = await startReceiver({ bodyTimeoutMs: 10_000 });
    const body = JSON.stringify(customerCreatedBody());

    const exchange = await rawExchange(running.url, (socket) => {
      socket.write(head(body).replace('Host: test', 'Host: test\r\nConnection: close'));
      const middle = Math.floor(body.length / 2);
      socket.write(body.slice(0, middle));
      setTimeout(() => socket.write(body.slice(middle)), 50);
    });

    expect(exchange.status).toBe(202);
    expect(running.sink.committed).toHaveLength(1);
  });
});
