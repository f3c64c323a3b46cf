/** Wall-clock arithmetic in IANA time zones with Intl only (no zone database of our own). */

export interface LocalParts {
  readonly year: number;
  /** 1-12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday ... 6 = Saturday, as GHL's `daysOfTheWeek`. */
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether Intl knows `zone` (e.g. `America/Chicago`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `zone` at the instant `utcMs`. */
export function localParts(zone: string, utcMs: number): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(new Date(utcMs))) parts[p.type] = p.value;
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    second: Number(parts['second']),
    weekday: WEEKDAYS.indexOf(parts['weekday'] ?? ''),
  };
}

/** Minutes `zone` is ahead of UTC at the instant `utcMs` (Chicago in winter: -360). */
export function offsetMinutes(zone: string, utcMs: number): number {
  const p = localParts(zone, utcMs);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/**
 * The instant the wall clock in `zone` shows the given local time; `undefined` for a time a DST jump
 * skips. A time that happens twice (clocks going back) maps to its first occurrence.
 */
export function zonedTimeToUtc(zone: string, year: number, month: number, day: number, hour: number, minute: number): number | undefined {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes settle the offset when the first guess crossed a transition.
  let guess = wall - offsetMinutes(zone, wall) * 60_000;
  guess = wall - offsetMinutes(zone, guess) * 60_000;
  const earlier = wall - offsetMinutes(zone, guess - 3_600_000) * 60_000;
  if (earlier < guess && showsTime(zone, earlier, hour, minute)) return earlier;
  return showsTime(zone, guess, hour, minute) ? guess : undefined;
}

function showsTime(zone: string, utcMs: number, hour: number, minute: number): boolean {
  const p = localParts(zone, utcMs);
  return p.hour === hour && p.minute === minute;
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** `YYYY-MM-DD` of the instant in `zone`. */
export function localDate(zone: string, utcMs: number): string {
  const p = localParts(zone, utcMs);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** ISO 8601 with the zone's offset, as GHL writes slots: `2024-10-28T10:00:00-05:00`. */
export function formatInZone(zone: string, utcMs: number): string {
  const p = localParts(zone, utcMs);
  const offset = offsetMinutes(zone, utcMs);
  const sign = offset < 0 ? '-' : '+';
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** The calendar day after `year-month-day`. */
export function nextDay(year: number, month: number, day: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
