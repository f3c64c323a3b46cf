import type { IncomingMessage, ServerResponse } from 'node:http';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { readRawBody, sendJson } from '../http/io.js';
import type { SandboxStore } from '../state/store.js';
import type { RequestValidator } from '../validation/request-validator.js';
import type { TokenGrant, TokenStore } from './token-store.js';

export interface OAuthContext {
  readonly tokens: TokenStore;
  readonly store: SandboxStore;
  readonly validator: RequestValidator;
  /** client_id → client_secret. */
  readonly clients: Readonly<Record<string, string>>;
  readonly defaultLocationId: string;
  readonly userId: string;
}

export const OAUTH_PATHS = ['/oauth/token', '/oauth/chooselocation', '/v2/oauth/chooselocation'] as const;

function grantFor(ctx: OAuthContext, locationId: string | null, scope: string | null): TokenGrant {
  const id = locationId ?? ctx.defaultLocationId;
  if (ctx.store.location(id) === undefined) throw new GhlHttpError(400, `Unknown location ${id}`);
  const scopes = scope === null || scope.trim() === '' ? undefined : scope.trim().split(/\s+/);
  return { locationId: id, ...(scopes === undefined ? {} : { scopes }) };
}

/**
 * `GET /oauth/chooselocation`: the consent page, reduced to an instant redirect to
 * `redirect_uri?code=...` for the location in `locationId` (or the first location).
 */
function chooseLocation(ctx: OAuthContext, url: URL, res: ServerResponse): void {
  const clientId = url.searchParams.get('client_id');
  const redirect = url.searchParams.get('redirect_uri');
  if (clientId === null || ctx.clients[clientId] === undefined) throw new GhlHttpError(400, 'Unknown client_id');
  if (redirect === null) throw new GhlHttpError(422, ['redirect_uri should not be empty']);
  let target: URL;
  try {
    target = new URL(redirect);
  } catch {
    throw new GhlHttpError(422, ['redirect_uri must be an absolute URL']);
  }
  const code = ctx.tokens.issueCode(grantFor(ctx, url.searchParams.get('locationId'), url.searchParams.get('scope')));
  target.searchParams.set('code', code);
  res.writeHead(302, { location: target.href, 'content-length': '0' });
  res.end();
}

/** `POST /oauth/token` (oauth.json get-access-token): form-encoded authorization_code and refresh_token grants. */
async function token(ctx: OAuthContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const raw = await readRawBody(req);
  if (contentType !== 'application/x-www-form-urlencoded') {
    throw new GhlHttpError(422, ['content-type must be application/x-www-form-urlencoded']);
  }
  const form = Object.fromEntries(new URLSearchParams(raw));
  ctx.validator.validate('POST', '/oauth/token', { params: {}, query: {}, body: form, version: undefined });
  const clientId = form['client_id'] ?? '';
  if (ctx.clients[clientId] === undefined || ctx.clients[clientId] !== form['client_secret']) {
    throw new GhlHttpError(401, 'Invalid client credentials');
  }
  let pair;
  if (form['grant_type'] === 'authorization_code') {
    if (form['code'] === undefined) throw new GhlHttpError(422, ['code should not be empty']);
    pair = ctx.tokens.exchangeCode(form['code']);
    if (pair === undefined) throw new GhlHttpError(401, 'Invalid grant: authorization code is invalid or was already used');
  } else if (form['grant_type'] === 'refresh_token') {
    if (form['refresh_token'] === undefined) throw new GhlHttpError(422, ['refresh_token should not be empty']);
    const result = ctx.tokens.refresh(form['refresh_token']);
    if (!('pair' in result)) {
      throw new GhlHttpError(401, result.reused ? 'Invalid grant: refresh token was already used' : 'Invalid grant: refresh token is invalid');
    }
    pair = result.pair;
  } else {
    throw new GhlHttpError(422, [`grant_type ${form['grant_type'] ?? ''} is not supported by the sandbox`]);
  }
  const location = ctx.store.location(pair.grant.locationId);
  sendJson(res, 200, {
    access_token: pair.accessToken,
    token_type: 'Bearer',
    expires_in: pair.expiresIn,
    refresh_token: pair.refreshToken,
    scope: (pair.grant.scopes ?? []).join(' '),
    userType: 'Location',
    locationId: pair.grant.locationId,
    companyId: location?.companyId ?? '',
    userId: ctx.userId,
    isBulkInstallation: false,
  });
}

/** Serves the OAuth endpoints; returns false when the path is not one of them. */
export async function handleOAuth(ctx: OAuthContext, req: IncomingMessage, url: URL, res: ServerResponse): Promise<boolean> {
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/oauth/token') {
    if (req.method !== 'POST') throw new GhlHttpError(404, `Cannot ${req.method ?? 'GET'} ${url.pathname}`);
    await token(ctx, req, res);
    return true;
  }
  if (path === '/oauth/chooselocation' || path === '/v2/oauth/chooselocation') {
    if (req.method !== 'GET') throw new GhlHttpError(404, `Cannot ${req.method ?? 'GET'} ${url.pathname}`);
    chooseLocation(ctx, url, res);
    return true;
  }
  return false;
}
