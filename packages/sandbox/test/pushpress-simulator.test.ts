import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { verifyPushPressSignature } from '@flowline/connectors';
import { Ajv, type ValidateFunction } from 'ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createScenario,
  dayAtTheGym,
  LEAD_TO_MEMBER,
  planSendOrder,
  playScenario,
  SandboxOptionsError,
  signDelivery,
  type Delivery,
} from '../src/index.js';

const WEBHOOKS = fileURLToPath(new URL('../../connectors/reference/pushpress/webhooks/', import.meta.url));
const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map<string, ValidateFunction>();
function validatorFor(event: string): ValidateFunction {
  let v = validators.get(event);
  if (v === undefined) {
    v = ajv.compile(JSON.parse(readFileSync(`${WEBHOOKS}${event}.json`, 'utf8')) as object);
    validators.set(event, v);
  }
  return v;
}

describe('signing', () => {
  it('signs the README test vector exactly', () => {
    const body = '{"event":"customer.created","created":1764190000,"data":{"id":"usr_123","companyId":"cmp_1","email":"ann@example.com"}}';
    const delivery = JSON.parse(body) as Delivery;
    const signed = signDelivery(delivery, 'whsec_test_secret');
    expect(signed.body).toBe(body);
    expect(signed.headers['webhook-signature']).toBe('bc3209625a162667a8bfd4190a2913fadee2263ea807a6b6277d938294922e78');
    expect(signed.headers['content-type']).toBe('application/json');
  });
});

