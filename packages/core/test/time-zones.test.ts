import { describe, expect, it } from 'vitest';
import { ExpressionCompiler, ExpressionError } from '../src/index.js';
import { formatInZone, startOfDayInZone, toZonedParts, zoneOffset } from '../src/expressions/functions/time-zones.js';
import { createExpressionWorkers } from '../src/expressions/worker/expression-workers.js';
import { customerEvent, echo, testEngine, workflow } from './fixtures.js';

const compiler = new ExpressionCompiler();
const POINTER = '/steps/0/value';
const evaluate = (source: string, input: unknown = {}, bindings: Record<string, unknown> = {}) => compiler.compile(source, POINTER).evaluate(input, bindings, POINTER);
const failure = async (source: string): Promise<ExpressionError> => {
  try {
    await evaluate(source);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`${source} did not fail`);
};
const HOUR = 3_600_000;

describe('$zoneOffset', () => {
  it('changes at the instant America/Chicago starts daylight saving time (2 am on March 9, 2025)', () => {
    expect(zoneOffset('2025-03-09T07:59:59Z', 'America/Chicago')).toBe('-06:00');
    expect(zoneOffset('2025-03-09T08:00:00Z', 'America/Chicago')).toBe('-05:00');
  });

  it('changes back at the instant America/Chicago ends it (2 am on November 2, 2025)', () => {
    expect(zoneOffset('2025-11-02T06:59:59Z', 'America/Chicago')).toBe('-05:00');
    expect(zoneOffset('2025-11-02T07:00:00Z', 'America/Chicago')).toBe('-06:00');
  });

  it('changes at the instants Europe/London starts and ends summer time (1 am UTC, March 30 and October 26, 2025)', () => {
    expect(zoneOffset('2025-03-30T00:59:59Z', 'Europe/London')).toBe('+00:00');
    expect(zoneOffset('2025-03-30T01:00:00Z', 'Europe/London')).toBe('+01:00');
    expect(zoneOffset('2025-10-26T00:59:59Z', 'Europe/London')).toBe('+01:00');
    expect(zoneOffset('2025-10-26T01:00:00Z', 'Europe/London')).toBe('+00:00');
  });

  it('gives half-hour offsets and +00:00 for UTC', () => {
    expect(zoneOffset('2025-01-15T12:00:00Z', 'Asia/Kolkata')).toBe('+05:30');
    expect(zoneOffset('2025-01-15T12:00:00Z', 'UTC')).toBe('+00:00');
  });
});

describe('times the functions take', () => {
  it('takes milliseconds, as $millis() gives', () => {
    expect(zoneOffset(Date.UTC(2025, 6, 1), 'America/Chicago')).toBe('-05:00');
  });

  it('takes ISO 8601 instants with Z or an offset, with or without seconds, fractions and the colon', () => {
    const same = ['2025-03-09T15:00:00Z', '2025-03-09T15:00Z', '2025-03-09T15:00:00.000Z', '2025-03-09T10:00:00-05:00', '2025-03-09T10:00:00-0500', '2025-03-09T15:00:00.123456+00:00'];
    expect(same.map((time) => toZonedParts(time, 'America/Chicago')?.hour)).toEqual([10, 10, 10, 10, 10, 10]);
  });

  it('takes $now()', async () => {
    expect(await evaluate("$zoneOffset($now(), 'UTC')")).toBe('+00:00');
  });

  it('gives nothing for no time, so a missing field stays missing', async () => {
    expect(await evaluate("$formatInZone(missing, 'America/Chicago')")).toBeUndefined();
    expect(await evaluate("$startOfDayInZone(missing, 'America/Chicago')")).toBeUndefined();
    expect(await evaluate("$toZonedParts(missing, 'America/Chicago')")).toBeUndefined();
    expect(await evaluate("$zoneOffset(missing, 'America/Chicago')")).toBeUndefined();
  });
});

