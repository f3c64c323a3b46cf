import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStack } from '@flowline/cli';
import type { ScenarioScript } from '@flowline/sandbox';
import { contactByEmail, contacts, failedSince, LOCATION_ID, play, prepare, startFlows } from '../support/flow-test-kit.js';

const SCRIPT: ScenarioScript = {
  name: 'contact-sync',
  companyId: 'client_sandbox',
  startAt: 0,
  customers: {
    ann: { first: 'Ann', last: 'Lee', email: '  Ann.Lee@Example.COM ', phone: '(512) 555-0101', city: 'Austin', state: 'TX', zip: '78701' },
    bob: { first: 'Bob', last: 'Stone', email: 'bob.stone@example.com', phone: null, role: 'member', existing: true, memberSince: '2025-01-15' },
  },
  steps: [
    { at: 0, event: 'customer.created', customer: 'ann' },
    { at: 600, event: 'customer.details.changed', customer: 'ann', changes: { last: 'Lee-Park', phone: '512.555.0199' } },
    { at: 3600, event: 'customer.status.changed', customer: 'ann', role: 'member' },
    { at: 4000, event: 'customer.details.changed', customer: 'bob', changes: { city: 'Round Rock' } },
  ],
};

let s: DemoStack;
beforeAll(async () => {
  // Bob is already in GHL (same email), as happens when a gym connects an existing account.
  s = await startFlows({
    flows: ['contact-sync'],
    sandbox: { locations: [{ id: LOCATION_ID, contacts: [{ id: 'ghl_bob', firstName: 'Robert', email: 'bob.stone@example.com' }] }] },
  });
});
afterAll(async () => {
  await s.close();
});

describe('contact-sync', () => {
  it('keeps one GHL contact per customer with clean email, E.164 phone, address, source and status tags', async () => {
    const { deliveries, since } = prepare(s, SCRIPT);
    const report = await play(s, deliveries);
    expect(report.failed).toBe(0);
    expect(await failedSince(s, since)).toEqual([]);

    expect(contacts(s)).toHaveLength(2);
    const ann = contactByEmail(s, 'ann.lee@example.com');
    expect(ann).toMatchObject({ firstName: 'Ann', lastName: 'Lee-Park', phone: '+15125550199', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US', source: 'PushPress' });
    expect(ann['tags']).toEqual(expect.arrayContaining(['pushpress', 'pushpress-member']));
    expect(ann['tags']).not.toContain('pushpress-lead');
  });

  it('gives a new lead one follow-up task', async () => {
    await play(s, prepare(s, SCRIPT).deliveries);
    const ann = contactByEmail(s, 'ann.lee@example.com');
    expect(ann.tasks).toEqual([expect.objectContaining({ title: 'Welcome new lead Ann Lee', completed: false })]);
    expect(contactByEmail(s, 'bob.stone@example.com').tasks).toEqual([]);
  });

  it('updates a contact GHL already had (matched by email) instead of creating a duplicate, and links it', async () => {
    await play(s, prepare(s, SCRIPT).deliveries);
    const bob = contactByEmail(s, 'bob.stone@example.com');
    expect(bob).toMatchObject({ id: 'ghl_bob', firstName: 'Bob', city: 'Round Rock' });
    expect(bob['tags']).toEqual(expect.arrayContaining(['pushpress', 'pushpress-member']));
  });

  it('ends in the same state when every delivery comes twice', async () => {
    await play(s, prepare(s, SCRIPT).deliveries, { duplicate: true });
    expect(contacts(s)).toHaveLength(2);
    expect(contactByEmail(s, 'ann.lee@example.com').tasks).toHaveLength(1);
    expect(contactByEmail(s, 'ann.lee@example.com')['lastName']).toBe('Lee-Park');
  });

  it('keeps the newest details when deliveries arrive out of order', async () => {
    const { deliveries, since } = prepare(s, SCRIPT);
    const [created, details, status, bobDetails] = deliveries;
    // details.changed first, then status, then the original customer.created last.
    await play(s, [details!, status!, bobDetails!, created!]);
    expect(await failedSince(s, since)).toEqual([]);
    expect(contacts(s)).toHaveLength(2);
    const ann = contactByEmail(s, 'ann.lee@example.com');
    expect(ann).toMatchObject({ lastName: 'Lee-Park', phone: '+15125550199' });
    expect(ann['tags']).toContain('pushpress-member');
    expect(ann['tags']).not.toContain('pushpress-lead');
    expect(ann.tasks).toHaveLength(1);
  });
});
