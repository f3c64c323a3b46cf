import { ActionError } from '@flowline/core';
import type { GhlConnector } from '../connector.js';
import {
  GHL_INSTALLED_LOCATIONS_OPERATION,
  type GhlInstalledLocation,
  type GhlInstalledLocations,
  type GhlInstalledLocationsQuery,
} from '../generated/oauth-operations.js';
import { agencyTokenSource } from './agency-tokens.js';
import { parseGhlCredentials, type GhlAgencyOAuthCredentials } from './credentials.js';

export interface ListInstalledLocationsOptions {
  /** The agency install whose token asks (`{ type: 'agency-oauth', clientId, clientSecret, companyId, ... }`). */
  readonly credentials: GhlAgencyOAuthCredentials;
  /** The query oauth.json declares: `companyId` and `appId` are required; `isInstalled`, `skip`, `limit`, ... filter and page. */
  readonly query: GhlInstalledLocationsQuery;
  readonly signal?: AbortSignal;
}

/** One page of `GET /oauth/installedLocations`, with `locations` always present. */
export interface GhlInstalledLocationsPage extends GhlInstalledLocations {
  readonly locations: readonly GhlInstalledLocation[];
}

const REQUEST = 'GET /oauth/installedLocations';

function isLocation(value: unknown): value is GhlInstalledLocation {
  if (value === null || typeof value !== 'object') return false;
  const { _id, name, address } = value as Record<string, unknown>;
  return typeof _id === 'string' && _id !== '' && typeof name === 'string' && typeof address === 'string';
}

/**
 * `GET /oauth/installedLocations` with the agency token: the company's locations and whether the
 * app is installed in each, one page (`skip`/`limit`) at a time, so a host can make one tenant per
 * installed location. Input problems (a missing `companyId`) fail as a `validation` ActionError
 * before anything is sent; a refused agency token is refreshed once, then fails as `credentials`.
 */
export async function listGhlInstalledLocations(connector: GhlConnector, options: ListInstalledLocationsOptions): Promise<GhlInstalledLocationsPage> {
  const credentials = parseGhlCredentials(options.credentials as unknown as Readonly<Record<string, unknown>>, 'listGhlInstalledLocations');
  if (credentials.type !== 'agency-oauth') {
    throw new ActionError('credentials', `listGhlInstalledLocations: expected agency-oauth credentials, got ${credentials.type}`, {
      pointer: '/credentials/type',
      hint: "Pass { type: 'agency-oauth', clientId, clientSecret, companyId }: only an agency (Company) token may list installed locations.",
    });
  }
  const answer = await connector.client.execute(
    GHL_INSTALLED_LOCATIONS_OPERATION,
    { query: options.query },
    { auth: agencyTokenSource(connector.oauth, credentials), budgetKey: `company:${credentials.companyId}`, ...(options.signal === undefined ? {} : { signal: options.signal }) },
  );
  const record = answer !== null && typeof answer === 'object' ? (answer as Record<string, unknown>) : {};
  const locations = record['locations'] ?? [];
  if (!Array.isArray(locations) || !locations.every(isLocation)) {
    throw new ActionError('server', `GHL answered ${REQUEST} with locations that are not InstalledLocationSchema objects (_id, name, address)`, { request: REQUEST });
  }
  return { ...(record as GhlInstalledLocations), locations };
}
