import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGhlSandbox, type GhlSandbox } from '../src/index.js';
import { call, get, LOC } from './support/ghl-client.js';

let sandbox: GhlSandbox;
beforeEach(async () => {
  sandbox = await startGhlSandbox();
});
afterEach(async () => {
  await sandbox.close();
});

describe('contacts', () => {
  it('creates, reads, updates and deletes a contact', async () => {
    const created = await call(sandbox, 'POST', '/contacts/', {
      body: { locationId: LOC, firstName: 'Ann', lastName: 'Lee', email: 'Ann@Example.com', phone: '+15550100001', tags: ['Lead'] },
    });
    expect(created.status).toBe(201);
    const id = get<string>(created.body, 'contact', 'id');
    expect(id).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(get(created.body, 'contact')).toMatchObject({ name: 'Ann Lee', email: 'ann@example.com', tags: ['lead'], locationId: LOC });

    const read = await call(sandbox, 'GET', `/contacts/${id}`);
    expect(read.status).toBe(200);
    expect(get(read.body, 'contact', 'id')).toBe(id);

    const updated = await call(sandbox, 'PUT', `/contacts/${id}`, { body: { city: 'Austin', tags: ['member'] } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ succeded: true, contact: { city: 'Austin', tags: ['member'] } });

    const deleted = await call(sandbox, 'DELETE', `/contacts/${id}`);
    expect(deleted.body).toEqual({ succeded: true });
    expect((await call(sandbox, 'GET', `/contacts/${id}`)).status).toBe(404);
  });

  it('answers 404 for an unknown contact id', async () => {
    const res = await call(sandbox, 'GET', '/contacts/doesNotExist000000000');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404 });
  });

  it('refuses to create a duplicate when the location does not allow duplicates', async () => {
    await call(sandbox, 'POST', '/contacts/', { body: { locationId: LOC, email: 'ann@example.com' } });
    const dup = await call(sandbox, 'POST', '/contacts/', { body: { locationId: LOC, email: 'ANN@example.com' } });
    expect(dup.status).toBe(400);
    expect(dup.body).toMatchObject({ message: 'This location does not allow duplicated contacts.', meta: { matchingField: 'email' } });
  });

  it('creates duplicates when the location allows them', async () => {
    sandbox.setLocationSettings(LOC, { allowDuplicateContact: true });
    await call(sandbox, 'POST', '/contacts/', { body: { locationId: LOC, email: 'ann@example.com' } });
    const dup = await call(sandbox, 'POST', '/contacts/', { body: { locationId: LOC, email: 'ann@example.com' } });
    expect(dup.status).toBe(201);
    expect(sandbox.state.location(LOC)?.contacts.size).toBe(2);
  });
});

describe('upsert', () => {
  it('creates on the first call and updates the same contact by email on the second', async () => {
    const first = await call(sandbox, 'POST', '/contacts/upsert', { body: { locationId: LOC, email: 'bo@example.com', firstName: 'Bo' } });
    expect(first.status).toBe(200);
    expect(first.body['new']).toBe(true);
    const second = await call(sandbox, 'POST', '/contacts/upsert', { body: { locationId: LOC, email: 'bo@example.com', lastName: 'Park' } });
    expect(second.body['new']).toBe(false);
    expect(get(second.body, 'contact', 'id')).toBe(get(first.body, 'contact', 'id'));
    expect(get(second.body, 'contact', 'name')).toBe('Bo Park');
  });

  it('matches by phone when no email matches', async () => {
    const first = await call(sandbox, 'POST', '/contacts/upsert', { body: { locationId: LOC, phone: '+1 (555) 010-0002' } });
    const second = await call(sandbox, 'POST', '/contacts/upsert', { body: { locationId: LOC, phone: '+15550100002', firstName: 'Cy' } });
    expect(second.body['new']).toBe(false);
    expect(get(second.body, 'contact', 'id')).toBe(get(first.body, 'contact', 'id'));
  });

  it('updates the contact matching the first field in the priority order and ignores the other field', async () => {
    const byEmail = await call(sandbox, 'POST', '/contacts/', { body: { locationId: LOC, email: 'di@example.com' } });
    const byPhone = await call(sandbox, 'POST', '/contacts/', { body: { locationId: LOC, phone: '+15550100003' } });
    const up = await call(sandbox, 'POST', '/contacts/upsert', { body: { locationId: LOC, email: 'di@example.com', phone: '+15550100003' } });
    expect(up.body['new']).toBe(false);
    expect(get(up.body, 'contact', 'id')).toBe(get(byEmail.body, 'contact', 'id'));
    expect(get(up.body, 'contact', 'phone')).toBeUndefined();
    expect(sandbox.state.location(LOC)?.contacts.get(get<string>(byPhone.body, 'contact', 'id'))?.phone).toBe('+15550100003');
  });

  it('creates a new contact when createNewIfDuplicateAllowed is set and the location allows duplicates', async () => {
    sandbox.setLocationSettings(LOC, { allowDuplicateContact: true });
    await call(sandbox, 'POST', '/contacts/upsert', { body: { locationId: LOC, email: 'ed@example.com' } });
    const again = await call(sandbox, 'POST', '/contacts/upsert', {
      body: { locationId: LOC, email: 'ed@example.com', createNewIfDuplicateAllowed: true },
    });
    expect(again.body['new']).toBe(true);
  });

  it('creates a contact when the upsert names neither email nor phone', async () => {
    const res = await call(sandbox, 'POST', '/contacts/upsert', { body: { locationId: LOC, firstName: 'Nameless' } });
    expect(res.status).toBe(200);
    expect(res.body['new']).toBe(true);
  });

  it('ignores createNewIfDuplicateAllowed when the location does not allow duplicates', async () => {
    await call(sandbox, 'POST', '/contacts/upsert', { body: { locationId: LOC, email: 'fay@example.com' } });
    const again = await call(sandbox, 'POST', '/contacts/upsert', {
      body: { locationId: LOC, email: 'fay@example.com', createNewIfDuplicateAllowed: true },
    });
    expect(again.body['new']).toBe(false);
  });
});

