import { afterEach, describe, expect, it } from 'vitest';
import { CREATED, customerCreatedBody, post } from './fixtures/deliveries.js';
import { createRecordingParking, startReceiver, type ReceiverUnderTest } from './fixtures/receiver-under-test.js';

let running: ReceiverUnderTest | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** A delivery of an event type PushPress might add: authentic, but no trigger handles it. */
function newEventBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { event: 'member.badge.awarded', created: CREATED, data: { id: 'bdg_1', customerId: 'usr_1', badge: 'century' }, ...overrides };
}

describe('PushPress webhook receiver: parking deliveries of event types no trigger handles', () => {
  it('parks an authentic delivery of an unknown event type: 202 parked, kept whole, not submitted', async () => {
    const parking = createRecordingParking();
    running = await startReceiver({ parking });
    const raw = JSON.stringify(newEventBody());

    const answer = await post(running.url, raw);

    expect(answer.status).toBe(202);
    expect(answer.json).toEqual({ status: 'parked', id: `member.badge.awarded:bdg_1:${CREATED}` });
    expect(parking.parked).toEqual([{ id: `member.badge.awarded:bdg_1:${CREATED}`, trigger: 'pushpress.member.badge.awarded', payload: JSON.parse(raw) as unknown }]);
    expect(running.sink.committed).toEqual([]);
    expect(running.logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('parked') }));
  });

  it('answers 200 duplicate when a parked delivery is sent again, keeping it once', async () => {
    const parking = createRecordingParking();
    running = await startReceiver({ parking });
    const raw = JSON.stringify(newEventBody());
    await post(running.url, raw);

    const again = await post(running.url, raw);

    expect(again).toMatchObject({ status: 200, json: { status: 'duplicate', id: `member.badge.awarded:bdg_1:${CREATED}` } });
    expect(parking.parked).toHaveLength(1);
  });

  it('parks nothing unsigned, stale, or whose event is not shaped like an event name', async () => {
    const parking = createRecordingParking();
    running = await startReceiver({ parking, maxAgeSeconds: 30 });

    expect((await post(running.url, JSON.stringify(newEventBody()), { secret: 'whsec_wrong' })).status).toBe(401);
    expect((await post(running.url, JSON.stringify(newEventBody({ created: CREATED - 3600 })))).status).toBe(422);
    for (const event of ['member badge', '../../etc/passwd', 'member.', `member.${'x'.repeat(60)}`, '']) {
      const answer = await post(running.url, JSON.stringify(newEventBody({ event })));
      expect(answer, event).toMatchObject({ status: 400, json: { error: { code: 'pushpress.webhook.unknown_event', pointer: '/event' } } });
    }
    expect(parking.parked).toEqual([]);
  });

  it('still checks known event types against their schema, parking none of them', async () => {
    const parking = createRecordingParking();
    running = await startReceiver({ parking });
    const body = customerCreatedBody();
    delete (body['data'] as Record<string, unknown>)['email'];

    expect((await post(running.url, JSON.stringify(body))).status).toBe(400);
    expect((await post(running.url, JSON.stringify(customerCreatedBody()))).status).toBe(202);
    expect(parking.parked).toEqual([]);
  });

  it('answers 503 when the delivery cannot be parked, so PushPress sends it again', async () => {
    const parking = createRecordingParking();
    running = await startReceiver({ parking });
    parking.failing = true;

    const answer = await post(running.url, JSON.stringify(newEventBody()));

    expect(answer).toMatchObject({ status: 503, json: { error: { code: 'pushpress.webhook.sink_unavailable' } } });
    expect(answer.text).not.toContain('disk full');
  });

  it('refuses unknown event types with 400 and the closest known names when nothing parks them', async () => {
    running = await startReceiver();
    const answer = await post(running.url, JSON.stringify(newEventBody({ event: 'customer.create' })));
    expect(answer).toMatchObject({ status: 400, json: { error: { code: 'pushpress.webhook.unknown_event', hint: expect.stringContaining('customer.created') } } });
  });
});
