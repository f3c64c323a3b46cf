import { bodyObject, queryString, stringField } from '../model/body.js';
import { applyCalendarFields, calendarView, requireCalendar } from '../model/calendar-model.js';
import type { CalendarRecord } from '../state/records.js';
import type { LocationState } from '../state/store.js';
import { DEFAULT_OPEN_HOURS } from '../state/build-location.js';
import { defineRoute, ok, type RouteDefinition } from '../routing/route.js';

const READ = ['calendars.readonly'];
const WRITE = ['calendars.write'];

/** Everything that belongs to a calendar goes with it: its events, their notes, notifications and blocked slots. */
function deleteCalendarRecord(location: LocationState, calendar: CalendarRecord): void {
  location.calendars.delete(calendar.id);
  for (const [id, a] of location.appointments) {
    if (a.calendarId !== calendar.id) continue;
    location.appointments.delete(id);
    for (const [noteId, n] of location.appointmentNotes) if (n.appointmentId === id) location.appointmentNotes.delete(noteId);
  }
  for (const [id, n] of location.calendarNotifications) if (n.calendarId === calendar.id) location.calendarNotifications.delete(id);
  for (const [id, b] of location.blockedSlots) if (b.calendarId === calendar.id) location.blockedSlots.delete(id);
  for (const r of location.calendarResources.values()) r.calendarIds = r.calendarIds.filter((c) => c !== calendar.id);
  for (const s of location.schedules.values()) s.calendarIds = s.calendarIds.filter((c) => c !== calendar.id);
}

export const calendarRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'get-calendars',
    method: 'GET',
    path: '/calendars/',
    scopes: READ,
    handle: ({ location, query }) => {
      const groupId = queryString(query, 'groupId');
      // showDrafted (default true): drafts are the calendars that are not active.
      const drafts = queryString(query, 'showDrafted') !== 'false';
      const calendars = [...location.calendars.values()].filter((c) => (groupId === undefined || c.groupId === groupId) && (drafts || c.isActive));
      return ok({ calendars: calendars.map(calendarView) });
    },
  }),
  defineRoute({
    operationId: 'create-calendar',
    method: 'POST',
    path: '/calendars/',
    scopes: WRITE,
    handle: ({ store, location, body }) => {
      const input = bodyObject(body);
      // GHL's document gives no defaults; these are its app's: a 30-minute round robin, weekdays 9 to 5.
      const calendar: CalendarRecord = {
        id: store.newId(),
        locationId: location.id,
        name: stringField(input, 'name') ?? '',
        calendarType: 'round_robin',
        isActive: true,
        slotDuration: 30,
        slotDurationUnit: 'mins',
        teamMembers: [],
        openHours: structuredClone([...DEFAULT_OPEN_HOURS]),
      };
      applyCalendarFields(location, calendar, input);
      location.calendars.set(calendar.id, calendar);
      return ok({ calendar: calendarView(calendar) });
    },
  }),
  defineRoute({
    operationId: 'get-calendar',
    method: 'GET',
    path: '/calendars/{calendarId}',
    scopes: READ,
    handle: ({ location, params }) => ok({ calendar: calendarView(requireCalendar(location, params['calendarId'] ?? '')) }),
  }),
  defineRoute({
    operationId: 'update-calendar',
    method: 'PUT',
    path: '/calendars/{calendarId}',
    scopes: WRITE,
    handle: ({ location, params, body }) => {
      const calendar = requireCalendar(location, params['calendarId'] ?? '');
      applyCalendarFields(location, calendar, bodyObject(body));
      return ok({ calendar: calendarView(calendar) });
    },
  }),
  defineRoute({
    operationId: 'delete-calendar',
    method: 'DELETE',
    path: '/calendars/{calendarId}',
    scopes: WRITE,
    handle: ({ location, params }) => {
      deleteCalendarRecord(location, requireCalendar(location, params['calendarId'] ?? ''));
      return ok({ success: true });
    },
  }),
];
