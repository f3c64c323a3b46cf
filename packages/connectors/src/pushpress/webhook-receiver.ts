import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IdentifiedEvent, SubmitResult } from '@flowline/core';
import { checkDelivery, type CheckedDelivery } from './delivery-check.js';
import { boundedText } from './log-bounds.js';
import { createPayloadChecker, type PayloadCheck } from './payload-validator.js';
import { readBody } from './read-body.js';
import { resolveReceiverOptions, type DeliveryParking, type PushPressReceiverOptions } from './receiver-options.js';
import { PUSHPRESS_SIGNATURE_HEADER } from './signature.js';
import { WebhookRejection } from './webhook-rejection.js';

export interface ReceiverListenOptions {
  /** Default 0 (any free port). */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
}

export interface RunningReceiver {
  /** e.g. `http://127.0.0.1:54321/`; every path of it reaches the receiver. */
  readonly url: string;
  close(): Promise<void>;
}

/** A node:http request handler, mountable under any path of a host's server, plus `listen`. */
export interface PushPressReceiver {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Starts a dedicated server on `host:port` (default 127.0.0.1, any free port). */
  listen(options?: ReceiverListenOptions): Promise<RunningReceiver>;
}

/** After refusing an oversized body, at most this much more is read (and discarded) before the socket is cut. */
const DISCARD_BEFORE_CLOSE_BYTES = 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.writableEnded) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/**
 * Answers a body refused while it was read. Too large: `Connection: close`, then discard (never
 * keep) what the client still sends, up to a bound, so it can read the 413 before the socket is
 * cut. Too slow: the 408 goes out and the socket is cut, since the rest may never come.
 */
function refuseUnread(req: IncomingMessage, res: ServerResponse, rejection: WebhookRejection): void {
  if (rejection.reason === 'request_timeout') {
    if (res.headersSent || res.writableEnded) return void req.socket.destroy();
    const text = JSON.stringify(rejection.toBody());
    res.writeHead(rejection.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', connection: 'close' });
    res.end(text, () => req.socket.destroy());
    return;
  }
  sendJson(res, rejection.status, rejection.toBody(), { connection: 'close' });
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_BEFORE_CLOSE_BYTES) req.socket.destroy();
  });
  req.resume();
}

function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [mediaType, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'application/json') return false;
  return parameters.every((parameter) => !parameter.startsWith('charset=') || /^charset="?utf-8"?$/.test(parameter));
}

function checkEnvelope(req: IncomingMessage): WebhookRejection | undefined {
  if (req.method !== 'POST') {
    return new WebhookRejection('method_not_allowed', `${String(req.method)} is not allowed: PushPress webhooks are POSTed.`);
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    return new WebhookRejection('unsupported_media_type', 'The body must be sent as `application/json` (UTF-8).');
  }
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    return new WebhookRejection('unsupported_media_type', `Content-Encoding "${encoding.slice(0, 40)}" is not supported.`);
  }
  return undefined;
}

/**
 * A PushPress webhook receiver. Checks each delivery (method, content type, size → JSON →
 * signature → event type → schema → freshness), hands accepted ones to `sink.submit`, and
 * answers only once the sink has committed: 202 `{status:'accepted', id}` or 200
 * `{status:'duplicate', id}`; 503 if the sink failed (PushPress retries). Refused deliveries
 * never reach the sink. It does not look at the URL, so a host can mount it under any path.
 */