describe('$toZonedParts', () => {
  it('gives the wall time in the zone with its weekday, date and offset', () => {
    expect(toZonedParts('2025-03-09T15:04:05Z', 'America/Chicago')).toEqual({
      year: 2025, month: 3, day: 9, hour: 10, minute: 4, second: 5, weekday: 'Sunday', weekdayNumber: 7, date: '2025-03-09', offset: '-05:00', zone: 'America/Chicago',
    });
  });

  it('tells apart the two 1:30 am of the night America/Chicago ends daylight saving time by their offsets', () => {
    const first = toZonedParts('2025-11-02T06:30:00Z', 'America/Chicago');
    const second = toZonedParts('2025-11-02T07:30:00Z', 'America/Chicago');
    expect([first?.hour, first?.minute, first?.offset]).toEqual([1, 30, '-05:00']);
    expect([second?.hour, second?.minute, second?.offset]).toEqual([1, 30, '-06:00']);
  });

  it('skips the hour Europe/London loses: 00:59:59 GMT is followed by 02:00 BST', () => {
    expect(toZonedParts('2025-03-30T00:59:59Z', 'Europe/London')).toMatchObject({ hour: 0, minute: 59, offset: '+00:00' });
    expect(toZonedParts('2025-03-30T01:00:00Z', 'Europe/London')).toMatchObject({ hour: 2, minute: 0, offset: '+01:00' });
  });

  it('gives the local date, which is not the UTC date late in the evening west of Greenwich', () => {
    expect(toZonedParts('2025-03-10T03:00:00Z', 'America/Chicago')).toMatchObject({ date: '2025-03-09', weekday: 'Sunday', hour: 22 });
  });

  it('gives the canonical name of the zone it was given another name of', () => {
    expect(toZonedParts(0, 'US/Central')?.zone).toBe('America/Chicago');
  });

  it('is a JSONata object paths reach into', async () => {
    expect(await evaluate("$toZonedParts('2025-12-24T18:00:00Z', 'Europe/London').weekday")).toBe('Wednesday');
  });
});

describe('$startOfDayInZone', () => {
  it('gives local midnight as a UTC instant', () => {
    expect(startOfDayInZone('2025-01-15T20:00:00Z', 'America/Chicago')).toBe('2025-01-15T06:00:00.000Z');
    expect(startOfDayInZone('2025-07-15T20:00:00Z', 'America/Chicago')).toBe('2025-07-15T05:00:00.000Z');
  });

  it('gives the start of the local day, not of the UTC day, late in the evening', () => {
    expect(startOfDayInZone('2025-03-10T03:00:00Z', 'America/Chicago')).toBe('2025-03-09T06:00:00.000Z');
  });

  it('makes the day America/Chicago starts daylight saving time 23 hours long, and the day it ends 25', () => {
    const spring = [startOfDayInZone('2025-03-09T12:00:00Z', 'America/Chicago'), startOfDayInZone('2025-03-10T12:00:00Z', 'America/Chicago')];
    expect(spring).toEqual(['2025-03-09T06:00:00.000Z', '2025-03-10T05:00:00.000Z']);
    expect(Date.parse(spring[1] as string) - Date.parse(spring[0] as string)).toBe(23 * HOUR);
    const autumn = [startOfDayInZone('2025-11-02T12:00:00Z', 'America/Chicago'), startOfDayInZone('2025-11-03T12:00:00Z', 'America/Chicago')];
    expect(autumn).toEqual(['2025-11-02T05:00:00.000Z', '2025-11-03T06:00:00.000Z']);
    expect(Date.parse(autumn[1] as string) - Date.parse(autumn[0] as string)).toBe(25 * HOUR);
  });

  it('gives midnight GMT on the day Europe/London starts summer time, and midnight BST the day after', () => {
    expect(startOfDayInZone('2025-03-30T12:00:00Z', 'Europe/London')).toBe('2025-03-30T00:00:00.000Z');
    expect(startOfDayInZone('2025-03-31T12:00:00Z', 'Europe/London')).toBe('2025-03-30T23:00:00.000Z');
    expect(startOfDayInZone('2025-10-26T12:00:00Z', 'Europe/London')).toBe('2025-10-25T23:00:00.000Z');
  });

  it('gives the instant the day starts where the change to summer time skips midnight (America/Santiago: 1 am)', () => {
    expect(startOfDayInZone('2022-09-11T12:00:00Z', 'America/Santiago')).toBe('2022-09-11T04:00:00.000Z');
  });

  it('gives the first of two midnights where the change back repeats the hour after midnight (America/Havana)', () => {
    expect(startOfDayInZone('2024-11-03T12:00:00Z', 'America/Havana')).toBe('2024-11-03T04:00:00.000Z');
  });

  it('is what a workflow compares times with: whether a check-in was today in the gym\'s zone', async () => {
    const today = "$toMillis(checkedInAt) >= $toMillis($startOfDayInZone(now, $config.timeZone))";
    const bindings = { config: { timeZone: 'America/Chicago' } };
    expect(await evaluate(today, { checkedInAt: '2025-03-09T06:30:00Z', now: '2025-03-09T20:00:00Z' }, bindings)).toBe(true);
    expect(await evaluate(today, { checkedInAt: '2025-03-09T05:30:00Z', now: '2025-03-09T20:00:00Z' }, bindings)).toBe(false);
  });
});

