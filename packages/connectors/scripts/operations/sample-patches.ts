import { clone, isJsonObject, type Json } from './json-types.js';

/** Hand-written parts of samples, deep-merged over the synthesized ones (arrays are replaced). */
export interface SamplePatch {
  readonly input?: Json;
  readonly output?: Json;
}

export function applySamplePatch(value: Json, patch: Json | undefined): Json {
  if (patch === undefined) return value;
  if (!isJsonObject(value) || !isJsonObject(patch)) return clone(patch);
  const out = { ...value };
  for (const [key, part] of Object.entries(patch)) {
    const current = out[key];
    out[key] = current === undefined ? clone(part) : applySamplePatch(current, part);
  }
  return out;
}

const MEMBER = 'usr_4b7d2q9x';
const CHECKIN = {
  id: 'chk_5n8v1c3r',
  enrollmentId: 'enr_7h3k9p2m',
  name: 'CrossFit WOD 6:00 AM',
  typeId: 'clt_crossfit',
  classId: 'cls_0600_wod',
  failureReason: null,
  type: { id: 'clt_crossfit', name: 'CrossFit' },
  role: 'attendee',
};
const RESERVATION = { id: 'rsv_9d1f5g7h', reservedId: 'cls_0600_wod', customerId: MEMBER, registrationTimestamp: 1764103600 };
const CUSTOMER = {
  id: MEMBER,
  account: { type: 'primary' },
  emergencyContact: { name: 'Daniel Lopez' },
  membershipDetails: { initialMembershipStartDate: '2024-01-15' },
};
const ENROLLMENT = {
  id: 'enr_7h3k9p2m',
  planId: 'plan_unlimited_monthly',
  billingSchedule: { period: 'month', interval: 1 },
  startDate: '2024-01-15',
  endDate: null,
  lastCharge: '2025-11-15',
  nextCharge: '2025-12-15',
  paidUntil: '2025-12-15',
  checkinDetails: { checkins: 12, limit: 0 },
  entitlements: [{ type: 'class', id: 'ent_group_classes', interval: 'month', quantity: 0, metadata: {} }],
};
const APPOINTMENT = { id: 'apt_2q6w8e4t', type: { name: 'Free Intro Session' }, staffId: 'usr_coach_jordan' };

function payload(data: Json): SamplePatch {
  return { input: { data } };
}

/** Gym-flavoured samples: a member (Maya Lopez) of Iron Peak Fitness, her check-ins, classes and follow-ups. */
export const samplePatches: Readonly<Record<string, SamplePatch>> = {
  'pushpress.customer.created': payload(CUSTOMER),
  'pushpress.customer.details.changed': payload(CUSTOMER),
  'pushpress.customer.status.changed': payload(CUSTOMER),
  'pushpress.customer.deleted': payload({ id: MEMBER }),
  'pushpress.enrollment.created': payload(ENROLLMENT),
  'pushpress.enrollment.status.changed': payload({ ...ENROLLMENT, status: 'canceled' }),
  'pushpress.enrollment.deleted': payload({ id: 'enr_7h3k9p2m' }),
  'pushpress.checkin.created': payload(CHECKIN),
  'pushpress.checkin.updated': payload(CHECKIN),
  'pushpress.checkin.failed': payload({ ...CHECKIN, result: 'failure', failureReason: 'No active membership' }),
  'pushpress.checkin.deleted': payload({ id: 'chk_5n8v1c3r' }),
  'pushpress.appointment.scheduled': payload(APPOINTMENT),
  'pushpress.appointment.rescheduled': payload(APPOINTMENT),
  'pushpress.appointment.canceled': payload(APPOINTMENT),
  'pushpress.appointment.noshowed': payload(APPOINTMENT),
  'pushpress.reservation.created': payload({ ...RESERVATION, status: 'reserved', checkin: CHECKIN }),
  'pushpress.reservation.waitlisted': payload({ ...RESERVATION, status: 'waitlisted', checkin: CHECKIN }),
  'pushpress.reservation.canceled': payload({ ...RESERVATION, status: 'canceled', checkin: CHECKIN }),
  'pushpress.reservation.noshowed': payload({ ...RESERVATION, status: 'reserved', checkin: CHECKIN }),
  'pushpress.class.canceled': payload({
    id: 'cls_0600_wod',
    coachUuid: 'usr_coach_jordan',
    assistantCoachUuid: 'usr_coach_priya',
    title: 'CrossFit WOD 6:00 AM',
    classTypeName: 'CrossFit',
    locationUuid: 'loc_main_floor',
    location: { name: 'Main floor' },
    reservations: [{ ...RESERVATION, companyId: 'cmp_ironpeak', status: 'reserved', templateId: 'tpl_wod_0600' }],
    start: 1764226800,
    end: 1764230400,
  }),
  'pushpress.app.installed': payload({ clientUuid: 'cmp_ironpeak', appId: 'app_flowline', installationId: 'ins_3x7c9v1b' }),
  'pushpress.app.uninstalled': payload({ clientUuid: 'cmp_ironpeak', appId: 'app_flowline', installationId: 'ins_3x7c9v1b' }),
  'ghl.contacts.upsert-contact': { input: { body: { name: 'Maya Lopez', dnd: false } } },
  'ghl.contacts.create-contact': { input: { body: { name: 'Maya Lopez', dnd: false } } },
  'ghl.contacts.update-contact': { input: { body: { name: 'Maya Lopez', dnd: false } } },
  'ghl.contacts.create-task': {
    input: { body: { title: 'Call Maya: missed CrossFit WOD 6:00 AM', body: 'No-show on Nov 26. Check in and offer to rebook.', dueDate: '2025-11-27T15:00:00Z', completed: false } },
  },
  'ghl.contacts.update-task': { input: { body: { title: 'Call Maya: missed CrossFit WOD 6:00 AM', completed: false } } },
  'ghl.contacts.create-note': { input: { body: { body: 'Checked in to CrossFit WOD 6:00 AM (PushPress).', title: 'Check-in' } } },
  'ghl.contacts.update-note': { input: { body: { body: 'Checked in to CrossFit WOD 6:00 AM (PushPress).' } } },
  'ghl.contacts.add-tags': { input: { body: { tags: ['pushpress-member', 'crossfit'] } } },
  'ghl.contacts.remove-tags': { input: { body: { tags: ['trial'] } } },
  'ghl.contacts.create-association': { input: { path: { type: 'add' }, body: { tags: ['pushpress-member'] } } },
  'ghl.opportunities.create-opportunity': { input: { body: { name: 'Maya Lopez - Unlimited Membership', monetaryValue: 149 } } },
  'ghl.opportunities.Upsert-opportunity': { input: { body: { name: 'Maya Lopez - Unlimited Membership' } } },
  'ghl.locations.create-tag': { input: { body: { name: 'pushpress-member' } } },
  'ghl.locations.update-tag': { input: { body: { name: 'pushpress-member' } } },
  'ghl.locations.create-custom-field': { input: { body: { name: 'PushPress Member ID', placeholder: 'usr_...', model: 'contact' } } },
  'ghl.calendars.get-slots': { input: { query: { startDate: 1764140400000, endDate: 1764745200000 } } },
  'ghl.calendars.create-appointment': {
    input: { body: { title: 'Free Intro Session', description: 'Intro session booked from PushPress', address: 'Iron Peak Fitness, 1200 Barton Springs Rd' } },
  },
};
