import { describe, expect, it } from 'vitest';
import { effectFinders, REPEAT_SAFE_POSTS, UNFINDABLE_POSTS } from '../../src/ghl/reconcile/registry.js';
import { isSafeToResend } from '../../src/ghl/retry/retry-policy.js';
import { ghlOperations, operationsById } from '../../src/operations/index.js';

const creatingPosts = ghlOperations.filter((op) => op.http?.method.toUpperCase() === 'POST' && !isSafeToResend(op)).map((op) => op.id);

describe('the reconcile registry', () => {
  it.each([...effectFinders.keys()])('%s is a creating POST of the catalog', (id) => {
    const operation = operationsById.get(id);
    expect(operation?.http?.method).toBe('POST');
    expect(operation && isSafeToResend(operation)).toBe(false);
  });

  it.each(creatingPosts)('%s has a finder, or says why a repeat is harmless or cannot be found', (id) => {
    const plans = [effectFinders.has(id), id in REPEAT_SAFE_POSTS, id in UNFINDABLE_POSTS].filter(Boolean);
    expect(plans).toHaveLength(1);
  });

  it('names only operations the catalog has', () => {
    for (const id of [...Object.keys(REPEAT_SAFE_POSTS), ...Object.keys(UNFINDABLE_POSTS)]) expect(operationsById.has(id), id).toBe(true);
  });

  it('has a finder for each operation issue 5 names', () => {
    expect([...effectFinders.keys()].sort()).toEqual([
      'ghl.calendars.create-appointment',
      'ghl.contacts.create-contact',
      'ghl.contacts.create-note',
      'ghl.contacts.create-task',
      'ghl.contacts.upsert-contact',
      'ghl.opportunities.create-opportunity',
    ]);
  });
});
