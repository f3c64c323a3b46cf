import jsonata from 'jsonata';
import { closestNames } from '../../catalog/closest-names.js';
import type { ExpressionFunction } from '../expression-compiler.js';
import { FunctionArgumentError } from './function-argument-error.js';

/**
 * Time-zone functions on IANA names (`America/Chicago`), with the platform's Intl and its zone
 * data (Node's ICU, a browser's): no library, and the rules are as current as the runtime.
 * A time is an ISO 8601 instant with `Z` or an offset (`2025-03-09T15:00:00Z`,
 * `2025-03-09T09:00:00-06:00`), as `$now()` gives, or milliseconds since 1970 (`$millis()`);
 * no time (a missing field) gives nothing. A wall time without an offset is refused: which zone
 * it is in is the question these functions answer.
 */

/** A gym's zone usually comes from `$config.timeZone`; this is what the hints say. */
const ZONE_HINT = 'Give an IANA time zone name such as "America/Chicago" or "Europe/London" (a gym\'s is usually $config.timeZone).';
/** Pictures longer than this are refused: a format is a few dozen characters. */
const MAX_PICTURE_LENGTH = 200;
/** Formatters are kept per zone (and per Intl options); this bounds the cache. */
const MAX_CACHED = 500;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** The parts of an instant's wall time in a zone. */
export interface ZonedParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** English name, `Monday` to `Sunday`. */
  readonly weekday: string;
  /** ISO 8601 weekday: 1 Monday to 7 Sunday. */
  readonly weekdayNumber: number;
  /** `YYYY-MM-DD`, the local date. */
  readonly date: string;
  /** `+02:00`-style offset from UTC at that instant. */
  readonly offset: string;
  /** The zone's canonical name. */
  readonly zone: string;
}

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Short names that are zones of their own: UTC. Other abbreviations are refused (see partsFormat). */
const FIXED_ZONES = new Set(['UTC', 'GMT', 'UCT', 'ZULU']);
/** What people usually mean by an abbreviation, for the hint. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  EST: 'America/New_York', EDT: 'America/New_York', CST: 'America/Chicago', CDT: 'America/Chicago',
  MST: 'America/Denver', MDT: 'America/Denver', PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles',
  AKST: 'America/Anchorage', HST: 'Pacific/Honolulu', AST: 'America/Halifax', BST: 'Europe/London',
  CET: 'Europe/Berlin', CEST: 'Europe/Berlin', AEST: 'Australia/Sydney', AEDT: 'Australia/Sydney', IST: 'Asia/Kolkata',
};

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MAX_CACHED) cache.clear();
    value = make();
    cache.set(key, value);
  }
  return value;
}

function zoneNames(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported ? supported('timeZone') : [];
}

/** The formatter of a zone's wall-time parts; a name Intl does not know fails the expression, with the nearest names. */
function partsFormat(zone: unknown, functionName: string): Intl.DateTimeFormat {
  if (typeof zone !== 'string' || zone.trim() === '') {
    throw new FunctionArgumentError('time.bad-zone', `$${functionName}: the time zone must be an IANA name such as "America/Chicago"${zone === undefined ? ', and none was given' : `, not ${JSON.stringify(zone)}`}`, ZONE_HINT);
  }
  if (/^[A-Za-z]{2,5}$/.test(zone) && !FIXED_ZONES.has(zone.toUpperCase())) {
    const meant = ABBREVIATIONS[zone.toUpperCase()];
    throw new FunctionArgumentError(
      'time.unknown-zone',
      `$${functionName}: "${zone}" is an abbreviation, not a time zone: it does not say when daylight saving time applies (Intl reads EST as Panama, which has none)`,
      `${meant ? `Did you mean "${meant}"? ` : ''}${ZONE_HINT}`,
    );
  }
  return cached(partsFormats, zone, () => {
    try {
      return new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        weekday: 'long',
        era: 'short',
      });
    } catch {
      const closest = zone.length <= 64 ? closestNames(zone, zoneNames(), 3) : [];
      throw new FunctionArgumentError(
        'time.unknown-zone',
        `$${functionName}: "${zone.slice(0, 64)}" is not a time zone`,
        `${closest.length ? `Did you mean ${closest.map((name) => `"${name}"`).join(', ')}? ` : ''}${ZONE_HINT}`,
      );
    }
  });
}

