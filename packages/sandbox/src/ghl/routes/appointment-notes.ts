import type { JsonObject } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { bodyObject, queryInt, stringField } from '../model/body.js';
import { requireUser } from '../model/calendar-model.js';
import type { AppointmentNoteRecord } from '../state/records.js';
import type { LocationState } from '../state/store.js';
import { created, defineRoute, ok, type RouteDefinition } from '../routing/route.js';
import { requireAppointment } from './appointments.js';

const READ = ['calendars/events.readonly'];
const WRITE = ['calendars/events.write'];

function requireNote(location: LocationState, appointmentId: string, noteId: string): AppointmentNoteRecord {
  requireAppointment(location, appointmentId);
  const note = location.appointmentNotes.get(noteId);
  if (note === undefined || note.appointmentId !== appointmentId) throw new GhlHttpError(404, `Note with id ${noteId} not found`);
  return note;
}

/** GetNoteSchema: the note with `createdBy` naming its user. */
function view(note: AppointmentNoteRecord, location: LocationState): JsonObject {
  const { appointmentId: _appointmentId, ...rest } = note;
  const user = note.userId === undefined ? undefined : location.users.get(note.userId);
  return { ...rest, ...(user === undefined ? {} : { createdBy: { id: user.id, name: user.name } }) };
}

function userOf(location: LocationState, input: JsonObject): string | undefined {
  const userId = stringField(input, 'userId');
  if (userId !== undefined) requireUser(location, userId);
  return userId;
}

export const appointmentNoteRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'get-appointment-notes',
    method: 'GET',
    path: '/calendars/appointments/{appointmentId}/notes',
    scopes: READ,
    handle: ({ location, params, query }) => {
      const appointment = requireAppointment(location, params['appointmentId'] ?? '');
      const all = [...location.appointmentNotes.values()].filter((n) => n.appointmentId === appointment.id);
      const offset = queryInt(query, 'offset', 0);
      const limit = queryInt(query, 'limit', 10);
      return ok({ notes: all.slice(offset, offset + limit).map((n) => view(n, location)), hasMore: offset + limit < all.length });
    },
  }),
  defineRoute({
    operationId: 'create-appointment-note',
    method: 'POST',
    path: '/calendars/appointments/{appointmentId}/notes',
    scopes: WRITE,
    handle: ({ store, location, params, body }) => {
      const appointment = requireAppointment(location, params['appointmentId'] ?? '');
      const input = bodyObject(body);
      const userId = userOf(location, input);
      const note: AppointmentNoteRecord = {
        id: store.newId(),
        appointmentId: appointment.id,
        contactId: appointment.contactId,
        body: stringField(input, 'body') ?? '',
        ...(userId === undefined ? {} : { userId }),
        dateAdded: store.timestamp(),
      };
      location.appointmentNotes.set(note.id, note);
      return created({ note: view(note, location) });
    },
  }),
  defineRoute({
    operationId: 'update-appointment-note',
    method: 'PUT',
    path: '/calendars/appointments/{appointmentId}/notes/{noteId}',
    scopes: WRITE,
    handle: ({ location, params, body }) => {
      const note = requireNote(location, params['appointmentId'] ?? '', params['noteId'] ?? '');
      const input = bodyObject(body);
      const userId = userOf(location, input);
      note.body = stringField(input, 'body') ?? note.body;
      if (userId !== undefined) note.userId = userId;
      return ok({ note: view(note, location) });
    },
  }),
  defineRoute({
    operationId: 'delete-appointment-note',
    method: 'DELETE',
    path: '/calendars/appointments/{appointmentId}/notes/{noteId}',
    scopes: WRITE,
    handle: ({ location, params }) => {
      const note = requireNote(location, params['appointmentId'] ?? '', params['noteId'] ?? '');
      location.appointmentNotes.delete(note.id);
      return ok({ success: true });
    },
  }),
];
