import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_OAUTH_CLIENT, SandboxOptionsError, startGhlSandbox, type GhlSandbox, type LocationSeed } from '../src/index.js';
import { call, contract, get } from './support/ghl-client.js';

/** An agency (company) with three gyms, and another company's gym. */
const COMPANY = 'cmp_gyms';
const LOCATIONS: LocationSeed[] = [
  { id: 'loc_north', companyId: COMPANY, name: 'North Gym', address: '1 North St' },
  { id: 'loc_south', companyId: COMPANY, name: 'South Gym', address: '2 South St' },
  { id: 'loc_east', companyId: COMPANY, name: 'East Studio' },
  { id: 'loc_other', companyId: 'cmp_other', name: 'Other Gym' },
];
const VERSION = '2021-07-28';

let sandbox: GhlSandbox;
let clock = 1_760_000_000_000;
beforeEach(async () => {
  clock = 1_760_000_000_000;
  sandbox = await startGhlSandbox({ locations: LOCATIONS, now: () => clock, accessTokenLifetimeSeconds: 60 });
});
afterEach(async () => {
  await sandbox.close();
});

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** One request to an OAuth endpoint; every answer, success or error, must keep GHL's response contract. */
async function request(method: 'GET' | 'POST', path: string, options: { form?: Record<string, string>; token?: string; version?: string | null } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  if (options.version !== null) headers['version'] = options.version ?? VERSION;
  if (options.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  const res = await fetch(`${sandbox.url}${path}`, { method, headers, ...(options.form === undefined ? {} : { body: new URLSearchParams(options.form) }) });
  const text = await res.text();
  const body = (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>;
  expect(contract.checkAnswer(method, path, res.status, body as never), `${method} ${path} → ${res.status} ${text}`).toEqual([]);
  return { status: res.status, body };
}

const client = { client_id: DEFAULT_OAUTH_CLIENT.id, client_secret: DEFAULT_OAUTH_CLIENT.secret };

async function agencyPair(options: { locationIds?: string[]; scopes?: string[] } = {}): Promise<Answer> {
  const code = sandbox.issueAgencyAuthorizationCode(COMPANY, options);
  return request('POST', '/oauth/token', { form: { ...client, grant_type: 'authorization_code', code, user_type: 'Company' }, version: null });
}

async function agencyToken(options: { locationIds?: string[]; scopes?: string[] } = {}): Promise<string> {
  return String((await agencyPair(options)).body['access_token']);
}

const locationTokenFor = (token: string, form: Record<string, string>, version?: string | null): Promise<Answer> =>
  request('POST', '/oauth/locationToken', { form, token, ...(version === undefined ? {} : { version }) });

const installed = (token: string, query: string): Promise<Answer> => request('GET', `/oauth/installedLocations?${query}`, { token });

describe('agency (Company) OAuth', () => {
  it('exchanges an agency code with user_type Company for a Company pair naming its approved locations', async () => {
    const pair = await agencyPair({ locationIds: ['loc_north', 'loc_south'] });
    expect(pair.status).toBe(200);
    expect(pair.body).toMatchObject({ userType: 'Company', companyId: COMPANY, approvedLocations: ['loc_north', 'loc_south'], isBulkInstallation: true, approveAllLocations: false });
    expect(pair.body).not.toHaveProperty('locationId');
    expect(pair.body['refresh_token']).toEqual(expect.any(String));
  });

  it('refreshes an agency pair into another Company pair', async () => {
    const pair = await agencyPair();
    const refreshed = await request('POST', '/oauth/token', {
      form: { ...client, grant_type: 'refresh_token', refresh_token: String(pair.body['refresh_token']), user_type: 'Company' },
      version: null,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ userType: 'Company', companyId: COMPANY, approveAllLocations: true });
  });

  it('gives a location token from the agency token, with no refresh token, that calls that location', async () => {
    const agency = await agencyToken();
    const answer = await locationTokenFor(agency, { companyId: COMPANY, locationId: 'loc_south' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 60, locationId: 'loc_south', appId: sandbox.appId, userId: expect.any(String) });
    expect(answer.body).not.toHaveProperty('refresh_token');
    const token = String(answer.body['access_token']);
    expect((await call(sandbox, 'GET', '/contacts/?locationId=loc_south', { token })).status).toBe(200);
    expect((await call(sandbox, 'GET', '/contacts/?locationId=loc_north', { token })).status).toBe(403);
  });

  it('refuses a location token for a location without the app (400)', async () => {
    const agency = await agencyToken({ locationIds: ['loc_north'] });
    const answer = await locationTokenFor(agency, { companyId: COMPANY, locationId: 'loc_south' });
    expect(answer).toMatchObject({ status: 400, body: { message: 'The app is not installed in location loc_south' } });
  });

  it("refuses a location token for another company's location or another company (400)", async () => {
    const agency = await agencyToken();
    expect((await locationTokenFor(agency, { companyId: COMPANY, locationId: 'loc_other' })).status).toBe(400);
    expect((await locationTokenFor(agency, { companyId: 'cmp_other', locationId: 'loc_other' })).status).toBe(400);
  });

  it('refuses a location token request without companyId (422) or without the Version header (400)', async () => {
    const agency = await agencyToken();
    const missing = await locationTokenFor(agency, { locationId: 'loc_north' });
    expect(missing.status).toBe(422);
    expect(get<string[]>(missing.body, 'message').join()).toContain('companyId');
    expect((await locationTokenFor(agency, { companyId: COMPANY, locationId: 'loc_north' }, null)).status).toBe(400);
  });

  it('answers 401 to a location token request with a location token, an expired agency token or none', async () => {
    const agency = await agencyToken();
    const location = String((await locationTokenFor(agency, { companyId: COMPANY, locationId: 'loc_north' })).body['access_token']);
    expect((await locationTokenFor(location, { companyId: COMPANY, locationId: 'loc_north' })).status).toBe(401);
    expect((await request('POST', '/oauth/locationToken', { form: { companyId: COMPANY, locationId: 'loc_north' } })).status).toBe(401);
    clock += 61_000;
    const expired = await locationTokenFor(agency, { companyId: COMPANY, locationId: 'loc_north' });
    expect(expired).toMatchObject({ status: 401, body: { message: 'Invalid JWT: the access token has expired' } });
  });

  it('answers 401 to an agency token without the oauth.write scope', async () => {
    const agency = await agencyToken({ scopes: ['oauth.readonly'] });
    const answer = await locationTokenFor(agency, { companyId: COMPANY, locationId: 'loc_north' });
    expect(answer).toMatchObject({ status: 401, body: { requiredScopes: ['oauth.write'] } });
  });

  it("keeps an agency token out of a location's API (403)", async () => {
    const agency = await agencyToken();
    expect((await call(sandbox, 'GET', '/contacts/?locationId=loc_north', { token: agency })).status).toBe(403);
  });

  it('lists the company locations with whether the app is installed, filtered by isInstalled and name', async () => {
    const agency = await agencyToken({ locationIds: ['loc_north', 'loc_south'] });
    const all = await installed(agency, `companyId=${COMPANY}&appId=${sandbox.appId}`);
    expect(all.status).toBe(200);
    expect(all.body['count']).toBe(3);
    expect(all.body['locations']).toEqual([
      { _id: 'loc_north', name: 'North Gym', address: '1 North St', isInstalled: true, versionId: expect.any(String), installedAt: new Date(clock).toISOString() },
      expect.objectContaining({ _id: 'loc_south', isInstalled: true }),
      { _id: 'loc_east', name: 'East Studio', address: '', isInstalled: false },
    ]);
    const on = await installed(agency, `companyId=${COMPANY}&appId=${sandbox.appId}&isInstalled=true`);
    expect(get<{ _id: string }[]>(on.body, 'locations').map((l) => l._id)).toEqual(['loc_north', 'loc_south']);
    const off = await installed(agency, `companyId=${COMPANY}&appId=${sandbox.appId}&isInstalled=false`);
    expect(get<{ _id: string }[]>(off.body, 'locations').map((l) => l._id)).toEqual(['loc_east']);
    const named = await installed(agency, `companyId=${COMPANY}&appId=${sandbox.appId}&query=south`);
    expect(get<{ _id: string }[]>(named.body, 'locations').map((l) => l._id)).toEqual(['loc_south']);
  });

  it('pages installed locations with skip and limit, counting them all', async () => {
    const agency = await agencyToken();
    const page = await installed(agency, `companyId=${COMPANY}&appId=${sandbox.appId}&skip=1&limit=1`);
    expect(page.body).toMatchObject({ count: 3, locations: [expect.objectContaining({ _id: 'loc_south' })] });
  });

  it('reports no installs for another app id', async () => {
    const agency = await agencyToken();
    const other = await installed(agency, `companyId=${COMPANY}&appId=some-other-app&isInstalled=true`);
    expect(other.body).toMatchObject({ count: 0, locations: [] });
  });

  it('refuses installedLocations without companyId or appId (422), and for another company (400)', async () => {
    const agency = await agencyToken();
    const missing = await installed(agency, `appId=${sandbox.appId}`);
    expect(missing.status).toBe(422);
    expect(get<string[]>(missing.body, 'message').join()).toContain('companyId');
    expect((await installed(agency, `companyId=${COMPANY}`)).status).toBe(422);
    expect((await installed(agency, `companyId=cmp_other&appId=${sandbox.appId}`)).status).toBe(400);
  });

  it("revoking a company's tokens refuses its agency token, its refresh token and the location tokens from it", async () => {
    const pair = await agencyPair();
    const agency = String(pair.body['access_token']);
    const location = String((await locationTokenFor(agency, { companyId: COMPANY, locationId: 'loc_north' })).body['access_token']);
    expect(sandbox.revokeCompanyTokens(COMPANY)).toBe(3);
    expect((await locationTokenFor(agency, { companyId: COMPANY, locationId: 'loc_north' })).status).toBe(401);
    expect((await call(sandbox, 'GET', '/contacts/?locationId=loc_north', { token: location })).status).toBe(401);
    const refresh = await request('POST', '/oauth/token', { form: { ...client, grant_type: 'refresh_token', refresh_token: String(pair.body['refresh_token']) }, version: null });
    expect(refresh.status).toBe(401);
  });

  it('seeds installs at start and goes back to them on reset', async () => {
    const seeded = await startGhlSandbox({ locations: LOCATIONS, installations: [{ companyId: COMPANY, locationIds: ['loc_east'], installToFutureLocations: true }] });
    try {
      const code = seeded.issueAgencyAuthorizationCode(COMPANY, { locationIds: ['loc_north'] });
      const res = await fetch(`${seeded.url}/oauth/token`, { method: 'POST', body: new URLSearchParams({ ...client, grant_type: 'authorization_code', code }) });
      const pair = (await res.json()) as Record<string, unknown>;
      expect(pair).toMatchObject({ approvedLocations: ['loc_east', 'loc_north'], installToFutureLocations: true });
      seeded.reset();
      const list = await fetch(`${seeded.url}/oauth/installedLocations?companyId=${COMPANY}&appId=${seeded.appId}&isInstalled=true`, {
        headers: { authorization: `Bearer ${String(pair['access_token'])}`, version: VERSION },
      });
      expect(get<{ _id: string }[]>(await list.json(), 'locations').map((l) => l._id)).toEqual(['loc_east']);
    } finally {
      await seeded.close();
    }
  });

  it("refuses install seeds naming another company's location", async () => {
    await expect(startGhlSandbox({ locations: LOCATIONS, installations: [{ companyId: COMPANY, locationIds: ['loc_other'] }] })).rejects.toThrow(SandboxOptionsError);
  });

  it('admin API: issues agency codes, sets installs and revokes tokens over HTTP', async () => {
    const post = (path: string, method: string, body: unknown): Promise<Response> =>
      fetch(`${sandbox.adminUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const codeRes = await post('/oauth/codes', 'POST', { companyId: COMPANY, locationIds: ['loc_north'] });
    expect(codeRes.status).toBe(201);
    const code = get<string>(await codeRes.json(), 'code');
    const agency = String((await request('POST', '/oauth/token', { form: { ...client, grant_type: 'authorization_code', code, user_type: 'Company' }, version: null })).body['access_token']);
    expect((await post(`/companies/${COMPANY}/installations`, 'PUT', { locationIds: ['loc_south'] })).status).toBe(200);
    expect((await locationTokenFor(agency, { companyId: COMPANY, locationId: 'loc_north' })).status).toBe(400);
    expect((await locationTokenFor(agency, { companyId: COMPANY, locationId: 'loc_south' })).status).toBe(200);
    expect((await post(`/companies/${COMPANY}/installations`, 'PUT', { locationIds: ['loc_other'] })).status).toBe(400);
    const revoked = await fetch(`${sandbox.adminUrl}/companies/${COMPANY}/tokens`, { method: 'DELETE' });
    expect(get<number>(await revoked.json(), 'revoked')).toBeGreaterThan(0);
    expect((await locationTokenFor(agency, { companyId: COMPANY, locationId: 'loc_south' })).status).toBe(401);
  });
});
