import type { AppointmentRecord, CalendarRecord } from '../state/records.js';
import type { LocationState } from '../state/store.js';
import { availableWindows, type Window } from './availability.js';
import { intervalMinutes, memberIds, slotMinutes, toMinutes } from './calendar-model.js';
import { localDate } from './time-zone.js';

const MINUTE = 60_000;
const NOTICE_UNITS: Record<string, number> = { hours: 60, days: 1440, weeks: 10_080, months: 43_200 };

/** Appointments that hold their time: not cancelled, not invalid. */
const holdsTime = (a: AppointmentRecord): boolean => a.appointmentStatus !== 'cancelled' && a.appointmentStatus !== 'invalid';

export interface FreeSlotQuery {
  readonly location: LocationState;
  readonly calendar: CalendarRecord;
  /** First and last instants a slot may start at (ms). */
  readonly from: number;
  readonly to: number;
  /** Only these team members (GHL's userId / userIds); all members otherwise. */
  readonly userIds?: readonly string[];
  /** The sandbox clock: no slot before now plus the calendar's minimum notice. */
  readonly now: number;
  /** An appointment that does not count as busy (the one being moved). */
  readonly ignoreEventId?: string;
}

/** One free slot: when it starts, and the team members free for it (empty for a calendar without members). */
export interface FreeSlot {
  readonly start: number;
  readonly userIds: readonly string[];
}

interface Busy {
  readonly start: number;
  readonly end: number;
  readonly calendarId: string;
}

function overlap(a: Window, start: number, end: number): boolean {
  return a.start < end && a.end > start;
}

/** Earliest and latest start GHL allows: the minimum scheduling notice and the booking horizon. */
function bookingWindow(calendar: CalendarRecord, now: number): Window {
  const notice = toMinutes(calendar['allowBookingAfter'], 'mins') * (NOTICE_UNITS[String(calendar['allowBookingAfterUnit'] ?? 'hours')] ?? 60);
  const horizon = toMinutes(calendar['allowBookingFor'], 'mins') * (NOTICE_UNITS[String(calendar['allowBookingForUnit'] ?? 'days')] ?? 1440);
  return { start: now + notice * MINUTE, end: horizon > 0 ? now + horizon * MINUTE : Number.POSITIVE_INFINITY };
}

/**
 * The slots a calendar offers between `from` and `to`, as GHL computes free slots: slot starts step
 * by the slot interval from each opening of the calendar's availability (its open hours, custom
 * dates, or a member's schedule), each slot lasting the slot duration; a slot is free when a team
 * member is open then, has no appointment (on any calendar) or blocked slot within the slot plus
 * the calendar's buffers, and the calendar has room (appoinmentPerSlot bookings per member, or
 * seats on a class_booking calendar; appoinmentPerDay per day).
 */
export function freeSlots(q: FreeSlotQuery): FreeSlot[] {
  const { location, calendar } = q;
  const duration = slotMinutes(calendar) * MINUTE;
  const step = intervalMinutes(calendar) * MINUTE;
  const before = toMinutes(calendar['preBuffer'], calendar['preBufferUnit']) * MINUTE;
  const after = toMinutes(calendar['slotBuffer'], calendar['slotBufferUnit']) * MINUTE;
  const perSlot = typeof calendar.appoinmentPerSlot === 'number' && calendar.appoinmentPerSlot > 0 ? calendar.appoinmentPerSlot : 1;
  const perDay = typeof calendar['appoinmentPerDay'] === 'number' && calendar['appoinmentPerDay'] > 0 ? calendar['appoinmentPerDay'] : Number.POSITIVE_INFINITY;
  const isClass = calendar.calendarType === 'class_booking';
  const limits = bookingWindow(calendar, q.now);

  const active = [...location.appointments.values()].filter((a) => holdsTime(a) && a.id !== q.ignoreEventId);
  const calendarEvents = active.filter((a) => a.calendarId === calendar.id);
  const perDayCount = new Map<string, number>();
  for (const a of calendarEvents) {
    const day = localDate(location.timezone, Date.parse(a.startTime));
    perDayCount.set(day, (perDayCount.get(day) ?? 0) + 1);
  }
  const blocks = [...location.blockedSlots.values()];
  const blockedFor = (userId: string | undefined): Window[] =>
    blocks
      .filter((b) => (b.calendarId === calendar.id && (b.assignedUserId === undefined || b.assignedUserId === userId)) || (b.calendarId === undefined && userId !== undefined && b.assignedUserId === userId))
      .map((b) => ({ start: Date.parse(b.startTime), end: Date.parse(b.endTime) }));
  const busyFor = (userId: string | undefined): Busy[] =>
    (userId === undefined || isClass ? calendarEvents : active.filter((a) => a.assignedUserId === userId)).map((a) => ({
      start: Date.parse(a.startTime),
      end: Date.parse(a.endTime),
      calendarId: a.calendarId,
    }));

  const allMembers = memberIds(calendar).filter((id) => location.users.get(id)?.deleted === false);
  const members: (string | undefined)[] = isClass || allMembers.length === 0 ? [undefined] : allMembers.filter((id) => q.userIds === undefined || q.userIds.includes(id));
  const free = new Map<number, string[]>();
  for (const member of members) {
    const blocked = blockedFor(member);
    const busy = busyFor(member);
    for (const open of availableWindows(location, calendar, isClass ? undefined : member, q.from - duration, q.to + duration)) {
      for (let start = open.start; start + duration <= open.end; start += step) {
        const end = start + duration;
        if (start < q.from || start > q.to || start < limits.start || start > limits.end) continue;
        if ((perDayCount.get(localDate(location.timezone, start)) ?? 0) >= perDay) continue;
        if (blocked.some((b) => overlap(b, start, end))) continue;
        // Buffers go around every booking, the one asked about and those already made.
        const clashes = busy.filter((b) => overlap(b, start - before, end + after) || overlap({ start: b.start - before, end: b.end + after }, start, end));
        // Bookings on this calendar share the slot up to its capacity; any other booking blocks it.
        const foreign = clashes.some((b) => b.calendarId !== calendar.id);
        if (foreign || clashes.length >= perSlot) continue;
        const users = free.get(start) ?? [];
        if (member !== undefined) users.push(member);
        free.set(start, users);
      }
    }
  }
  return [...free.entries()].sort(([a], [b]) => a - b).map(([start, userIds]) => ({ start, userIds }));
}
