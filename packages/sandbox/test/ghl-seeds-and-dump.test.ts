import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SandboxOptionsError, startGhlSandbox, type GhlSandbox, type SandboxDump } from '../src/index.js';
import { Fixtures } from './support/fixtures.js';
import { call, get, LOC } from './support/ghl-client.js';

/** A bare sandbox is a gym, and GET /__sandbox/state (what `flowline sandbox dump` prints) shows every kind of record. */

let sandbox: GhlSandbox;
beforeEach(async () => {
  sandbox = await startGhlSandbox();
});
afterEach(async () => {
  await sandbox.close();
});

async function state(): Promise<SandboxDump['locations'][number]> {
  const dump = (await (await fetch(`${sandbox.adminUrl}/state`)).json()) as SandboxDump;
  const location = dump.locations[0];
  if (location === undefined) throw new Error('no location');
  return location;
}
const ids = (records: readonly Record<string, unknown>[]): unknown[] => records.map((r) => r['id']);

describe('gym seeds', () => {
  it('has a class calendar with seats and a personal-training calendar with two trainers, in one group, in Chicago', async () => {
    const l = await state();
    expect(l.timezone).toBe('America/Chicago');
    expect(ids(l.calendars)).toEqual(['cal_intro_1', 'cal_classes_1', 'cal_pt_1']);
    expect(l.calendars[1]).toMatchObject({ name: 'Group classes', calendarType: 'class_booking', appoinmentPerSlot: 12, groupId: 'grp_training_1' });
    expect(get<{ userId: string }[]>(l.calendars[2], 'teamMembers').map((m) => m.userId)).toEqual(['usr_coach_1', 'usr_trainer_1']);
    expect(ids(l.calendarGroups)).toEqual(['grp_training_1']);
    expect(l.calendarResources.map((r) => [r['resourceType'], r['name']])).toEqual([['rooms', 'Studio A'], ['equipments', 'Squat racks']]);
  });

  it('has staff, two pipelines, lost reasons, custom fields, a campaign and workflows', async () => {
    const l = await state();
    expect(l.users.map((u) => u['email'])).toEqual(['casey.coach@example.com', 'frankie.desk@example.com', 'robin.reyes@example.com']);
    expect(l.pipelines.map((p) => p['name'])).toEqual(['Membership', 'Personal training']);
    expect(l.lostReasons.map((r) => r['name'])).toEqual(['Price', 'Moved away', 'Class times do not fit']);
    expect(l.customFields.map((f) => f['fieldKey'])).toEqual([
      'contact.pushpress_member_id', 'contact.membership_plan', 'contact.fitness_goal', 'contact.signed_waiver', 'opportunity.sessions_in_package',
    ]);
    expect(ids(l.campaigns)).toEqual(['cmpgn_trial_1']);
    expect(ids(l.workflows)).toEqual(['wf_welcome_1', 'wf_winback_1']);
  });

  it('takes a location\'s own seeds instead, and refuses a time zone Intl does not know', async () => {
    const own = await startGhlSandbox({
      locations: [{ id: 'loc_box', timezone: 'Europe/Dublin', calendars: [{ id: 'cal_box', name: 'WOD', calendarType: 'class_booking', appointmentsPerSlot: 20 }], pipelines: [], customFields: [] }],
    });
    try {
      const l = own.dump().locations[0];
      expect(l?.timezone).toBe('Europe/Dublin');
      expect(l?.calendars).toEqual([expect.objectContaining({ id: 'cal_box', appoinmentPerSlot: 20, teamMembers: [expect.objectContaining({ userId: 'usr_coach_1' })] })]);
      expect(l?.pipelines).toEqual([]);
      expect(l?.customFields).toEqual([]);
    } finally {
      await own.close();
    }
    await expect(startGhlSandbox({ locations: [{ id: 'x', timezone: 'Nowhere/Land' }] })).rejects.toThrow(SandboxOptionsError);
  });
});

describe('the state dump', () => {
  it('shows schedules, blocked slots, notifications, appointment notes, campaigns, workflows, followers and files', async () => {
    const f = new Fixtures(sandbox);
    const contactId = await f.contact();
    await f.schedule();
    await f.blockSlot();
    await f.notification();
    const noteId = await f.appointmentNote();
    await f.call('POST', `/contacts/${contactId}/campaigns/cmpgn_trial_1`, {});
    await f.call('POST', `/contacts/${contactId}/workflow/wf_welcome_1`, { eventStartTime: '2030-01-07T09:00:00-06:00' });
    await f.call('POST', `/contacts/${contactId}/followers`, { followers: ['usr_front_1'] });
    const form = new FormData();
    form.append('id', contactId);
    form.append('file', new Blob(['x']), 'x.txt');
    expect((await call(sandbox, 'POST', `/locations/${LOC}/customFields/upload`, { body: form })).status).toBe(200);

    const l = await state();
    expect(l.schedules).toEqual([expect.objectContaining({ name: 'Robin mornings', userId: 'usr_trainer_1', deleted: false })]);
    expect(l.blockedSlots).toEqual([expect.objectContaining({ calendarId: 'cal_pt_1', title: 'Staff meeting' })]);
    expect(l.calendarNotifications).toEqual([expect.objectContaining({ calendarId: 'cal_pt_1', notificationType: 'booked', deleted: false })]);
    expect(l.files).toEqual([expect.objectContaining({ ownerId: contactId, originalname: 'x.txt' })]);
    const contact = l.contacts.find((c) => c['id'] === contactId);
    expect(contact).toMatchObject({
      followers: ['usr_front_1'],
      campaigns: [expect.objectContaining({ id: 'cmpgn_trial_1' })],
      workflows: [expect.objectContaining({ id: 'wf_welcome_1', eventStartTime: '2030-01-07T09:00:00-06:00' })],
    });
    expect(get<{ notes: { id: string }[] }[]>(contact, 'appointments')[0]?.notes.map((n) => n.id)).toEqual([noteId]);
  });

  it('is back to the seeds after a reset', async () => {
    const f = new Fixtures(sandbox);
    await f.schedule();
    await f.group();
    sandbox.reset();
    const l = await state();
    expect(l.schedules).toEqual([]);
    expect(ids(l.calendarGroups)).toEqual(['grp_training_1']);
  });
});
