import { describe, expect, it } from 'vitest';
import { addDuration, parseIsoDuration, parseIsoTime, suggestIsoDuration } from '../src/steps/delay-time.js';

const at = (iso: string) => Date.parse(iso);

describe('delay durations and times', () => {
  it('reads ISO 8601 durations, and refuses what is not one', () => {
    expect(parseIsoDuration('P3D')).toMatchObject({ days: 3, hours: 0 });
    expect(parseIsoDuration('PT2H30M')).toMatchObject({ hours: 2, minutes: 30, months: 0 });
    expect(parseIsoDuration('P1W')).toMatchObject({ weeks: 1 });
    expect(parseIsoDuration('PT0.5S')).toMatchObject({ seconds: 0.5 });
    for (const bad of ['PT3D', 'P', 'PT', '3D', 'P2H', 'p3d', 'P-1D']) expect(parseIsoDuration(bad), bad).toBeUndefined();
  });

  it('suggests the duration a near miss meant', () => {
    expect(suggestIsoDuration('PT3D')).toBe('P3D');
    expect(suggestIsoDuration('P2H')).toBe('PT2H');
    expect(suggestIsoDuration('P1DT')).toBe('P1D');
    expect(suggestIsoDuration('p3d')).toBe('P3D');
    expect(suggestIsoDuration('3 days')).toBe('P3D');
    expect(suggestIsoDuration('90 minutes')).toBe('PT90M');
    expect(suggestIsoDuration('soon')).toBeUndefined();
  });

  it('adds months on the UTC calendar (31 January + P1M is 28 February) and the rest as fixed lengths', () => {
    expect(addDuration(at('2026-01-31T09:00:00Z'), parseIsoDuration('P1M')!)).toBe(at('2026-02-28T09:00:00Z'));
    expect(addDuration(at('2026-03-07T12:00:00Z'), parseIsoDuration('P3DT2H')!)).toBe(at('2026-03-10T14:00:00Z'));
  });

  it('reads a time only with its offset', () => {
    expect(parseIsoTime('2026-12-24T09:00:00-05:00')).toBe(at('2026-12-24T14:00:00Z'));
    expect(parseIsoTime('2026-12-24T09:00Z')).toBe(at('2026-12-24T09:00:00Z'));
    expect(parseIsoTime('2026-12-24T09:00:00')).toBeUndefined();
    expect(parseIsoTime('2026-02-30T09:00:00Z')).toBeUndefined();
  });
});
