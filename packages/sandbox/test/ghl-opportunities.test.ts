import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINES, startGhlSandbox, type GhlSandbox } from '../src/index.js';
import { call, get, LOC } from './support/ghl-client.js';

let sandbox: GhlSandbox;
let contactId: string;
const pipelineId = DEFAULT_PIPELINES[0]?.id ?? '';
beforeEach(async () => {
  sandbox = await startGhlSandbox();
  contactId = get<string>((await call(sandbox, 'POST', '/contacts/', { body: { locationId: LOC, email: 'mo@example.com' } })).body, 'contact', 'id');
});
afterEach(async () => {
  await sandbox.close();
});

const upsertBody = (extra: Record<string, unknown> = {}) => ({
  pipelineId,
  locationId: LOC,
  followers: [],
  isRemoveAllFollowers: false,
  followersActionType: 'add',
  contactId,
  name: 'Mo membership',
  status: 'open',
  ...extra,
});

describe('opportunities', () => {
  it('lists the seeded pipeline with its stages', async () => {
    const res = await call(sandbox, 'GET', `/opportunities/pipelines?locationId=${LOC}`);
    expect(get(res.body, 'pipelines', 0, 'stages', 0, 'name')).toBe('Lead');
  });

  it('creates an opportunity in the first stage and refuses a second one for the same contact and pipeline', async () => {
    const body = { pipelineId, locationId: LOC, name: 'Mo', status: 'open', contactId };
    const created = await call(sandbox, 'POST', '/opportunities/', { body });
    expect(created.status).toBe(201);
    expect(get(created.body, 'opportunity')).toMatchObject({ pipelineStageId: 'stg_lead', status: 'open', contactId });
    const again = await call(sandbox, 'POST', '/opportunities/', { body });
    expect(again.status).toBe(400);
  });

  it('upserts: creates, then updates the same opportunity for the contact and pipeline', async () => {
    const first = await call(sandbox, 'POST', '/opportunities/upsert', { body: upsertBody() });
    expect(first.status).toBe(200);
    expect(first.body['new']).toBe(true);
    const second = await call(sandbox, 'POST', '/opportunities/upsert', { body: upsertBody({ pipelineStageId: 'stg_member' }) });
    expect(second.body['new']).toBe(false);
    expect(get(second.body, 'opportunity', 'id')).toBe(get(first.body, 'opportunity', 'id'));
    expect(get(second.body, 'opportunity', 'pipelineStageId')).toBe('stg_member');
  });

  it('changes the status and updates fields', async () => {
    const id = get<string>((await call(sandbox, 'POST', '/opportunities/upsert', { body: upsertBody() })).body, 'opportunity', 'id');
    const status = await call(sandbox, 'PUT', `/opportunities/${id}/status`, { body: { status: 'won' } });
    expect(status.body).toEqual({ succeded: true });
    const updated = await call(sandbox, 'PUT', `/opportunities/${id}`, { body: { monetaryValue: 120, name: 'Mo (annual)' } });
    expect(get(updated.body, 'opportunity')).toMatchObject({ status: 'won', monetaryValue: 120, name: 'Mo (annual)' });
    const found = await call(sandbox, 'GET', `/opportunities/search?location_id=${LOC}&contact_id=${contactId}`);
    expect(get<unknown[]>(found.body, 'opportunities')).toHaveLength(1);
  });

  it('answers 422 when the upsert body lacks the fields UpsertOpportunityDto requires', async () => {
    const res = await call(sandbox, 'POST', '/opportunities/upsert', { body: { pipelineId, locationId: LOC } });
    expect(res.status).toBe(422);
    expect(res.body['message']).toEqual(expect.arrayContaining([expect.stringContaining('followers')]));
  });

  it('answers 400 for a stage of another pipeline', async () => {
    const res = await call(sandbox, 'POST', '/opportunities/upsert', { body: upsertBody({ pipelineStageId: 'stg_nope' }) });
    expect(res.status).toBe(400);
  });
});

describe('users and location settings', () => {
  it('searches the seeded users of the company', async () => {
    const res = await call(sandbox, 'GET', '/users/search?companyId=cmp_sandbox&query=casey');
    expect(res.status).toBe(200);
    expect(res.body['count']).toBe(1);
    expect(get(res.body, 'users', 0, 'email')).toBe('casey.coach@example.com');
  });

  it('creates, reads, updates and deletes a location tag', async () => {
    const created = await call(sandbox, 'POST', `/locations/${LOC}/tags`, { body: { name: 'trial' } });
    const tagId = get<string>(created.body, 'tag', 'id');
    expect(get(created.body, 'tag')).toMatchObject({ name: 'trial', locationId: LOC });
    expect((await call(sandbox, 'POST', `/locations/${LOC}/tags`, { body: { name: 'Trial' } })).status).toBe(400);
    expect(get((await call(sandbox, 'PUT', `/locations/${LOC}/tags/${tagId}`, { body: { name: 'trialist' } })).body, 'tag', 'name')).toBe('trialist');
    expect(get((await call(sandbox, 'GET', `/locations/${LOC}/tags/${tagId}`)).body, 'tag', 'name')).toBe('trialist');
    expect((await call(sandbox, 'DELETE', `/locations/${LOC}/tags/${tagId}`)).body).toEqual({ succeded: true });
  });

  it('creates, lists, updates and deletes a custom field', async () => {
    const created = await call(sandbox, 'POST', `/locations/${LOC}/customFields`, { body: { name: 'PushPress id', dataType: 'TEXT' } });
    expect(created.status).toBe(201);
    const id = get<string>(created.body, 'customField', 'id');
    expect(get(created.body, 'customField', 'fieldKey')).toBe('contact.pushpress_id');
    const listed = get<{ id: string; model: string }[]>((await call(sandbox, 'GET', `/locations/${LOC}/customFields?model=contact`)).body, 'customFields');
    expect(listed.filter((f) => f.id === id)).toHaveLength(1);
    expect(listed.every((f) => f.model === 'contact')).toBe(true);
    expect(get((await call(sandbox, 'PUT', `/locations/${LOC}/customFields/${id}`, { body: { name: 'PP id' } })).body, 'customField', 'name')).toBe('PP id');
    expect((await call(sandbox, 'DELETE', `/locations/${LOC}/customFields/${id}`)).body).toEqual({ succeded: true });
    expect((await call(sandbox, 'GET', `/locations/${LOC}/customFields/${id}`)).status).toBe(404);
  });

  it('answers 403 when the path names a location the token does not belong to', async () => {
    const res = await call(sandbox, 'GET', '/locations/loc_other/tags');
    expect(res.status).toBe(403);
  });
});
