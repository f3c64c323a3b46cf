import { cloneJson, isJsonObject, type JsonObject } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { bodyObject, queryInt, queryString } from '../model/body.js';
import { requireCalendar } from '../model/calendar-model.js';
import type { CalendarNotificationRecord } from '../state/records.js';
import type { LocationState } from '../state/store.js';
import { defineRoute, ok, type RouteDefinition } from '../routing/route.js';

const READ = ['calendars/events.readonly'];
const WRITE = ['calendars/events.write'];

/** Members of Create/UpdateCalendarNotificationsDTO kept as sent. */
const FIELDS = [
  'receiverType', 'channel', 'notificationType', 'isActive', 'templateId', 'body', 'subject', 'afterTime', 'beforeTime',
  'additionalEmailIds', 'additionalPhoneNumbers', 'selectedUsers', 'fromAddress', 'fromName', 'fromNumber',
] as const;

/**
 * A notification of the path's calendar. Deleting one marks it `deleted` (the list can still show
 * it with `deleted=true`); it is not found by id any more.
 */
function requireNotification(location: LocationState, calendarId: string, id: string): CalendarNotificationRecord {
  requireCalendar(location, calendarId);
  const n = location.calendarNotifications.get(id);
  if (n === undefined || n.calendarId !== calendarId || n.deleted) throw new GhlHttpError(404, `Calendar notification with id ${id} not found`);
  return n;
}

/** CalendarNotificationResponseDTO. */
function view(n: CalendarNotificationRecord): JsonObject {
  const { calendarId: _calendarId, ...rest } = cloneJson(n);
  return rest;
}

function apply(n: CalendarNotificationRecord, input: JsonObject): void {
  const raw: JsonObject = n;
  for (const key of FIELDS) if (input[key] !== undefined) raw[key] = cloneJson(input[key]);
}

export const calendarNotificationRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'get-event-notification',
    method: 'GET',
    path: '/calendars/{calendarId}/notifications',
    scopes: READ,
    handle: ({ location, params, query }) => {
      const calendar = requireCalendar(location, params['calendarId'] ?? '');
      const deleted = queryString(query, 'deleted') === 'true';
      const active = queryString(query, 'isActive');
      const all = [...location.calendarNotifications.values()].filter(
        (n) => n.calendarId === calendar.id && n.deleted === deleted && (active === undefined || String(n.isActive) === active),
      );
      const skip = queryInt(query, 'skip', 0);
      return ok(all.slice(skip, skip + queryInt(query, 'limit', 100)).map(view));
    },
  }),
  defineRoute({
    operationId: 'create-event-notification',
    method: 'POST',
    path: '/calendars/{calendarId}/notifications',
    scopes: WRITE,
    handle: ({ store, location, params, body }) => {
      const calendar = requireCalendar(location, params['calendarId'] ?? '');
      if (!Array.isArray(body)) throw new GhlHttpError(422, ['body must be an array of notifications']);
      const made = body.filter(isJsonObject).map((input) => {
        const n: CalendarNotificationRecord = {
          _id: store.newId(),
          calendarId: calendar.id,
          receiverType: '',
          channel: '',
          notificationType: '',
          isActive: true,
          deleted: false,
        };
        apply(n, input);
        location.calendarNotifications.set(n._id, n);
        return n;
      });
      return ok(made.map(view));
    },
  }),
  defineRoute({
    operationId: 'find-event-notification',
    method: 'GET',
    path: '/calendars/{calendarId}/notifications/{notificationId}',
    scopes: READ,
    handle: ({ location, params }) => ok(view(requireNotification(location, params['calendarId'] ?? '', params['notificationId'] ?? ''))),
  }),
  defineRoute({
    operationId: 'update-event-notification',
    method: 'PUT',
    path: '/calendars/{calendarId}/notifications/{notificationId}',
    scopes: WRITE,
    handle: ({ location, params, body }) => {
      const n = requireNotification(location, params['calendarId'] ?? '', params['notificationId'] ?? '');
      const input = bodyObject(body);
      apply(n, input);
      if (input['deleted'] === true) n.deleted = true;
      return ok({ message: 'Notification updated successfully' });
    },
  }),
  defineRoute({
    operationId: 'delete-event-notification',
    method: 'DELETE',
    path: '/calendars/{calendarId}/notifications/{notificationId}',
    scopes: WRITE,
    handle: ({ location, params }) => {
      requireNotification(location, params['calendarId'] ?? '', params['notificationId'] ?? '').deleted = true;
      return ok({ message: 'Notification deleted successfully' });
    },
  }),
];
