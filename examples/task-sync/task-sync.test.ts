import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStack } from '@flowline/cli';
import type { Delivery, ScenarioScript } from '@flowline/sandbox';
import { contactByEmail, failedSince, play, prepare, startFlows } from '../support/flow-test-kit.js';

const HOUR = 3600;
const DAY = 86_400;
/**
 * Nina misses a session with coach 1 and it is rescheduled; Omar misses one and checks in to a
 * class later; Pat's membership lapses (enrollment canceled, then ex-member).
 */
const SCRIPT: ScenarioScript = {
  name: 'task-sync',
  companyId: 'client_sandbox',
  startAt: 0,
  customers: {
    nina: { first: 'Nina', last: 'Holt', email: 'nina.holt@example.com', phone: '+15125550121', role: 'member', existing: true },
    omar: { first: 'Omar', last: 'Vance', email: 'omar.vance@example.com', phone: '+15125550122', role: 'member', existing: true },
    pat: { first: 'Pat', last: 'Quill', email: 'pat.quill@example.com', phone: '+15125550123', role: 'member', existing: true },
  },
  steps: [
    { at: 0, event: 'appointment.scheduled', customer: 'nina', appointment: 'nina_pt', typeName: 'Personal Training', staffId: 'usr_coach_1', startsIn: HOUR },
    { at: 60, event: 'appointment.scheduled', customer: 'omar', appointment: 'omar_pt', typeName: 'Personal Training', staffId: 'usr_coach_9', startsIn: HOUR },
    { at: 120, event: 'enrollment.created', customer: 'pat', enrollment: 'pat_plan', planId: 'plan_unlimited_monthly' },
    { at: HOUR + 20 * 60, event: 'appointment.noshowed', customer: 'nina', appointment: 'nina_pt' },
    { at: HOUR + 21 * 60, event: 'appointment.noshowed', customer: 'omar', appointment: 'omar_pt' },
    { at: 2 * HOUR, event: 'appointment.rescheduled', customer: 'nina', appointment: 'nina_pt', startsIn: DAY },
    { at: 5 * HOUR, event: 'checkin.created', customer: 'omar', classId: 'cls_1730_wod', className: 'WOD' },
    { at: 6 * HOUR, event: 'enrollment.status.changed', customer: 'pat', enrollment: 'pat_plan', status: 'canceled' },
    { at: 6 * HOUR + 5, event: 'customer.status.changed', customer: 'pat', role: 'ex-member' },
  ],
};

let stack: DemoStack;
beforeAll(async () => {
  stack = await startFlows({ flows: ['task-sync'] });
});
afterAll(async () => {
  await stack.close();
});

const tasksOf = (email: string) => contactByEmail(stack, email).tasks;

function checkFinalState(deliveries: readonly Delivery[], options: { rescheduleSeen: boolean }): void {
  const nina = tasksOf('nina.holt@example.com');
  expect(nina).toEqual([expect.objectContaining({ title: 'Follow up: missed Personal Training', completed: false, assignedTo: 'usr_coach_1' })]);
  if (options.rescheduleSeen) {
    expect(nina[0]?.['dueDate']).toBe(new Date(Number(deliveries[5]?.data['startTimestamp']) * 1000).toISOString());
  }
  const omar = tasksOf('omar.vance@example.com');
  expect(omar).toEqual([expect.objectContaining({ title: 'Follow up: missed Personal Training', completed: true })]);
  expect(omar[0]).not.toHaveProperty('assignedTo');
  expect(tasksOf('pat.quill@example.com')).toEqual([expect.objectContaining({ title: 'Win back: membership ended', completed: false })]);
}

describe('task-sync', () => {
  it('opens follow-ups for no-shows and lapses, completes them on a later check-in and moves them on a reschedule', async () => {
    const { deliveries, since } = prepare(stack, SCRIPT);
    await play(stack, deliveries);
    expect(await failedSince(stack, since)).toEqual([]);
    checkFinalState(deliveries, { rescheduleSeen: true });
  });

  it('ends in the same state when every delivery comes twice', async () => {
    const { deliveries } = prepare(stack, SCRIPT);
    await play(stack, deliveries, { duplicate: true });
    checkFinalState(deliveries, { rescheduleSeen: true });
  });

  it('creates a no-show task already completed when the later check-in arrived first, and opens one win-back task whichever lapse event comes first', async () => {
    const { deliveries, since } = prepare(stack, SCRIPT);
    const order = [0, 1, 2, 3, 6, 4, 5, 8, 7]; // Omar's check-in before his no-show; ex-member before the canceled enrollment
    await play(stack, order.map((i) => deliveries[i] as Delivery));
    expect(await failedSince(stack, since)).toEqual([]);
    checkFinalState(deliveries, { rescheduleSeen: true });
    expect(tasksOf('pat.quill@example.com')[0]?.['title']).toBe('Win back: membership ended');
  });
});
