import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JsonObject } from '../../shared/json.js';
import { GhlHttpError, tokenRefused } from '../http/ghl-http-error.js';
import { bearerToken, parseQuery, readRawBody, sendJson } from '../http/io.js';
import type { SandboxStore } from '../state/store.js';
import type { RequestValidator } from '../validation/request-validator.js';
import type { Installations } from './installations.js';
import type { CompanyGrant, IssuedGrant, TokenGrant, TokenPair, TokenStore } from './token-store.js';

export interface OAuthContext {
  readonly tokens: TokenStore;
  readonly store: SandboxStore;
  readonly validator: RequestValidator;
  /** client_id → client_secret. */
  readonly clients: Readonly<Record<string, string>>;
  readonly defaultLocationId: string;
  readonly userId: string;
  /** The agency installs of the app. */
  readonly installations: Installations;
  /** The marketplace app id of the sandbox's app (`appId` of installedLocations, the location token answer). */
  readonly appId: string;
}

export const OAUTH_PATHS = ['/oauth/token', '/oauth/chooselocation', '/v2/oauth/chooselocation', '/oauth/locationToken', '/oauth/installedLocations'] as const;

function grantFor(ctx: OAuthContext, locationId: string | null, scope: string | null): TokenGrant {
  const id = locationId ?? ctx.defaultLocationId;
  if (ctx.store.location(id) === undefined) throw new GhlHttpError(400, `Unknown location ${id}`);
  const scopes = scope === null || scope.trim() === '' ? undefined : scope.trim().split(/\s+/);
  return { locationId: id, ...(scopes === undefined ? {} : { scopes }) };
}

/** The ids of a company's locations, in the order they were seeded. */
export function companyLocationIds(store: SandboxStore, companyId: string): string[] {
  return [...store.locations.values()].filter((l) => l.companyId === companyId).map((l) => l.id);
}

export interface AgencyCodeOptions {
  readonly scopes?: readonly string[];
  /** The locations the agency admin approves (default all the company's locations). */
  readonly locationIds?: readonly string[];
  readonly installToFutureLocations?: boolean;
}

/**
 * An agency admin installs the app for the company (in `locationIds`, default all its locations)
 * and consents: the code exchanges, with `user_type=Company`, for the agency token pair.
 */
export function issueAgencyCode(ctx: OAuthContext, companyId: string, options: AgencyCodeOptions = {}): string {
  const all = companyLocationIds(ctx.store, companyId);
  if (all.length === 0) throw new GhlHttpError(400, `Unknown company ${companyId}`);
  ctx.installations.install(companyId, options.locationIds ?? all, options.installToFutureLocations);
  return ctx.tokens.issueCode({ company: { companyId, ...(options.scopes === undefined ? {} : { scopes: [...options.scopes] }) } });
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
  const code = ctx.tokens.issueCode({ location: grantFor(ctx, url.searchParams.get('locationId'), url.searchParams.get('scope')) });
  target.searchParams.set('code', code);
  res.writeHead(302, { location: target.href, 'content-length': '0' });
  res.end();
}

async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const raw = await readRawBody(req);
  if (contentType !== 'application/x-www-form-urlencoded') {
    throw new GhlHttpError(422, ['content-type must be application/x-www-form-urlencoded']);
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

/** `GetAccessCodeSuccessfulResponseDto` of a pair: a location's, or a company's (agency) with its approved locations. */
function pairAnswer(ctx: OAuthContext, pair: TokenPair): JsonObject {
  const common = { access_token: pair.accessToken, token_type: 'Bearer', expires_in: pair.expiresIn, refresh_token: pair.refreshToken };
  const issued: IssuedGrant = pair.issued;
  if ('company' in issued) {
    const { companyId, scopes } = issued.company;
    const approved = ctx.installations.installedIds(companyId);
    return {
      ...common,
      scope: (scopes ?? []).join(' '),
      userType: 'Company',
      companyId,
      approvedLocations: approved,
      userId: ctx.userId,
      isBulkInstallation: true,
      installToFutureLocations: ctx.installations.installToFutureLocations(companyId),
      approveAllLocations: approved.length === companyLocationIds(ctx.store, companyId).length,
    };
  }
  const location = ctx.store.location(issued.location.locationId);
  return {
    ...common,
    scope: (issued.location.scopes ?? []).join(' '),
    userType: 'Location',
    locationId: issued.location.locationId,
    companyId: location?.companyId ?? '',
    userId: ctx.userId,
    isBulkInstallation: false,
  };
}

/** `POST /oauth/token` (oauth.json get-access-token): form-encoded authorization_code and refresh_token grants. */
async function token(ctx: OAuthContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
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
  sendJson(res, 200, pairAnswer(ctx, pair));
}

/**
 * The company of the request's agency token (oauth.json: `Agency-Access-Only` with `scope`). A
 * missing, unknown or expired token, a location's token, or one without the scope answers 401.
 */
function agencyGrant(ctx: OAuthContext, req: IncomingMessage, scope: string): CompanyGrant {
  const bearer = bearerToken(req);
  if (bearer === undefined) throw tokenRefused('missing');
  const checked = ctx.tokens.check(bearer);
  if (!checked.ok) throw tokenRefused(checked.reason);
  if (checked.kind !== 'company') throw new GhlHttpError(401, 'This route needs an Agency access token (user_type Company).');
  const { scopes } = checked.company;
  if (scopes !== undefined && !scopes.includes(scope)) throw new GhlHttpError(401, 'The token is not authorized for this scope.', { requiredScopes: [scope] });
  return checked.company;
}

function versionOf(req: IncomingMessage): string | undefined {
  const version = req.headers['version'];
  return typeof version === 'string' ? version : undefined;
}

function sameCompany(grant: CompanyGrant, companyId: string): void {
  if (companyId !== grant.companyId) throw new GhlHttpError(400, `companyId ${companyId} is not the company of this token`);
}

/** `POST /oauth/locationToken` (oauth.json get-location-access-token): a location token from the agency token, no refresh token. */
async function locationToken(ctx: OAuthContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const grant = agencyGrant(ctx, req, 'oauth.write');
  ctx.validator.validate('POST', '/oauth/locationToken', { params: {}, query: {}, body: form, version: versionOf(req) });
  const companyId = form['companyId'] ?? '';
  const locationId = form['locationId'] ?? '';
  sameCompany(grant, companyId);
  const location = ctx.store.location(locationId);
  if (location === undefined || location.companyId !== companyId) throw new GhlHttpError(400, `Location ${locationId} not found in company ${companyId}`);
  const install = ctx.installations.installed(companyId, locationId);
  if (install === undefined) throw new GhlHttpError(400, `The app is not installed in location ${locationId}`);
  const issued = ctx.tokens.issueLocationToken({ locationId, ...(grant.scopes === undefined ? {} : { scopes: grant.scopes }) }, companyId);
  sendJson(res, 200, {
    access_token: issued.accessToken,
    token_type: 'Bearer',
    expires_in: issued.expiresIn,
    scope: (grant.scopes ?? []).join(' '),
    locationId,
    userId: ctx.userId,
    appId: ctx.appId,
    versionId: install.versionId,
  });
}

function pageNumber(query: Record<string, string | string[]>, name: string, fallback: number): number {
  const raw = query[name];
  if (raw === undefined) return fallback;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || !/^\d+$/.test(value)) throw new GhlHttpError(422, [`${name} must be a number string`]);
  return Number(value);
}

