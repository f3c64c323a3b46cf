import type { DelayDuration } from '../generated/workflow.js';

/** A duration in calendar parts: years and months are added on the UTC calendar, the rest as fixed lengths. */
export interface DurationParts {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

const ISO_DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

/** An ISO 8601 duration (`P3D`, `PT2H30M`, `P1W`, `P1M`), else undefined. */
export function parseIsoDuration(text: string): DurationParts | undefined {
  const match = ISO_DURATION.exec(text);
  if (!match) return undefined;
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  return { years: years ?? 0, months: months ?? 0, weeks: weeks ?? 0, days: days ?? 0, hours: hours ?? 0, minutes: minutes ?? 0, seconds: seconds ?? 0 };
}

/** The duration of a delay's `for`, else undefined (a string that is not an ISO duration). */
export function durationOf(value: DelayDuration): DurationParts | undefined {
  if (typeof value === 'string') return parseIsoDuration(value);
  return { years: 0, months: 0, weeks: 0, days: value.days ?? 0, hours: value.hours ?? 0, minutes: value.minutes ?? 0, seconds: value.seconds ?? 0 };
}

const UNIT_WORDS: Readonly<Record<string, string>> = { d: 'D', day: 'D', days: 'D', w: 'W', week: 'W', weeks: 'W', h: 'H', hr: 'H', hrs: 'H', hour: 'H', hours: 'H', m: 'M', min: 'M', mins: 'M', minute: 'M', minutes: 'M', s: 'S', sec: 'S', secs: 'S', second: 'S', seconds: 'S' };

/** The ISO duration a near miss most likely meant (`PT3D` → `P3D`, `P2H` → `PT2H`, `3 days` → `P3D`, `p3d` → `P3D`), else undefined. */
export function suggestIsoDuration(text: string): string | undefined {
  const upper = text.trim().toUpperCase().replace(/\s+/g, '');
  if (parseIsoDuration(upper)) return upper === text ? undefined : upper;
  if (upper.startsWith('P')) {
    // Each unit to its half: years, months and days before T; hours, minutes and seconds after it.
    const date = new Map<string, string>();
    const time = new Map<string, string>();
    let afterT = false;
    for (const [token, amount, unit] of upper.slice(1).matchAll(/T|(\d+(?:\.\d+)?)([YMWDHS])/g)) {
      if (token === 'T') afterT = true;
      else if (amount !== undefined && unit !== undefined) {
        if (unit === 'H' || unit === 'S' || (unit === 'M' && afterT)) time.set(unit, amount);
        else date.set(unit, amount);
      }
    }
    const part = (units: string, found: Map<string, string>) => [...units].map((unit) => (found.has(unit) ? `${found.get(unit)}${unit}` : '')).join('');
    const candidate = `P${part('YMWD', date)}${time.size > 0 ? `T${part('HMS', time)}` : ''}`;
    if (candidate !== upper && parseIsoDuration(candidate)) return candidate;
  }
  const words = /^(\d+)\s*([a-z]+)$/i.exec(text.trim());
  const unit = words?.[2] === undefined ? undefined : UNIT_WORDS[words[2].toLowerCase()];
  if (words && unit) return unit === 'D' || unit === 'W' ? `P${words[1]}${unit}` : `PT${words[1]}${unit}`;
  return undefined;
}

/** `from` plus a duration: years and months on the UTC calendar (Jan 31 + P1M is the last of February), then the rest. */
export function addDuration(from: number, parts: DurationParts): number {
  const date = new Date(from);
  if (parts.years !== 0 || parts.months !== 0) {
    const day = date.getUTCDate();
    date.setUTCDate(1);
    date.setUTCMonth(date.getUTCMonth() + parts.years * 12 + parts.months);
    const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
    date.setUTCDate(Math.min(day, lastDay));
  }
  const fixedMs = ((((parts.weeks * 7 + parts.days) * 24 + parts.hours) * 60 + parts.minutes) * 60 + parts.seconds) * 1000;
  return date.getTime() + Math.round(fixedMs);
}

const ISO_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** An ISO time with its offset (`2026-12-24T09:00:00-05:00`, `...Z`) in ms since the epoch, else undefined (no offset, not a time). */
export function parseIsoTime(text: string): number | undefined {
  if (!ISO_TIME_WITH_OFFSET.test(text)) return undefined;
  // Date.parse rolls an impossible day over (30 February becomes 2 March): refuse it instead.
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `until` starting with `=` is JSONata; anything else is a literal time. */
export function untilExpression(until: string): string | undefined {
  return until.startsWith('=') ? until.slice(1) : undefined;
}
