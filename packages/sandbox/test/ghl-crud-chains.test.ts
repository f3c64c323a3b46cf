import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGhlSandbox, type GhlSandbox } from '../src/index.js';
import { contractCall } from './support/contract.js';
import { Fixtures, MONDAY_9AM } from './support/fixtures.js';
import { get, LOC } from './support/ghl-client.js';

/**
 * Wherever GHL's API has a way to create, read, update and delete a kind of record, what one call
 * makes the next reads, changes and removes, and once removed it is gone (404 for a read by id,
 * absent from its list). Every answer on the way keeps the response contract.
 */

type Json = Record<string, unknown>;

interface Chain {
  /** Makes the record; answers its id. */
  create(f: Fixtures): Promise<string>;
  /** The record as the API shows it, or undefined when it is gone. */
  read(id: string, f: Fixtures): Promise<Json | undefined>;
  update(id: string, f: Fixtures): Promise<unknown>;
  /** A member the update changed, and its new value. */
  readonly changed: [string, unknown];
  remove(id: string, f: Fixtures): Promise<unknown>;
}

let sandbox: GhlSandbox;
const ok = async (method: string, path: string, body?: unknown): Promise<Json> => {
  const res = await contractCall(sandbox, method, path, body === undefined ? {} : { body });
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
};
/** A read by id: the record, or undefined for GHL's 404. */
const byId = async (path: string, ...member: string[]): Promise<Json | undefined> => {
  const res = await contractCall(sandbox, 'GET', path);
  if (res.status === 404) return undefined;
  expect(res.status, `GET ${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return member.length === 0 ? res.body : get<Json>(res.body, ...member);
};
/** A read through a list: the entry with the id, or undefined. */
const inList = async (path: string, id: string, key: string, ...member: string[]): Promise<Json | undefined> => {
  const list = get<Json[]>(await ok('GET', path), ...member);
  return list.find((r) => r[key] === id);
};
const range = `startTime=${Date.parse(MONDAY_9AM) - 86_400_000}&endTime=${Date.parse(MONDAY_9AM) + 86_400_000}`;

const CHAINS: Record<string, Chain> = {
  contact: {
    create: (f) => f.newContact(),
    read: (id) => byId(`/contacts/${id}`, 'contact'),
    update: (id) => ok('PUT', `/contacts/${id}`, { city: 'Austin' }),
    changed: ['city', 'Austin'],
    remove: (id) => ok('DELETE', `/contacts/${id}`),
  },
  task: {
    create: async (f) => get<string>(await ok('POST', `/contacts/${await f.contact()}/tasks`, { title: 'Call', dueDate: '2030-01-08T10:00:00Z', completed: false }), 'task', 'id'),
    read: async (id, f) => byId(`/contacts/${await f.contact()}/tasks/${id}`, 'task'),
    update: async (id, f) => ok('PUT', `/contacts/${await f.contact()}/tasks/${id}/completed`, { completed: true }),
    changed: ['completed', true],
    remove: async (id, f) => ok('DELETE', `/contacts/${await f.contact()}/tasks/${id}`),
  },
  note: {
    create: async (f) => get<string>(await ok('POST', `/contacts/${await f.contact()}/notes`, { body: 'First visit' }), 'note', 'id'),
    read: async (id, f) => byId(`/contacts/${await f.contact()}/notes/${id}`, 'note'),
    update: async (id, f) => ok('PUT', `/contacts/${await f.contact()}/notes/${id}`, { body: 'Second visit' }),
    changed: ['body', 'Second visit'],
    remove: async (id, f) => ok('DELETE', `/contacts/${await f.contact()}/notes/${id}`),
  },
  'contact follower': {
    create: async (f) => {
      await ok('POST', `/contacts/${await f.contact()}/followers`, { followers: ['usr_front_1'] });
      return 'usr_front_1';
    },
    read: async (id, f) => {
      const followers = get<string[]>(await byId(`/contacts/${await f.contact()}`, 'contact'), 'followers') ?? [];
      return followers.includes(id) ? { id, followers } : undefined;
    },
    update: async (_id, f) => ok('POST', `/contacts/${await f.contact()}/followers`, { followers: ['usr_coach_1'] }),
    changed: ['followers', ['usr_front_1', 'usr_coach_1']],
    remove: async (id, f) => ok('DELETE', `/contacts/${await f.contact()}/followers`, { followers: [id] }),
  },
  'contact in a workflow': {
    create: async (f) => {
      await ok('POST', `/contacts/${await f.contact()}/workflow/wf_welcome_1`, { eventStartTime: '2030-01-07T09:00:00-06:00' });
      return 'wf_welcome_1';
    },
    read: async (id, f) => {
      const contactId = await f.contact();
      const contact = sandbox.dump().locations[0]?.contacts.find((c) => c['id'] === contactId);
      return get<Json[]>(contact, 'workflows').find((w) => w['id'] === id);
    },
    update: async (id, f) => ok('POST', `/contacts/${await f.contact()}/workflow/${id}`, { eventStartTime: '2030-01-08T09:00:00-06:00' }),
    changed: ['eventStartTime', '2030-01-08T09:00:00-06:00'],
    remove: async (id, f) => ok('DELETE', `/contacts/${await f.contact()}/workflow/${id}`, {}),
  },
  'contact in a business': {
    create: async (f) => {
      await ok('POST', '/contacts/bulk/business', { locationId: LOC, ids: [await f.contact()], businessId: 'biz_1' });
      return 'biz_1';
    },
    read: async (id, f) => inList(`/contacts/business/${id}?locationId=${LOC}`, await f.contact(), 'id', 'contacts'),
    update: async (_id, f) => ok('PUT', `/contacts/${await f.contact()}`, { companyName: 'Iron Peak' }),
    changed: ['companyName', 'Iron Peak'],
    remove: async (_id, f) => ok('POST', '/contacts/bulk/business', { locationId: LOC, ids: [await f.contact()], businessId: null }),
  },
  opportunity: {
    create: async (f) => f.opportunity(),
    read: (id) => byId(`/opportunities/${id}`, 'opportunity'),
    update: (id) => ok('PUT', `/opportunities/${id}/status`, { status: 'lost', lostReasonId: 'lr_moved_1' }),
    changed: ['lostReasonId', 'lr_moved_1'],
    remove: (id) => ok('DELETE', `/opportunities/${id}`),
  },
  'opportunity follower': {
    create: async (f) => {
      await ok('POST', `/opportunities/${await f.opportunity()}/followers`, { followers: ['usr_trainer_1'] });
      return 'usr_trainer_1';
    },
    read: async (id, f) => {
      const followers = get<string[]>(await byId(`/opportunities/${await f.opportunity()}`, 'opportunity'), 'followers');
      return followers.includes(id) ? { followers } : undefined;
    },
    update: async (_id, f) => ok('POST', `/opportunities/${await f.opportunity()}/followers`, { followers: ['usr_coach_1'] }),
    changed: ['followers', ['usr_trainer_1', 'usr_coach_1']],
    remove: async (_id, f) => ok('DELETE', `/opportunities/${await f.opportunity()}/followers?isRemoveAllFollowers=true`, { followers: [] }),
  },
  tag: {
    create: (f) => f.tag(),
    read: (id) => byId(`/locations/${LOC}/tags/${id}`, 'tag'),
    update: (id) => ok('PUT', `/locations/${LOC}/tags/${id}`, { name: 'trial-month' }),
    changed: ['name', 'trial-month'],
    remove: (id) => ok('DELETE', `/locations/${LOC}/tags/${id}`),
  },
  'custom field': {
    create: (f) => f.customField(),
    read: (id) => byId(`/locations/${LOC}/customFields/${id}`, 'customField'),
    update: (id) => ok('PUT', `/locations/${LOC}/customFields/${id}`, { name: 'Shoe size (US)', placeholder: '10' }),
    changed: ['placeholder', '10'],
    remove: (id) => ok('DELETE', `/locations/${LOC}/customFields/${id}`),
  },
  user: {
    create: (f) => f.user(),
    read: (id) => byId(`/users/${id}`),
    update: (id) => ok('PUT', `/users/${id}`, { lastName: 'Lee-Park' }),
    changed: ['name', 'Sam Lee-Park'],
    remove: (id) => ok('DELETE', `/users/${id}`),
  },
  calendar: {
    create: (f) => f.calendar(),
    read: (id) => byId(`/calendars/${id}`, 'calendar'),
    update: (id) => ok('PUT', `/calendars/${id}`, { slotDuration: 45 }),
    changed: ['slotDuration', 45],
    remove: (id) => ok('DELETE', `/calendars/${id}`),
  },
  'calendar group': {
    create: (f) => f.group(),
    read: (id) => inList(`/calendars/groups?locationId=${LOC}`, id, 'id', 'groups'),
    update: (id) => ok('PUT', `/calendars/groups/${id}/status`, { isActive: false }),
    changed: ['isActive', false],
    remove: (id) => ok('DELETE', `/calendars/groups/${id}`),
  },
  'calendar resource': {
    create: (f) => f.resource(),
    read: (id) => byId(`/calendars/resources/equipments/${id}`),
    update: (id) => ok('PUT', `/calendars/resources/equipments/${id}`, { quantity: 8 }),
    changed: ['quantity', 8],
    remove: (id) => ok('DELETE', `/calendars/resources/equipments/${id}`),
  },
  'event notification': {
    create: (f) => f.notification(),
    read: (id) => byId(`/calendars/cal_pt_1/notifications/${id}`),
    update: (id) => ok('PUT', `/calendars/cal_pt_1/notifications/${id}`, { channel: 'sms', body: 'See you at the gym' }),
    changed: ['channel', 'sms'],
    remove: (id) => ok('DELETE', `/calendars/cal_pt_1/notifications/${id}`),
  },
  schedule: {
    create: (f) => f.schedule(),
    read: (id) => byId(`/calendars/schedules/${id}`, 'schedule'),
    update: (id) => ok('PUT', `/calendars/schedules/${id}`, { timezone: 'America/Denver' }),
    changed: ['timezone', 'America/Denver'],
    remove: (id) => ok('DELETE', `/calendars/schedules/${id}`),
  },
  'calendar on a schedule': {
    create: async (f) => {
      await ok('PUT', `/calendars/schedules/${await f.schedule()}/associations/cal_pt_1`);
      return 'cal_pt_1';
    },
    read: async (id, f) => {
      const schedule = await byId(`/calendars/schedules/${await f.schedule()}`, 'schedule');
      return get<string[]>(schedule, 'calendarIds').includes(id) ? schedule : undefined;
    },
    update: async (_id, f) => ok('PUT', `/calendars/schedules/${await f.schedule()}/associations/cal_intro_1`),
    changed: ['calendarIds', ['cal_pt_1', 'cal_intro_1']],
    remove: async (id, f) => ok('DELETE', `/calendars/schedules/${await f.schedule()}/associations/${id}`),
  },
  'blocked slot': {
    create: (f) => f.blockSlot(),
    read: (id) => inList(`/calendars/blocked-slots?locationId=${LOC}&calendarId=cal_pt_1&${range}`, id, 'id', 'events'),
    update: (id) => ok('PUT', `/calendars/events/block-slots/${id}`, { locationId: LOC, calendarId: 'cal_pt_1', title: 'All-hands' }),
    changed: ['title', 'All-hands'],
    remove: (id) => ok('DELETE', `/calendars/events/${id}`, {}),
  },
  appointment: {
    create: (f) => f.appointment(),
    read: (id) => byId(`/calendars/events/appointments/${id}`, 'event'),
    update: (id) => ok('PUT', `/calendars/events/appointments/${id}`, { appointmentStatus: 'showed' }),
    changed: ['appointmentStatus', 'showed'],
    remove: (id) => ok('DELETE', `/calendars/events/${id}`, {}),
  },
  'appointment note': {
    create: (f) => f.appointmentNote(),
    read: async (id, f) => inList(`/calendars/appointments/${await f.appointment()}/notes?limit=10&offset=0`, id, 'id', 'notes'),
    update: async (id, f) => ok('PUT', `/calendars/appointments/${await f.appointment()}/notes/${id}`, { body: 'Bring a towel' }),
    changed: ['body', 'Bring a towel'],
    remove: async (id, f) => ok('DELETE', `/calendars/appointments/${await f.appointment()}/notes/${id}`),
  },
};

beforeAll(async () => {
  sandbox = await startGhlSandbox({ rateLimit: { limit: 10_000 } });
});
afterAll(async () => {
  await sandbox.close();
});
let fixtures: Fixtures;
beforeEach(() => {
  sandbox.reset();
  fixtures = new Fixtures(sandbox);
});

describe('create → read → update → delete', () => {
  it.each(Object.entries(CHAINS))('%s: what one call makes the next reads, changes and removes', async (_name, chain) => {
    const id = await chain.create(fixtures);
    expect(await chain.read(id, fixtures)).toBeDefined();
    await chain.update(id, fixtures);
    const [member, value] = chain.changed;
    expect((await chain.read(id, fixtures))?.[member]).toEqual(value);
    await chain.remove(id, fixtures);
    expect(await chain.read(id, fixtures)).toBeUndefined();
  });

  it('an uploaded file is served at the url the upload answers, and the dump lists it', async () => {
    const form = new FormData();
    form.append('id', 'cf_waiver_1');
    form.append('waiver', new Blob(['signed by Ana'], { type: 'text/plain' }), 'waiver.txt');
    const answer = await ok('POST', `/locations/${LOC}/customFields/upload`, form);
    const url = get<string>(answer, 'uploadedFiles', 'waiver.txt');
    const file = await fetch(url);
    expect(file.headers.get('content-type')).toBe('text/plain');
    expect(await file.text()).toBe('signed by Ana');
    expect(sandbox.dump().locations[0]?.files).toEqual([expect.objectContaining({ ownerId: 'cf_waiver_1', originalname: 'waiver.txt', size: 13, url })]);
  });
});
