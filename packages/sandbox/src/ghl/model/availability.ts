import { isJsonObject, type JsonObject } from '../../shared/json.js';
import type { CalendarRecord, ScheduleRecord } from '../state/records.js';
import type { LocationState } from '../state/store.js';
import { localParts, nextDay, zonedTimeToUtc } from './time-zone.js';

/** A stretch of bookable time, [start, end) in ms since the epoch. */
export interface Window {
  readonly start: number;
  readonly end: number;
}

interface DayRules {
  /** Local opening times of one day as [from, to) minutes after midnight. */
  forDay(date: string, weekday: number): [number, number][];
}

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function hoursOf(entry: JsonObject): [number, number][] {
  const hours = Array.isArray(entry['hours']) ? entry['hours'].filter(isJsonObject) : [];
  return hours.map((h) => [Number(h['openHour']) * 60 + Number(h['openMinute']), Number(h['closeHour']) * 60 + Number(h['closeMinute'])]);
}

/**
 * The calendar's week (openHours) and its custom dates (availabilities). availabilityType 1 uses
 * only the custom dates, 0 only the week; without it a custom date replaces that day of the week.
 */
function calendarRules(calendar: CalendarRecord): DayRules {
  const custom = new Map<string, [number, number][]>();
  for (const a of Array.isArray(calendar['availabilities']) ? calendar['availabilities'].filter(isJsonObject) : []) {
    if (a['deleted'] === true || typeof a['date'] !== 'string') continue;
    // "<YYYY-MM-DD in local timezone>T00:00:00.000Z": the date part is the local day.
    const date = a['date'].slice(0, 10);
    custom.set(date, [...(custom.get(date) ?? []), ...hoursOf(a)]);
  }
  const type = calendar['availabilityType'];
  return {
    forDay(date, weekday) {
      if (type !== 0 && custom.has(date)) return custom.get(date) ?? [];
      if (type === 1) return [];
      return calendar.openHours.filter((o) => o.daysOfTheWeek.includes(weekday)).flatMap(hoursOf);
    },
  };
}

/** A user's availability schedule: `date` rules replace that day's `wday` rules. */
function scheduleRules(schedule: ScheduleRecord): DayRules {
  const intervals = (rule: JsonObject): [number, number][] =>
    (Array.isArray(rule['intervals']) ? rule['intervals'].filter(isJsonObject) : []).map((i) => [minutesOf(String(i['from'])), minutesOf(String(i['to']))]);
  return {
    forDay(date, weekday) {
      const dated = schedule.rules.filter((r) => r['type'] === 'date' && r['date'] === date);
      if (dated.length > 0) return dated.flatMap(intervals);
      return schedule.rules.filter((r) => r['type'] === 'wday' && r['day'] === DAY_NAMES[weekday]).flatMap(intervals);
    },
  };
}

/** Opening windows from `rules`, read in `zone`, for every local day touching [from, to]. */
function windows(rules: DayRules, zone: string, from: number, to: number): Window[] {
  const out: Window[] = [];
  const first = localParts(zone, from - 86_400_000);
  let day = { year: first.year, month: first.month, day: first.day };
  for (let i = 0; i < 400; i++) {
    const midnight = zonedTimeToUtc(zone, day.year, day.month, day.day, 0, 0) ?? zonedTimeToUtc(zone, day.year, day.month, day.day, 1, 0);
    if (midnight !== undefined && midnight > to + 86_400_000) break;
    const date = `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
    const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
    for (const [open, close] of rules.forDay(date, weekday)) {
      const start = zonedTimeToUtc(zone, day.year, day.month, day.day, Math.floor(open / 60), open % 60);
      // A close of 24:00 is the next day's midnight.
      const next = nextDay(day.year, day.month, day.day);
      const end =
        close >= 1440
          ? zonedTimeToUtc(zone, next.year, next.month, next.day, 0, 0)
          : zonedTimeToUtc(zone, day.year, day.month, day.day, Math.floor(close / 60), close % 60);
      if (start !== undefined && end !== undefined && end > start) out.push({ start, end });
    }
    day = nextDay(day.year, day.month, day.day);
  }
  return out;
}

/** The schedule a user keeps for this calendar, if one names it. */
function scheduleFor(location: LocationState, calendar: CalendarRecord, userId: string): ScheduleRecord | undefined {
  return [...location.schedules.values()].find((s) => !s.deleted && s.userId === userId && s.calendarIds.includes(calendar.id));
}

/**
 * When `userId` (or, for `undefined`, the calendar itself) can be booked on the calendar between
 * `from` and `to`: the user's availability schedule for this calendar when there is one (in the
 * schedule's zone), else the calendar's open hours and custom dates (in the location's zone).
 */
export function availableWindows(location: LocationState, calendar: CalendarRecord, userId: string | undefined, from: number, to: number): Window[] {
  const schedule = userId === undefined ? undefined : scheduleFor(location, calendar, userId);
  if (schedule !== undefined) return windows(scheduleRules(schedule), schedule.timezone, from, to);
  return windows(calendarRules(calendar), location.timezone, from, to);
}