describe('search and lookups', () => {
  beforeEach(async () => {
    await call(sandbox, 'POST', '/contacts/', { body: { locationId: LOC, firstName: 'Gus', email: 'gus@example.com', tags: ['member'] } });
    await call(sandbox, 'POST', '/contacts/', { body: { locationId: LOC, firstName: 'Hal', email: 'hal@example.com', tags: ['lead'] } });
  });

  it('finds contacts with advanced search filters', async () => {
    const res = await call(sandbox, 'POST', '/contacts/search', {
      body: { locationId: LOC, pageLimit: 10, filters: [{ field: 'tags', operator: 'eq', value: 'member' }] },
    });
    expect(res.status).toBe(200);
    expect(res.body['total']).toBe(1);
    expect(get(res.body, 'contacts', 0, 'email')).toBe('gus@example.com');
  });

  it('finds contacts with a free-text query and OR groups', async () => {
    const q = await call(sandbox, 'POST', '/contacts/search', { body: { locationId: LOC, query: 'hal' } });
    expect(q.body['total']).toBe(1);
    const or = await call(sandbox, 'POST', '/contacts/search', {
      body: {
        locationId: LOC,
        filters: [{ group: 'OR', filters: [{ field: 'email', operator: 'eq', value: 'gus@example.com' }, { field: 'firstName', operator: 'eq', value: 'hal' }] }],
      },
    });
    expect(or.body['total']).toBe(2);
  });

  it('answers 422 for an unknown search operator', async () => {
    const res = await call(sandbox, 'POST', '/contacts/search', { body: { locationId: LOC, filters: [{ field: 'email', operator: 'like', value: 'x' }] } });
    expect(res.status).toBe(422);
  });

  it('looks up a duplicate by email and answers null when there is none', async () => {
    const hit = await call(sandbox, 'GET', `/contacts/search/duplicate?locationId=${LOC}&email=${encodeURIComponent('GUS@example.com')}`);
    expect(get(hit.body, 'contact', 'email')).toBe('gus@example.com');
    const miss = await call(sandbox, 'GET', `/contacts/search/duplicate?locationId=${LOC}&email=nobody%40example.com`);
    expect(miss.body).toEqual({ contact: null });
  });

  it('adds and removes tags and registers new tags with the location', async () => {
    const id = get<string>((await call(sandbox, 'POST', '/contacts/search', { body: { locationId: LOC, query: 'gus' } })).body, 'contacts', 0, 'id');
    const added = await call(sandbox, 'POST', `/contacts/${id}/tags`, { body: { tags: ['VIP', 'member'] } });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ tags: ['member', 'vip'] });
    const removed = await call(sandbox, 'DELETE', `/contacts/${id}/tags`, { body: { tags: ['member'] } });
    expect(removed.body).toEqual({ tags: ['vip'] });
    const tags = await call(sandbox, 'GET', `/locations/${LOC}/tags`);
    expect(get<{ name: string }[]>(tags.body, 'tags').map((t) => t.name)).toEqual(expect.arrayContaining(['vip', 'member', 'lead']));
  });

  it('lists the contacts of a business', async () => {
    const s = await startGhlSandbox({ locations: [{ id: LOC, contacts: [{ firstName: 'Ivy', email: 'ivy@example.com', businessId: 'biz_1' }, { firstName: 'Jo' }] }] });
    try {
      const res = await call(s, 'GET', `/contacts/business/biz_1?locationId=${LOC}`);
      expect(res.status).toBe(200);
      expect(res.body['count']).toBe(1);
      expect(get(res.body, 'contacts', 0, 'firstName')).toBe('Ivy');
    } finally {
      await s.close();
    }
  });
});
