import { cloneJson, type JsonObject } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import type { AppointmentRecord, BlockedSlotRecord } from '../state/records.js';
import type { LocationState } from '../state/store.js';
import { queryString } from './body.js';
import { memberIds } from './calendar-model.js';

/** CalendarEventDTO of an appointment: what get-appointment, get-calendar-events and a contact's appointments answer. */
export function appointmentEventView(a: AppointmentRecord, location: LocationState): JsonObject {
  return {
    ...cloneJson(a),
    groupId: location.calendars.get(a.calendarId)?.groupId ?? '',
    users: [a.assignedUserId],
    isRecurring: a.rrule !== undefined,
    status: a.appointmentStatus === 'cancelled' ? 'cancelled' : 'booked',
  };
}

/**
 * CalendarEventDTO of a blocked slot (get-blocked-slots). The DTO requires the members an
 * appointment has; a block has no contact, so `contactId` is empty, and its status is `confirmed`.
 */
export function blockedSlotEventView(b: BlockedSlotRecord, location: LocationState): JsonObject {
  const calendar = b.calendarId === undefined ? undefined : location.calendars.get(b.calendarId);
  return {
    ...cloneJson(b),
    calendarId: b.calendarId ?? '',
    contactId: '',
    groupId: calendar?.groupId ?? '',
    appointmentStatus: 'confirmed',
    assignedUserId: b.assignedUserId ?? '',
    users: b.assignedUserId === undefined ? (calendar === undefined ? [] : memberIds(calendar)) : [b.assignedUserId],
    isRecurring: false,
  };
}

/** BlockedSlotSuccessfulResponseDto: what creating or editing a blocked slot answers. */
export function blockedSlotView(b: BlockedSlotRecord): JsonObject {
  const { dateAdded: _added, dateUpdated: _updated, ...rest } = cloneJson(b);
  return rest;
}

export interface EventFilter {
  readonly start: number;
  readonly end: number;
  readonly calendarIds: ReadonlySet<string> | undefined;
  readonly userId: string | undefined;
}

function millis(value: string | undefined, name: string): number {
  const n = value === undefined ? NaN : Number(value);
  if (!Number.isFinite(n)) throw new GhlHttpError(422, [`${name} must be a time in milliseconds`]);
  return n;
}

/**
 * The query of get-calendar-events and get-blocked-slots: a time range in ms and one of
 * calendarId, userId or groupId ("Either of calendarId, userId or groupId is required").
 */
export function eventFilter(location: LocationState, query: Readonly<Record<string, string | string[]>>): EventFilter {
  const start = millis(queryString(query, 'startTime'), 'startTime');
  const end = millis(queryString(query, 'endTime'), 'endTime');
  if (end < start) throw new GhlHttpError(422, ['endTime must not be before startTime']);
  const calendarId = queryString(query, 'calendarId');
  const userId = queryString(query, 'userId');
  const groupId = queryString(query, 'groupId');
  if (calendarId === undefined && userId === undefined && groupId === undefined) {
    throw new GhlHttpError(400, 'Either of calendarId, userId or groupId is required');
  }
  let calendarIds: Set<string> | undefined;
  if (calendarId !== undefined) calendarIds = new Set([calendarId]);
  if (groupId !== undefined) {
    const inGroup = [...location.calendars.values()].filter((c) => c.groupId === groupId).map((c) => c.id);
    calendarIds = new Set(calendarIds === undefined ? inGroup : inGroup.filter((id) => calendarIds?.has(id)));
  }
  return { start, end, calendarIds, userId };
}

/** Whether an event from `startTime` to `endTime` overlaps the filter's range. */
export function overlaps(filter: EventFilter, startTime: string, endTime: string): boolean {
  return Date.parse(startTime) < filter.end && Date.parse(endTime) > filter.start;
}
