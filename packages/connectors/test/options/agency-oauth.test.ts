import { inspect } from 'node:util';
import { DEFAULT_OAUTH_CLIENT, startGhlSandbox, type GhlSandbox } from '@flowline/sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGhlConnector, exchangeGhlAuthorizationCode, ghlTokenKeys, InMemoryTokenStore, type GhlConnector } from '../../src/ghl/index.js';
import { createOptionsResolver, type OptionsResolver } from '../../src/options/index.js';

/** Options through an agency install: the agency token gives each tenant's location a token of its own. */
const COMPANY = 'cmp_gyms';
const credentials = { type: 'agency-oauth', clientId: DEFAULT_OAUTH_CLIENT.id, clientSecret: DEFAULT_OAUTH_CLIENT.secret, companyId: COMPANY };

let sandbox: GhlSandbox;
let store: InMemoryTokenStore;
let ghl: GhlConnector;
let resolver: OptionsResolver;
let clock: number;
beforeEach(async () => {
  clock = 1_760_000_000_000;
  sandbox = await startGhlSandbox({
    locations: [
      { id: 'loc_north', companyId: COMPANY, tags: [{ name: 'north-member' }] },
      { id: 'loc_south', companyId: COMPANY, tags: [{ name: 'south-member' }] },
    ],
    now: () => clock,
  });
  store = new InMemoryTokenStore();
  await exchangeGhlAuthorizationCode({
    baseUrl: sandbox.url,
    code: sandbox.issueAgencyAuthorizationCode(COMPANY, { locationIds: ['loc_north', 'loc_south'] }),
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    userType: 'Company',
    tokenStore: store,
    connectionId: ghlTokenKeys.agency(COMPANY),
  });
  const agency = await store.get(ghlTokenKeys.agency(COMPANY));
  if (agency) await store.put(ghlTokenKeys.agency(COMPANY), { ...agency, expiresAt: clock + 3_600_000 });
  ghl = createGhlConnector({ baseUrl: sandbox.url, tokenStore: store, now: () => clock });
  const connections: Record<string, { connector: string; credentials: Record<string, unknown>; settings: Record<string, unknown> }> = {
    'gym-north': { connector: 'ghl', credentials, settings: { locationId: 'loc_north' } },
    'gym-south': { connector: 'ghl', credentials, settings: { locationId: 'loc_south' } },
  };
  resolver = createOptionsResolver({ ghl, now: () => clock, connections: (tenant) => connections[tenant] });
  sandbox.requests.clear();
});
afterEach(async () => {
  await sandbox.close();
});

describe('options with an agency-oauth connection', () => {
  it("lists each tenant's location with that location's token", async () => {
    const north = await resolver.resolve({ tenant: 'gym-north', connectionName: 'ghl', source: 'ghl.tags' });
    const south = await resolver.resolve({ tenant: 'gym-south', connectionName: 'ghl', source: 'ghl.tags' });
    expect(north.options.map((o) => o.value)).toEqual(['north-member']);
    expect(south.options.map((o) => o.value)).toEqual(['south-member']);
    expect(sandbox.requests.list().filter((r) => r.path === '/oauth/locationToken')).toHaveLength(2);
    expect(await store.get(ghlTokenKeys.location('gym-north', 'loc_north'))).toMatchObject({ locationId: 'loc_north' });
  });

  it('obtains a new location token once the stored one expired, and names no token when the install is revoked', async () => {
    await resolver.resolve({ tenant: 'gym-north', connectionName: 'ghl', source: 'ghl.tags' });
    const before = await store.get(ghlTokenKeys.location('gym-north', 'loc_north'));
    clock += 86_400 * 1000; // past the tokens' lifetime, and the cache's TTL
    const again = await resolver.resolve({ tenant: 'gym-north', connectionName: 'ghl', source: 'ghl.tags' });
    expect(again.cached).toBe(false);
    expect(again.options.map((o) => o.value)).toEqual(['north-member']);
    const after = await store.get(ghlTokenKeys.location('gym-north', 'loc_north'));
    expect(after?.accessToken).not.toBe(before?.accessToken);

    sandbox.revokeCompanyTokens(COMPANY);
    const error = await resolver.resolve({ tenant: 'gym-north', connectionName: 'ghl', source: 'ghl.tags', refresh: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ category: 'credentials' });
    const text = `${String(error)} ${JSON.stringify(error)} ${inspect(error, { depth: 10 })}`;
    const agency = await store.get(ghlTokenKeys.agency(COMPANY));
    const secrets = [credentials.clientSecret, agency?.accessToken, agency?.refreshToken, after?.accessToken, before?.accessToken];
    for (const secret of secrets) if (secret) expect(text).not.toContain(secret);
  });
});
