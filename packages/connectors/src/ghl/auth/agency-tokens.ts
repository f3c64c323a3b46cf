import { ActionError } from '@flowline/core';
import type { GhlClient } from '../client/ghl-client.js';
import { GHL_LOCATION_TOKEN_OPERATION } from '../generated/oauth-operations.js';
import type { AccessTokenSource, OAuthTokens } from './access-token-source.js';
import type { GhlAgencyOAuthCredentials } from './credentials.js';
import { ghlTokenKeys } from './token-keys.js';
import { isGhlTokenPair, type GhlLocationToken } from './token-store.js';

/** The agency (Company) token pair of an agency install: refreshed like any pair, with `user_type=Company`. */
export function agencyTokenSource(oauth: OAuthTokens, credentials: GhlAgencyOAuthCredentials): AccessTokenSource {
  const { clientId, clientSecret, companyId, redirectUri, accessToken, refreshToken, expiresAt } = credentials;
  return oauth.source(
    ghlTokenKeys.agency(companyId),
    {
      type: 'oauth',
      clientId,
      clientSecret,
      userType: 'Company',
      ...(redirectUri === undefined ? {} : { redirectUri }),
      ...(accessToken === undefined ? {} : { accessToken }),
      ...(refreshToken === undefined ? {} : { refreshToken }),
      ...(expiresAt === undefined ? {} : { expiresAt }),
    },
    {
      label: `The GHL agency "${companyId}"`,
      hint: `Install the app for the agency and exchange its code with userType 'Company' into the token store under ghlTokenKeys.agency(companyId), or set credentials.refreshToken.`,
    },
  );
}

export interface LocationTokenSourceOptions {
  readonly oauth: OAuthTokens;
  /** Sends `POST /oauth/locationToken` (validation, rate budget, a 401 renews the agency token once). */
  readonly client: GhlClient;
  readonly credentials: GhlAgencyOAuthCredentials;
  /** The tenant whose calls use the token: each tenant keeps its own token per location. */
  readonly tenant: string;
  readonly locationId: string;
  readonly now: () => number;
}

function text(record: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = record[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const AGENCY_HINTS: Partial<Record<string, string>> = {
  credentials: "The agency's token was refused and could not be refreshed: install the app for the agency again (exchangeGhlAuthorizationCode with userType 'Company').",
  validation: 'Check that the app is installed in this location of the company (listGhlInstalledLocations).',
  permission: 'Check that the app is installed in this location of the company (listGhlInstalledLocations).',
};

/** `POST /oauth/locationToken` with the agency token: a location's access token (GHL gives no refresh token with it). */
async function requestLocationToken(options: LocationTokenSourceOptions, agency: AccessTokenSource): Promise<GhlLocationToken> {
  const { client, credentials, locationId, now } = options;
  const { companyId } = credentials;
  let answer: unknown;
  try {
    answer = await client.execute(GHL_LOCATION_TOKEN_OPERATION, { body: { companyId, locationId } }, { auth: agency, budgetKey: `company:${companyId}` });
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    const hint = AGENCY_HINTS[error.category] ?? error.hint;
    throw new ActionError(error.category, `Could not get an access token for GHL location "${locationId}" from the agency token of company "${companyId}": ${error.message}`, {
      ...(error.status === undefined ? {} : { status: error.status }),
      ...(error.request === undefined ? {} : { request: error.request }),
      ...(hint === undefined ? {} : { hint }),
      cause: error,
    });
  }
  const record = answer !== null && typeof answer === 'object' ? (answer as Record<string, unknown>) : {};
  const accessToken = text(record, 'access_token');
  const expiresIn = record['expires_in'];
  if (accessToken === undefined || typeof expiresIn !== 'number') {
    throw new ActionError('server', 'GHL answered POST /oauth/locationToken without access_token and expires_in', { request: 'POST /oauth/locationToken' });
  }
  const optional = { scope: text(record, 'scope'), userId: text(record, 'userId'), appId: text(record, 'appId'), versionId: text(record, 'versionId'), planId: text(record, 'planId') };
  return {
    accessToken,
    expiresAt: now() + expiresIn * 1000,
    userType: 'Location',
    locationId: text(record, 'locationId') ?? locationId,
    companyId,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };
}

/**
 * The access token of one location of an agency install, as one tenant uses it: kept under
 * `ghlTokenKeys.location(tenant, locationId)` and obtained again from the agency token when it
 * nears expiry or GHL refuses it, single-flight per (tenant, location). The agency token is
 * refreshed (single-flight per company) when GHL refuses it for the location token request.
 */
export function locationTokenSource(options: LocationTokenSourceOptions): AccessTokenSource {
  const { oauth, credentials, tenant, locationId } = options;
  const agency = agencyTokenSource(oauth, credentials);
  return oauth.renewing({
    key: ghlTokenKeys.location(tenant, locationId),
    load: async (store) => {
      const stored = await store.get(ghlTokenKeys.location(tenant, locationId));
      return stored === undefined || isGhlTokenPair(stored) ? undefined : stored;
    },
    obtain: () => requestLocationToken(options, agency),
    secrets: () => [credentials.clientSecret, ...agency.secrets()],
  });
}
