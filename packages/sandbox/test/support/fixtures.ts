import type { GhlSandbox } from '../../src/index.js';
import { get, LOC, type CallOptions } from './ghl-client.js';
import { contractCall } from './contract.js';

/** A Monday 9:00 in Chicago (15:00 UTC): inside every seeded calendar's open hours. */
export const MONDAY_9AM = '2030-01-07T15:00:00.000Z';

/**
 * Records the catalog tests need, each made through the API (so each answer is contract-checked
 * too) on first use and remembered for the rest of the test.
 */
export class Fixtures {
  private readonly made = new Map<string, Promise<string>>();
  private emails = 0;

  constructor(private readonly sandbox: GhlSandbox) {}

  private once(key: string, make: () => Promise<string>): Promise<string> {
    let id = this.made.get(key);
    if (id === undefined) {
      id = make();
      this.made.set(key, id);
    }
    return id;
  }

  private async create(method: string, path: string, body: CallOptions['body'], ...idPath: string[]): Promise<string> {
    const res = await contractCall(this.sandbox, method, path, { body });
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return get<string>(res.body, ...idPath);
  }

  /** A call whose answer keeps the contract and is a success. */
  async call(method: string, path: string, body?: CallOptions['body']): Promise<unknown> {
    const res = await contractCall(this.sandbox, method, path, body === undefined ? {} : { body });
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A new contact each call. */
  newContact(): Promise<string> {
    this.emails++;
    return this.create('POST', '/contacts/', { locationId: LOC, firstName: 'Ana', lastName: `Ruiz ${this.emails}`, email: `ana${this.emails}@example.com` }, 'contact', 'id');
  }

  contact = (): Promise<string> => this.once('contact', () => this.newContact());
  task = (): Promise<string> =>
    this.once('task', async () => this.create('POST', `/contacts/${await this.contact()}/tasks`, { title: 'Call back', dueDate: '2030-01-08T10:00:00Z', completed: false }, 'task', 'id'));
  note = (): Promise<string> => this.once('note', async () => this.create('POST', `/contacts/${await this.contact()}/notes`, { body: 'Asked about classes' }, 'note', 'id'));
  appointment = (): Promise<string> =>
    this.once('appointment', async () =>
      this.create('POST', '/calendars/events/appointments', { calendarId: 'cal_pt_1', locationId: LOC, contactId: await this.contact(), startTime: MONDAY_9AM, title: 'PT taster' }, 'id'),
    );
  appointmentNote = (): Promise<string> =>
    this.once('appointmentNote', async () => this.create('POST', `/calendars/appointments/${await this.appointment()}/notes`, { body: 'Bring water', userId: 'usr_coach_1' }, 'note', 'id'));
  opportunity = (): Promise<string> =>
    this.once('opportunity', async () =>
      this.create('POST', '/opportunities/', { pipelineId: 'pip_membership_1', locationId: LOC, name: 'Ana membership', status: 'open', contactId: await this.contact() }, 'opportunity', 'id'),
    );
  tag = (): Promise<string> => this.once('tag', () => this.create('POST', `/locations/${LOC}/tags`, { name: 'trial' }, 'tag', 'id'));
  customField = (): Promise<string> =>
    this.once('customField', () => this.create('POST', `/locations/${LOC}/customFields`, { name: 'Shoe size', dataType: 'NUMERICAL' }, 'customField', 'id'));
  user = (): Promise<string> =>
    this.once('user', () =>
      this.create(
        'POST',
        '/users/',
        { companyId: 'cmp_sandbox', firstName: 'Sam', lastName: 'Lee', email: 'sam.lee@example.com', password: 'sandbox-only', type: 'account', role: 'user', locationIds: [LOC] },
        'id',
      ),
    );
  calendar = (): Promise<string> =>
    this.once('calendar', () => this.create('POST', '/calendars/', { locationId: LOC, name: 'Nutrition consult', slug: 'nutrition', teamMembers: [{ userId: 'usr_coach_1' }] }, 'calendar', 'id'));
  group = (): Promise<string> =>
    this.once('group', () => this.create('POST', '/calendars/groups', { locationId: LOC, name: 'Wellness', description: 'Nutrition and recovery', slug: 'wellness' }, 'group', 'id'));
  resource = (): Promise<string> =>
    this.once('resource', () =>
      this.create(
        'POST',
        '/calendars/resources/equipments',
        { locationId: LOC, name: 'Rowers', description: 'Concept2 rowers', quantity: 6, outOfService: 0, capacity: 1, calendarIds: ['cal_classes_1'] },
        'id',
      ),
    );
  notification = (): Promise<string> =>
    this.once('notification', () =>
      this.create('POST', '/calendars/cal_pt_1/notifications', [{ receiverType: 'contact', channel: 'email', notificationType: 'booked' }], '0', '_id'),
    );
  schedule = (): Promise<string> =>
    this.once('schedule', () =>
      this.create(
        'POST',
        '/calendars/schedules',
        { locationId: LOC, name: 'Robin mornings', userId: 'usr_trainer_1', timezone: 'America/Chicago', rules: [{ type: 'wday', day: 'monday', intervals: [{ from: '07:00', to: '12:00' }] }], calendarIds: [] },
        'schedule',
        'id',
      ),
    );
  blockSlot = (): Promise<string> =>
    this.once('blockSlot', () =>
      this.create('POST', '/calendars/events/block-slots', { locationId: LOC, calendarId: 'cal_pt_1', title: 'Staff meeting', startTime: '2030-01-07T18:00:00Z', endTime: '2030-01-07T19:00:00Z' }, 'id'),
    );
}
