import { ghlOperations } from '@flowline/connectors';
import type { OperationDescriptor } from '@flowline/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGhlSandbox, type GhlSandbox } from '../src/index.js';
import { contract, contractCall } from './support/contract.js';
import { Fixtures } from './support/fixtures.js';
import { call, get, LOC, type CallOptions } from './support/ghl-client.js';

/**
 * Bad requests get GHL's own error shapes (401, 404, 422 with a message per member, 400 for a
 * duplicate, 429 with its headers), each keeping the response contract, and a refused request
 * leaves the sandbox's state exactly as it was.
 */

const MISSING = 'missing0000000000000';
/** Path parameters that do not name a record the sandbox keeps (a business is only a contact's label: an unknown one lists no contacts). */
const NOT_IDS = new Set(['locationId', 'resourceType', 'type', 'businessId']);

let sandbox: GhlSandbox;
beforeAll(async () => {
  sandbox = await startGhlSandbox({ rateLimit: { limit: 10_000 } });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.reset();
});

const stateOf = (sb: GhlSandbox): string => JSON.stringify(sb.dump().locations);

/** The catalog's sample, in the sandbox's location and company. */
function local(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(local);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'locationId' || k === 'location_id' ? LOC : k === 'companyId' ? 'cmp_sandbox' : k === 'locationIds' ? [LOC] : local(v)]),
  );
}

interface Request {
  readonly method: string;
  readonly path: string;
  readonly options: CallOptions;
}

/** The request the operation's sample makes, its path ids swapped by `pathValue`. */
function requestOf(operation: OperationDescriptor, pathValue: (name: string, sample: unknown) => unknown, body?: unknown): Request {
  const http = operation.http;
  if (http === undefined) throw new Error(`${operation.id} has no http`);
  const sample = local(operation.sample ?? {}) as { path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  const path = http.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(pathValue(name, sample.path?.[name]))));
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(sample.query ?? {})) for (const item of Array.isArray(v) ? v : [v]) query.append(k, String(item));
  const q = query.toString();
  const form = http.path.endsWith('/customFields/upload');
  const sent = body ?? sample.body;
  let payload: unknown = sent;
  if (form && sent !== undefined) {
    const data = new FormData();
    for (const [k, v] of Object.entries(sent as Record<string, unknown>)) data.append(k, String(v));
    payload = data;
  }
  return { method: http.method, path: `${path}${q === '' ? '' : `?${q}`}`, options: payload === undefined ? {} : { body: payload } };
}

const idParams = (operation: OperationDescriptor): string[] => [...(operation.http?.path.matchAll(/\{(\w+)\}/g) ?? [])].map((m) => m[1] ?? '').filter((n) => !NOT_IDS.has(n));
const withIds = ghlOperations.filter((o) => idParams(o).length > 0);

/** Operations whose input requires a body member, and the first required one. */
function requiredBodyMember(operation: OperationDescriptor): string | undefined {
  const input = operation.input as { properties?: { body?: { $ref?: string; required?: string[]; items?: unknown } }; definitions?: Record<string, { required?: string[] }> } | undefined;
  let body = input?.properties?.body;
  if (body?.$ref !== undefined) body = input?.definitions?.[body.$ref.split('/').pop() ?? ''];
  return body?.required?.[0];
}
const withBody = ghlOperations.filter((o) => requiredBodyMember(o) !== undefined);

async function refused(request: Request, status: number, options: CallOptions = {}): Promise<Record<string, unknown>> {
  const before = stateOf(sandbox);
  const res = await contractCall(sandbox, request.method, request.path, { ...request.options, ...options });
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(stateOf(sandbox)).toBe(before);
  return res.body;
}