/** Milliseconds since 1970 of a time argument; undefined for no time. */
function instantOf(time: unknown, functionName: string): number | undefined {
  if (time === undefined || time === null) return undefined;
  if (typeof time === 'number') {
    if (Number.isFinite(time) && Math.abs(time) <= 8.64e15) return Math.trunc(time);
    throw new FunctionArgumentError('time.unreadable', `$${functionName}: ${String(time)} is not a time in milliseconds`, 'Give milliseconds since 1970 ($millis(), $toMillis(...)) or an ISO 8601 time with Z or an offset.');
  }
  if (typeof time === 'string') {
    const match = ISO_INSTANT.exec(time.trim());
    if (match) {
      const [, year, month, day, hour, minute, second, fraction, offset] = match as unknown as [string, string, string, string, string, string, string | undefined, string | undefined, string];
      const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second ?? 0), Number((fraction ?? '0').padEnd(3, '0').slice(0, 3)));
      const fields = new Date(wall);
      const real = fields.getUTCFullYear() === Number(year) && fields.getUTCMonth() === Number(month) - 1 && fields.getUTCDate() === Number(day) && Number(hour) < 24 && Number(minute) < 60 && Number(second ?? 0) < 60;
      if (real) return wall - offsetMinutesOf(offset) * 60_000;
    }
    const shown = time.length > 60 ? `${time.slice(0, 57)}...` : time;
    const wallTime = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(time.trim());
    throw new FunctionArgumentError(
      'time.unreadable',
      `$${functionName}: "${shown}" is not ${wallTime ? 'an instant: it has no Z or offset' : 'an ISO 8601 time'}`,
      wallTime
        ? 'Add Z or an offset ("2025-03-09T09:00:00Z"), or give milliseconds; a wall time in a zone is what $toZonedParts gives, not what these functions take.'
        : 'Give an ISO 8601 time with Z or an offset ("2025-03-09T15:00:00Z", as $now() gives) or milliseconds since 1970 ($millis()).',
    );
  }
  throw new FunctionArgumentError('time.unreadable', `$${functionName}: the time must be an ISO 8601 string or milliseconds, not ${Array.isArray(time) ? 'an array' : typeof time}`, 'Give an ISO 8601 time with Z or an offset, or milliseconds since 1970.');
}

function offsetMinutesOf(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: string;
  /** Minutes east of UTC. */
  readonly offsetMinutes: number;
}

function wallTimeOf(millis: number, format: Intl.DateTimeFormat): WallTime {
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(millis)) parts[part.type] = part.value;
  const bc = parts['era'] === 'BC' || parts['era'] === 'B';
  const year = bc ? 1 - Number(parts['year']) : Number(parts['year']);
  const wall = { year, month: Number(parts['month']), day: Number(parts['day']), hour: Number(parts['hour']), minute: Number(parts['minute']), second: Number(parts['second']) };
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  asUtc.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  const wholeSecond = Math.floor(millis / 1000) * 1000;
  return { ...wall, weekday: parts['weekday'] ?? '', offsetMinutes: Math.round((asUtc.getTime() - wholeSecond) / 60_000) };
}

const two = (value: number) => String(value).padStart(2, '0');

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const size = Math.abs(minutes);
  return `${sign}${two(Math.floor(size / 60))}:${two(size % 60)}`;
}

function dateText(wall: Pick<WallTime, 'year' | 'month' | 'day'>): string {
  const year = wall.year >= 0 && wall.year <= 9999 ? String(wall.year).padStart(4, '0') : `${wall.year < 0 ? '-' : '+'}${String(Math.abs(wall.year)).padStart(6, '0')}`;
  return `${year}-${two(wall.month)}-${two(wall.day)}`;
}

/** `$zoneOffset(time, zone)`: the zone's offset from UTC at that instant, `-05:00`, `+01:00`, `+05:30` (`+00:00` for UTC). */
export function zoneOffset(time: unknown, zone: unknown): string | undefined {
  const format = partsFormat(zone, 'zoneOffset');
  const millis = instantOf(time, 'zoneOffset');
  return millis === undefined ? undefined : offsetText(wallTimeOf(millis, format).offsetMinutes);
}

