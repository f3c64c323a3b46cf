import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createPushPressReceiver,
  createPushPressConnector,
  type PushPressReceiverOptions,
  type RunningReceiver,
} from '@flowline/connectors';
import { createCaptureLogger } from './fixtures/capture-logger.js';
import {
  appInstalledBody,
  checkinCreatedBody,
  CREATED,
  customerCreatedBody,
  NOW_MS,
  post,
  signatureFor,
  streamOversized,
} from './fixtures/deliveries.js';
import { createRecordingSink, type RecordingSink } from './fixtures/recording-sink.js';

const SECRETS = ['whsec_current', 'whsec_previous'];
/** The connector's operations: the 23 generated trigger descriptors (the lookup action is ignored by the receiver). */
const pushpressOperations = createPushPressConnector().operations;

let running: RunningReceiver | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(
  overrides: Partial<PushPressReceiverOptions> = {},
): Promise<{ url: string; sink: RecordingSink; logger: ReturnType<typeof createCaptureLogger> }> {
  const sink = createRecordingSink();
  const logger = createCaptureLogger();
  const receiver = createPushPressReceiver({
    secrets: SECRETS,
    sink,
    operations: pushpressOperations,
    now: () => NOW_MS,
    logger,
    ...overrides,
  });
  running = await receiver.listen();
  return { url: running.url, sink, logger };
}

function errorCode(json: unknown): unknown {
  return (json as { error?: { code?: unknown } }).error?.code;
}

describe('PushPress webhook receiver: accepting', () => {
  it('hands a valid delivery to the sink exactly as parsed, unknown fields kept, and answers 202', async () => {
    const { url, sink } = await start();
    const raw = JSON.stringify(customerCreatedBody());
    const answer = await post(url, raw);
    expect(answer.status).toBe(202);
    expect(answer.json).toEqual({ status: 'accepted', id: `customer.created:usr_123:${CREATED}` });
    expect(sink.committed).toEqual([
      {
        id: `customer.created:usr_123:${CREATED}`,
        trigger: 'pushpress.customer.created',
        payload: JSON.parse(raw) as unknown,
        orderingKey: 'usr_123',
      },
    ]);
    const payload = sink.committed[0]?.payload as { deliveredVia: string; data: { favouriteColour: string } };
    expect(payload.deliveredVia).toBe('test');
    expect(payload.data.favouriteColour).toBe('teal');
  });

  it('verifies deliveries whose raw text is formatted differently from JSON.stringify', async () => {
    const { url, sink } = await start();
    const raw = JSON.stringify(customerCreatedBody(), null, 2);
    const answer = await post(url, raw);
    expect(answer.status).toBe(202);
    expect(sink.committed).toHaveLength(1);
  });

  it('verifies over the parsed data even when the raw text uses escapes and other number spellings', async () => {
    const { url, sink } = await start();
    const body = customerCreatedBody();
    (body['data'] as Record<string, unknown>)['name'] = { first: 'Zoë', last: 'Łukasz', nickname: null };
    (body['data'] as Record<string, unknown>)['balance'] = 1.5;
    const signature = signatureFor(JSON.stringify(body), 'whsec_current');
    const raw = JSON.stringify(body).replace('Zoë', 'Zo\\u00eb').replace('"balance":1.5', '"balance":1.50e0');
    expect(raw).toContain('Zo\\u00eb');
    const answer = await post(url, raw, { signature });
    expect(answer.status).toBe(202);
    expect((sink.committed[0]?.payload as { data: { name: { first: string } } }).data.name.first).toBe('Zoë');
  });

  it('acknowledges a repeated delivery with 200 and status duplicate, committing it once', async () => {
    const { url, sink } = await start();
    const raw = JSON.stringify(customerCreatedBody());
    expect((await post(url, raw)).status).toBe(202);
    const again = await post(url, raw);
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ status: 'duplicate', id: `customer.created:usr_123:${CREATED}` });
    expect(sink.committed).toHaveLength(1);
  });

  it('accepts deliveries signed with the old or the new secret during rotation, not a removed one', async () => {
    const { url, sink } = await start({ secrets: ['whsec_new', 'whsec_old'] });
    const first = JSON.stringify(customerCreatedBody());
    const second = JSON.stringify(customerCreatedBody({ created: CREATED + 1 }));
    const third = JSON.stringify(customerCreatedBody({ created: CREATED + 2 }));
    expect((await post(url, first, { secret: 'whsec_old' })).status).toBe(202);
    expect((await post(url, second, { secret: 'whsec_new' })).status).toBe(202);
    expect((await post(url, third, { secret: 'whsec_removed' })).status).toBe(401);
    expect(sink.committed.map((event) => event.id)).toEqual([
      `customer.created:usr_123:${CREATED}`,
      `customer.created:usr_123:${CREATED + 1}`,
    ]);
  });

  it('orders check-ins by data.customer', async () => {
    const { url, sink } = await start();
    expect((await post(url, JSON.stringify(checkinCreatedBody()))).status).toBe(202);
    expect(sink.committed[0]).toMatchObject({ id: `checkin.created:chk_9:${CREATED}`, orderingKey: 'usr_77' });
  });

  it('identifies app.installed deliveries by installationId and gives them no ordering key', async () => {
    const { url, sink } = await start();
    expect((await post(url, JSON.stringify(appInstalledBody()))).status).toBe(202);
    expect(sink.committed[0]?.id).toBe(`app.installed:ins_42:${CREATED}`);
    expect(sink.committed[0]).not.toHaveProperty('orderingKey');
  });
});