/**
 * `GET /oauth/installedLocations` (oauth.json get-installed-location): the company's locations and
 * whether the app (`appId`) is installed in each, filtered (`isInstalled`, `query` by name,
 * `locationId`, `versionId`) and paged (`skip`, `limit`); `count` is how many match before paging.
 * The sandbox has no trials or paid plans: `onTrial=true` and any `planId` match nothing.
 */
function installedLocations(ctx: OAuthContext, req: IncomingMessage, url: URL, res: ServerResponse): void {
  const grant = agencyGrant(ctx, req, 'oauth.readonly');
  const query = parseQuery(url.searchParams);
  ctx.validator.validate('GET', '/oauth/installedLocations', { params: {}, query, body: undefined, version: versionOf(req) });
  const one = (name: string): string | undefined => {
    const value = query[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const companyId = one('companyId') ?? '';
  sameCompany(grant, companyId);
  const skip = pageNumber(query, 'skip', 0);
  const limit = pageNumber(query, 'limit', 20);
  const sameApp = one('appId') === ctx.appId;
  const name = one('query')?.toLowerCase();
  const rows = [...ctx.store.locations.values()]
    .filter((location) => location.companyId === companyId)
    .map((location) => ({ location, install: sameApp ? ctx.installations.installed(companyId, location.id) : undefined }))
    .filter(({ location, install }) => {
      if (one('isInstalled') !== undefined && (one('isInstalled') === 'true') !== (install !== undefined)) return false;
      if (name !== undefined && !location.name.toLowerCase().includes(name)) return false;
      if (one('locationId') !== undefined && one('locationId') !== location.id) return false;
      if (one('versionId') !== undefined && install?.versionId !== one('versionId')) return false;
      if (one('onTrial') === 'true' || one('planId') !== undefined) return false;
      return true;
    });
  sendJson(res, 200, {
    locations: rows.slice(skip, skip + limit).map(({ location, install }) => ({
      _id: location.id,
      name: location.name,
      address: location.address,
      isInstalled: install !== undefined,
      ...(install === undefined ? {} : { versionId: install.versionId, installedAt: install.installedAt }),
    })),
    count: rows.length,
    installToFutureLocations: sameApp && ctx.installations.installToFutureLocations(companyId),
  });
}

function only(method: string, req: IncomingMessage, url: URL): void {
  if (req.method !== method) throw new GhlHttpError(404, `Cannot ${req.method ?? 'GET'} ${url.pathname}`);
}

/** Serves the OAuth endpoints; returns false when the path is not one of them. */
export async function handleOAuth(ctx: OAuthContext, req: IncomingMessage, url: URL, res: ServerResponse): Promise<boolean> {
  const path = url.pathname.replace(/\/+$/, '');
  switch (path) {
    case '/oauth/token':
      only('POST', req, url);
      await token(ctx, req, res);
      return true;
    case '/oauth/locationToken':
      only('POST', req, url);
      await locationToken(ctx, req, res);
      return true;
    case '/oauth/installedLocations':
      only('GET', req, url);
      installedLocations(ctx, req, url, res);
      return true;
    case '/oauth/chooselocation':
    case '/v2/oauth/chooselocation':
      only('GET', req, url);
      chooseLocation(ctx, url, res);
      return true;
    default:
      return false;
  }
}