/** `$toZonedParts(time, zone)`: the instant's wall time in the zone, as numbers and names (see ZonedParts). */
export function toZonedParts(time: unknown, zone: unknown): ZonedParts | undefined {
  const format = partsFormat(zone, 'toZonedParts');
  const millis = instantOf(time, 'toZonedParts');
  if (millis === undefined) return undefined;
  const wall = wallTimeOf(millis, format);
  const weekdayIndex = WEEKDAYS.indexOf(wall.weekday);
  return {
    year: wall.year,
    month: wall.month,
    day: wall.day,
    hour: wall.hour,
    minute: wall.minute,
    second: wall.second,
    weekday: wall.weekday,
    weekdayNumber: weekdayIndex + 1,
    date: dateText(wall),
    offset: offsetText(wall.offsetMinutes),
    zone: format.resolvedOptions().timeZone,
  };
}

/**
 * The first instant whose local date in the zone is the given one: local midnight, or, where a
 * daylight-saving change skips midnight (e.g. America/Santiago), the instant the day starts.
 */
function startOfLocalDay(date: Pick<WallTime, 'year' | 'month' | 'day'>, format: Intl.DateTimeFormat): number {
  const day = new Date(0);
  day.setUTCFullYear(date.year, date.month - 1, date.day);
  const wallMidnight = day.getTime();
  const wanted = dateText(date);
  const isMidnight = (millis: number) => {
    const wall = wallTimeOf(millis, format);
    return wall.hour === 0 && wall.minute === 0 && wall.second === 0 && dateText(wall) === wanted;
  };
  // Local midnight at the offset of the day before or of the day after: both when a change went
  // back over midnight (the earlier one starts the day), neither when a change skipped it.
  const candidates = [wallMidnight - DAY_MS, wallMidnight + DAY_MS].map((around) => wallMidnight - wallTimeOf(around, format).offsetMinutes * 60_000).filter(isMidnight);
  if (candidates.length > 0) return Math.min(...candidates);
  // Midnight fell in a gap: the day starts at the change, found by halving (offsets are within a day).
  let low = wallMidnight - DAY_MS;
  let high = wallMidnight + DAY_MS;
  while (high - low > 1_000) {
    const middle = low + Math.floor((high - low) / 2_000) * 1_000;
    if (dateText(wallTimeOf(middle, format)) >= wanted) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * `$startOfDayInZone(time, zone)`: the instant the local day of `time` began in the zone (local
 * midnight), as an ISO 8601 instant in UTC (`2025-03-09T06:00:00.000Z` for a time that day in
 * America/Chicago), like `$now()`.
 */
export function startOfDayInZone(time: unknown, zone: unknown): string | undefined {
  const format = partsFormat(zone, 'startOfDayInZone');
  const millis = instantOf(time, 'startOfDayInZone');
  if (millis === undefined) return undefined;
  return new Date(startOfLocalDay(wallTimeOf(millis, format), format)).toISOString();
}

/** JSONata's own `$fromMillis`, for XPath pictures: Flowline gives it the zone's offset at the instant. */
let fromMillis: jsonata.Expression | undefined;

const optionsFormats = new Map<string, Intl.DateTimeFormat>();

/** Intl options a picture object may set (besides `locale`); `timeZone` is the zone argument's. */
const INTL_OPTIONS = new Set(['dateStyle', 'timeStyle', 'weekday', 'era', 'year', 'month', 'day', 'hour', 'minute', 'second', 'fractionalSecondDigits', 'hour12', 'hourCycle', 'timeZoneName', 'dayPeriod']);

function intlFormat(options: Record<string, unknown>, zone: string): Intl.DateTimeFormat {
  const unknown = Object.keys(options).filter((key) => key !== 'locale' && !INTL_OPTIONS.has(key));
  if (unknown.length > 0) {
    throw new FunctionArgumentError('time.bad-picture', `$formatInZone: ${unknown.map((key) => `"${key}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not Intl.DateTimeFormat options`, `Use locale and Intl.DateTimeFormat options: ${[...INTL_OPTIONS].join(', ')}; the zone is the second argument.`);
  }
  const { locale = 'en-US', ...rest } = options;
  const key = `${zone}\u0000${JSON.stringify(options)}`;
  return cached(optionsFormats, key, () => {
    try {
      return new Intl.DateTimeFormat(locale as string, { ...(rest as Intl.DateTimeFormatOptions), timeZone: zone });
    } catch (error) {
      throw new FunctionArgumentError('time.bad-picture', `$formatInZone: the Intl options ${JSON.stringify(options).slice(0, 120)} cannot be used: ${error instanceof Error ? error.message : String(error)}`, 'Use a locale such as "en-US" and Intl.DateTimeFormat option values, e.g. {"dateStyle": "full", "timeStyle": "short"}.');
    }
  });
}

/**
 * `$formatInZone(time, zone, picture?)`: the instant as a wall time in the zone, as text.
 * - no picture: ISO 8601 with the zone's offset, `2025-03-09T09:30:00.000-05:00`;
 * - a string: an XPath picture, as `$fromMillis` takes it (`[Y0001]-[M01]-[D01]`,
 *   `[FNn], [MNn] [D1o] at [h]:[m01][P]`), read in the zone;
 * - an object: `locale` (default `en-US`) and Intl.DateTimeFormat options
 *   (`{"dateStyle": "full", "timeStyle": "short"}` gives `Sunday, March 9, 2025 at 9:30 AM`).
 */
export async function formatInZone(time: unknown, zone: unknown, picture?: unknown): Promise<string | undefined> {
  const format = partsFormat(zone, 'formatInZone');
  const millis = instantOf(time, 'formatInZone');
  if (millis === undefined) return undefined;
  if (picture !== undefined && picture !== null && typeof picture === 'object' && !Array.isArray(picture)) {
    return intlFormat(picture as Record<string, unknown>, format.resolvedOptions().timeZone).format(millis);
  }
  if (picture !== undefined && picture !== null && typeof picture !== 'string') {
    throw new FunctionArgumentError('time.bad-picture', `$formatInZone: the picture must be a string or an object of Intl options, not ${Array.isArray(picture) ? 'an array' : typeof picture}`, 'Leave it out for ISO 8601, give an XPath picture ("[Y0001]-[M01]-[D01]") or Intl options ({"dateStyle": "medium"}).');
  }
  if (typeof picture === 'string' && picture.length > MAX_PICTURE_LENGTH) {
    throw new FunctionArgumentError('time.bad-picture', `$formatInZone: the picture is ${picture.length} characters long, more than ${MAX_PICTURE_LENGTH}`, 'A picture is a short pattern such as "[Y0001]-[M01]-[D01] [H01]:[m01]".');
  }
  const offset = offsetText(wallTimeOf(millis, format).offsetMinutes).replace(':', '');
  fromMillis ??= jsonata('$fromMillis($millis, $picture, $offset)');
  try {
    return (await fromMillis.evaluate({}, { millis, picture: picture ?? undefined, offset })) as string;
  } catch (error) {
    const message = (error as { message?: unknown } | null)?.message;
    throw new FunctionArgumentError('time.bad-picture', `$formatInZone: the picture "${String(picture)}" cannot be used: ${typeof message === 'string' ? message : String(error)}`, 'Write an XPath picture as $fromMillis takes it, e.g. "[Y0001]-[M01]-[D01] [H01]:[m01]" or "[FNn], [MNn] [D1o]".');
  }
}

const signature = '<(sn)s:s>';

export const TIME_ZONE_FUNCTIONS: Readonly<Record<string, ExpressionFunction>> = {
  formatInZone: { implementation: formatInZone as (...args: never[]) => unknown, signature: '<(sn)s(so)?:s>' },
  startOfDayInZone: { implementation: startOfDayInZone as (...args: never[]) => unknown, signature },
  toZonedParts: { implementation: toZonedParts as (...args: never[]) => unknown, signature: '<(sn)s:o>' },
  zoneOffset: { implementation: zoneOffset as (...args: never[]) => unknown, signature },
};
