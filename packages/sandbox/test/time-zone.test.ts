import { describe, expect, it } from 'vitest';
import { formatInZone, isTimeZone, localDate, zonedTimeToUtc } from '../src/ghl/model/time-zone.js';

/** Wall-clock arithmetic with Intl, where free slots get their instants. */
describe('time zones', () => {
  it('turns a wall-clock time into its instant, with the offset of that day', () => {
    expect(new Date(zonedTimeToUtc('America/Chicago', 2030, 1, 7, 9, 0) ?? 0).toISOString()).toBe('2030-01-07T15:00:00.000Z');
    expect(new Date(zonedTimeToUtc('America/Chicago', 2030, 7, 8, 9, 0) ?? 0).toISOString()).toBe('2030-07-08T14:00:00.000Z');
    expect(new Date(zonedTimeToUtc('Asia/Kathmandu', 2030, 1, 7, 9, 0) ?? 0).toISOString()).toBe('2030-01-07T03:15:00.000Z');
  });

  it('has no instant for a time the spring-forward jump skips, and the first for one the fall-back repeats', () => {
    expect(zonedTimeToUtc('America/Chicago', 2030, 3, 10, 2, 30)).toBeUndefined();
    expect(new Date(zonedTimeToUtc('America/Chicago', 2030, 11, 3, 1, 30) ?? 0).toISOString()).toBe('2030-11-03T06:30:00.000Z');
  });

  it('writes an instant as GHL writes slots, with the zone\'s offset, and names its local date', () => {
    expect(formatInZone('America/Chicago', Date.parse('2030-01-07T15:00:00Z'))).toBe('2030-01-07T09:00:00-06:00');
    expect(formatInZone('Asia/Kolkata', Date.parse('2030-01-07T15:00:00Z'))).toBe('2030-01-07T20:30:00+05:30');
    expect(localDate('America/Chicago', Date.parse('2030-01-08T03:00:00Z'))).toBe('2030-01-07');
  });

  it('knows the zones Intl knows', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
