import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStack } from '@flowline/cli';
import type { ScenarioScript } from '@flowline/sandbox';
import { contactByEmail, contacts, failedSince, play, prepare, startFlows, withoutMarker } from '../support/flow-test-kit.js';

const HOUR = 3600;
/** An established member (known to PushPress, not yet to GHL) enrolls, trains, cancels an appointment, then cancels the plan. */
const SCRIPT: ScenarioScript = {
  name: 'note-sync',
  companyId: 'client_sandbox',
  startAt: 0,
  customers: { mia: { first: 'Mia', last: 'Cole', email: 'mia.cole@example.com', phone: '+15125550150', role: 'member', existing: true, memberSince: '2025-03-01' } },
  steps: [
    { at: 0, event: 'enrollment.created', customer: 'mia', enrollment: 'mia_plan', planId: 'plan_unlimited_monthly' },
    { at: 7 * HOUR, event: 'checkin.created', customer: 'mia', classId: 'cls_0700_wod', className: 'WOD' },
    { at: 8 * HOUR, event: 'appointment.scheduled', customer: 'mia', appointment: 'mia_pt', typeName: 'Personal Training', staffId: 'usr_coach_1', startsIn: 2 * HOUR },
    { at: 9 * HOUR, event: 'appointment.canceled', customer: 'mia', appointment: 'mia_pt', isLateCancel: true },
    { at: 20 * HOUR, event: 'enrollment.status.changed', customer: 'mia', enrollment: 'mia_plan', status: 'canceled' },
  ],
};

let stack: DemoStack;
beforeAll(async () => {
  stack = await startFlows({ flows: ['note-sync'] });
});
afterAll(async () => {
  await stack.close();
});

function noteBodies(): string[] {
  return contactByEmail(stack, 'mia.cole@example.com').notes.map((n) => withoutMarker(n['body']));
}

const EXPECTED = [
  expect.stringMatching(/^Enrolled in plan plan_unlimited_monthly \(billed every month\), starting \d{4}-\d\d-\d\d, next charge \d{4}-\d\d-\d\d\.$/),
  expect.stringMatching(/^Checked in to WOD at \d{4}-\d\d-\d\d \d\d:\d\d UTC, class cls_0700_wod\.$/),
  expect.stringMatching(/^Canceled Personal Training set for .* UTC \(late cancel\)\.$/),
  expect.stringMatching(/^Plan plan_unlimited_monthly is now canceled \(ends \d{4}-\d\d-\d\d\), as of .* UTC\.$/),
];

describe('note-sync', () => {
  it('adds one note with its context per check-in, enrollment change and cancellation, to the contact it found through a PushPress lookup', async () => {
    const { deliveries, since } = prepare(stack, SCRIPT);
    await play(stack, deliveries);
    expect(await failedSince(stack, since)).toEqual([]);
    expect(contacts(stack)).toHaveLength(1);
    expect(contactByEmail(stack, 'mia.cole@example.com')).toMatchObject({ firstName: 'Mia', phone: '+15125550150', tags: expect.arrayContaining(['pushpress', 'pushpress-member']) });
    expect(noteBodies()).toEqual(EXPECTED);
    expect(stack.pushpress.stats()['200']).toBeGreaterThan(0);
  });

  it('adds each note once when every delivery comes twice', async () => {
    const { deliveries } = prepare(stack, SCRIPT);
    await play(stack, deliveries, { duplicate: true });
    expect(noteBodies()).toEqual(EXPECTED);
  });

  it('adds the same notes, each dated by its event, whatever the delivery order', async () => {
    const { deliveries, since } = prepare(stack, SCRIPT);
    await play(stack, [...deliveries].reverse());
    expect(await failedSince(stack, since)).toEqual([]);
    expect(contacts(stack)).toHaveLength(1);
    expect(noteBodies()).toHaveLength(EXPECTED.length);
    for (const matcher of EXPECTED) expect(noteBodies()).toContainEqual(matcher);
  });
});
