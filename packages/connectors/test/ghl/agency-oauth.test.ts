import { inspect } from 'node:util';
import { ActionError } from '@flowline/core';
import { DEFAULT_OAUTH_CLIENT, startGhlSandbox, type GhlSandbox, type LocationSeed } from '@flowline/sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createGhlConnector,
  exchangeGhlAuthorizationCode,
  ghlTokenKeys,
  InMemoryTokenStore,
  listGhlInstalledLocations,
  type GhlAgencyOAuthCredentials,
  type GhlConnector,
  type StoredGhlTokens,
  type TokenStore,
} from '../../src/ghl/index.js';
import type { FetchLike } from '../../src/ghl/auth/oauth-token-endpoint.js';
import { actionContext, failureOf } from './support/fixtures.js';

/** An agency with two gyms that installed the app, one gym without it, and another company's gym. */
const COMPANY = 'cmp_gyms';
const LOCATIONS: LocationSeed[] = [
  { id: 'loc_north', companyId: COMPANY, name: 'North Gym', address: '1 North St' },
  { id: 'loc_south', companyId: COMPANY, name: 'South Gym', address: '2 South St' },
  { id: 'loc_east', companyId: COMPANY, name: 'East Studio' },
  { id: 'loc_other', companyId: 'cmp_other', name: 'Other Gym' },
];
const INSTALLED = ['loc_north', 'loc_south'];
const LIFETIME_S = 3600;

const credentials: GhlAgencyOAuthCredentials = {
  type: 'agency-oauth',
  clientId: DEFAULT_OAUTH_CLIENT.id,
  clientSecret: DEFAULT_OAUTH_CLIENT.secret,
  companyId: COMPANY,
};

let sandbox: GhlSandbox;
let clock: number;
let store: InMemoryTokenStore;
beforeEach(async () => {
  clock = 1_760_000_000_000;
  sandbox = await startGhlSandbox({ locations: LOCATIONS, now: () => clock, accessTokenLifetimeSeconds: LIFETIME_S });
  store = new InMemoryTokenStore();
  // The agency admin installs the app for two gyms; the host stores the Company pair under the agency key.
  await exchangeGhlAuthorizationCode({
    baseUrl: sandbox.url,
    code: sandbox.issueAgencyAuthorizationCode(COMPANY, { locationIds: INSTALLED }),
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    userType: 'Company',
    tokenStore: store,
    connectionId: ghlTokenKeys.agency(COMPANY),
  });
  // exchangeGhlAuthorizationCode dates the pair by the wall clock; the sandbox and the connector use `clock`.
  const agency = await store.get(ghlTokenKeys.agency(COMPANY));
  if (agency) await store.put(ghlTokenKeys.agency(COMPANY), { ...agency, expiresAt: clock + LIFETIME_S * 1000 });
  sandbox.requests.clear();
});
afterEach(async () => {
  await sandbox.close();
});

function connector(options: { tokenStore?: TokenStore; fetch?: FetchLike } = {}): GhlConnector {
  return createGhlConnector({ baseUrl: sandbox.url, tokenStore: options.tokenStore ?? store, now: () => clock, ...(options.fetch ? { fetch: options.fetch } : {}) });
}

/** A real GHL action (upsert a contact) for `tenant` in `locationId`; the sandbox refuses a token of any other location. */
function upsert(ghl: GhlConnector, tenant: string, locationId: string, email = `${tenant}@example.com`): Promise<unknown> {
  return ghl.invoke(
    { operationId: 'ghl.contacts.upsert-contact', input: { body: { locationId, email } } },
    actionContext({ tenant, credentials: { ...credentials }, settings: { locationId } }),
  );
}

const sent = (path: string): number => sandbox.requests.list().filter((r) => r.path === path).length;
const contactEmails = (locationId: string): string[] => [...(sandbox.state.location(locationId)?.contacts.values() ?? [])].map((c) => String(c.email));

async function stored(key: string): Promise<StoredGhlTokens> {
  const tokens = await store.get(key);
  if (tokens === undefined) throw new Error(`nothing stored under ${key}`);
  return tokens;
}

/** Every secret in play: the client secret, the agency pair, every location token stored. */
async function allSecrets(keys: readonly string[]): Promise<string[]> {
  const out = [credentials.clientSecret];
  for (const key of keys) {
    const tokens = await store.get(key);
    if (tokens) out.push(tokens.accessToken, ...(tokens.refreshToken === undefined ? [] : [tokens.refreshToken]));
  }
  return out;
}

