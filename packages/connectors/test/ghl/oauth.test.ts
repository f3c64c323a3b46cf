import { inspect } from 'node:util';
import { ActionError } from '@flowline/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildGhlAuthorizationUrl,
  createGhlConnector,
  exchangeGhlAuthorizationCode,
  InMemoryTokenStore,
  type GhlTokenSet,
  type TokenStore,
} from '../../src/ghl/index.js';
import { actionContext, failureOf, getContact, handMadeOperations } from './support/fixtures.js';
import { sendJson, startServer, type TestServer } from './support/http-server.js';

const CLIENT_SECRET = 'client-SECRET-abcdef';
const oauthCredentials = { type: 'oauth', clientId: 'client-1', clientSecret: CLIENT_SECRET, userType: 'Location' };

/** A fake GHL: one valid access token at a time; refresh tokens are single-use. */
class FakeGhlAuth {
  generation = 1;
  refreshes = 0;
  readonly events: string[] = [];
  validAccess = 'at-SECRET-1';
  validRefresh = 'rt-SECRET-1';
  /** Refuse every access token, even fresh ones (a revoked installation). */
  refuseAll = false;

  issue(): Record<string, unknown> {
    this.generation += 1;
    this.validAccess = `at-SECRET-${this.generation}`;
    this.validRefresh = `rt-SECRET-${this.generation}`;
    return { access_token: this.validAccess, refresh_token: this.validRefresh, expires_in: 86399, token_type: 'Bearer', userType: 'Location', locationId: 'loc-1', userId: 'u1' };
  }
}

