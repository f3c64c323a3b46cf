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

export type GhlCredentials = GhlPrivateTokenCredentials | GhlOAuthCredentials;

function fail(connection: string, what: string): never {
  throw new ActionError('credentials', `GHL connection "${connection}": ${what}`, {
    pointer: '/credentials',
    hint: "Set credentials to { type: 'private-token', token } or { type: 'oauth', clientId, clientSecret, ... }.",
  });
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Checks a connection's `credentials` object; messages name fields, never their values. */
export function parseGhlCredentials(raw: Readonly<Record<string, unknown>> | undefined, connection: string): GhlCredentials {
  if (raw === undefined) fail(connection, 'has no credentials');
  const type = raw['type'];
  if (type === 'private-token') {
    if (!nonEmptyString(raw['token'])) fail(connection, 'expected credentials.token to be a non-empty string');
    return { type, token: raw['token'] };
  }
  if (type === 'oauth') {
    if (!nonEmptyString(raw['clientId'])) fail(connection, 'expected credentials.clientId to be a non-empty string');
    if (!nonEmptyString(raw['clientSecret'])) fail(connection, 'expected credentials.clientSecret to be a non-empty string');
    const userType = raw['userType'];
    if (userType !== undefined && userType !== 'Location' && userType !== 'Company') {
      fail(connection, "expected credentials.userType to be 'Location' or 'Company'");
    }
    for (const field of ['redirectUri', 'accessToken', 'refreshToken'] as const) {
      if (raw[field] !== undefined && !nonEmptyString(raw[field])) fail(connection, `expected credentials.${field} to be a non-empty string`);
    }
    const expiresAt = raw['expiresAt'];
    if (expiresAt !== undefined && typeof expiresAt !== 'number' && (typeof expiresAt !== 'string' || Number.isNaN(Date.parse(expiresAt)))) {
      fail(connection, 'expected credentials.expiresAt to be epoch milliseconds or an ISO date');
    }
    return raw as unknown as GhlOAuthCredentials;
  }
  return fail(connection, "expected credentials.type to be 'private-token' or 'oauth'");
}