export function createPushPressReceiver(options: PushPressReceiverOptions): PushPressReceiver {
  const resolved = resolveReceiverOptions(options);
  const { logger } = resolved;
  const compile = createPayloadChecker();
  const checks = new Map<string, PayloadCheck>();
  const checkOf = (event: string): PayloadCheck => {
    let check = checks.get(event);
    if (check === undefined) {
      const input = resolved.triggers.get(event)?.input;
      if (input === undefined) throw new Error(`No input schema for PushPress event ${event}.`);
      check = compile(input);
      checks.set(event, check);
    }
    return check;
  };
  // Compile every schema now, so a broken descriptor fails at startup rather than on a delivery.
  for (const event of resolved.triggers.keys()) checkOf(event);

  const refuse = (res: ServerResponse, rejection: WebhookRejection, id?: string): void => {
    logger?.warn('pushpress webhook refused', {
      code: rejection.code,
      status: rejection.status,
      ...(rejection.pointer === undefined ? {} : { pointer: boundedText(rejection.pointer) }),
      ...(id === undefined ? {} : { id: boundedText(id) }),
    });
    const headers: Record<string, string> = {};
    if (rejection.reason === 'method_not_allowed') headers['allow'] = 'POST';
    if (rejection.reason === 'sink_unavailable') headers['retry-after'] = '10';
    sendJson(res, rejection.status, rejection.toBody(), headers);
  };

  /** Keeps an authentic delivery no trigger handles yet: 202 parked (200 duplicate when parked before), 503 if it could not be kept. */
  async function park(res: ServerResponse, parking: DeliveryParking, event: IdentifiedEvent): Promise<void> {
    let added: boolean;
    try {
      ({ added } = await parking.park(event));
    } catch (cause) {
      logger?.error('pushpress webhook: a delivery of an unknown event type could not be parked; answering 503 so PushPress retries', {
        id: boundedText(event.id),
        error: cause instanceof Error ? `${cause.name}: ${cause.message}` : 'non-Error thrown',
      });
      return refuse(res, new WebhookRejection('sink_unavailable', 'The event could not be stored; retry later.', { cause }), event.id);
    }
    logger?.warn('pushpress webhook parked: no trigger handles this event type yet', { id: boundedText(event.id), trigger: event.trigger, status: added ? 'parked' : 'duplicate' });
    sendJson(res, added ? 202 : 200, { status: added ? 'parked' : 'duplicate', id: event.id });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const envelopeProblem = checkEnvelope(req);
    if (envelopeProblem !== undefined) return refuse(res, envelopeProblem);

    let raw: Buffer;
    try {
      raw = await readBody(req, { maxBytes: resolved.maxBodyBytes, timeoutMs: resolved.bodyTimeoutMs });
    } catch (error) {
      if (error instanceof WebhookRejection) {
        logger?.warn('pushpress webhook refused', { code: error.code, status: error.status });
        return refuseUnread(req, res, error);
      }
      logger?.debug('pushpress webhook: the client went away before the body was complete');
      return;
    }

    let checked: CheckedDelivery;
    try {
      checked = checkDelivery(raw, req.headers[PUSHPRESS_SIGNATURE_HEADER], {
        secrets: resolved.secrets,
        triggers: resolved.triggers,
        checkOf,
        maxAgeSeconds: resolved.maxAgeSeconds,
        maxFutureSeconds: resolved.maxFutureSeconds,
        nowMs: resolved.now(),
        logger,
        parksUnknown: resolved.parking !== undefined,
      });
    } catch (error) {
      if (error instanceof WebhookRejection) return refuse(res, error);
      throw error;
    }
    const { event } = checked;
    if (!checked.known && resolved.parking !== undefined) return park(res, resolved.parking, event);

    let result: SubmitResult;
    try {
      result = await resolved.sink.submit(event);
    } catch (cause) {
      logger?.error('pushpress webhook: the event sink failed; answering 503 so PushPress retries', {
        id: boundedText(event.id),
        error: cause instanceof Error ? `${cause.name}: ${cause.message}` : 'non-Error thrown',
      });
      return refuse(
        res,
        new WebhookRejection('sink_unavailable', 'The event could not be stored; retry later.', { cause }),
        event.id,
      );
    }
    logger?.info('pushpress webhook accepted', { id: boundedText(event.id), trigger: event.trigger, status: result.status });
    sendJson(res, result.status === 'accepted' ? 202 : 200, { status: result.status, id: result.id });
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      logger?.error('pushpress webhook: internal error', {
        error: error instanceof Error ? `${error.name}: ${error.message}` : 'non-Error thrown',
      });
      sendJson(res, 500, { error: { code: 'pushpress.webhook.internal', message: 'Internal error; retry later.' } });
    });
  };

  const listen = async (listenOptions: ReceiverListenOptions = {}): Promise<RunningReceiver> => {
    const host = listenOptions.host ?? '127.0.0.1';
    // Bound slow senders; the defaults of node:http (5 min, checked every 30 s) are generous for 1 MiB webhooks.
    const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000, connectionsCheckingInterval: 1_000 }, handler);
    server.maxConnections = 512;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(listenOptions.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const hostInUrl = host.includes(':') ? `[${host}]` : host;
    return {
      url: `http://${hostInUrl}:${port}/`,
      close: () =>
        new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          server.closeAllConnections();
        }),
    };
  };

  return Object.assign(handler, { listen });
}
