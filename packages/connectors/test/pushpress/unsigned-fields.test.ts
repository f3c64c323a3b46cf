import { afterEach, describe, expect, it } from 'vitest';
import { CREATED, customerCreatedBody, post } from './fixtures/deliveries.js';
import { createRecordingParking, startReceiver, type ReceiverUnderTest } from './fixtures/receiver-under-test.js';

let running: ReceiverUnderTest | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('PushPress webhook receiver: the unsigned `event` member and what gets logged', () => {
  it('refuses a 900 KB `event` as no event name, without name hints and without echoing it', async () => {
    running = await startReceiver();
    const event = `customer.${'x'.repeat(900_000)}`;

    const answer = await post(running.url, JSON.stringify(customerCreatedBody({ event })));

    expect(answer.status).toBe(400);
    const error = (answer.json as { error: Record<string, unknown> }).error;
    expect(error).toMatchObject({ code: 'pushpress.webhook.unknown_event', pointer: '/event' });
    expect(error).not.toHaveProperty('hint');
    expect(answer.text.length).toBeLessThan(1_000);
  });

  it('refuses a 900 KB `event` the same way when unknown event types are parked', async () => {
    const parking = createRecordingParking();
    running = await startReceiver({ parking });

    const answer = await post(running.url, JSON.stringify(customerCreatedBody({ event: `member.${'y'.repeat(900_000)}` })));

    expect(answer.status).toBe(400);
    expect(parking.parked).toEqual([]);
  });

  it('logs the count and at most 10 pointers of 30,000 removed __proto__ keys, each pointer bounded', async () => {
    running = await startReceiver();
    const long = 'k'.repeat(5_000);
    const extra = Array.from({ length: 30_000 }, (_, index) => `"n${index}":{"__proto__":1}`).join(',');
    const raw = JSON.stringify(customerCreatedBody()).replace('"favouriteColour":"teal"', `"favouriteColour":"teal",${extra},"${long}":{"constructor":1}`);

    expect((await post(running.url, raw)).status).toBe(202);

    const warning = running.logger.lines.find((line) => line.message.includes('prototype-like'));
    expect(warning?.fields?.['count']).toBe(30_001);
    const pointers = warning?.fields?.['pointers'] as string[];
    expect(pointers).toHaveLength(10);
    expect(JSON.stringify(running.logger.lines).length).toBeLessThan(10_000);
  });

  it('logs a long object id as part of a short delivery id', async () => {
    running = await startReceiver();
    const body = customerCreatedBody();
    (body['data'] as Record<string, unknown>)['id'] = `usr_${'z'.repeat(900_000)}`;

    const answer = await post(running.url, JSON.stringify(body));

    expect(answer.status).toBe(202);
    expect(answer.json).toEqual({ status: 'accepted', id: expect.stringMatching(new RegExp(`^customer\\.created:sha256:[0-9a-f]{32}:${CREATED}$`)) });
    expect(JSON.stringify(running.logger.lines).length).toBeLessThan(2_000);
  });
});
