import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGhlSandbox, type GhlSandbox } from '../src/index.js';
import { contractCall } from './support/contract.js';
import { Fixtures } from './support/fixtures.js';
import { get, LOC } from './support/ghl-client.js';

/**
 * Free slots come from the calendar's availability (open hours, custom dates, a member's schedule)
 * in its location's zone (America/Chicago), less blocked slots and existing appointments.
 * The clock stands at 2030-01-01 so every slot below is in the future.
 */

const NOW = Date.parse('2030-01-01T00:00:00Z');
let sandbox: GhlSandbox;
let f: Fixtures;
beforeEach(async () => {
  sandbox = await startGhlSandbox({ now: () => NOW, rateLimit: { limit: 10_000 } });
  f = new Fixtures(sandbox);
});
afterEach(async () => {
  await sandbox.close();
});

type Days = Record<string, { slots: string[] }>;

async function slots(calendarId: string, fromIso: string, toIso: string, extra = ''): Promise<Days> {
  const res = await contractCall(sandbox, 'GET', `/calendars/${calendarId}/free-slots?startDate=${Date.parse(fromIso)}&endDate=${Date.parse(toIso)}${extra}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Days;
}

/** Monday 2030-01-07, all day in Chicago. */
const monday = (calendarId = 'cal_pt_1', extra = ''): Promise<Days> => slots(calendarId, '2030-01-07T06:00:00Z', '2030-01-08T05:59:59Z', extra);
const hours = (days: Days, date: string): string[] => (days[date]?.slots ?? []).map((s) => s.slice(11, 16));

async function book(calendarId: string, startTime: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const res = await contractCall(sandbox, 'POST', '/calendars/events/appointments', {
    body: { calendarId, locationId: LOC, contactId: await f.newContact(), startTime, ...extra },
  });
  return { status: res.status, ...res.body };
}

describe('free slots', () => {
  it('follow the calendar\'s open hours in its location\'s zone, one per slot duration', async () => {
    const days = await monday();
    expect(Object.keys(days)).toEqual(['2030-01-07']);
    expect(hours(days, '2030-01-07')).toEqual(['07:00', '08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00', '17:00', '18:00']);
    expect(days['2030-01-07']?.slots[0]).toBe('2030-01-07T07:00:00-06:00');
  });

  it('keep local hours across daylight saving: the same 7:00 is -05:00 in July', async () => {
    const days = await slots('cal_pt_1', '2030-07-08T05:00:00Z', '2030-07-09T04:59:59Z');
    expect(days['2030-07-08']?.slots[0]).toBe('2030-07-08T07:00:00-05:00');
    expect(days['2030-07-08']?.slots).toHaveLength(12);
  });

  it('offers nothing on a day the calendar is closed (Sunday)', async () => {
    expect(await slots('cal_pt_1', '2030-01-06T06:00:00Z', '2030-01-07T05:59:59Z')).toEqual({});
  });

  it('are written in the zone asked for, keyed by that zone\'s date', async () => {
    const days = await monday('cal_pt_1', '&timezone=Europe%2FLondon');
    // 18:00 in Chicago is midnight in London.
    expect(hours(days, '2030-01-07').at(0)).toBe('13:00');
    expect(days['2030-01-08']?.slots).toEqual(['2030-01-08T00:00:00+00:00']);
  });

  it('stay while one team member is free, and go when both are booked', async () => {
    await book('cal_pt_1', '2030-01-07T15:00:00Z', { assignedUserId: 'usr_coach_1' });
    expect(hours(await monday(), '2030-01-07')).toContain('09:00');
    expect(hours(await monday('cal_pt_1', '&userId=usr_coach_1'), '2030-01-07')).not.toContain('09:00');
    await book('cal_pt_1', '2030-01-07T15:00:00Z', { assignedUserId: 'usr_trainer_1' });
    expect(hours(await monday(), '2030-01-07')).not.toContain('09:00');
  });

  it('are taken by a member\'s appointment on another calendar', async () => {
    await book('cal_intro_1', '2030-01-07T16:00:00Z', { assignedUserId: 'usr_coach_1' });
    const casey = hours(await monday('cal_pt_1', '&userId=usr_coach_1'), '2030-01-07');
    expect(casey).not.toContain('10:00');
    expect(casey).toContain('11:00');
  });

  it('are not taken by a cancelled appointment', async () => {
    await book('cal_pt_1', '2030-01-07T15:00:00Z', { assignedUserId: 'usr_coach_1', appointmentStatus: 'cancelled' });
    expect(hours(await monday('cal_pt_1', '&userId=usr_coach_1'), '2030-01-07')).toContain('09:00');
  });

  it('leave out what a blocked slot on the calendar covers', async () => {
    await f.blockSlot(); // cal_pt_1, 12:00 to 13:00 in Chicago
    const left = hours(await monday(), '2030-01-07');
    expect(left).not.toContain('12:00');
    expect(left).toContain('11:00');
    expect(left).toContain('13:00');
  });

  it('leave out a blocked member only, when the block names a user', async () => {
    await f.call('POST', '/calendars/events/block-slots', { locationId: LOC, calendarId: 'cal_pt_1', assignedUserId: 'usr_trainer_1', startTime: '2030-01-07T13:00:00Z', endTime: '2030-01-07T14:00:00Z' });
    expect(hours(await monday('cal_pt_1', '&userId=usr_trainer_1'), '2030-01-07')).not.toContain('07:00');
    expect(hours(await monday(), '2030-01-07')).toContain('07:00');
  });

  it('keep a class open until its seats are taken', async () => {
    await f.call('PUT', '/calendars/cal_classes_1', { appoinmentPerSlot: 2 });
    await book('cal_classes_1', '2030-01-07T12:00:00Z');
    expect(hours(await monday('cal_classes_1'), '2030-01-07')).toEqual(['06:00', '17:30', '18:30']);
    await book('cal_classes_1', '2030-01-07T12:00:00Z');
    expect(hours(await monday('cal_classes_1'), '2030-01-07')).toEqual(['17:30', '18:30']);
  });

  it('keep the calendar\'s buffer after each appointment free, the one being booked too', async () => {
    await f.call('PUT', '/calendars/cal_intro_1', { slotBuffer: 30, slotBufferUnit: 'mins' });
    await book('cal_intro_1', '2030-01-07T16:00:00Z'); // 10:00 to 10:30 in Chicago
    const left = hours(await monday('cal_intro_1'), '2030-01-07');
    expect(left.slice(0, 3)).toEqual(['09:00', '11:00', '11:30']);
  });

  it('start no earlier than the minimum scheduling notice from now', async () => {
    await f.call('PUT', '/calendars/cal_pt_1', { allowBookingAfter: 6, allowBookingAfterUnit: 'days' });
    // Now is 2030-01-01 00:00 UTC; six days on is 2030-01-06 18:00 in Chicago: Monday is bookable, Friday the 4th is not.
    expect(await slots('cal_pt_1', '2030-01-04T06:00:00Z', '2030-01-05T05:59:59Z')).toEqual({});
    expect(hours(await monday(), '2030-01-07')).toHaveLength(12);
  });

  it('follow a custom date over the week\'s open hours', async () => {
    await f.call('PUT', '/calendars/cal_pt_1', { availabilities: [{ date: '2030-01-07T00:00:00.000Z', hours: [{ openHour: 10, openMinute: 0, closeHour: 12, closeMinute: 0 }] }] });
    expect(hours(await monday(), '2030-01-07')).toEqual(['10:00', '11:00']);
  });

  it('follow a member\'s schedule for the calendar, in the schedule\'s zone', async () => {
    // Robin keeps New York hours on Mondays: 9:00 to 11:00 there is 8:00 to 10:00 in Chicago.
    await f.call('POST', '/calendars/schedules', {
      locationId: LOC, name: 'Robin', userId: 'usr_trainer_1', timezone: 'America/New_York', calendarIds: ['cal_pt_1'],
      rules: [{ type: 'wday', day: 'monday', intervals: [{ from: '09:00', to: '11:00' }] }],
    });
    expect(hours(await monday('cal_pt_1', '&userId=usr_trainer_1'), '2030-01-07')).toEqual(['08:00', '09:00']);
    expect(hours(await monday('cal_pt_1', '&userId=usr_coach_1'), '2030-01-07')).toHaveLength(12);
  });

  it('refuse a range over 31 days, a zone Intl does not know and a user off the team (400)', async () => {
    const base = `/calendars/cal_pt_1/free-slots?startDate=${Date.parse('2030-01-01T00:00:00Z')}`;
    expect((await contractCall(sandbox, 'GET', `${base}&endDate=${Date.parse('2030-02-02T00:00:00Z')}`)).status).toBe(400);
    expect((await contractCall(sandbox, 'GET', `${base}&endDate=${Date.parse('2030-01-02T00:00:00Z')}&timezone=Mars%2FOlympus`)).status).toBe(400);
    expect((await contractCall(sandbox, 'GET', `${base}&endDate=${Date.parse('2030-01-02T00:00:00Z')}&userId=usr_front_1`)).status).toBe(400);
  });
});

describe('booking against free slots', () => {
  it('refuses a taken slot when the request asks for slot validation, and assigns a free member otherwise', async () => {
    await book('cal_pt_1', '2030-01-07T15:00:00Z', { assignedUserId: 'usr_coach_1' });
    const second = await book('cal_pt_1', '2030-01-07T15:00:00Z', { ignoreFreeSlotValidation: false });
    expect(second).toMatchObject({ status: 200, assignedUserId: 'usr_trainer_1' });
    const third = await book('cal_pt_1', '2030-01-07T15:00:00Z', { ignoreFreeSlotValidation: false });
    expect(third).toMatchObject({ status: 400, message: 'The slot you have selected is no longer available.' });
    // 20:00 in Chicago: after closing.
    expect(await book('cal_pt_1', '2030-01-08T02:00:00Z', { ignoreFreeSlotValidation: false })).toMatchObject({ status: 400 });
  });

  it('with validateAppointmentSlots, checks every booking that does not say ignoreFreeSlotValidation: true', async () => {
    const strict = await startGhlSandbox({ now: () => NOW, validateAppointmentSlots: true });
    try {
      const g = new Fixtures(strict);
      const contactId = await g.newContact();
      const at = (startTime: string, extra: Record<string, unknown> = {}) =>
        contractCall(strict, 'POST', '/calendars/events/appointments', { body: { calendarId: 'cal_intro_1', locationId: LOC, contactId, startTime, ...extra } });
      expect((await at('2030-01-07T03:00:00Z')).status).toBe(400);
      expect((await at('2030-01-07T03:00:00Z', { ignoreFreeSlotValidation: true })).status).toBe(200);
      expect(get((await at('2030-01-07T15:00:00Z')).body, 'assignedUserId')).toBe('usr_coach_1');
    } finally {
      await strict.close();
    }
  });
});
