import { cloneJson, type JsonObject } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { bodyObject, stringField } from '../model/body.js';
import { appointmentEventView } from '../model/calendar-events.js';
import { memberIds, requireCalendar, requireUser, slotMinutes } from '../model/calendar-model.js';
import { requireContact } from '../model/contact-model.js';
import { freeSlots } from '../model/free-slots.js';
import type { AppointmentRecord, AppointmentStatus, CalendarRecord } from '../state/records.js';
import type { LocationState, SandboxStore } from '../state/store.js';
import { created, defineRoute, ok, type RouteDefinition } from '../routing/route.js';

const EVENTS_READ = ['calendars/events.readonly'];
const EVENTS_WRITE = ['calendars/events.write'];

export function requireAppointment(location: LocationState, eventId: string): AppointmentRecord {
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
  return memberIds(calendar)[0] ?? [...location.users.keys()][0] ?? '';
}

/** AppointmentSchemaResponse: what create and edit answer. */
function appointmentView(a: AppointmentRecord): JsonObject {
  const { dateAdded: _added, dateUpdated: _updated, ...rest } = cloneJson(a);
  return { ...rest, isRecurring: a.rrule !== undefined };
}

/**
 * GHL books an appointment only into a free slot unless `ignoreFreeSlotValidation` is true. The
 * sandbox checks when the request says `ignoreFreeSlotValidation: false`, or always with the
 * `validateAppointmentSlots` option (flows written before it book times the calendar is closed).
 * Answers the team member to assign: the one asked for, else the first free one.
 */
function checkSlot(store: SandboxStore, location: LocationState, calendar: CalendarRecord, start: number, input: JsonObject, strict: boolean, ignoreEventId?: string): string | undefined {
  const validate = input['ignoreFreeSlotValidation'] === false || (strict && input['ignoreFreeSlotValidation'] !== true);
  if (!validate) return undefined;
  const asked = stringField(input, 'assignedUserId');
  const slot = freeSlots({ location, calendar, from: start, to: start, now: store.nowMs(), ...(asked === undefined ? {} : { userIds: [asked] }), ...(ignoreEventId === undefined ? {} : { ignoreEventId }) })[0];
  if (slot === undefined || slot.start !== start) throw new GhlHttpError(400, 'The slot you have selected is no longer available.');
  return asked ?? slot.userIds[0];
}

const EDITABLE = ['title', 'meetingLocationType', 'address', 'rrule', 'assignedUserId', 'appointmentStatus', 'description'] as const;

export const appointmentRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'create-appointment',
    method: 'POST',
    path: '/calendars/events/appointments',
    scopes: EVENTS_WRITE,
    handle: ({ store, location, body, options }) => {
      const input = bodyObject(body);
      const calendar = requireCalendar(location, stringField(input, 'calendarId') ?? '', 400);
      const contact = requireContact(location, stringField(input, 'contactId') ?? '', 400);
      const asked = stringField(input, 'assignedUserId');
      if (asked !== undefined) requireUser(location, asked, 'Assigned user');
      const start = parseTime(stringField(input, 'startTime') ?? '', 'startTime');
      const endText = stringField(input, 'endTime');
      const end = endText === undefined ? start + slotMinutes(calendar) * 60_000 : parseTime(endText, 'endTime');
      if (end <= start) throw new GhlHttpError(422, ['endTime must be after startTime']);
      const assignee = checkSlot(store, location, calendar, start, input, options.validateAppointmentSlots);
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
        assignedUserId: asked ?? assignee ?? defaultAssignee(location, calendar),
        dateAdded: at,
        dateUpdated: at,
      };
      for (const key of ['address', 'meetingLocationType', 'rrule', 'description'] as const) {
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
    handle: ({ location, params }) => ok({ event: appointmentEventView(requireAppointment(location, params['eventId'] ?? ''), location) }),
  }),
  defineRoute({
    operationId: 'edit-appointment',
    method: 'PUT',
    path: '/calendars/events/appointments/{eventId}',
    scopes: EVENTS_WRITE,
    handle: ({ store, location, params, body, options }) => {
      const appointment = requireAppointment(location, params['eventId'] ?? '');
      const input = bodyObject(body);
      const calendarId = stringField(input, 'calendarId');
      const calendar = requireCalendar(location, calendarId ?? appointment.calendarId, 400);
      const asked = stringField(input, 'assignedUserId');
      if (asked !== undefined) requireUser(location, asked, 'Assigned user');
      const startText = stringField(input, 'startTime');
      const endText = stringField(input, 'endTime');
      if (startText !== undefined || endText !== undefined || calendarId !== undefined) {
        const oldStart = Date.parse(appointment.startTime);
        const duration = Date.parse(appointment.endTime) - oldStart;
        const start = startText === undefined ? oldStart : parseTime(startText, 'startTime');
        const end = endText === undefined ? start + duration : parseTime(endText, 'endTime');
        if (end <= start) throw new GhlHttpError(422, ['endTime must be after startTime']);
        checkSlot(store, location, calendar, start, input, options.validateAppointmentSlots, appointment.id);
        appointment.calendarId = calendar.id;
        appointment.startTime = new Date(start).toISOString();
        appointment.endTime = new Date(end).toISOString();
      }
      const raw: JsonObject = appointment;
      for (const key of EDITABLE) {
        const v = stringField(input, key);
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
      const eventId = params['eventId'] ?? '';
      // An event is an appointment or a blocked slot; GHL deletes either here (there is no delete-block-slot).
      if (location.blockedSlots.delete(eventId)) return created({ succeeded: true });
      const appointment = requireAppointment(location, eventId);
      location.appointments.delete(appointment.id);
      for (const [id, n] of location.appointmentNotes) if (n.appointmentId === appointment.id) location.appointmentNotes.delete(id);
      return created({ succeeded: true });
    },
  }),
  defineRoute({
    operationId: 'get-appointments-for-contact',
    method: 'GET',
    path: '/contacts/{contactId}/appointments',
    scopes: ['contacts.readonly'],
    handle: ({ location, params }) => {
      const contact = requireContact(location, params['contactId'] ?? '');
      const events = [...location.appointments.values()].filter((a) => a.contactId === contact.id).map((a) => appointmentEventView(a, location));
      return ok({ events });
    },
  }),
];
