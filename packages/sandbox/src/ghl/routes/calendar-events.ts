import { GhlHttpError } from '../http/ghl-http-error.js';
import { bodyObject, stringField } from '../model/body.js';
import { appointmentEventView, blockedSlotEventView, blockedSlotView, eventFilter, overlaps } from '../model/calendar-events.js';
import { requireCalendar, requireUser } from '../model/calendar-model.js';
import type { BlockedSlotRecord } from '../state/records.js';
import type { LocationState } from '../state/store.js';
import { created, defineRoute, ok, type RouteDefinition } from '../routing/route.js';

const READ = ['calendars/events.readonly'];
const WRITE = ['calendars/events.write'];

function requireBlockedSlot(location: LocationState, id: string): BlockedSlotRecord {
  const slot = location.blockedSlots.get(id);
  if (slot === undefined) throw new GhlHttpError(404, `Blocked slot with id ${id} not found`);
  return slot;
}

function parseTime(value: string | undefined, field: string): string {
  const ms = value === undefined ? NaN : Date.parse(value);
  if (Number.isNaN(ms)) throw new GhlHttpError(422, [`${field} must be an ISO 8601 date-time`]);
  return new Date(ms).toISOString();
}

/**
 * Fields of BlockSlotCreateRequestDTO / BlockSlotEditRequestDTO. The DTO requires calendarId and
 * says "either calendarId or assignedUserId, not both", while its own example sends both: the
 * sandbox takes both, and then blocks that user on that calendar.
 */
function applyBlock(location: LocationState, slot: BlockedSlotRecord, input: Record<string, unknown>): void {
  const calendarId = typeof input['calendarId'] === 'string' ? input['calendarId'] : undefined;
  if (calendarId !== undefined) requireCalendar(location, calendarId, 400);
  const userId = typeof input['assignedUserId'] === 'string' ? input['assignedUserId'] : undefined;
  if (userId !== undefined) requireUser(location, userId, 'Assigned user');
  const start = parseTime(typeof input['startTime'] === 'string' ? input['startTime'] : slot.startTime || undefined, 'startTime');
  const end = parseTime(typeof input['endTime'] === 'string' ? input['endTime'] : slot.endTime || undefined, 'endTime');
  if (Date.parse(end) <= Date.parse(start)) throw new GhlHttpError(422, ['endTime must be after startTime']);
  if (calendarId !== undefined) slot.calendarId = calendarId;
  if (userId !== undefined) slot.assignedUserId = userId;
  if (typeof input['title'] === 'string') slot.title = input['title'];
  slot.startTime = start;
  slot.endTime = end;
}

export const calendarEventRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'get-calendar-events',
    method: 'GET',
    path: '/calendars/events',
    scopes: READ,
    handle: ({ location, query }) => {
      const filter = eventFilter(location, query);
      const events = [...location.appointments.values()].filter(
        (a) =>
          overlaps(filter, a.startTime, a.endTime) &&
          (filter.calendarIds === undefined || filter.calendarIds.has(a.calendarId)) &&
          (filter.userId === undefined || a.assignedUserId === filter.userId),
      );
      return ok({ events: events.map((a) => appointmentEventView(a, location)) });
    },
  }),
  defineRoute({
    operationId: 'get-blocked-slots',
    method: 'GET',
    path: '/calendars/blocked-slots',
    scopes: READ,
    handle: ({ location, query }) => {
      const filter = eventFilter(location, query);
      const slots = [...location.blockedSlots.values()].filter(
        (b) =>
          overlaps(filter, b.startTime, b.endTime) &&
          (filter.calendarIds === undefined || (b.calendarId !== undefined && filter.calendarIds.has(b.calendarId))) &&
          (filter.userId === undefined || b.assignedUserId === filter.userId),
      );
      return ok({ events: slots.map((b) => blockedSlotEventView(b, location)) });
    },
  }),
  defineRoute({
    operationId: 'create-block-slot',
    method: 'POST',
    path: '/calendars/events/block-slots',
    scopes: WRITE,
    handle: ({ store, location, body }) => {
      const at = store.timestamp();
      const slot: BlockedSlotRecord = { id: store.newId(), locationId: location.id, title: '', startTime: '', endTime: '', dateAdded: at, dateUpdated: at };
      applyBlock(location, slot, bodyObject(body));
      location.blockedSlots.set(slot.id, slot);
      return created(blockedSlotView(slot));
    },
  }),
  defineRoute({
    operationId: 'edit-block-slot',
    method: 'PUT',
    path: '/calendars/events/block-slots/{eventId}',
    scopes: WRITE,
    handle: ({ store, location, params, body }) => {
      const slot = requireBlockedSlot(location, params['eventId'] ?? '');
      const input = bodyObject(body);
      // The edit DTO requires calendarId too; moving a block to another calendar is allowed.
      if (stringField(input, 'calendarId') === undefined) throw new GhlHttpError(422, ['calendarId must be a string']);
      applyBlock(location, slot, input);
      slot.dateUpdated = store.timestamp();
      // calendars.json documents 201 for this edit.
      return created(blockedSlotView(slot));
    },
  }),
];
