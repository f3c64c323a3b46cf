import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStack } from '@flowline/cli';
import type { Delivery, ScenarioScript } from '@flowline/sandbox';
import { contactByEmail, contacts, failedSince, play, prepare, startFlows } from '../support/flow-test-kit.js';

const HOUR = 3600;
const DAY = 86_400;
/** One member books three appointments: the first is moved, the second missed, the third canceled. */
const SCRIPT: ScenarioScript = {
  name: 'appointment-sync',
  companyId: 'client_sandbox',
  startAt: 0,
  customers: { ann: { first: 'Ann', last: 'Lee', email: 'ann.lee@example.com', phone: '+15125550101', role: 'member', existing: true } },
  steps: [
    { at: 0, event: 'appointment.scheduled', customer: 'ann', appointment: 'pt_1', typeName: 'Personal Training', staffId: 'usr_coach_1', startsIn: 2 * DAY },
    { at: HOUR, event: 'appointment.rescheduled', customer: 'ann', appointment: 'pt_1', startsIn: 3 * DAY },
    { at: 2 * HOUR, event: 'appointment.scheduled', customer: 'ann', appointment: 'pt_2', typeName: 'Intro session', staffId: 'usr_unknown_coach', startsIn: HOUR },
    { at: 3 * HOUR + 10 * 60, event: 'appointment.noshowed', customer: 'ann', appointment: 'pt_2' },
    { at: 4 * HOUR, event: 'appointment.scheduled', customer: 'ann', appointment: 'pt_3', typeName: 'Nutrition consult', staffId: 'usr_coach_2', startsIn: DAY },
    { at: 5 * HOUR, event: 'appointment.canceled', customer: 'ann', appointment: 'pt_3' },
  ],
};

let stack: DemoStack;
beforeAll(async () => {
  stack = await startFlows({ flows: ['appointment-sync'] });
});
afterAll(async () => {
  await stack.close();
});

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();

/** What the GHL calendar should hold after every event, whatever order they came in. */
function expected(deliveries: readonly Delivery[]): unknown[] {
  const start = (i: number): number => Number(deliveries[i]?.data['startTimestamp']);
  return [
    { title: 'Personal Training', startTime: iso(start(1)), endTime: iso(start(1) + HOUR), appointmentStatus: 'confirmed', assignedUserId: 'usr_coach_1' },
    { title: 'Intro session', startTime: iso(start(2)), appointmentStatus: 'noshow' },
    { title: 'Nutrition consult', startTime: iso(start(4)), appointmentStatus: 'cancelled', assignedUserId: 'usr_front_1' },
  ].map((a) => expect.objectContaining(a));
}

function appointments(): unknown[] {
  return [...contactByEmail(stack, 'ann.lee@example.com').appointments].sort((a, b) => order(a) - order(b));
}
const order = (a: Record<string, unknown>): number => ['Personal Training', 'Intro session', 'Nutrition consult'].indexOf(String(a['title']));

describe('appointment-sync', () => {
  it('creates, moves, marks no-show and cancels one GHL appointment per PushPress appointment, assigned to the mapped staff user', async () => {
    const { deliveries, since } = prepare(stack, SCRIPT);
    await play(stack, deliveries);
    expect(await failedSince(stack, since)).toEqual([]);
    expect(contacts(stack)).toHaveLength(1);
    expect(appointments()).toEqual(expected(deliveries));
  });

  it('ends in the same state when every delivery comes twice', async () => {
    const { deliveries } = prepare(stack, SCRIPT);
    await play(stack, deliveries, { duplicate: true });
    expect(appointments()).toEqual(expected(deliveries));
  });

  it('ends in the state of the newest event per appointment when deliveries arrive in reverse', async () => {
    const { deliveries, since } = prepare(stack, SCRIPT);
    await play(stack, [...deliveries].reverse());
    expect(await failedSince(stack, since)).toEqual([]);
    expect(appointments()).toEqual(expected(deliveries));
  });
});