describe('ghl OAuth', () => {
  let server: TestServer;
  let fake: FakeGhlAuth;
  beforeAll(async () => {
    server = await startServer(async (req, res) => {
      if (req.path === '/oauth/token') {
        const form = new URLSearchParams(req.body);
        if (form.get('grant_type') === 'authorization_code') {
          if (form.get('code') !== 'code-123') return sendJson(res, 400, { statusCode: 400, message: 'Invalid code' });
          return sendJson(res, 200, fake.issue());
        }
        fake.refreshes += 1;
        await new Promise((r) => setTimeout(r, 30)); // let concurrent callers pile up
        if (form.get('refresh_token') !== fake.validRefresh || form.get('client_secret') !== CLIENT_SECRET) {
          return sendJson(res, 401, { statusCode: 401, message: `Invalid grant ${form.get('refresh_token') ?? ''}` });
        }
        return sendJson(res, 200, fake.issue());
      }
      const token = (req.headers['authorization'] ?? '').replace(/^Bearer /, '');
      fake.events.push(`request ${token}`);
      if (token !== fake.validAccess || fake.refuseAll) return sendJson(res, 401, { statusCode: 401, message: 'Invalid token: access token is invalid' });
      sendJson(res, 200, { contact: { id: req.path.split('/').pop() } });
    });
  });
  afterAll(() => server.close());
  afterEach(() => {
    server.requests.length = 0;
  });

  /** A store that logs its puts into the fake's event list, to check ordering. */
  function loggingStore(): TokenStore {
    const inner = new InMemoryTokenStore();
    return {
      get: (id) => inner.get(id),
      put: async (id, tokens) => {
        fake.events.push(`put ${tokens.accessToken}`);
        await inner.put(id, tokens);
      },
    };
  }

  const seed = (store: TokenStore, tokens: Partial<GhlTokenSet> = {}): Promise<void> =>
    store.put('ghl-main', { accessToken: 'at-SECRET-1', refreshToken: 'rt-SECRET-1', expiresAt: Date.now() + 3_600_000, userType: 'Location', ...tokens });

  const call = (connector: ReturnType<typeof createGhlConnector>, contactId = 'c1') =>
    connector.invoke({ operationId: getContact.id, input: { path: { contactId } } }, actionContext({ credentials: oauthCredentials }));

  it('builds the authorization URL of the docs (v2 chooselocation, code, redirect, client id, scopes)', () => {
    const url = new URL(
      buildGhlAuthorizationUrl({ clientId: 'CLIENT_ID', redirectUri: 'https://myapp.com/oauth/callback/gohighlevel', scopes: ['contacts.readonly', 'contacts.write'] }),
    );
    expect(url.origin + url.pathname).toBe('https://marketplace.gohighlevel.com/v2/oauth/chooselocation');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      redirect_uri: 'https://myapp.com/oauth/callback/gohighlevel',
      client_id: 'CLIENT_ID',
      scope: 'contacts.readonly contacts.write',
    });
    const white = new URL(buildGhlAuthorizationUrl({ clientId: 'c', redirectUri: 'https://x.y/cb', scopes: ['users.readonly'], whiteLabel: true, loginWindowOpenMode: 'self' }));
    expect(white.origin).toBe('https://marketplace.leadconnectorhq.com');
    expect(white.searchParams.get('loginWindowOpenMode')).toBe('self');
  });

  it('refuses to build an authorization URL without scopes', () => {
    expect(() => buildGhlAuthorizationUrl({ clientId: 'c', redirectUri: 'https://x.y/cb', scopes: [] })).toThrow(/scopes/);
  });

  it('exchanges a code with a form-encoded authorization_code grant and stores the pair', async () => {
    fake = new FakeGhlAuth();
    const store = new InMemoryTokenStore();
    const tokens = await exchangeGhlAuthorizationCode({
      baseUrl: server.url,
      code: 'code-123',
      clientId: 'client-1',
      clientSecret: CLIENT_SECRET,
      userType: 'Location',
      redirectUri: 'https://myapp.com/cb',
      tokenStore: store,
      connectionId: 'ghl-main',
    });
    const sent = server.requests.at(-1);
    expect(sent?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(sent?.body))).toEqual({
      client_id: 'client-1',
      client_secret: CLIENT_SECRET,
      grant_type: 'authorization_code',
      user_type: 'Location',
      code: 'code-123',
      redirect_uri: 'https://myapp.com/cb',
    });
    expect(tokens).toMatchObject({ accessToken: 'at-SECRET-2', refreshToken: 'rt-SECRET-2', locationId: 'loc-1', userType: 'Location' });
    expect(await store.get('ghl-main')).toEqual(tokens);
  });

  it('a refused code is a credentials error that carries neither the code nor the client secret', async () => {
    fake = new FakeGhlAuth();
    const error = await exchangeGhlAuthorizationCode({ baseUrl: server.url, code: 'code-WRONG', clientId: 'c', clientSecret: CLIENT_SECRET, userType: 'Location' }).catch(
      (e: unknown) => e as ActionError,
    );
    expect(error).toMatchObject({ category: 'credentials', status: 400 });
    expect(JSON.stringify(error) + inspect(error)).not.toMatch(/SECRET|code-WRONG/);
  });

  it('20 concurrent 401s cause exactly one refresh, stored before the new token is used', async () => {
    fake = new FakeGhlAuth();
    const store = loggingStore();
    await seed(store);
    fake.validAccess = 'at-SECRET-revoked'; // GHL no longer accepts at-SECRET-1
    fake.events.length = 0;
    const connector = createGhlConnector({ baseUrl: server.url, operations: handMadeOperations, tokenStore: store });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => call(connector, `c${i}`)));
    expect(results).toHaveLength(20);
    expect(fake.events.filter((e) => e === 'request at-SECRET-1')).toHaveLength(20);
    expect(fake.refreshes).toBe(1);
    expect(connector.oauth.refreshCount).toBe(1);
    expect((await store.get('ghl-main'))?.refreshToken).toBe('rt-SECRET-2');
    const putAt = fake.events.indexOf('put at-SECRET-2');
    const firstUse = fake.events.indexOf('request at-SECRET-2');
    expect(putAt).toBeGreaterThanOrEqual(0);
    expect(putAt).toBeLessThan(firstUse);
  });

  it('two connectors sharing a store refresh a connection once between them', async () => {
    fake = new FakeGhlAuth();
    const store = new InMemoryTokenStore();
    await seed(store);
    fake.validAccess = 'at-SECRET-revoked';
    const a = createGhlConnector({ baseUrl: server.url, operations: handMadeOperations, tokenStore: store });
    const b = createGhlConnector({ baseUrl: server.url, operations: handMadeOperations, tokenStore: store });
    await Promise.all([call(a), call(b), call(a), call(b)]);
    expect(fake.refreshes).toBe(1);
  });

  it('refreshes ahead of expiry within the configured skew, without sending the old token', async () => {
    fake = new FakeGhlAuth();
    const store = new InMemoryTokenStore();
    await seed(store, { expiresAt: Date.now() + 60_000 });
    fake.events.length = 0;
    const connector = createGhlConnector({ baseUrl: server.url, operations: handMadeOperations, tokenStore: store, refreshSkewMs: 120_000 });
    await call(connector);
    expect(fake.refreshes).toBe(1);
    expect(fake.events).toEqual(['request at-SECRET-2']);
  });

  it('does not refresh a token that is still fresh', async () => {
    fake = new FakeGhlAuth();
    const store = new InMemoryTokenStore();
    await seed(store, { expiresAt: Date.now() + 60_000 });
    const connector = createGhlConnector({ baseUrl: server.url, operations: handMadeOperations, tokenStore: store, refreshSkewMs: 1_000 });
    await call(connector);
    expect(fake.refreshes).toBe(0);
  });

  it('seeds the token store from the credentials refresh token when it has none', async () => {
    fake = new FakeGhlAuth();
    const store = new InMemoryTokenStore();
    const connector = createGhlConnector({ baseUrl: server.url, operations: handMadeOperations, tokenStore: store });
    await connector.invoke(
      { operationId: getContact.id, input: { path: { contactId: 'c1' } } },
      actionContext({ credentials: { ...oauthCredentials, refreshToken: 'rt-SECRET-1' } }),
    );
    expect(fake.refreshes).toBe(1);
    expect((await store.get('ghl-main'))?.accessToken).toBe('at-SECRET-2');
  });

  it('a refused refresh is a credentials error without any token or secret', async () => {
    fake = new FakeGhlAuth();
    const store = new InMemoryTokenStore();
    await seed(store, { refreshToken: 'rt-SECRET-stale' });
    fake.validAccess = 'at-SECRET-revoked';
    const connector = createGhlConnector({ baseUrl: server.url, operations: handMadeOperations, tokenStore: store });
    const error = await failureOf(call(connector));
    expect(error).toBeInstanceOf(ActionError);
    expect(error).toMatchObject({ category: 'credentials' });
    expect(JSON.stringify(error) + inspect(error, { depth: 10 }) + error.message).not.toContain('SECRET');
  });

  it('refreshes only once per call: a 401 with the fresh token is a credentials error', async () => {
    fake = new FakeGhlAuth();
    fake.refuseAll = true;
    const store = new InMemoryTokenStore();
    await seed(store);
    fake.events.length = 0;
    const connector = createGhlConnector({ baseUrl: server.url, operations: handMadeOperations, tokenStore: store });
    const error = await failureOf(call(connector));
    expect(error).toMatchObject({ category: 'credentials', status: 401 });
    expect(fake.refreshes).toBe(1);
    expect(fake.events).toEqual(['request at-SECRET-1', 'request at-SECRET-2']);
  });

  it('a connection without tokens says to authorize first', async () => {
    const connector = createGhlConnector({ baseUrl: server.url, operations: handMadeOperations });
    const error = await failureOf(call(connector));
    expect(error).toMatchObject({ category: 'credentials' });
    expect(error.hint).toMatch(/exchangeGhlAuthorizationCode/);
  });
});