function expectNoSecret(error: unknown, secrets: readonly string[]): void {
  const text = `${String(error)} ${JSON.stringify(error)} ${inspect(error, { depth: 10 })}`;
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('GHL agency OAuth (agency token → location tokens) against the sandbox', () => {
  it('agency token → location token → a GHL call, for two tenants in two locations', async () => {
    const ghl = connector();
    await Promise.all([upsert(ghl, 'gym-a', 'loc_north'), upsert(ghl, 'gym-b', 'loc_south')]);
    expect(contactEmails('loc_north')).toEqual(['gym-a@example.com']);
    expect(contactEmails('loc_south')).toEqual(['gym-b@example.com']);
    expect(sent('/oauth/locationToken')).toBe(2);
    expect(sent('/oauth/token')).toBe(0);
  });

  it('stores each location token under its tenant and location, apart from the agency pair', async () => {
    const ghl = connector();
    await upsert(ghl, 'gym-a', 'loc_north');
    await upsert(ghl, 'gym-b', 'loc_south');
    const a = await stored(ghlTokenKeys.location('gym-a', 'loc_north'));
    const b = await stored(ghlTokenKeys.location('gym-b', 'loc_south'));
    expect(a).toMatchObject({ userType: 'Location', locationId: 'loc_north', companyId: COMPANY, expiresAt: clock + LIFETIME_S * 1000 });
    expect(b).toMatchObject({ userType: 'Location', locationId: 'loc_south', companyId: COMPANY });
    expect(a.refreshToken).toBeUndefined();
    const agency = await stored(ghlTokenKeys.agency(COMPANY));
    expect(agency).toMatchObject({ userType: 'Company', companyId: COMPANY });
    expect(new Set([a.accessToken, b.accessToken, agency.accessToken]).size).toBe(3);
    expect(await store.get(ghlTokenKeys.location('gym-a', 'loc_south'))).toBeUndefined();
  });

  it('keys tokens by tenant and location, URL-encoding each part', () => {
    expect(ghlTokenKeys.agency('cmp:1')).toBe('ghl-agency:cmp%3A1');
    expect(ghlTokenKeys.location('gym:a', 'loc_1')).toBe('ghl-location:gym%3Aa:loc_1');
    expect(ghlTokenKeys.location('gym', 'a:loc_1')).not.toBe(ghlTokenKeys.location('gym:a', 'loc_1'));
  });

  it('two tenants of one location keep separate location tokens', async () => {
    const ghl = connector();
    await upsert(ghl, 'gym-a', 'loc_north');
    await upsert(ghl, 'gym-a2', 'loc_north', 'second@example.com');
    expect(sent('/oauth/locationToken')).toBe(2);
    expect((await stored(ghlTokenKeys.location('gym-a', 'loc_north'))).accessToken).not.toBe((await stored(ghlTokenKeys.location('gym-a2', 'loc_north'))).accessToken);
  });

  it('reuses a stored location token until it nears expiry', async () => {
    const ghl = connector();
    await upsert(ghl, 'gym-a', 'loc_north');
    await upsert(ghl, 'gym-a', 'loc_north', 'again@example.com');
    expect(sent('/oauth/locationToken')).toBe(1);
  });

  it('50 concurrent calls for one location send exactly one location token request', async () => {
    const ghl = connector();
    await Promise.all(Array.from({ length: 50 }, (_, i) => upsert(ghl, 'gym-a', 'loc_north', `m${i}@example.com`)));
    expect(sent('/oauth/locationToken')).toBe(1);
    expect(contactEmails('loc_north')).toHaveLength(50);
  });

  it('two locations obtain their tokens independently: both requests are in flight at once', async () => {
    let inFlight = 0;
    let most = 0;
    const slowTokens: FetchLike = async (input, init) => {
      if (!input.endsWith('/oauth/locationToken')) return fetch(input, init);
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 50));
      try {
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    const ghl = connector({ fetch: slowTokens });
    // The first request on the company's rate budget goes alone (the budget's probe); after it, requests overlap.
    await upsert(ghl, 'gym-first', 'loc_north');
    most = 0;
    sandbox.requests.clear();
    const calls = ['loc_north', 'loc_south'].flatMap((loc) => Array.from({ length: 20 }, (_, i) => upsert(ghl, `gym-${loc}`, loc, `m${i}@example.com`)));
    await Promise.all(calls);
    expect(sent('/oauth/locationToken')).toBe(2);
    expect(most).toBe(2);
  });

  it('a location token GHL refuses is obtained again from the agency token, once, and the call goes through', async () => {
    const ghl = connector();
    await upsert(ghl, 'gym-a', 'loc_north');
    const key = ghlTokenKeys.location('gym-a', 'loc_north');
    await store.put(key, { ...(await stored(key)), accessToken: 'sbx_lat_no-longer-valid' });
    await Promise.all(Array.from({ length: 10 }, (_, i) => upsert(ghl, 'gym-a', 'loc_north', `r${i}@example.com`)));
    expect(sent('/oauth/locationToken')).toBe(2);
    expect(sent('/oauth/token')).toBe(0);
    expect((await stored(key)).accessToken).not.toBe('sbx_lat_no-longer-valid');
  });

  it('when the agency token expired too, it is refreshed once (user_type Company) for all locations, then each location gets a new token', async () => {
    const ghl = connector();
    await Promise.all([upsert(ghl, 'gym-a', 'loc_north'), upsert(ghl, 'gym-b', 'loc_south')]);
    const before = await stored(ghlTokenKeys.agency(COMPANY));
    clock += (LIFETIME_S + 1) * 1000;
    sandbox.requests.clear();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => [upsert(ghl, 'gym-a', 'loc_north', `n${i}@example.com`), upsert(ghl, 'gym-b', 'loc_south', `s${i}@example.com`)]).flat(),
    );
    expect(sent('/oauth/token')).toBe(1);
    expect(sent('/oauth/locationToken')).toBe(2);
    const after = await stored(ghlTokenKeys.agency(COMPANY));
    expect(after).toMatchObject({ userType: 'Company', companyId: COMPANY });
    expect(after.refreshToken).not.toBe(before.refreshToken);
  });

  it('an agency token GHL refuses is refreshed once for all locations, and each location token request is sent again', async () => {
    const ghl = connector();
    const key = ghlTokenKeys.agency(COMPANY);
    await store.put(key, { ...(await stored(key)), accessToken: 'sbx_at_no-longer-valid' });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => [upsert(ghl, 'gym-a', 'loc_north', `n${i}@example.com`), upsert(ghl, 'gym-b', 'loc_south', `s${i}@example.com`)]).flat(),
    );
    expect(sent('/oauth/token')).toBe(1);
    expect(sandbox.requests.list().filter((r) => r.path === '/oauth/locationToken').map((r) => r.status).sort()).toEqual([200, 200, 401, 401]);
    expect(contactEmails('loc_north')).toHaveLength(10);
  });

  it('a revoked agency install fails as a credentials error that names the location and carries no secret', async () => {
    const ghl = connector();
    await upsert(ghl, 'gym-a', 'loc_north');
    const keys = [ghlTokenKeys.agency(COMPANY), ghlTokenKeys.location('gym-a', 'loc_north')];
    const secrets = await allSecrets(keys);
    sandbox.revokeCompanyTokens(COMPANY);
    const error = await failureOf(upsert(ghl, 'gym-a', 'loc_north', 'late@example.com'));
    expect(error).toBeInstanceOf(ActionError);
    expect(error).toMatchObject({ category: 'credentials' });
    expect(error.message).toContain('loc_north');
    expectNoSecret(error, [...secrets, ...(await allSecrets(keys))]);
  });

  it('a location without the app installed fails with a hint to check the installs, without secrets', async () => {
    const ghl = connector();
    const error = await failureOf(upsert(ghl, 'gym-e', 'loc_east'));
    expect(error).toMatchObject({ category: 'validation', status: 400, request: 'POST /oauth/locationToken' });
    expect(error.hint).toMatch(/listGhlInstalledLocations/);
    expectNoSecret(error, await allSecrets([ghlTokenKeys.agency(COMPANY)]));
  });

  it('agency credentials without companyId fail naming the field, and nothing is sent', async () => {
    const ghl = connector();
    const { companyId: _dropped, ...incomplete } = credentials;
    const error = await failureOf(
      ghl.invoke(
        { operationId: 'ghl.contacts.upsert-contact', input: { body: { locationId: 'loc_north', email: 'x@example.com' } } },
        actionContext({ tenant: 'gym-a', credentials: incomplete, settings: { locationId: 'loc_north' } }),
      ),
    );
    expect(error).toMatchObject({ category: 'credentials', pointer: '/credentials/companyId' });
    expectNoSecret(error, [credentials.clientSecret]);
    expect(sandbox.requests.list()).toEqual([]);
  });

  it('agency credentials without settings.locationId fail naming it, and nothing is sent', async () => {
    const ghl = connector();
    const error = await failureOf(
      ghl.invoke(
        { operationId: 'ghl.contacts.upsert-contact', input: { body: { locationId: 'loc_north', email: 'x@example.com' } } },
        actionContext({ tenant: 'gym-a', credentials: { ...credentials } }),
      ),
    );
    expect(error).toMatchObject({ category: 'credentials', pointer: '/settings/locationId' });
    expect(sandbox.requests.list()).toEqual([]);
  });

  it('an agency install without a stored Company pair says how to authorize the agency', async () => {
    const ghl = connector({ tokenStore: new InMemoryTokenStore() });
    const error = await failureOf(upsert(ghl, 'gym-a', 'loc_north'));
    expect(error).toMatchObject({ category: 'credentials' });
    expect(error.hint).toMatch(/Company/);
    expect(sandbox.requests.list()).toEqual([]);
  });
});

