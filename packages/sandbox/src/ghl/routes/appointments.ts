import { cloneJson, type JsonObject } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { bodyObject, stringField } from '../model/body.js';
import { requireContact } from '../model/contact-model.js';
import type { AppointmentRecord, AppointmentStatus, CalendarRecord } from '../state/records.js';
import type { LocationState } from '../state/store.js';
import { defineRoute, ok, type RouteDefinition } from '../routing/route.js';

const EVENTS_READ = ['calendars/events.readonly'];
const EVENTS_WRITE = ['calendars/events.write'];

function requireCalendar(location: LocationState, calendarId: string): CalendarRecord {
  const calendar = location.calendars.get(calendarId);
  if (calendar === undefined) throw new GhlHttpError(400, `Calendar with id ${calendarId} not found in location ${location.id}`);
  return calendar;
}

function requireAppointment(location: LocationState, eventId: string): AppointmentRecord {
  const appointment = location.appointments.get(eventId);
  if (appointment === undefined) throw new GhlHttpError(404, `Appointment with id ${eventId} not found`);
  return appointment;
}

function parseTime(value: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new GhlHttpError(422, [`${field} must be an ISO 8601 date-time`]);
  return ms;
}

function defaultAssignee(location: LocationState, calendar: CalendarRecord): string {
  const member = calendar.teamMembers[0];
  const userId = member?.['userId'];
  if (typeof userId === 'string') return userId;
  return [...location.users.keys()][0] ?? '';
}

/** AppointmentSchemaResponse: what create and edit answer. */
function appointmentView(a: AppointmentRecord): JsonObject {
  const { dateAdded: _added, dateUpdated: _updated, ...rest } = cloneJson(a);
  return { ...rest, isRecurring: a.rrule !== undefined };
}

/** CalendarEventDTO: what the get and contact-appointments operations answer. */
export function calendarEventView(a: AppointmentRecord): JsonObject {
  return {
    ...cloneJson(a),
    groupId: '',
    users: [a.assignedUserId],
    isRecurring: a.rrule !== undefined,
    status: a.appointmentStatus === 'cancelled' ? 'cancelled' : 'booked',
  };
}

const EDITABLE = ['title', 'meetingLocationType', 'address', 'rrule', 'assignedUserId', 'appointmentStatus'] as const;

export const appointmentRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'create-appointment',
    method: 'POST',
    path: '/calendars/events/appointments',
    scopes: EVENTS_WRITE,
    handle: ({ store, location, body }) => {
      const input = bodyObject(body);
      const calendar = requireCalendar(location, stringField(input, 'calendarId') ?? '');
      const contact = requireContact(location, stringField(input, 'contactId') ?? '', 400);
      const start = parseTime(stringField(input, 'startTime') ?? '', 'startTime');
      const endText = stringField(input, 'endTime');
      const end = endText === undefined ? start + calendar.slotDuration * 60_000 : parseTime(endText, 'endTime');
      if (end <= start) throw new GhlHttpError(422, ['endTime must be after startTime']);
      const at = store.timestamp();
      const appointment: AppointmentRecord = {
        id: store.newId(),
        calendarId: calendar.id,
        locationId: location.id,
        contactId: contact.id,
        title: stringField(input, 'title') ?? `Appointment with ${contact.name ?? contact.id}`,
        startTime: new Date(start).toISOString(),
        endTime: new Date(end).toISOString(),
        appointmentStatus: (stringField(input, 'appointmentStatus') as AppointmentStatus | undefined) ?? 'new',
        assignedUserId: stringField(input, 'assignedUserId') ?? defaultAssignee(location, calendar),
        dateAdded: at,
        dateUpdated: at,
      };
      for (const key of ['address', 'meetingLocationType', 'rrule'] as const) {
        const v = stringField(input, key);
        if (v !== undefined) appointment[key] = v;
      }
      location.appointments.set(appointment.id, appointment);
      return ok(appointmentView(appointment));
    },
  }),
  defineRoute({
    operationId: 'get-appointment',
    method: 'GET',
    path: '/calendars/events/appointments/{eventId}',
    scopes: EVENTS_READ,
    handle: ({ location, params }) => ok({ event: calendarEventView(requireAppointment(location, params['eventId'] ?? '')) }),
  }),
  defineRoute({
    operationId: 'edit-appointment',
    method: 'PUT',
    path: '/calendars/events/appointments/{eventId}',
    scopes: EVENTS_WRITE,
    handle: ({ store, location, params, body }) => {
      const appointment = requireAppointment(location, params['eventId'] ?? '');
      const input = bodyObject(body);
      const calendarId = stringField(input, 'calendarId');
      if (calendarId !== undefined) appointment.calendarId = requireCalendar(location, calendarId).id;
      const startText = stringField(input, 'startTime');
      const endText = stringField(input, 'endTime');
      if (startText !== undefined || endText !== undefined) {
        const oldStart = Date.parse(appointment.startTime);
        const duration = Date.parse(appointment.endTime) - oldStart;
        const start = startText === undefined ? oldStart : parseTime(startText, 'startTime');
        const end = endText === undefined ? start + duration : parseTime(endText, 'endTime');
        if (end <= start) throw new GhlHttpError(422, ['endTime must be after startTime']);
        appointment.startTime = new Date(start).toISOString();
        appointment.endTime = new Date(end).toISOString();
      }
      for (const key of EDITABLE) {
        const v = stringField(input, key);
        const raw: JsonObject = appointment;
        if (v !== undefined) raw[key] = v;
      }
      appointment.dateUpdated = store.timestamp();
      return ok(appointmentView(appointment));
    },
  }),
  defineRoute({
    operationId: 'delete-event',
    method: 'DELETE',
    path: '/calendars/events/{eventId}',
    scopes: EVENTS_WRITE,
    handle: ({ location, params }) => {
      const appointment = requireAppointment(location, params['eventId'] ?? '');
      location.appointments.delete(appointment.id);
      return ok({ succeeded: true });
    },
  }),
  defineRoute({
    operationId: 'get-appointments-for-contact',
    method: 'GET',
    path: '/contacts/{contactId}/appointments',
    scopes: ['contacts.readonly'],
    handle: ({ location, params }) => {
      const contact = requireContact(location, params['contactId'] ?? '');
      const events = [...location.appointments.values()].filter((a) => a.contactId === contact.id).map(calendarEventView);
      return ok({ events });
    },
  }),
  defineRoute({
    operationId: 'get-calendars',
    method: 'GET',
    path: '/calendars/',
    scopes: ['calendars.readonly'],
    handle: ({ location }) => ok({ calendars: [...location.calendars.values()].map((c) => cloneJson(c)) }),
  }),
];
