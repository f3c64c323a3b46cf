import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPushPressConnector, createPushPressReceiver, PUSHPRESS_EVENT_NAMES, type RunningReceiver } from '@flowline/connectors';
import { NOW_MS, post } from './fixtures/deliveries.js';
import { createRecordingSink } from './fixtures/recording-sink.js';

const { operations } = createPushPressConnector();
const triggers = operations.filter((operation) => operation.kind === 'trigger');
const sink = createRecordingSink();
let running: RunningReceiver;

beforeAll(async () => {
  running = await createPushPressReceiver({ secrets: ['whsec_current'], sink, operations, now: () => NOW_MS }).listen();
});
afterAll(async () => {
  await running.close();
});

/** Where each event's customer id lives, read off reference/pushpress/webhooks/*.json. */
const CUSTOMER_FIELD: Record<string, string | undefined> = {
  customer: 'id',
  enrollment: 'customerId',
  checkin: 'customer',
  appointment: 'customerId',
  reservation: 'customerId',
};

describe('every PushPress trigger of the catalog', () => {
  it('covers exactly the 23 documented event types', () => {
    expect(triggers.map((trigger) => trigger.id).sort()).toEqual(PUSHPRESS_EVENT_NAMES.map((event) => `pushpress.${event}`).sort());
  });

  it.each(triggers.map((trigger) => [trigger.id, trigger] as const))('%s: its signed sample is accepted with a stable identity', async (id, trigger) => {
    const body = trigger.sample as { event: string; created: number; data: Record<string, unknown> };
    const answer = await post(running.url, JSON.stringify(body));
    expect(answer.status, answer.text).toBe(202);
    const event = sink.committed.find((committed) => committed.trigger === id);
    expect(event?.payload).toEqual(body);
    const objectId = body.event.startsWith('app.') ? body.data['installationId'] : body.data['id'];
    if (typeof objectId === 'string') expect(event?.id).toBe(`${body.event}:${objectId}:${body.created}`);
    // memberapp.updated is documented without a payload: no id, so a hash of data stands in for it.
    else expect(event?.id).toMatch(new RegExp(`^${body.event}:sha256:[0-9a-f]{32}:${body.created}$`));
    const family = body.event.split('.')[0] ?? '';
    const field = body.event === 'checkin.deleted' ? 'customerId' : CUSTOMER_FIELD[family];
    const expected = field === undefined ? undefined : body.data[field];
    expect(event?.orderingKey).toBe(typeof expected === 'string' ? expected : undefined);
  });
});