describe('listGhlInstalledLocations', () => {
  it('lists the installed locations, typed, and a host can run one tenant per location', async () => {
    const ghl = connector();
    const page = await listGhlInstalledLocations(ghl, { credentials, query: { companyId: COMPANY, appId: sandbox.appId, isInstalled: true } });
    expect(page.count).toBe(2);
    expect(page.locations.map((l) => [l._id, l.name, l.address, l.isInstalled])).toEqual([
      ['loc_north', 'North Gym', '1 North St', true],
      ['loc_south', 'South Gym', '2 South St', true],
    ]);
    const request = sandbox.requests.list().find((r) => r.path === '/oauth/installedLocations');
    expect(request?.status).toBe(200);
    for (const location of page.locations) await upsert(ghl, `tenant-${location._id}`, location._id);
    expect(contactEmails('loc_north')).toEqual(['tenant-loc_north@example.com']);
    expect(contactEmails('loc_south')).toEqual(['tenant-loc_south@example.com']);
  });

  it('sends the query as oauth.json names it, and pages', async () => {
    const ghl = connector();
    const page = await listGhlInstalledLocations(ghl, { credentials, query: { companyId: COMPANY, appId: sandbox.appId, skip: '2', limit: '1' } });
    expect(page).toMatchObject({ count: 3, locations: [{ _id: 'loc_east', isInstalled: false }] });
  });

  it('without companyId is a validation error naming /query/companyId, and nothing is sent', async () => {
    const ghl = connector();
    const query = { appId: sandbox.appId } as unknown as { companyId: string; appId: string };
    const error = await failureOf(listGhlInstalledLocations(ghl, { credentials, query }));
    expect(error).toMatchObject({ category: 'validation', pointer: '/query/companyId' });
    expect(sandbox.requests.list()).toEqual([]);
  });

  it('with a revoked agency install is a credentials error without secrets', async () => {
    const ghl = connector();
    const secrets = await allSecrets([ghlTokenKeys.agency(COMPANY)]);
    sandbox.revokeCompanyTokens(COMPANY);
    const error = await failureOf(listGhlInstalledLocations(ghl, { credentials, query: { companyId: COMPANY, appId: sandbox.appId } }));
    expect(error).toMatchObject({ category: 'credentials' });
    expectNoSecret(error, [...secrets, ...(await allSecrets([ghlTokenKeys.agency(COMPANY)]))]);
  });

  it('refuses credentials that are not an agency install', async () => {
    const ghl = connector();
    const oauth = { type: 'oauth', clientId: 'c', clientSecret: 'client-SECRET' } as unknown as GhlAgencyOAuthCredentials;
    const error = await failureOf(listGhlInstalledLocations(ghl, { credentials: oauth, query: { companyId: COMPANY, appId: sandbox.appId } }));
    expect(error).toMatchObject({ category: 'credentials', pointer: '/credentials/type' });
    expectNoSecret(error, ['client-SECRET']);
  });
});
