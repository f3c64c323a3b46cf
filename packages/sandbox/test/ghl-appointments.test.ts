import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGhlSandbox, type GhlSandbox } from '../src/index.js';
import { call, get, LOC } from './support/ghl-client.js';

let sandbox: GhlSandbox;
let contactId: string;
beforeEach(async () => {
  sandbox = await startGhlSandbox();
  contactId = get<string>((await call(sandbox, 'POST', '/contacts/', { body: { locationId: LOC, email: 'lu@example.com' } })).body, 'contact', 'id');
});
afterEach(async () => {
  await sandbox.close();
});

const book = (sb: GhlSandbox, contact: string, extra: Record<string, unknown> = {}) =>
  call(sb, 'POST', '/calendars/events/appointments', {
    body: { calendarId: 'cal_intro_1', locationId: LOC, contactId: contact, startTime: '2025-03-01T15:00:00Z', ...extra },
  });

describe('appointments', () => {
  it('books an appointment on a seeded calendar with the calendar slot length', async () => {
    const res = await book(sandbox, contactId, { title: 'Intro' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      calendarId: 'cal_intro_1',
      contactId,
      locationId: LOC,
      startTime: '2025-03-01T15:00:00.000Z',
      endTime: '2025-03-01T15:30:00.000Z',
      appointmentStatus: 'new',
      title: 'Intro',
    });
    expect(typeof res.body['id']).toBe('string');
  });

  it('reads, reschedules, marks no-show and deletes an appointment', async () => {
    const id = get<string>((await book(sandbox, contactId)).body, 'id');
    const got = await call(sandbox, 'GET', `/calendars/events/appointments/${id}`);
    expect(get(got.body, 'event')).toMatchObject({ id, contactId, calendarId: 'cal_intro_1' });

    const moved = await call(sandbox, 'PUT', `/calendars/events/appointments/${id}`, { body: { startTime: '2025-03-02T16:00:00Z' } });
    expect(moved.body).toMatchObject({ startTime: '2025-03-02T16:00:00.000Z', endTime: '2025-03-02T16:30:00.000Z' });

    const noShow = await call(sandbox, 'PUT', `/calendars/events/appointments/${id}`, { body: { appointmentStatus: 'noshow' } });
    expect(noShow.body['appointmentStatus']).toBe('noshow');

    const forContact = await call(sandbox, 'GET', `/contacts/${contactId}/appointments`);
    expect(get<unknown[]>(forContact.body, 'events')).toHaveLength(1);

    // calendars.json marks the (empty) DeleteAppointmentSchema body as required.
    expect((await call(sandbox, 'DELETE', `/calendars/events/${id}`)).status).toBe(422);
    expect((await call(sandbox, 'DELETE', `/calendars/events/${id}`, { body: {} })).body).toEqual({ succeeded: true });
    expect((await call(sandbox, 'GET', `/calendars/events/appointments/${id}`)).status).toBe(404);
  });

  it('answers 400 for an unknown calendar', async () => {
    const res = await book(sandbox, contactId, { calendarId: 'cal_missing' });
    expect(res.status).toBe(400);
  });

  it('answers 422 for an appointment status outside the documented enum', async () => {
    const res = await book(sandbox, contactId, { appointmentStatus: 'maybe' });
    expect(res.status).toBe(422);
    expect(String(res.body['message'])).toContain('appointmentStatus');
  });

  it('expects the calendars Version 2021-04-15 that calendars.json documents', async () => {
    const res = await call(sandbox, 'GET', `/calendars/?locationId=${LOC}`, { version: '2021-07-28' });
    expect(res.status).toBe(400);
    const ok = await call(sandbox, 'GET', `/calendars/?locationId=${LOC}`);
    expect(get<unknown[]>(ok.body, 'calendars').length).toBeGreaterThan(0);
  });
});
