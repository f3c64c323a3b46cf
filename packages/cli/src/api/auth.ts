import { createHash, timingSafeEqual } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { ApiError } from './api-error.js';

/** Who is asking: the operator (every tenant) or a tenant's token (that tenant only). */
export type Caller = { readonly kind: 'operator' } | { readonly kind: 'tenant'; readonly tenant: string };

export interface ApiKeys {
  /** The operator's API key: every route, every tenant. */
  readonly operatorKey: string;
  /** The secret tenant tokens are signed with (HS256), at least 32 bytes. */
  readonly tokenSecret: string;
}

const ISSUER = 'flowline';
const AUDIENCE = 'flowline-api';
/** A tenant token's default and longest lifetime. */
export const DEFAULT_TOKEN_SECONDS = 3600;
export const MAX_TOKEN_SECONDS = 7 * 24 * 3600;

const unauthorized = (code: string, message: string, hint: string) => new ApiError(401, code, message, { hint });

export function checkApiKeys(keys: ApiKeys): void {
  if (keys.operatorKey.length < 16) throw new TypeError('Expected the API operator key to be at least 16 characters');
  if (Buffer.byteLength(keys.tokenSecret) < 32) throw new TypeError('Expected the API token secret to be at least 32 bytes');
}

/** Compares keys in constant time (by their digests, so their lengths do not show either). */
function sameKey(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Signs a token for one tenant, valid for `seconds`. */
export async function tenantToken(keys: ApiKeys, tenant: string, seconds: number, now = Date.now()): Promise<{ token: string; expiresAt: string }> {
  const issuedAt = Math.floor(now / 1000);
  const expires = issuedAt + seconds;
  const token = await new SignJWT({ tenant })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(tenant)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expires)
    .sign(new TextEncoder().encode(keys.tokenSecret));
  return { token, expiresAt: new Date(expires * 1000).toISOString() };
}

/** Who the `Authorization: Bearer …` header names; 401 when nobody. */
export async function callerOf(authorization: string | undefined, keys: ApiKeys): Promise<Caller> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const credential = match?.[1];
  if (credential === undefined) {
    throw unauthorized('api.unauthenticated', 'This route needs an API key or a tenant token', 'Send `Authorization: Bearer <operator key or tenant token>`.');
  }
  if (sameKey(credential, keys.operatorKey)) return { kind: 'operator' };
  if (credential.split('.').length !== 3) throw unauthorized('api.bad-credentials', 'The API key is not the operator\'s', 'Check the key, or ask the operator for a tenant token.');
  try {
    const { payload } = await jwtVerify(credential, new TextEncoder().encode(keys.tokenSecret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], requiredClaims: ['exp', 'sub', 'iat'] });
    const tenant = payload['tenant'];
    if (typeof tenant !== 'string' || tenant !== payload.sub) throw unauthorized('api.bad-token', 'The token names no tenant', 'Ask the operator for a new tenant token.');
    // This host signs none for longer, and none issued in the future (a minute of clock skew allowed).
    const now = Math.floor(Date.now() / 1000);
    if (typeof payload.iat !== 'number' || payload.iat > now + 60 || (payload.exp ?? 0) - payload.iat > MAX_TOKEN_SECONDS) {
      throw unauthorized('api.bad-token', 'The tenant token is not one this host issues: it lives longer than a week or starts in the future', 'Ask the operator for a new one.');
    }
    return { kind: 'tenant', tenant };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw unauthorized('api.token-expired', 'The tenant token has expired', 'Ask the operator for a new one (POST /api/tenants/{tenant}/tokens).');
    throw unauthorized('api.bad-token', 'The tenant token is not valid: it was not signed by this host, or it was changed', 'Ask the operator for a new one.');
  }
}

/** Throws 403 unless the caller may act for `tenant`. */
export function checkReach(caller: Caller, tenant: string): void {
  if (caller.kind === 'tenant' && caller.tenant !== tenant) {
    throw new ApiError(403, 'api.forbidden', `This token is for another tenant, not "${tenant}"`, { hint: 'Use the token of the tenant you act for.' });
  }
}

/** Throws 403 unless the caller is the operator. */
export function checkOperator(caller: Caller): void {
  if (caller.kind !== 'operator') throw new ApiError(403, 'api.operator-only', 'Only the operator may do this', { hint: 'Use the operator API key.' });
}

const OAUTH_AUDIENCE = 'flowline-ghl-oauth';
/** How long a GHL connect link stays good. */
export const OAUTH_STATE_SECONDS = 600;

/** What a GHL connect link's `state` carries back to the callback: whose connection, and the redirect URI the code was issued for. */
export interface OAuthState {
  readonly tenant: string;
  readonly connection: string;
  readonly redirectUri: string;
}

/** Signs the `state` of a GHL connect link (RFC 6749 §4.1.1: GHL sends it back to the redirect URI). */
export async function oauthState(keys: ApiKeys, state: OAuthState, now = Date.now()): Promise<{ state: string; expiresAt: string }> {
  const issuedAt = Math.floor(now / 1000);
  const signed = await new SignJWT({ ...state })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(OAUTH_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + OAUTH_STATE_SECONDS)
    .sign(new TextEncoder().encode(keys.tokenSecret));
  return { state: signed, expiresAt: new Date((issuedAt + OAUTH_STATE_SECONDS) * 1000).toISOString() };
}

/** Reads a `state` this host signed; 400 when it is missing, forged or expired. */
export async function readOAuthState(keys: ApiKeys, state: string | undefined): Promise<OAuthState> {
  const refused = (why: string) => new ApiError(400, 'api.bad-oauth-state', `The GHL callback's state ${why}`, { pointer: '/state', hint: 'Start again from the connect link (GET …/connections/{connection}/oauth/authorize); it is good for 10 minutes.' });
  if (state === undefined || state === '') throw refused('is missing');
  try {
    const { payload } = await jwtVerify(state, new TextEncoder().encode(keys.tokenSecret), { issuer: ISSUER, audience: OAUTH_AUDIENCE, algorithms: ['HS256'], requiredClaims: ['exp'] });
    const { tenant, connection, redirectUri } = payload as Record<string, unknown>;
    if (typeof tenant !== 'string' || typeof connection !== 'string' || typeof redirectUri !== 'string') throw refused('names no connection');
    return { tenant, connection, redirectUri };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw refused(error instanceof joseErrors.JWTExpired ? 'has expired' : 'was not signed by this host');
  }
}