describe('PushPress webhook receiver: refusing', () => {
  it('answers 401 to a delivery without a signature and does not submit it', async () => {
    const { url, sink } = await start();
    const answer = await post(url, JSON.stringify(customerCreatedBody()), { signature: null });
    expect(answer.status).toBe(401);
    expect(errorCode(answer.json)).toBe('pushpress.webhook.invalid_signature');
    expect(sink.committed).toHaveLength(0);
  });

  it('answers 401 to wrong-value and wrong-length signatures', async () => {
    const { url, sink } = await start();
    const raw = JSON.stringify(customerCreatedBody());
    const good = signatureFor(raw, 'whsec_current');
    const wrongValue = (good.startsWith('a') ? 'b' : 'a') + good.slice(1);
    for (const signature of [wrongValue, good.slice(0, 40), good.slice(0, 63), `${good}ff`, 'not-hex']) {
      expect((await post(url, raw, { signature })).status, signature).toBe(401);
    }
    expect(sink.committed).toHaveLength(0);
  });

  it('answers 401 when the data was changed after signing', async () => {
    const { url, sink } = await start();
    const raw = JSON.stringify(customerCreatedBody());
    const tampered = raw.replace('ann@example.com', 'eve@example.com');
    expect((await post(url, tampered, { signature: signatureFor(raw, 'whsec_current') })).status).toBe(401);
    expect(sink.committed).toHaveLength(0);
  });

  it('answers 400 to malformed JSON, before looking at the signature', async () => {
    const { url, sink } = await start();
    const answer = await post(url, '{"event": "customer.created", ', { signature: 'ab'.repeat(32) });
    expect(answer.status).toBe(400);
    expect(errorCode(answer.json)).toBe('pushpress.webhook.malformed_json');
    expect(sink.committed).toHaveLength(0);
  });

  it('answers 400 to a body nested deeper than 64 levels, before parsing it', async () => {
    const { url, sink } = await start();
    const depth = 200_000;
    const raw = `{"event":"customer.created","created":${CREATED},"data":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const answer = await post(url, raw, { signature: 'ab'.repeat(32) });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { code: 'pushpress.webhook.malformed_json', message: expect.stringContaining('64 levels') } });
    expect(sink.committed).toHaveLength(0);
  });

  it('does not count brackets inside strings as nesting', async () => {
    const { url } = await start();
    const raw = JSON.stringify(customerCreatedBody({ note: `${'['.repeat(100)} "\\" ${'{'.repeat(100)}` }));
    expect((await post(url, raw)).status).toBe(202);
  });

  it('answers 400 to a JSON body that is not an object', async () => {
    const { url } = await start();
    const answer = await post(url, '[1,2,3]', { signature: 'ab'.repeat(32) });
    expect(answer.status).toBe(400);
    expect(errorCode(answer.json)).toBe('pushpress.webhook.malformed_json');
  });

  it('answers 400 with JSON pointers when the body does not match its event schema', async () => {
    const { url, sink } = await start();
    const body = customerCreatedBody();
    const data = body['data'] as Record<string, unknown>;
    delete data['email'];
    data['gender'] = 'robot';
    const answer = await post(url, JSON.stringify(body));
    expect(answer.status).toBe(400);
    const error = (answer.json as { error: { code: string; pointer: string; details: { violations: Array<{ pointer: string }> } } }).error;
    expect(error.code).toBe('pushpress.webhook.schema_mismatch');
    const pointers = error.details.violations.map((violation) => violation.pointer);
    expect(pointers).toContain('/data/email');
    expect(pointers).toContain('/data/gender');
    expect(sink.committed).toHaveLength(0);
  });

  it('checks the signature before the schema', async () => {
    const { url } = await start();
    const answer = await post(url, JSON.stringify({ event: 'customer.created', created: CREATED, data: {} }), {
      signature: 'ab'.repeat(32),
    });
    expect(answer.status).toBe(401);
  });

  it('answers 400 to an unknown event type, naming the closest known ones', async () => {
    const { url, sink } = await start();
    const answer = await post(url, JSON.stringify(customerCreatedBody({ event: 'customer.create' })));
    expect(answer.status).toBe(400);
    const error = (answer.json as { error: { code: string; pointer: string; hint: string } }).error;
    expect(error).toMatchObject({ code: 'pushpress.webhook.unknown_event', pointer: '/event' });
    expect(error.hint).toContain('customer.created');
    expect(sink.committed).toHaveLength(0);
  });

  it('answers 413 when the declared Content-Length is over the limit', async () => {
    const { url, sink } = await start({ maxBodyBytes: 1024 });
    const raw = JSON.stringify(customerCreatedBody({ padding: 'x'.repeat(2048) }));
    const answer = await post(url, raw);
    expect(answer.status).toBe(413);
    expect(errorCode(answer.json)).toBe('pushpress.webhook.payload_too_large');
    expect(sink.committed).toHaveLength(0);
  });

  it('answers 413 while a chunked body larger than the limit is still streaming', async () => {
    const { url, sink } = await start({ maxBodyBytes: 16 * 1024 });
    const answer = await streamOversized(url, 64 * 1024 * 1024, 4 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.headers['connection']).toBe('close');
    // The answer came while the client was still sending, long before the body would have ended.
    expect(answer.written).toBeLessThan(64 * 1024 * 1024);
    expect(sink.committed).toHaveLength(0);
  });

  it('answers 415 to a body that is not application/json', async () => {
    const { url, sink } = await start();
    const raw = JSON.stringify(customerCreatedBody());
    expect((await post(url, raw, { headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await post(url, raw, { headers: { 'content-type': 'application/json; charset=latin1' } })).status).toBe(415);
    expect((await post(url, raw, { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } })).status).toBe(415);
    expect(sink.committed).toHaveLength(0);
  });

  it('accepts application/json with a utf-8 charset parameter', async () => {
    const { url } = await start();
    const raw = JSON.stringify(customerCreatedBody());
    expect((await post(url, raw, { headers: { 'content-type': 'Application/JSON; charset=UTF-8' } })).status).toBe(202);
  });

  it('answers 405 with Allow: POST to other methods', async () => {
    const { url } = await start();
    const answer = await post(url, '', { method: 'GET' });
    expect(answer.status).toBe(405);
    expect(answer.headers['allow']).toBe('POST');
  });

  it('refuses a stale delivery with 422 and does not submit it', async () => {
    const { url, sink } = await start({ maxAgeSeconds: 3600, now: () => (CREATED + 3601) * 1000 });
    const answer = await post(url, JSON.stringify(customerCreatedBody()));
    expect(answer.status).toBe(422);
    expect(answer.json).toMatchObject({ error: { code: 'pushpress.webhook.stale_delivery', pointer: '/created' } });
    expect(sink.committed).toHaveLength(0);
  });

  it('accepts a delivery exactly at the edge of the freshness window', async () => {
    const { url } = await start({ maxAgeSeconds: 3600, now: () => (CREATED + 3600) * 1000 });
    expect((await post(url, JSON.stringify(customerCreatedBody()))).status).toBe(202);
  });

  it('refuses a delivery from too far in the future with 422', async () => {
    const { url, sink } = await start({ maxFutureSeconds: 300, now: () => (CREATED - 301) * 1000 });
    const answer = await post(url, JSON.stringify(customerCreatedBody()));
    expect(answer.status).toBe(422);
    expect(errorCode(answer.json)).toBe('pushpress.webhook.future_delivery');
    expect(sink.committed).toHaveLength(0);
  });

  it('answers 503 when the sink fails, and accepts the retry once it recovers', async () => {
    const { url, sink } = await start();
    const raw = JSON.stringify(customerCreatedBody());
    sink.failing = true;
    const failed = await post(url, raw);
    expect(failed.status).toBe(503);
    expect(errorCode(failed.json)).toBe('pushpress.webhook.sink_unavailable');
    expect(failed.text).not.toContain('disk full');
    sink.failing = false;
    expect((await post(url, raw)).status).toBe(202);
    expect(sink.committed).toHaveLength(1);
  });
});

describe('PushPress webhook receiver: hostile payloads and secrets', () => {
  it('leaves Object.prototype untouched by __proto__, constructor and prototype keys, and strips them', async () => {
    const { url, sink, logger } = await start();
    const raw = JSON.stringify(customerCreatedBody()).replace(
      '"favouriteColour":"teal"',
      '"favouriteColour":"teal","__proto__":{"polluted":true},"nested":{"constructor":{"prototype":{"polluted":true}}}',
    );
    const answer = await post(url, raw);
    expect(answer.status).toBe(202);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const data = (sink.committed[0]?.payload as { data: Record<string, unknown> }).data;
    expect(Object.hasOwn(data, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(data['nested']).toEqual({});
    expect(data['favouriteColour']).toBe('teal');
    const warning = logger.lines.find((line) => line.message.includes('prototype-like'));
    expect(warning?.fields).toEqual({ count: 2, pointers: ['/data/__proto__', '/data/nested/constructor'] });
  });

  it('never puts a secret in an answer or a log line', async () => {
    const { url, sink, logger } = await start();
    const raw = JSON.stringify(customerCreatedBody());
    const answers = [
      await post(url, raw),
      await post(url, raw),
      await post(url, raw, { secret: 'whsec_wrong' }),
      await post(url, raw, { signature: null }),
      await post(url, '{nope', {}),
      await post(url, JSON.stringify(customerCreatedBody({ event: 'nope' }))),
    ];
    sink.failing = true;
    answers.push(await post(url, JSON.stringify(customerCreatedBody({ created: CREATED + 5 }))));
    const seen = answers.map((answer) => `${answer.text} ${JSON.stringify(answer.headers)}`).join('\n') + JSON.stringify(logger.lines);
    for (const secret of SECRETS) expect(seen).not.toContain(secret);
    expect(logger.lines.length).toBeGreaterThan(0);
  });

  it('does not echo the secrets when its options are wrong', () => {
    const sink = createRecordingSink();
    expect(() =>
      createPushPressReceiver({ secrets: ['whsec_visible', ''], sink, operations: pushpressOperations }),
    ).toThrow(/non-empty array of non-empty strings/);
    try {
      createPushPressReceiver({ secrets: ['whsec_visible', ''], sink, operations: pushpressOperations });
    } catch (error) {
      expect(String(error)).not.toContain('whsec_visible');
    }
  });

  it('says what it expected when an option is wrong', () => {
    const sink = createRecordingSink();
    expect(() => createPushPressReceiver({ secrets: SECRETS, sink, operations: [] })).toThrow(/at least one pushpress trigger/);
    expect(() =>
      createPushPressReceiver({ secrets: SECRETS, sink, operations: pushpressOperations, maxBodyBytes: -1 }),
    ).toThrow(/maxBodyBytes/);
  });
});

describe('PushPress webhook receiver: mounted in a host server', () => {
  it('works under a sub-path of the host own http server', async () => {
    const sink = createRecordingSink();
    const receiver = createPushPressReceiver({ secrets: SECRETS, sink, operations: pushpressOperations, now: () => NOW_MS });
    const host: Server = createServer((req, res) => {
      if (req.url === '/hooks/pushpress') return receiver(req, res);
      res.writeHead(404).end('not here');
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
      const raw = JSON.stringify(customerCreatedBody());
      expect((await post(`${base}/hooks/pushpress`, raw)).status).toBe(202);
      expect((await post(`${base}/elsewhere`, raw)).status).toBe(404);
      expect(sink.committed).toHaveLength(1);
    } finally {
      host.closeAllConnections();
      await new Promise<void>((resolve) => host.close(() => resolve()));
    }
  });
});
