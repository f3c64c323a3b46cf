import { GhlClient, ghlOperations, type AccessTokenSource } from '@flowline/connectors';
import type { OperationDescriptor } from '@flowline/core';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SPEC_CORRECTIONS, startGhlSandbox, type GhlSandbox } from '../src/index.js';
import { contract } from './support/contract.js';
import { Fixtures, MONDAY_9AM } from './support/fixtures.js';
import { LOC } from './support/ghl-client.js';

/**
 * The table every GHL action of the catalog goes through: the connectors package's own client
 * sends a valid input (its input schema checks it) and the sandbox answers with its simulation,
 * never 501, in GHL's documented success shape (the OpenAPI response, and the catalog's output schema).
 */

type Input = { path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
type Case = (f: Fixtures) => Promise<Input>;

const DAY = 86_400_000;
const cal = (id: string): Record<string, unknown> => ({ calendarId: id });

export const CASES: Record<string, Case> = {
  // calendars: calendars
  'ghl.calendars.get-calendars': async () => ({ query: { locationId: LOC, groupId: 'grp_training_1' } }),
  'ghl.calendars.create-calendar': async () => ({
    body: {
      locationId: LOC,
      name: 'Mobility class',
      calendarType: 'class_booking',
      slotDuration: 45,
      slotDurationUnit: 'mins',
      appoinmentPerSlot: 10,
      openHours: [{ daysOfTheWeek: [2, 4], hours: [{ openHour: 18, openMinute: 0, closeHour: 18, closeMinute: 45 }] }],
      teamMembers: [{ userId: 'usr_trainer_1', priority: 1, isPrimary: true }],
    },
  }),
  'ghl.calendars.get-calendar': async (f) => ({ path: cal(await f.calendar()) }),
  'ghl.calendars.update-calendar': async (f) => ({ path: cal(await f.calendar()), body: { description: 'Food and habits', groupId: 'grp_training_1' } }),
  'ghl.calendars.delete-calendar': async (f) => ({ path: cal(await f.calendar()) }),
  // calendars: groups
  'ghl.calendars.get-groups': async () => ({ query: { locationId: LOC } }),
  'ghl.calendars.create-calendar-group': async () => ({ body: { locationId: LOC, name: 'Recovery', description: 'Sauna and massage', slug: 'recovery', isActive: true } }),
  'ghl.calendars.validate-groups-slug': async () => ({ body: { locationId: LOC, slug: 'training' } }),
  'ghl.calendars.edit-group': async (f) => ({ path: { groupId: await f.group() }, body: { name: 'Wellness+', description: 'More', slug: 'wellness-plus' } }),
  'ghl.calendars.disable-group': async (f) => ({ path: { groupId: await f.group() }, body: { isActive: false } }),
  'ghl.calendars.delete-group': async (f) => ({ path: { groupId: await f.group() } }),
  // calendars: resources
  'ghl.calendars.fetch-calendar-resources': async () => ({ path: { resourceType: 'rooms' }, query: { locationId: LOC, limit: 10, skip: 0 } }),
  'ghl.calendars.create-calendar-resource': async () => ({
    path: { resourceType: 'rooms' },
    body: { locationId: LOC, name: 'Studio B', description: 'Small studio', quantity: 1, outOfService: 0, capacity: 8, calendarIds: ['cal_classes_1'] },
  }),
  'ghl.calendars.get-calendar-resource': async (f) => ({ path: { resourceType: 'equipments', id: await f.resource() } }),
  'ghl.calendars.update-calendar-resource': async (f) => ({ path: { resourceType: 'equipments', id: await f.resource() }, body: { outOfService: 1 } }),
  'ghl.calendars.delete-calendar-resource': async (f) => ({ path: { resourceType: 'equipments', id: await f.resource() } }),
  // calendars: notifications
  'ghl.calendars.get-event-notification': async (f) => {
    await f.notification();
    return { path: cal('cal_pt_1'), query: { isActive: true, limit: 10, skip: 0 } };
  },
  'ghl.calendars.create-event-notification': async () => ({
    path: cal('cal_pt_1'),
    body: [{ receiverType: 'assignedUser', channel: 'email', notificationType: 'reminder', beforeTime: [{ timeOffset: 1, unit: 'hours' }] }],
  }),
  'ghl.calendars.find-event-notification': async (f) => ({ path: { calendarId: 'cal_pt_1', notificationId: await f.notification() } }),
  'ghl.calendars.update-event-notification': async (f) => ({ path: { calendarId: 'cal_pt_1', notificationId: await f.notification() }, body: { isActive: false, subject: 'See you soon' } }),
  'ghl.calendars.delete-event-notification': async (f) => ({ path: { calendarId: 'cal_pt_1', notificationId: await f.notification() } }),
  // calendars: schedules
  'ghl.calendars.createSchedule': async () => ({
    body: { locationId: LOC, name: 'Casey evenings', userId: 'usr_coach_1', timezone: 'America/Chicago', rules: [{ type: 'wday', day: 'tuesday', intervals: [{ from: '17:00', to: '20:00' }] }], calendarIds: ['cal_pt_1'] },
  }),
  'ghl.calendars.getAllSchedules': async (f) => {
    await f.schedule();
    return { query: { locationId: LOC, userId: 'usr_trainer_1', limit: 10 } };
  },
  'ghl.calendars.getScheduleById': async (f) => ({ path: { id: await f.schedule() } }),
  'ghl.calendars.updateSchedule': async (f) => ({ path: { id: await f.schedule() }, body: { name: 'Robin all day', rules: [{ type: 'wday', day: 'monday', intervals: [{ from: '07:00', to: '19:00' }] }] } }),
  'ghl.calendars.deleteSchedule': async (f) => ({ path: { id: await f.schedule() } }),
  'ghl.calendars.add-calendar-to-schedule': async (f) => ({ path: { id: await f.schedule(), calendarId: 'cal_pt_1' } }),
  'ghl.calendars.remove-calendar-from-schedule': async (f) => {
    const id = await f.schedule();
    await f.call('PUT', `/calendars/schedules/${id}/associations/cal_pt_1`);
    return { path: { id, calendarId: 'cal_pt_1' } };
  },
  // calendars: events, appointments, blocked slots, free slots, notes
  'ghl.calendars.get-calendar-events': async (f) => {
    await f.appointment();
    return { query: { locationId: LOC, calendarId: 'cal_pt_1', startTime: String(Date.parse(MONDAY_9AM) - DAY), endTime: String(Date.parse(MONDAY_9AM) + DAY) } };
  },
  'ghl.calendars.get-blocked-slots': async (f) => {
    await f.blockSlot();
    return { query: { locationId: LOC, calendarId: 'cal_pt_1', startTime: String(Date.parse(MONDAY_9AM) - DAY), endTime: String(Date.parse(MONDAY_9AM) + DAY) } };
  },
  'ghl.calendars.create-block-slot': async () => ({
    body: { locationId: LOC, calendarId: 'cal_classes_1', title: 'Deep clean', startTime: '2030-01-08T23:30:00Z', endTime: '2030-01-09T01:30:00Z' },
  }),
  'ghl.calendars.edit-block-slot': async (f) => ({ path: { eventId: await f.blockSlot() }, body: { locationId: LOC, calendarId: 'cal_pt_1', title: 'Longer meeting', endTime: '2030-01-07T20:00:00Z' } }),
  'ghl.calendars.get-slots': async () => ({ path: cal('cal_pt_1'), query: { startDate: Date.parse(MONDAY_9AM) - 6 * 3_600_000, endDate: Date.parse(MONDAY_9AM) + DAY, timezone: 'America/Chicago' } }),
  'ghl.calendars.create-appointment': async (f) => ({
    body: { calendarId: 'cal_intro_1', locationId: LOC, contactId: await f.contact(), startTime: MONDAY_9AM, ignoreFreeSlotValidation: false, title: 'Intro' },
  }),
  'ghl.calendars.get-appointment': async (f) => ({ path: { eventId: await f.appointment() } }),
  'ghl.calendars.edit-appointment': async (f) => ({ path: { eventId: await f.appointment() }, body: { appointmentStatus: 'confirmed', startTime: '2030-01-07T16:00:00Z' } }),
  'ghl.calendars.delete-event': async (f) => ({ path: { eventId: await f.appointment() }, body: {} }),
  'ghl.calendars.get-appointment-notes': async (f) => {
    await f.appointmentNote();
    return { path: { appointmentId: await f.appointment() }, query: { limit: 10, offset: 0 } };
  },
  'ghl.calendars.create-appointment-note': async (f) => ({ path: { appointmentId: await f.appointment() }, body: { body: 'Knee injury last year', userId: 'usr_trainer_1' } }),
  'ghl.calendars.update-appointment-note': async (f) => ({ path: { appointmentId: await f.appointment(), noteId: await f.appointmentNote() }, body: { body: 'Bring a towel' } }),
  'ghl.calendars.delete-appointment-note': async (f) => ({ path: { appointmentId: await f.appointment(), noteId: await f.appointmentNote() } }),

  // contacts
  'ghl.contacts.create-contact': async () => ({ body: { locationId: LOC, firstName: 'Bo', email: 'bo@example.com', tags: ['lead'] } }),
  'ghl.contacts.get-contacts': async (f) => {
    await f.contact();
    return { query: { locationId: LOC, limit: 10 } };
  },
  'ghl.contacts.get-contact': async (f) => ({ path: { contactId: await f.contact() } }),
  'ghl.contacts.update-contact': async (f) => ({ path: { contactId: await f.contact() }, body: { lastName: 'Ito', tags: ['member'] } }),
  'ghl.contacts.delete-contact': async (f) => ({ path: { contactId: await f.contact() } }),
  'ghl.contacts.upsert-contact': async () => ({ body: { locationId: LOC, email: 'cy@example.com', firstName: 'Cy' } }),
  'ghl.contacts.search-contacts-advanced': async (f) => {
    await f.contact();
    return { body: { locationId: LOC, pageLimit: 10, filters: [{ field: 'email', operator: 'contains', value: 'example.com' }] } };
  },
  'ghl.contacts.get-duplicate-contact': async (f) => {
    await f.contact();
    return { query: { locationId: LOC, email: 'ana1@example.com' } };
  },
  'ghl.contacts.get-contacts-by-businessId': async (f) => {
    const contactId = await f.contact();
    await f.call('POST', '/contacts/bulk/business', { locationId: LOC, ids: [contactId], businessId: 'biz_gym_1' });
    return { path: { businessId: 'biz_gym_1' }, query: { locationId: LOC } };
  },
  'ghl.contacts.add-remove-contact-from-business': async (f) => ({ body: { locationId: LOC, ids: [await f.contact()], businessId: 'biz_gym_1' } }),
  'ghl.contacts.add-tags': async (f) => ({ path: { contactId: await f.contact() }, body: { tags: ['vip'] } }),
  'ghl.contacts.remove-tags': async (f) => ({ path: { contactId: await f.contact() }, body: { tags: ['vip'] } }),
  'ghl.contacts.create-association': async (f) => ({ path: { type: 'add' }, body: { locationId: LOC, contacts: [await f.contact(), 'abcdef'], tags: ['pushpress-member'] } }),
  'ghl.contacts.add-followers-contact': async (f) => ({ path: { contactId: await f.contact() }, body: { followers: ['usr_coach_1', 'usr_front_1'] } }),
  'ghl.contacts.remove-followers-contact': async (f) => {
    const contactId = await f.contact();
    await f.call('POST', `/contacts/${contactId}/followers`, { followers: ['usr_coach_1'] });
    return { path: { contactId }, body: { followers: ['usr_coach_1'] } };
  },
  'ghl.contacts.add-contact-to-campaign': async (f) => ({ path: { contactId: await f.contact(), campaignId: 'cmpgn_trial_1' }, body: {} }),
  'ghl.contacts.remove-contact-from-campaign': async (f) => {
    const contactId = await f.contact();
    await f.call('POST', `/contacts/${contactId}/campaigns/cmpgn_trial_1`, {});
    return { path: { contactId, campaignId: 'cmpgn_trial_1' } };
  },
  'ghl.contacts.remove-contact-from-every-campaign': async (f) => {
    const contactId = await f.contact();
    await f.call('POST', `/contacts/${contactId}/campaigns/cmpgn_trial_1`, {});
    return { path: { contactId } };
  },
  'ghl.contacts.add-contact-to-workflow': async (f) => ({ path: { contactId: await f.contact(), workflowId: 'wf_welcome_1' }, body: { eventStartTime: '2030-01-07T09:00:00-06:00' } }),
  'ghl.contacts.delete-contact-from-workflow': async (f) => {
    const contactId = await f.contact();
    await f.call('POST', `/contacts/${contactId}/workflow/wf_welcome_1`, {});
    return { path: { contactId, workflowId: 'wf_welcome_1' }, body: {} };
  },
  'ghl.contacts.get-appointments-for-contact': async (f) => {
    await f.appointment();
    return { path: { contactId: await f.contact() } };
  },
  'ghl.contacts.get-all-tasks': async (f) => {
    await f.task();
    return { path: { contactId: await f.contact() } };
  },
  'ghl.contacts.create-task': async (f) => ({ path: { contactId: await f.contact() }, body: { title: 'Welcome call', dueDate: '2030-01-08T10:00:00Z', completed: false, assignedTo: 'usr_front_1' } }),
  'ghl.contacts.get-task': async (f) => ({ path: { contactId: await f.contact(), taskId: await f.task() } }),
  'ghl.contacts.update-task': async (f) => ({ path: { contactId: await f.contact(), taskId: await f.task() }, body: { title: 'Second call' } }),
  'ghl.contacts.update-task-completed': async (f) => ({ path: { contactId: await f.contact(), taskId: await f.task() }, body: { completed: true } }),
  'ghl.contacts.delete-task': async (f) => ({ path: { contactId: await f.contact(), taskId: await f.task() } }),
  'ghl.contacts.get-all-notes': async (f) => {
    await f.note();
    return { path: { contactId: await f.contact() } };
  },
  'ghl.contacts.create-note': async (f) => ({ path: { contactId: await f.contact() }, body: { body: 'Prefers mornings', userId: 'usr_front_1' } }),
  'ghl.contacts.get-note': async (f) => ({ path: { contactId: await f.contact(), id: await f.note() } }),
  'ghl.contacts.update-note': async (f) => ({ path: { contactId: await f.contact(), id: await f.note() }, body: { body: 'Prefers evenings' } }),
  'ghl.contacts.delete-note': async (f) => ({ path: { contactId: await f.contact(), id: await f.note() } }),

  // opportunities
  'ghl.opportunities.create-opportunity': async (f) => ({ body: { pipelineId: 'pip_pt_1', locationId: LOC, name: 'PT package', status: 'open', contactId: await f.contact(), monetaryValue: 400 } }),
  'ghl.opportunities.get-opportunity': async (f) => ({ path: { id: await f.opportunity() } }),
  'ghl.opportunities.update-opportunity': async (f) => ({ path: { id: await f.opportunity() }, body: { pipelineStageId: 'stg_trial', monetaryValue: 99 } }),
  'ghl.opportunities.update-opportunity-status': async (f) => ({ path: { id: await f.opportunity() }, body: { status: 'lost', lostReasonId: 'lr_price_1' } }),
  'ghl.opportunities.delete-opportunity': async (f) => ({ path: { id: await f.opportunity() } }),
  'ghl.opportunities.Upsert-opportunity': async (f) => ({
    body: { id: await f.opportunity(), pipelineId: 'pip_membership_1', locationId: LOC, followers: ['usr_coach_1'], isRemoveAllFollowers: false, followersActionType: 'add', status: 'won' },
  }),
  'ghl.opportunities.search-opportunity': async (f) => {
    await f.opportunity();
    return { query: { location_id: LOC, pipeline_id: 'pip_membership_1' } };
  },
  'ghl.opportunities.search-opportunities-advanced': async (f) => {
    await f.opportunity();
    await f.note();
    return { body: { locationId: LOC, query: 'ana', limit: 10, page: 1, searchAfter: [], additionalDetails: { notes: true, tasks: true, calendarEvents: true, unReadConversations: false } } };
  },
  'ghl.opportunities.get-pipelines': async () => ({ query: { locationId: LOC } }),
  'ghl.opportunities.get-lost-reason': async () => ({ query: { locationId: LOC, limit: 10 } }),
  'ghl.opportunities.add-followers-opportunity': async (f) => ({ path: { id: await f.opportunity() }, body: { followers: ['usr_coach_1'] } }),
  'ghl.opportunities.remove-followers-opportunity': async (f) => {
    const id = await f.opportunity();
    await f.call('POST', `/opportunities/${id}/followers`, { followers: ['usr_coach_1', 'usr_front_1'] });
    return { path: { id }, body: { followers: ['usr_front_1'] } };
  },

  // users
  'ghl.users.search-users': async () => ({ query: { companyId: 'cmp_sandbox', query: 'coach' } }),
  'ghl.users.filter-users-by-email': async () => ({ body: { companyId: 'cmp_sandbox', emails: 'casey.coach@example.com,robin.reyes@example.com', projection: 'all' } }),
  'ghl.users.get-user': async () => ({ path: { userId: 'usr_coach_1' } }),
  'ghl.users.get-user-by-location': async () => ({ query: { locationId: LOC } }),
  'ghl.users.create-user': async () => ({
    body: { companyId: 'cmp_sandbox', firstName: 'Kim', lastName: 'Park', email: 'kim.park@example.com', password: 'sandbox-only', type: 'account', role: 'user', locationIds: [LOC], phone: '+15125550188' },
  }),
  'ghl.users.update-user': async (f) => ({ path: { userId: await f.user() }, body: { role: 'admin', phone: '+15125550199' } }),
  'ghl.users.delete-user': async (f) => ({ path: { userId: await f.user() } }),

  // locations: tags, custom fields, uploads
  'ghl.locations.get-location-tags': async () => ({ path: { locationId: LOC } }),
  'ghl.locations.create-tag': async () => ({ path: { locationId: LOC }, body: { name: 'drop-in' } }),
  'ghl.locations.get-tag-by-id': async (f) => ({ path: { locationId: LOC, tagId: await f.tag() } }),
  'ghl.locations.update-tag': async (f) => ({ path: { locationId: LOC, tagId: await f.tag() }, body: { name: 'trial-week' } }),
  'ghl.locations.delete-tag': async (f) => ({ path: { locationId: LOC, tagId: await f.tag() } }),
  'ghl.locations.get-custom-fields': async () => ({ path: { locationId: LOC }, query: { model: 'all' } }),
  'ghl.locations.create-custom-field': async () => ({ path: { locationId: LOC }, body: { name: 'Injuries', dataType: 'LARGE_TEXT', model: 'contact' } }),
  'ghl.locations.get-custom-field': async (f) => ({ path: { locationId: LOC, id: await f.customField() } }),
  'ghl.locations.update-custom-field': async (f) => ({ path: { locationId: LOC, id: await f.customField() }, body: { name: 'Shoe size (EU)' } }),
  'ghl.locations.delete-custom-field': async (f) => ({ path: { locationId: LOC, id: await f.customField() } }),
  'ghl.locations.upload-file-customFields': async () => ({
    path: { locationId: LOC },
    body: { id: 'cf_waiver_1', maxFiles: '2', waiver: new Blob(['signed by Ana'], { type: 'text/plain' }) },
  }),
};

const auth: AccessTokenSource = {
  current: async () => ({ token: 'sandbox-token', locationId: LOC }),
  renew: async () => undefined,
  secrets: () => ['sandbox-token'],
};
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;
const outputs = addFormats(new Ajv({ strict: false, allErrors: true }));
const sourceId = (operation: OperationDescriptor): string => operation.id.split('.').slice(2).join('.');

let sandbox: GhlSandbox;
let client: GhlClient;
let fixtures: Fixtures;
beforeAll(async () => {
  sandbox = await startGhlSandbox({ rateLimit: { limit: 10_000 } });
  client = new GhlClient({ baseUrl: sandbox.url });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.reset();
  fixtures = new Fixtures(sandbox);
});

describe('the GHL catalog against the sandbox', () => {
  it('has a case for each of the 103 catalog actions, and no case for anything else', () => {
    expect(ghlOperations).toHaveLength(103);
    expect(Object.keys(CASES).sort()).toEqual(ghlOperations.map((o) => o.id).sort());
  });

  it.each(ghlOperations.map((operation) => [operation.id, operation] as const))('%s: simulated, and its answer is GHL\'s documented success', async (id, operation) => {
    const make = CASES[id];
    if (make === undefined) throw new Error(`no case for ${id}`);
    const input = await make(fixtures);
    const before = sandbox.requests.list().length;
    const output = await client.execute(operation, input, { auth, retriedBy: 'caller' });
    const [entry, ...more] = sandbox.requests.list().slice(before);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ operationId: sourceId(operation) });
    const status = entry?.status ?? 0;
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(300);
    const http = operation.http;
    if (http === undefined) throw new Error(`${id} has no http`);
    expect(contract.check(http.method, http.path, status, output as never)).toEqual([]);
    // The catalog's output schema (what a flow's mapping is checked against) agrees, but for the spec corrections.
    const validate = outputs.compile(operation.output ?? {});
    const wrong = validate(output) ? [] : (validate.errors ?? []).filter((e) => !correctedPointer(sourceId(operation), e.instancePath));
    expect(wrong).toEqual([]);
  });
});

/** Pointers the spec corrections forgive (the catalog's output schema is GHL's document). */
function correctedPointer(operationId: string, pointer: string): boolean {
  return SPEC_CORRECTIONS.some((c) => (c.operationIds === '*' || c.operationIds.includes(operationId)) && c.pointer.test(pointer));
}