describe('scenarios', () => {
  it('tells the lead-to-member story in the order of the brief', () => {
    expect(createScenario(LEAD_TO_MEMBER).map((d) => d.event)).toEqual([
      'customer.created',
      'customer.details.changed',
      'customer.status.changed',
      'enrollment.created',
      'appointment.scheduled',
      'appointment.rescheduled',
      'appointment.scheduled',
      'appointment.noshowed',
      'appointment.scheduled',
      'appointment.canceled',
      'checkin.created',
      'reservation.waitlisted',
      'enrollment.status.changed',
      'customer.status.changed',
    ]);
  });

  it('starts the lead with role lead and ends them as an ex-member with a canceled enrollment', () => {
    const deliveries = createScenario(LEAD_TO_MEMBER);
    expect(deliveries[0]?.data['role']).toBe('lead');
    expect(deliveries[1]?.data['phone']).toBe('+15125550101');
    expect(deliveries[2]?.data['role']).toBe('member');
    expect(deliveries.at(-2)?.data['status']).toBe('canceled');
    expect(deliveries.at(-1)?.data['role']).toBe('ex-member');
  });

  it('produces payloads that validate against the PushPress webhook schemas', () => {
    const all = [...createScenario(LEAD_TO_MEMBER), ...createScenario(dayAtTheGym({ seed: 7, customers: 40 }))];
    for (const d of all) {
      const validate = validatorFor(d.event);
      expect(validate(d), `${d.event} ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(new Set(all.map((d) => d.event)).size).toBe(11);
  });

  it('builds the same day for the same seed and a different one for another seed', () => {
    expect(createScenario(dayAtTheGym({ seed: 3 }))).toEqual(createScenario(dayAtTheGym({ seed: 3 })));
    expect(createScenario(dayAtTheGym({ seed: 3 }))).not.toEqual(createScenario(dayAtTheGym({ seed: 4 })));
  });

  it('orders a day by time and keeps each delivery identity unique', () => {
    const day = createScenario(dayAtTheGym({ seed: 11, customers: 30 }));
    const created = day.map((d) => d.created);
    expect(created).toEqual([...created].sort((a, b) => a - b));
    const identities = day.map((d) => `${d.event}|${String(d.data['id'])}|${d.created}`);
    expect(new Set(identities).size).toBe(identities.length);
  });

  it('moves a scenario in time and gives its objects fresh ids', () => {
    const moved = createScenario(LEAD_TO_MEMBER, { startAt: 1_800_000_000, idSuffix: '_run2' });
    expect(moved[0]?.created).toBe(1_800_000_000);
    expect(moved[0]?.data['id']).toBe('usr_ann_run2');
  });

  it('names the step when a script refers to a customer that was never created', () => {
    const script = { ...LEAD_TO_MEMBER, steps: [{ at: 0, event: 'checkin.created' as const, customer: 'ann', classId: 'c', className: 'WOD' }] };
    expect(() => createScenario(script)).toThrow(SandboxOptionsError);
    expect(() => createScenario(script)).toThrow(/\/steps\/0\/customer/);
  });

  it('refuses a day without customers', () => {
    expect(() => dayAtTheGym({ seed: 1, customers: 0 })).toThrow(/customers/);
  });
});

describe('send order', () => {
  it('sends each delivery twice when duplicating', () => {
    expect(planSendOrder(2, { duplicate: true })).toEqual([
      { index: 0, duplicate: false },
      { index: 0, duplicate: true },
      { index: 1, duplicate: false },
      { index: 1, duplicate: true },
    ]);
  });

  it('shuffles deterministically by seed', () => {
    const a = planSendOrder(20, { shuffle: 99 });
    expect(a).toEqual(planSendOrder(20, { shuffle: 99 }));
    expect(a).not.toEqual(planSendOrder(20, { shuffle: 100 }));
    expect(a.map((p) => p.index).sort((x, y) => x - y)).toEqual([...Array(20).keys()]);
  });
});

describe('playScenario', () => {
  interface Received {
    body: { event: string; created: number; data: Record<string, unknown> };
    signatureValid: boolean;
    contentType: string | undefined;
  }
  let server: Server;
  let url: string;
  let received: Received[];
  let failNext = 0;

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  beforeEach(async () => {
    received = [];
    failNext = 0;
    server = createServer((req, res) => {
      void readBody(req).then((text) => {
        const body = JSON.parse(text) as Received['body'];
        received.push({
          body,
          signatureValid: verifyPushPressSignature({ data: body.data, signature: req.headers['webhook-signature'], secrets: ['whsec_test_secret'] }),
          contentType: req.headers['content-type'],
        });
        if (failNext > 0) {
          failNext--;
          res.writeHead(500).end();
        } else {
          res.writeHead(202).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/pushpress`;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers correctly signed JSON bodies and reports each status', async () => {
    const deliveries = createScenario(LEAD_TO_MEMBER);
    const report = await playScenario({ url, secret: 'whsec_test_secret', deliveries });
    expect(report.accepted).toBe(deliveries.length);
    expect(report.sent.every((s) => s.status === 202)).toBe(true);
    expect(received.every((r) => r.signatureValid && r.contentType === 'application/json')).toBe(true);
    expect(received.map((r) => r.body.event)).toEqual(deliveries.map((d) => d.event));
  });

  it('sends duplicates and a seeded shuffle, the same way every time', async () => {
    const deliveries = createScenario(dayAtTheGym({ seed: 5, customers: 6 }));
    const first = await playScenario({ url, secret: 'whsec_test_secret', deliveries, duplicate: true, shuffle: 12 });
    const firstOrder = received.map((r) => `${r.body.event}|${String(r.body.data['id'])}`);
    received = [];
    const second = await playScenario({ url, secret: 'whsec_test_secret', deliveries, duplicate: true, shuffle: 12, concurrency: 1 });
    expect(received.map((r) => `${r.body.event}|${String(r.body.data['id'])}`)).toEqual(firstOrder);
    expect(first.sent.map((s) => s.index)).toEqual(second.sent.map((s) => s.index));
    expect(first.sent).toHaveLength(deliveries.length * 2);
    expect(first.sent.filter((s) => s.duplicate)).toHaveLength(deliveries.length);
    expect(first.sent.map((s) => s.index)).not.toEqual([...first.sent.map((s) => s.index)].sort((a, b) => a - b));
  });

  it('reports failures without the signing secret', async () => {
    failNext = 1;
    const report = await playScenario({ url, secret: 'whsec_test_secret', deliveries: createScenario(LEAD_TO_MEMBER).slice(0, 2) });
    expect(report.sent.map((s) => s.status)).toEqual([500, 202]);
    expect(report.failed).toBe(1);
    expect(JSON.stringify(report)).not.toContain('whsec_test_secret');
  });

  it('reports a network failure as status null', async () => {
    const closed = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const report = await playScenario({ url: closed, secret: 's', deliveries: createScenario(LEAD_TO_MEMBER).slice(0, 1) });
    expect(report.sent[0]?.status).toBeNull();
    expect(report.sent[0]?.error).toBeDefined();
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  it('checks its options up front', async () => {
    await expect(playScenario({ url: 'not a url', secret: 's', deliveries: [] })).rejects.toThrow(/url/);
    await expect(playScenario({ url, secret: '', deliveries: [] })).rejects.toThrow(/secret/);
    await expect(playScenario({ url, secret: 's', deliveries: [], concurrency: 0 })).rejects.toThrow(/concurrency/);
  });
});
