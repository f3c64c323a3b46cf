import { cloneJson, isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { bodyObject, queryInt, queryString, stringField } from '../model/body.js';
import { requireCalendar, requireUser } from '../model/calendar-model.js';
import { isTimeZone } from '../model/time-zone.js';
import type { ScheduleRecord } from '../state/records.js';
import type { LocationState } from '../state/store.js';
import { created, defineRoute, ok, type RouteDefinition } from '../routing/route.js';

const READ = ['calendars.readonly'];
const WRITE = ['calendars.write'];
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** A schedule that is not deleted (deleting marks it `deleted`, as its DTO's member says); 404 otherwise, as GHL documents. */
function requireSchedule(location: LocationState, id: string): ScheduleRecord {
  const schedule = location.schedules.get(id);
  if (schedule === undefined || schedule.deleted) throw new GhlHttpError(404, `Schedule with id ${id} not found`);
  return schedule;
}

/** ScheduleRuleDTO: `wday` rules name a day, `date` rules a YYYY-MM-DD date; intervals run from HH:MM to a later HH:MM. */
function checkRules(value: JsonValue | undefined): JsonObject[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const messages: string[] = [];
  const rules = value.filter(isJsonObject);
  rules.forEach((rule, i) => {
    if (rule['type'] === 'wday' && typeof rule['day'] !== 'string') messages.push(`rules.${i}.day is required for a wday rule`);
    if (rule['type'] === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(String(rule['date'] ?? ''))) messages.push(`rules.${i}.date must be YYYY-MM-DD for a date rule`);
    const intervals = Array.isArray(rule['intervals']) ? rule['intervals'].filter(isJsonObject) : [];
    intervals.forEach((interval, j) => {
      const from = String(interval['from'] ?? '');
      const to = String(interval['to'] ?? '');
      if (!HH_MM.test(from) || !HH_MM.test(to)) messages.push(`rules.${i}.intervals.${j} must run from HH:MM to HH:MM`);
      else if (to <= from) messages.push(`rules.${i}.intervals.${j}.to must be after from`);
    });
  });
  if (messages.length > 0) throw new GhlHttpError(422, messages);
  return cloneJson(rules);
}

function checkTimeZone(zone: string | undefined): void {
  if (zone !== undefined && !isTimeZone(zone)) throw new GhlHttpError(422, [`timezone must be an IANA time zone, got ${zone}`]);
}

const view = (s: ScheduleRecord): JsonObject => cloneJson(s);

export const scheduleRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'createSchedule',
    method: 'POST',
    path: '/calendars/schedules',
    scopes: WRITE,
    handle: ({ store, location, body }) => {
      const input = bodyObject(body);
      const userId = stringField(input, 'userId') ?? '';
      requireUser(location, userId);
      const timezone = stringField(input, 'timezone') ?? location.timezone;
      checkTimeZone(timezone);
      const calendarIds = Array.isArray(input['calendarIds']) ? input['calendarIds'].filter((c): c is string => typeof c === 'string') : [];
      for (const id of calendarIds) requireCalendar(location, id, 400);
      const at = store.timestamp();
      const schedule: ScheduleRecord = {
        id: store.newId(),
        locationId: location.id,
        name: stringField(input, 'name') ?? '',
        userId,
        timezone,
        rules: checkRules(input['rules']) ?? [],
        calendarIds: [...new Set(calendarIds)],
        deleted: false,
        dateAdded: at,
        dateUpdated: at,
      };
      location.schedules.set(schedule.id, schedule);
      return created({ schedule: view(schedule) });
    },
  }),
  defineRoute({
    operationId: 'getAllSchedules',
    method: 'GET',
    path: '/calendars/schedules/search',
    scopes: READ,
    handle: ({ location, query }) => {
      const userId = queryString(query, 'userId');
      const calendarId = queryString(query, 'calendarId');
      const all = [...location.schedules.values()].filter(
        (s) => !s.deleted && s.userId === userId && (calendarId === undefined || s.calendarIds.includes(calendarId)),
      );
      const skip = queryInt(query, 'skip', 0);
      const limit = Math.min(queryInt(query, 'limit', 50), 500);
      return ok({ schedules: all.slice(skip, skip + limit).map(view) });
    },
  }),
  defineRoute({
    operationId: 'getScheduleById',
    method: 'GET',
    path: '/calendars/schedules/{id}',
    scopes: READ,
    handle: ({ location, params }) => ok({ schedule: view(requireSchedule(location, params['id'] ?? '')) }),
  }),
  defineRoute({
    operationId: 'updateSchedule',
    method: 'PUT',
    path: '/calendars/schedules/{id}',
    scopes: WRITE,
    handle: ({ store, location, params, body }) => {
      const schedule = requireSchedule(location, params['id'] ?? '');
      const input = bodyObject(body);
      const timezone = stringField(input, 'timezone');
      checkTimeZone(timezone);
      const rules = checkRules(input['rules']);
      schedule.name = stringField(input, 'name') ?? schedule.name;
      if (timezone !== undefined) schedule.timezone = timezone;
      if (rules !== undefined) schedule.rules = rules;
      schedule.dateUpdated = store.timestamp();
      return ok({ schedule: view(schedule) });
    },
  }),
  defineRoute({
    operationId: 'deleteSchedule',
    method: 'DELETE',
    path: '/calendars/schedules/{id}',
    scopes: WRITE,
    handle: ({ store, location, params }) => {
      const schedule = requireSchedule(location, params['id'] ?? '');
      schedule.deleted = true;
      schedule.dateUpdated = store.timestamp();
      return ok({ success: true });
    },
  }),
  defineRoute({
    operationId: 'add-calendar-to-schedule',
    method: 'PUT',
    path: '/calendars/schedules/{id}/associations/{calendarId}',
    scopes: WRITE,
    handle: ({ store, location, params }) => {
      const schedule = requireSchedule(location, params['id'] ?? '');
      const calendar = requireCalendar(location, params['calendarId'] ?? '');
      if (!schedule.calendarIds.includes(calendar.id)) schedule.calendarIds = [...schedule.calendarIds, calendar.id];
      schedule.dateUpdated = store.timestamp();
      return ok({ success: true });
    },
  }),
  defineRoute({
    operationId: 'remove-calendar-from-schedule',
    method: 'DELETE',
    path: '/calendars/schedules/{id}/associations/{calendarId}',
    scopes: WRITE,
    handle: ({ store, location, params }) => {
      const schedule = requireSchedule(location, params['id'] ?? '');
      const calendarId = params['calendarId'] ?? '';
      if (!schedule.calendarIds.includes(calendarId)) throw new GhlHttpError(404, `Calendar ${calendarId} is not associated with schedule ${schedule.id}`);
      schedule.calendarIds = schedule.calendarIds.filter((c) => c !== calendarId);
      schedule.dateUpdated = store.timestamp();
      return ok({ success: true });
    },
  }),
];
