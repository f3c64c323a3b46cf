import type { JsonObject } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { queryString } from '../model/body.js';
import { memberIds, requireCalendar } from '../model/calendar-model.js';
import { freeSlots } from '../model/free-slots.js';
import { formatInZone, isTimeZone, localDate } from '../model/time-zone.js';
import { defineRoute, ok, type RouteDefinition } from '../routing/route.js';

const MAX_RANGE_MS = 31 * 86_400_000;

function millis(value: string | undefined, name: string): number {
  const n = value === undefined ? NaN : Number(value);
  if (!Number.isFinite(n)) throw new GhlHttpError(422, [`${name} must be a number (ms)`]);
  return n;
}

export const freeSlotRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'get-slots',
    method: 'GET',
    path: '/calendars/{calendarId}/free-slots',
    scopes: ['calendars.readonly'],
    handle: ({ store, location, params, query }) => {
      const calendar = requireCalendar(location, params['calendarId'] ?? '');
      const from = millis(queryString(query, 'startDate'), 'startDate');
      const to = millis(queryString(query, 'endDate'), 'endDate');
      if (to < from) throw new GhlHttpError(400, 'endDate must not be before startDate');
      if (to - from > MAX_RANGE_MS) throw new GhlHttpError(400, 'Date range cannot be more than 31 days');
      // Slots are returned in the zone asked for, else the calendar's (its location's).
      const zone = queryString(query, 'timezone') ?? location.timezone;
      if (!isTimeZone(zone)) throw new GhlHttpError(400, `timezone must be an IANA time zone, got ${zone}`);
      const single = queryString(query, 'userId');
      const listed = query['userIds'];
      const asked = [...(single === undefined ? [] : [single]), ...(Array.isArray(listed) ? listed : listed === undefined ? [] : listed.split(','))];
      const members = memberIds(calendar);
      const stranger = asked.find((id) => !members.includes(id));
      if (stranger !== undefined) throw new GhlHttpError(400, `User ${stranger} is not a team member of calendar ${calendar.id}`);
      const slots = freeSlots({ location, calendar, from, to, now: store.nowMs(), ...(asked.length === 0 ? {} : { userIds: asked }) });
      const days: JsonObject = {};
      for (const slot of slots) {
        const day = localDate(zone, slot.start);
        const entry = (days[day] as { slots: string[] } | undefined) ?? { slots: [] };
        entry.slots.push(formatInZone(zone, slot.start));
        days[day] = entry;
      }
      return ok(days);
    },
  }),
];
