import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGhlSandbox, type GhlSandbox } from '../src/index.js';
import { contractCall } from './support/contract.js';
import { get, LOC } from './support/ghl-client.js';

/**
 * The lists a builder's dropdowns come from (calendars, pipelines and their stages, users, custom
 * fields, tags): each answers the seeded values, in the shape GHL's OpenAPI documents give
 * (every call is contract-checked).
 */
let sandbox: GhlSandbox;
beforeAll(async () => {
  sandbox = await startGhlSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

type Entry = Record<string, unknown>;
const list = async (path: string, member: string): Promise<Entry[]> => {
  const res = await contractCall(sandbox, 'GET', path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return get<Entry[]>(res.body, member);
};

describe('option lists', () => {
  it('GET /calendars/ lists the seeded calendars', async () => {
    const calendars = await list(`/calendars/?locationId=${LOC}`, 'calendars');
    expect(calendars.map((c) => [c['id'], c['name']])).toEqual([
      ['cal_intro_1', 'Intro session'],
      ['cal_classes_1', 'Group classes'],
      ['cal_pt_1', 'Personal training'],
    ]);
  });

  it('GET /opportunities/pipelines lists pipelines with their stages in order', async () => {
    const pipelines = await list(`/opportunities/pipelines?locationId=${LOC}`, 'pipelines');
    expect(pipelines.map((p) => p['id'])).toEqual(['pip_membership_1', 'pip_pt_1']);
    expect(get<Entry[]>(pipelines[0], 'stages')).toEqual([
      { id: 'stg_lead', name: 'Lead', position: 0 },
      { id: 'stg_trial', name: 'Trial booked', position: 1 },
      { id: 'stg_member', name: 'Member', position: 2 },
      { id: 'stg_cancelled', name: 'Cancelled', position: 3 },
    ]);
  });

  it('GET /users/ lists the seeded users', async () => {
    const users = await list(`/users/?locationId=${LOC}`, 'users');
    expect(users.map((u) => [u['id'], u['name'], u['email']])).toEqual([
      ['usr_coach_1', 'Casey Coach', 'casey.coach@example.com'],
      ['usr_front_1', 'Frankie Desk', 'frankie.desk@example.com'],
      ['usr_trainer_1', 'Robin Reyes', 'robin.reyes@example.com'],
    ]);
  });

  it('GET /locations/{locationId}/customFields lists fields by model', async () => {
    const contact = await list(`/locations/${LOC}/customFields`, 'customFields');
    expect(contact.map((f) => f['id'])).toEqual(['cf_member_id_1', 'cf_plan_1', 'cf_goal_1', 'cf_waiver_1', 'cf_sessions_1']);
    expect(contact.find((f) => f['id'] === 'cf_plan_1')).toMatchObject({ name: 'Membership plan', dataType: 'SINGLE_OPTIONS', model: 'contact' });
    const opportunity = await list(`/locations/${LOC}/customFields?model=opportunity`, 'customFields');
    expect(opportunity.map((f) => f['id'])).toEqual(['cf_sessions_1']);
  });

  it('GET /locations/{locationId}/tags lists the seeded tags', async () => {
    const tags = await list(`/locations/${LOC}/tags`, 'tags');
    expect(tags).toEqual([
      { id: 'tag_active_member_1', locationId: LOC, name: 'active-member' },
      { id: 'tag_free_trial_1', locationId: LOC, name: 'free-trial-booked' },
      { id: 'tag_lapsed_1', locationId: LOC, name: 'lapsed' },
      { id: 'tag_pt_client_1', locationId: LOC, name: 'pt-client' },
    ]);
  });

  it('a location seeded with its own tags lists those', async () => {
    const own = await startGhlSandbox({ locations: [{ id: 'loc_own', tags: [{ name: 'founding-member' }] }] });
    try {
      const res = await fetch(`${own.url}/locations/loc_own/tags`, { headers: { authorization: 'Bearer sandbox-token', version: '2021-07-28' } });
      const body = (await res.json()) as { tags: Entry[] };
      expect(body.tags.map((t) => t['name'])).toEqual(['founding-member']);
    } finally {
      await own.close();
    }
  });
});
