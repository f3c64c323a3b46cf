import type { ScenarioScript } from '../scenario-script.js';

const HOUR = 3600;
const DAY = 86_400;

/**
 * One customer's whole story, in the order the brief lists it: a lead signs up, edits their
 * details, becomes a member (status change + enrollment), books an appointment, reschedules
 * it, misses another, cancels a third, checks in to a class, joins a waitlist, and finally
 * cancels the membership.
 */
export const LEAD_TO_MEMBER: ScenarioScript = {
  name: 'lead-to-member',
  description: 'A lead becomes a member, uses the gym, then cancels.',
  companyId: 'client_sandbox',
  startAt: 1_764_190_000,
  customers: {
    ann: { first: 'Ann', last: 'Lee', email: 'ann.lee@example.com', phone: null, role: 'lead', city: 'Austin', state: 'TX', zip: '78701' },
  },
  steps: [
    { at: 0, event: 'customer.created', customer: 'ann' },
    { at: 10 * 60, event: 'customer.details.changed', customer: 'ann', changes: { phone: '+15125550101', last: 'Lee-Park' } },
    { at: 2 * DAY, event: 'customer.status.changed', customer: 'ann', role: 'member' },
    { at: 2 * DAY + 5, event: 'enrollment.created', customer: 'ann', enrollment: 'ann_monthly', planId: 'plan_unlimited_monthly' },
    { at: 2 * DAY + HOUR, event: 'appointment.scheduled', customer: 'ann', appointment: 'pt_1', typeName: 'Personal Training', staffId: 'usr_coach_1', startsIn: 2 * DAY },
    { at: 3 * DAY, event: 'appointment.rescheduled', customer: 'ann', appointment: 'pt_1', startsIn: 2 * DAY + 2 * HOUR },
    { at: 3 * DAY + HOUR, event: 'appointment.scheduled', customer: 'ann', appointment: 'pt_2', typeName: 'Personal Training', staffId: 'usr_coach_1', startsIn: DAY },
    { at: 4 * DAY + 2 * HOUR, event: 'appointment.noshowed', customer: 'ann', appointment: 'pt_2' },
    { at: 4 * DAY + 3 * HOUR, event: 'appointment.scheduled', customer: 'ann', appointment: 'pt_3', typeName: 'Nutrition consult', staffId: 'usr_coach_1', startsIn: 3 * DAY },
    { at: 5 * DAY, event: 'appointment.canceled', customer: 'ann', appointment: 'pt_3' },
    { at: 5 * DAY + 7 * HOUR, event: 'checkin.created', customer: 'ann', classId: 'cls_0700_wod', className: 'WOD' },
    { at: 6 * DAY, event: 'reservation.waitlisted', customer: 'ann', reservation: 'ann_yoga', classId: 'cls_1800_yoga' },
    { at: 30 * DAY, event: 'enrollment.status.changed', customer: 'ann', enrollment: 'ann_monthly', status: 'canceled' },
    { at: 30 * DAY + 5, event: 'customer.status.changed', customer: 'ann', role: 'ex-member' },
  ],
};
