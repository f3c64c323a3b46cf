import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_OAUTH_CLIENT, startGhlSandbox, type GhlSandbox } from '../src/index.js';
import { call, get, LOC } from './support/ghl-client.js';

let sandbox: GhlSandbox;
let clock = 1_760_000_000_000;
beforeEach(async () => {
  clock = 1_760_000_000_000;
  sandbox = await startGhlSandbox({ now: () => clock, accessTokenLifetimeSeconds: 60 });
});
afterEach(async () => {
  await sandbox.close();
});

async function token(form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sandbox.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: DEFAULT_OAUTH_CLIENT.id, client_secret: DEFAULT_OAUTH_CLIENT.secret, ...form }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('OAuth', () => {
  it('exchanges an authorization code for a token pair that calls the API', async () => {
    const code = sandbox.issueAuthorizationCode(LOC);
    const res = await token({ grant_type: 'authorization_code', code, user_type: 'Location' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 60, locationId: LOC, userType: 'Location' });
    const api = await call(sandbox, 'GET', `/contacts/?locationId=${LOC}`, { token: String(res.body['access_token']) });
    expect(api.status).toBe(200);
  });

  it('accepts a code only once', async () => {
    const code = sandbox.issueAuthorizationCode(LOC);
    expect((await token({ grant_type: 'authorization_code', code })).status).toBe(200);
    expect((await token({ grant_type: 'authorization_code', code })).status).toBe(401);
  });

  it('issues a code through the chooselocation redirect', async () => {
    const url = `${sandbox.url}/oauth/chooselocation?response_type=code&client_id=${DEFAULT_OAUTH_CLIENT.id}&redirect_uri=${encodeURIComponent('http://127.0.0.1:9/callback')}&scope=contacts.readonly`;
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.pathname).toBe('/callback');
    const exchanged = await token({ grant_type: 'authorization_code', code: location.searchParams.get('code') ?? '' });
    expect(exchanged.body['scope']).toBe('contacts.readonly');
  });

  it('treats refresh tokens as single-use and rejects a reused one', async () => {
    const first = await token({ grant_type: 'authorization_code', code: sandbox.issueAuthorizationCode(LOC) });
    const refresh = String(first.body['refresh_token']);
    const second = await token({ grant_type: 'refresh_token', refresh_token: refresh });
    expect(second.status).toBe(200);
    expect(second.body['refresh_token']).not.toBe(refresh);
    const reused = await token({ grant_type: 'refresh_token', refresh_token: refresh });
    expect(reused.status).toBe(401);
    expect(reused.body['message']).toBe('Invalid grant: refresh token was already used');
    expect(JSON.stringify(reused.body)).not.toContain(refresh);
  });

  it('answers 401 for an expired access token and a refreshed one works', async () => {
    const pair = await token({ grant_type: 'authorization_code', code: sandbox.issueAuthorizationCode(LOC) });
    clock += 61_000;
    const expired = await call(sandbox, 'GET', `/contacts/?locationId=${LOC}`, { token: String(pair.body['access_token']) });
    expect(expired.status).toBe(401);
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: String(pair.body['refresh_token']) });
    const ok = await call(sandbox, 'GET', `/contacts/?locationId=${LOC}`, { token: String(refreshed.body['access_token']) });
    expect(ok.status).toBe(200);
  });

  it('answers 401 for a wrong client secret', async () => {
    const res = await token({ grant_type: 'authorization_code', code: sandbox.issueAuthorizationCode(LOC), client_secret: 'wrong' });
    expect(res.status).toBe(401);
  });

  it('answers 422 when the form lacks grant_type', async () => {
    const res = await fetch(`${sandbox.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: 'sandbox-client', client_secret: 'sandbox-secret' }),
    });
    expect(res.status).toBe(422);
    expect(get<string[]>(await res.json(), 'message').join()).toContain('grant_type');
  });

  it('answers 422 for a JSON body instead of a form', async () => {
    const res = await fetch(`${sandbox.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: 'sandbox-client', client_secret: 'sandbox-secret', grant_type: 'refresh_token' }),
    });
    expect(res.status).toBe(422);
  });
});