describe('refusals keep GHL\'s error contract and change nothing', () => {
  it.each(ghlOperations.map((o) => [o.id, o] as const))('%s: 401 without a token', async (_id, operation) => {
    const body = await refused(requestOf(operation, (name, sample) => (NOT_IDS.has(name) ? sample : MISSING)), 401, { token: null });
    expect(body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it.each(withIds.map((o) => [o.id, o] as const))('%s: 404 for a record the location does not have', async (_id, operation) => {
    const body = await refused(requestOf(operation, (name, sample) => (NOT_IDS.has(name) ? sample : MISSING)), 404);
    expect(String(body['message'])).toContain(MISSING);
  });

  it.each(withBody.map((o) => [o.id, o] as const))('%s: 422 naming each missing body member', async (_id, operation) => {
    const member = requiredBodyMember(operation) ?? '';
    const f = new Fixtures(sandbox);
    // Real ids in the path, so the body is what is wrong.
    const ids: Record<string, () => Promise<string>> = {
      contactId: f.contact, id: operation.id.includes('opportunit') ? f.opportunity : operation.id.includes('schedule') || operation.id.includes('Schedule') ? f.schedule : f.customField,
      appointmentId: f.appointment, noteId: f.appointmentNote, taskId: f.task, tagId: f.tag, userId: f.user, calendarId: async () => 'cal_pt_1',
      groupId: f.group, eventId: f.blockSlot, notificationId: f.notification, campaignId: async () => 'cmpgn_trial_1', workflowId: async () => 'wf_welcome_1',
    };
    const values: Record<string, string> = {};
    for (const name of idParams(operation)) values[name] = await (ids[name] ?? (async () => MISSING))();
    const empty = operation.http?.path.endsWith('/notifications') === true ? [{}] : {};
    const body = await refused(requestOf(operation, (name, sample) => values[name] ?? sample, empty), 422);
    const messages = body['message'] as string[];
    expect(messages.some((m) => m.includes(member)), JSON.stringify(messages)).toBe(true);
    expect(messages.every((m) => /^(body|query|path|request)\b/.test(m)), JSON.stringify(messages)).toBe(true);
  });

  it('422 names every member that is wrong, each with its place', async () => {
    const body = await refused({ method: 'POST', path: '/calendars/groups', options: { body: { locationId: LOC, name: 7, isActive: 'yes' } } }, 422);
    expect(body['message']).toEqual(expect.arrayContaining([expect.stringMatching(/^body\/name must be string/), expect.stringMatching(/^body\/isActive must be boolean/), expect.stringMatching(/^body must have required property 'slug'/)]));
  });

  it('429 over the rate limit, with Retry-After and the X-RateLimit headers, in the error shape', async () => {
    const limited = await startGhlSandbox({ rateLimit: { limit: 1, windowMs: 60_000 } });
    try {
      expect((await call(limited, 'GET', '/calendars/groups?locationId=loc_sandbox_1')).status).toBe(200);
      const res = await call(limited, 'GET', '/calendars/groups?locationId=loc_sandbox_1');
      expect(res.status).toBe(429);
      expect(contract.checkAnswer('GET', '/calendars/groups', 429, res.body as never)).toEqual([]);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(res.headers.get('x-ratelimit-max')).toBe('1');
      expect(res.headers.get('x-ratelimit-interval-milliseconds')).toBe('60000');
    } finally {
      await limited.close();
    }
  });
});

describe('duplicates are refused with 400, as GHL does', () => {
  const DUPLICATES: [string, Request, (f: Fixtures) => Promise<unknown>][] = [
    ['a contact with a taken email', { method: 'POST', path: '/contacts/', options: { body: { locationId: LOC, email: 'ana1@example.com' } } }, (f) => f.contact()],
    ['a tag with a taken name', { method: 'POST', path: `/locations/${LOC}/tags`, options: { body: { name: 'TRIAL' } } }, (f) => f.tag()],
    ['a custom field with a taken key', { method: 'POST', path: `/locations/${LOC}/customFields`, options: { body: { name: 'shoe size', dataType: 'TEXT' } } }, (f) => f.customField()],
    ['a calendar with a taken slug', { method: 'POST', path: '/calendars/', options: { body: { locationId: LOC, name: 'PT 2', slug: 'personal-training' } } }, async () => undefined],
    ['a calendar group with a taken slug', { method: 'POST', path: '/calendars/groups', options: { body: { locationId: LOC, name: 'T', description: 'd', slug: 'training' } } }, async () => undefined],
    ['a user with a taken email', { method: 'POST', path: '/users/', options: { body: { companyId: 'cmp_sandbox', firstName: 'C', lastName: 'C', email: 'Casey.Coach@example.com', password: 'x', type: 'account', role: 'user', locationIds: [LOC] } } }, async () => undefined],
  ];
  it.each(DUPLICATES)('%s', async (_name, request, setup) => {
    await setup(new Fixtures(sandbox));
    const body = await refused(request, 400);
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('a second opportunity for the contact in the same pipeline, naming the first', async () => {
    const f = new Fixtures(sandbox);
    const first = await f.opportunity();
    const body = await refused({ method: 'POST', path: '/opportunities/', options: { body: { pipelineId: 'pip_membership_1', locationId: LOC, name: 'Again', status: 'open', contactId: await f.contact() } } }, 400);
    expect(get(body, 'meta', 'opportunityId')).toBe(first);
  });
});

describe('a write refused half way is undone', () => {
  it('moving two contacts into a business when the second is unknown leaves the first where it was', async () => {
    const f = new Fixtures(sandbox);
    const known = await f.contact();
    await refused({ method: 'POST', path: '/contacts/bulk/business', options: { body: { locationId: LOC, ids: [known, MISSING], businessId: 'biz_1' } } }, 400);
    expect(get((await call(sandbox, 'GET', `/contacts/${known}`)).body, 'contact', 'businessId')).toBeUndefined();
  });

  it('an update refused for outOfService > quantity keeps the name it also sent', async () => {
    await refused({ method: 'PUT', path: '/calendars/resources/equipments/res_racks_1', options: { body: { name: 'Racks', outOfService: 9 } } }, 422);
    expect(get((await call(sandbox, 'GET', '/calendars/resources/equipments/res_racks_1')).body, 'name')).toBe('Squat racks');
  });

  it('a refused create does not use up an id: the next record gets the id it would have had', async () => {
    const twin = await startGhlSandbox();
    try {
      await refused({ method: 'POST', path: '/calendars/resources/rooms', options: { body: { locationId: LOC, name: 'R', description: 'd', quantity: 1, outOfService: 0, capacity: 1, calendarIds: [MISSING] } } }, 400);
      const here = get<string>((await call(sandbox, 'POST', `/locations/${LOC}/tags`, { body: { name: 'next' } })).body, 'tag', 'id');
      const there = get<string>((await call(twin, 'POST', `/locations/${LOC}/tags`, { body: { name: 'next' } })).body, 'tag', 'id');
      expect(here).toBe(there);
    } finally {
      await twin.close();
    }
  });
});