describe('$formatInZone', () => {
  it('gives ISO 8601 with the zone\'s offset when no picture is given', async () => {
    expect(await formatInZone('2025-03-09T15:00:00Z', 'America/Chicago')).toBe('2025-03-09T10:00:00.000-05:00');
    expect(await formatInZone('2025-03-09T07:00:00Z', 'America/Chicago')).toBe('2025-03-09T01:00:00.000-06:00');
  });

  it('takes an XPath picture as $fromMillis does, in the zone', async () => {
    expect(await formatInZone('2025-03-09T15:00:00Z', 'America/Chicago', '[Y0001]-[M01]-[D01] [H01]:[m01]')).toBe('2025-03-09 10:00');
    expect(await formatInZone('2025-10-26T00:30:00Z', 'Europe/London', '[FNn], [MNn] [D1o] at [h]:[m01][P] [Z]')).toBe('Sunday, October 26th at 1:30am +01:00');
  });

  it('takes Intl options and a locale', async () => {
    expect(await formatInZone('2025-03-09T15:30:00Z', 'America/Chicago', { hour: 'numeric', minute: '2-digit' })).toMatch(/^10:30\sAM$/u);
    expect(await formatInZone('2025-03-09T15:30:00Z', 'America/Chicago', { weekday: 'long' })).toBe('Sunday');
    expect(await formatInZone('2025-03-09T15:30:00Z', 'Europe/Berlin', { locale: 'de-DE', dateStyle: 'long' })).toBe('9. März 2025');
  });

  it('formats in the gym\'s zone from $config.timeZone in a run', async () => {
    const { engine } = testEngine({ save: echo }, { config: { timeZone: 'America/Chicago' } });
    const run = await engine.run(workflow([{ id: 'local', type: 'set', var: 'local', value: "$formatInZone($event.created * 1000, $config.timeZone, '[Y0001]-[M01]-[D01] [H01]:[m01]')" }]), customerEvent());
    // created 1764190000: 2025-11-26T20:46:40Z, 14:46 in Chicago (CST).
    expect(run.steps.find((step) => step.stepId === 'local')?.output).toBe('2025-11-26 14:46');
  });
});

describe('a zone or time that is a mistake fails the expression, with what to write instead', () => {
  it('names an unknown zone and suggests the nearest names', async () => {
    const error = await failure("$formatInZone($now(), 'America/Chicgo')");
    expect(error).toMatchObject({ code: 'expression.evaluation', jsonataCode: 'time.unknown-zone', pointer: POINTER });
    expect(error.message).toContain('"America/Chicgo" is not a time zone');
    expect(error.hint).toContain('Did you mean "America/Chicago"');
  });

  it('refuses an abbreviation such as EST, which Intl reads as a zone without daylight saving time, and suggests the IANA name', async () => {
    const error = await failure("$startOfDayInZone($now(), 'EST')");
    expect(error).toMatchObject({ jsonataCode: 'time.unknown-zone' });
    expect(error.message).toContain('"EST" is an abbreviation');
    expect(error.hint).toContain('"America/New_York"');
  });

  it('refuses no zone, and says a gym\'s zone is $config.timeZone', async () => {
    const error = await failure('$zoneOffset($now(), $config.timeZone)');
    expect(error).toMatchObject({ jsonataCode: 'time.bad-zone' });
    expect(error.message).toContain('none was given');
    expect(error.hint).toContain('$config.timeZone');
  });

  it('refuses a wall time without Z or an offset', async () => {
    const error = await failure("$toZonedParts('2025-03-09T10:00:00', 'America/Chicago')");
    expect(error).toMatchObject({ jsonataCode: 'time.unreadable' });
    expect(error.message).toContain('it has no Z or offset');
  });

  it('refuses text that is no time, and a date that does not exist', async () => {
    expect(await failure("$zoneOffset('next tuesday', 'UTC')")).toMatchObject({ jsonataCode: 'time.unreadable' });
    expect(await failure("$zoneOffset('2025-02-30T10:00:00Z', 'UTC')")).toMatchObject({ jsonataCode: 'time.unreadable' });
  });

  it('refuses a picture JSONata cannot read, an unknown Intl option and an overlong picture', async () => {
    expect(await failure("$formatInZone($now(), 'UTC', '[Q]')")).toMatchObject({ jsonataCode: 'time.bad-picture' });
    const option = await failure("$formatInZone($now(), 'UTC', {'timeZone': 'Asia/Tokyo'})");
    expect(option).toMatchObject({ jsonataCode: 'time.bad-picture' });
    expect(option.message).toContain('"timeZone" is not');
    expect(await failure(`$formatInZone($now(), 'UTC', '${'[Y]'.repeat(100)}')`)).toMatchObject({ jsonataCode: 'time.bad-picture' });
  });

  it('says the same in a worker thread, hint included', async () => {
    const workers = createExpressionWorkers({ ...new ExpressionCompiler().limits });
    const outcome = await workers.evaluate({ source: "$zoneOffset($, 'Europe/Londn')", input: '2025-01-01T00:00:00Z', bindings: {} });
    expect(outcome).toMatchObject({ ok: false, failure: { code: 'time.unknown-zone', hint: expect.stringContaining('"Europe/London"') } });
  });
});
