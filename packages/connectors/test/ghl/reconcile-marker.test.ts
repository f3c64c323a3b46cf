import { describe, expect, it } from 'vitest';
import { carriesMarker, effectMarker, withMarker } from '../../src/ghl/reconcile/effect-marker.js';
import { sameStartTime } from '../../src/ghl/reconcile/appointment.js';
import { createTaskFinder } from '../../src/ghl/reconcile/task.js';

const KEY = 'wf.new-lead/createTask/evt_8f3e:ann@example.com';

describe('effect markers', () => {
  it('is the same for the same idempotency key', () => {
    expect(effectMarker(KEY)).toBe(effectMarker(KEY));
    expect(effectMarker(KEY)).toMatch(/^\[flowline:[0-9a-f]{12}\]$/);
  });

  it('differs between idempotency keys', () => {
    expect(effectMarker(`${KEY}-2`)).not.toBe(effectMarker(KEY));
  });

  it('does not reveal the key it was made from', () => {
    const marker = effectMarker(KEY);
    for (const part of KEY.split(/[./:@-]/).filter((p) => p.length > 2)) expect(marker).not.toContain(part);
  });

  it('refuses an empty key, which would give every request one marker', () => {
    expect(() => effectMarker('')).toThrow(/non-empty string/);
  });

  it('keeps the text above it intact', () => {
    expect(withMarker('Call Ann back.\nShe asked about prices.', '[flowline:0123456789ab]')).toBe(
      'Call Ann back.\nShe asked about prices.\n[flowline:0123456789ab]',
    );
  });

  it('is the whole text when there was none', () => {
    expect(withMarker(undefined, '[flowline:0123456789ab]')).toBe('[flowline:0123456789ab]');
    expect(withMarker('', '[flowline:0123456789ab]')).toBe('[flowline:0123456789ab]');
  });

  it('replaces a marker line already at the end instead of stacking a second', () => {
    expect(withMarker('Copied note\n[flowline:aaaaaaaaaaaa]', '[flowline:0123456789ab]')).toBe('Copied note\n[flowline:0123456789ab]');
  });

  it('is found in a body GHL reformatted', () => {
    expect(carriesMarker('<p>Call Ann back.</p><p>[flowline:0123456789ab]</p>', '[flowline:0123456789ab]')).toBe(true);
    expect(carriesMarker('Call Ann back.', '[flowline:0123456789ab]')).toBe(false);
    expect(carriesMarker(undefined, '[flowline:0123456789ab]')).toBe(false);
  });
});

describe('marking a task request', () => {
  const marker = effectMarker(KEY);

  it('adds the marker under the body and leaves the rest of the input alone', () => {
    const input = { path: { contactId: 'c1' }, body: { title: 'Call', body: 'Ask about prices', dueDate: '2025-01-01T10:00:00Z', completed: false } };
    expect(createTaskFinder.mark?.(input, marker)).toEqual({ ...input, body: { ...input.body, body: `Ask about prices\n${marker}` } });
    expect(input.body.body).toBe('Ask about prices');
  });

  it('creates the body with just the marker when the request has none', () => {
    const input = { path: { contactId: 'c1' }, body: { title: 'Call', dueDate: '2025-01-01T10:00:00Z', completed: false } };
    expect(createTaskFinder.mark?.(input, marker)).toMatchObject({ body: { body: marker } });
  });

  it('leaves a malformed input for validation to report', () => {
    expect(createTaskFinder.mark?.({ path: { contactId: 'c1' } }, marker)).toEqual({ path: { contactId: 'c1' } });
    expect(createTaskFinder.mark?.({ body: { body: 42 } }, marker)).toEqual({ body: { body: 42 } });
    expect(createTaskFinder.mark?.('not an object', marker)).toBe('not an object');
  });
});

describe('appointment start times', () => {
  it('match when they name the same instant in different zones', () => {
    expect(sameStartTime('2025-01-03T10:00:00Z', '2025-01-03T15:30:00+05:30')).toBe(true);
    expect(sameStartTime('2025-01-03T10:00:00.000Z', '2025-01-03T10:00:00Z')).toBe(true);
  });

  it('do not match at different instants', () => {
    expect(sameStartTime('2025-01-03T10:00:00Z', '2025-01-03T10:30:00Z')).toBe(false);
  });

  it('compare as text when one has no zone, since the location\'s zone is unknown', () => {
    expect(sameStartTime('2025-01-03 10:00:00', '2025-01-03 10:00:00')).toBe(true);
    expect(sameStartTime('2025-01-03 10:00:00', '2025-01-03T10:00:00Z')).toBe(false);
    expect(sameStartTime(undefined, '2025-01-03T10:00:00Z')).toBe(false);
  });
});
