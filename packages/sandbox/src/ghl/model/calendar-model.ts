import { cloneJson, isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import type { CalendarRecord, OpenHour } from '../state/records.js';
import type { LocationState } from '../state/store.js';

/** Members of CalendarCreateDTO / CalendarUpdateDTO a calendar keeps as sent (besides those checked below). */
const PLAIN_FIELDS = [
  'alertEmail', 'allowBookingAfter', 'allowBookingAfterUnit', 'allowBookingFor', 'allowBookingForUnit', 'allowCancellation',
  'allowReschedule', 'appoinmentPerDay', 'appoinmentPerSlot', 'autoConfirm', 'availabilityType', 'calendarCoverImage',
  'calendarType', 'consentLabel', 'description', 'enableRecurring', 'eventColor', 'eventTitle', 'eventType', 'formId',
  'formSubmitRedirectURL', 'formSubmitThanksMessage', 'formSubmitType', 'googleInvitationEmails', 'guestType', 'isActive',
  'isLivePaymentMode', 'locationConfigurations', 'lookBusyConfig', 'meetingLocation', 'name', 'notes', 'notifications',
  'pixelId', 'preBuffer', 'preBufferUnit', 'recurring', 'shouldAssignContactToTeamMember',
  'shouldSendAlertEmailsToAssignedMember', 'shouldSkipAssigningContactForExisting', 'slotBuffer', 'slotBufferUnit',
  'slotDuration', 'slotDurationUnit', 'slotInterval', 'slotIntervalUnit', 'stickyContact', 'widgetSlug', 'widgetType',
] as const;

const MINUTES: Record<string, number> = { mins: 1, hours: 60 };

/** Minutes of a `value` in `unit` (GHL's `mins` | `hours`; minutes when absent). */
export function toMinutes(value: JsonValue | undefined, unit: JsonValue | undefined): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : 0;
  return n * (MINUTES[typeof unit === 'string' ? unit : 'mins'] ?? 1);
}

/** How long one booking on the calendar lasts, in minutes (30 when the calendar does not say). */
export function slotMinutes(calendar: CalendarRecord): number {
  return toMinutes(calendar.slotDuration, calendar.slotDurationUnit) || 30;
}

/** Minutes between two slot starts (the slot duration when the calendar does not say). */
export function intervalMinutes(calendar: CalendarRecord): number {
  return toMinutes(calendar['slotInterval'], calendar['slotIntervalUnit']) || slotMinutes(calendar);
}

/** The calendar's team members' user ids, primary first. */
export function memberIds(calendar: CalendarRecord): string[] {
  return calendar.teamMembers.map((m) => m['userId']).filter((id): id is string => typeof id === 'string');
}

/** The calendar, or GHL's answer for an unknown one: 404 for a path id, 400 when a body refers to it. */
export function requireCalendar(location: LocationState, calendarId: string, status: 400 | 404 = 404): CalendarRecord {
  const calendar = location.calendars.get(calendarId);
  if (calendar === undefined) throw new GhlHttpError(status, `Calendar with id ${calendarId} not found in location ${location.id}`);
  return calendar;
}

/** The user, or 400: a body names a user who is not on the location (or was deleted). */
export function requireUser(location: LocationState, userId: string, what = 'User'): void {
  const user = location.users.get(userId);
  if (user === undefined || user.deleted) throw new GhlHttpError(400, `${what} ${userId} is not a user of location ${location.id}`);
}

function checkOpenHours(value: JsonValue | undefined): OpenHour[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const messages: string[] = [];
  value.forEach((entry, i) => {
    const hours = isJsonObject(entry) && Array.isArray(entry['hours']) ? entry['hours'] : [];
    hours.forEach((h, j) => {
      if (!isJsonObject(h)) return;
      const [oh, om, ch, cm] = [h['openHour'], h['openMinute'], h['closeHour'], h['closeMinute']].map(Number) as [number, number, number, number];
      const valid = [oh, ch].every((x) => Number.isInteger(x) && x >= 0 && x <= 24) && [om, cm].every((x) => Number.isInteger(x) && x >= 0 && x < 60);
      if (!valid) messages.push(`openHours.${i}.hours.${j} must hold whole hours 0-24 and minutes 0-59`);
      else if (ch * 60 + cm <= oh * 60 + om) messages.push(`openHours.${i}.hours.${j} must close after it opens`);
    });
    const days = isJsonObject(entry) && Array.isArray(entry['daysOfTheWeek']) ? entry['daysOfTheWeek'] : [];
    if (days.some((d) => !Number.isInteger(d))) messages.push(`openHours.${i}.daysOfTheWeek must hold whole numbers 0-6`);
  });
  if (messages.length > 0) throw new GhlHttpError(422, messages);
  return cloneJson(value) as OpenHour[];
}

function assertSlugFree(location: LocationState, slug: string, exceptId?: string): void {
  const clash = [...location.calendars.values()].find((c) => c.id !== exceptId && c.slug === slug);
  if (clash !== undefined) throw new GhlHttpError(400, `A calendar with slug ${slug} already exists in this location`, { meta: { calendarId: clash.id } });
}

/**
 * Applies a CalendarCreateDTO / CalendarUpdateDTO body: the group, team members and slug are
 * checked against the location first (400 for an unknown group or user, or a slug in use).
 */
export function applyCalendarFields(location: LocationState, calendar: CalendarRecord, input: JsonObject): void {
  const groupId = input['groupId'];
  if (typeof groupId === 'string' && groupId !== '' && !location.calendarGroups.has(groupId)) {
    throw new GhlHttpError(400, `Calendar group with id ${groupId} not found in location ${location.id}`);
  }
  const members = Array.isArray(input['teamMembers']) ? input['teamMembers'].filter(isJsonObject) : undefined;
  for (const m of members ?? []) requireUser(location, String(m['userId']), 'Team member');
  const slug = input['slug'];
  if (typeof slug === 'string') assertSlugFree(location, slug, calendar.id);
  const openHours = checkOpenHours(input['openHours']);

  const raw: JsonObject = calendar;
  for (const key of PLAIN_FIELDS) if (input[key] !== undefined) raw[key] = cloneJson(input[key]);
  if (typeof groupId === 'string') {
    if (groupId === '') delete calendar.groupId;
    else calendar.groupId = groupId;
  }
  if (members !== undefined) calendar.teamMembers = cloneJson(members);
  if (typeof slug === 'string') calendar.slug = slug;
  if (openHours !== undefined) calendar.openHours = openHours;
  if (Array.isArray(input['availabilities'])) {
    // UpdateAvailability: an entry with an id replaces (or with deleted: true removes) the one it names.
    const kept = new Map<string, JsonObject>();
    for (const a of Array.isArray(calendar['availabilities']) ? calendar['availabilities'].filter(isJsonObject) : []) kept.set(String(a['id'] ?? a['date']), a);
    for (const a of input['availabilities'].filter(isJsonObject)) {
      const key = String(a['id'] ?? a['date']);
      if (a['deleted'] === true) kept.delete(key);
      else kept.set(key, { ...cloneJson(a), id: key });
    }
    raw['availabilities'] = [...kept.values()];
  }
}

/** CalendarDTO as GHL answers it. */
export function calendarView(calendar: CalendarRecord): JsonObject {
  return cloneJson(calendar);
}
