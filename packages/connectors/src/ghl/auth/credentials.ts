import { ActionError } from '@flowline/core';

export type GhlUserType = 'Location' | 'Company';

/** A private integration token of a sub-account or agency, sent as a bearer token. */
export interface GhlPrivateTokenCredentials {
  readonly type: 'private-token';
  readonly token: string;
}

/**
 * An OAuth 2.0 app installation. The app's `clientId`/`clientSecret` live here; the token pair
 * lives in the connector's TokenStore (seeded once from `accessToken`/`refreshToken`/`expiresAt`
 * when the store has none for the connection, e.g. right after an out-of-band code exchange).
 */
export interface GhlOAuthCredentials {
  readonly type: 'oauth';
  readonly clientId: string;
  readonly clientSecret: string;
  /** `user_type` of refreshes (default: the one the tokens were issued for, else `Location`). */
  readonly userType?: GhlUserType;
  readonly redirectUri?: string;
  readonly accessToken?: string;
  readonly refreshToken?: string;
  /** Epoch milliseconds or an ISO date. */
  readonly expiresAt?: number | string;
}

/**
 * A marketplace app installed by an agency (company-level install) serving many locations. The
 * agency (Company) token pair lives in the TokenStore under `ghlTokenKeys.agency(companyId)`
 * (seeded once from `accessToken`/`refreshToken`/`expiresAt` when the store has none, or put there
 * by `exchangeGhlAuthorizationCode` with `userType: 'Company'`). The location is the connection's
 * `settings.locationId`; its access token comes from `POST /oauth/locationToken` and is kept per
 * tenant and location under `ghlTokenKeys.location(tenant, locationId)`.
 */
export interface GhlAgencyOAuthCredentials {
  readonly type: 'agency-oauth';
  readonly clientId: string;
  readonly clientSecret: string;
  /** The agency (company) that installed the app. */
  readonly companyId: string;
  readonly redirectUri?: string;
  readonly accessToken?: string;
  readonly refreshToken?: string;
  /** Epoch milliseconds or an ISO date. */
  readonly expiresAt?: number | string;
}

export type GhlCredentials = GhlPrivateTokenCredentials | GhlOAuthCredentials | GhlAgencyOAuthCredentials;

const CREDENTIAL_TYPES = "'private-token', 'oauth' or 'agency-oauth'";

function fail(connection: string, what: string, field?: string): never {
  throw new ActionError('credentials', `GHL connection "${connection}": ${what}`, {
    pointer: field === undefined ? '/credentials' : `/credentials/${field}`,
    hint: "Set credentials to { type: 'private-token', token }, { type: 'oauth', clientId, clientSecret, ... } or { type: 'agency-oauth', clientId, clientSecret, companyId, ... }.",
  });
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function requireText(raw: Readonly<Record<string, unknown>>, field: string, connection: string): void {
  if (!nonEmptyString(raw[field])) fail(connection, `expected credentials.${field} to be a non-empty string`, field);
}

/** The members `oauth` and `agency-oauth` share: the app's keys and an optional token pair to seed the store with. */
function checkAppInstall(raw: Readonly<Record<string, unknown>>, connection: string): void {
  requireText(raw, 'clientId', connection);
  requireText(raw, 'clientSecret', connection);
  for (const field of ['redirectUri', 'accessToken', 'refreshToken'] as const) {
    if (raw[field] !== undefined) requireText(raw, field, connection);
  }
  const expiresAt = raw['expiresAt'];
  if (expiresAt !== undefined && typeof expiresAt !== 'number' && (typeof expiresAt !== 'string' || Number.isNaN(Date.parse(expiresAt)))) {
    fail(connection, 'expected credentials.expiresAt to be epoch milliseconds or an ISO date', 'expiresAt');
  }
}

/** Checks a connection's `credentials` object; messages name fields, never their values. */
export function parseGhlCredentials(raw: Readonly<Record<string, unknown>> | undefined, connection: string): GhlCredentials {
  if (raw === undefined) fail(connection, 'has no credentials');
  const type = raw['type'];
  if (type === 'private-token') {
    requireText(raw, 'token', connection);
    return { type, token: raw['token'] as string };
  }
  if (type === 'oauth') {
    checkAppInstall(raw, connection);
    const userType = raw['userType'];
    if (userType !== undefined && userType !== 'Location' && userType !== 'Company') {
      fail(connection, "expected credentials.userType to be 'Location' or 'Company'", 'userType');
    }
    return raw as unknown as GhlOAuthCredentials;
  }
  if (type === 'agency-oauth') {
    checkAppInstall(raw, connection);
    requireText(raw, 'companyId', connection);
    return raw as unknown as GhlAgencyOAuthCredentials;
  }
  return fail(connection, `expected credentials.type to be ${CREDENTIAL_TYPES}`, 'type');
}
