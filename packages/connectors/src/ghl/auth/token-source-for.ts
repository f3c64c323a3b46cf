import { ActionError } from '@flowline/core';
import type { GhlClient } from '../client/ghl-client.js';
import { staticTokenSource, type AccessTokenSource, type OAuthTokens } from './access-token-source.js';
import { locationTokenSource } from './agency-tokens.js';
import type { GhlCredentials } from './credentials.js';

/** One action call's connection, as far as its token goes. */
export interface ConnectionAuth {
  /** The TokenStore key of an `oauth` connection's pair. */
  readonly connectionId: string;
  readonly connectionName: string;
  readonly tenant: string;
  /** The connection's `settings.locationId`. */
  readonly locationId: string | undefined;
  readonly credentials: GhlCredentials;
}

export interface TokenSourceDependencies {
  readonly oauth: OAuthTokens;
  readonly client: GhlClient;
  readonly now: () => number;
}

/** The token source of one connection's credentials. */
export function tokenSourceFor(auth: ConnectionAuth, dependencies: TokenSourceDependencies): AccessTokenSource {
  const { credentials } = auth;
  switch (credentials.type) {
    case 'private-token':
      return staticTokenSource(credentials.token);
    case 'oauth':
      return dependencies.oauth.source(auth.connectionId, credentials);
    case 'agency-oauth':
      if (auth.locationId === undefined) {
        throw new ActionError('credentials', `GHL connection "${auth.connectionName}": agency-oauth credentials need settings.locationId, the location to act for`, {
          pointer: '/settings/locationId',
          hint: 'Set the connection\'s settings.locationId to one of the locations the agency installed the app in (listGhlInstalledLocations).',
        });
      }
      return locationTokenSource({ ...dependencies, credentials, tenant: auth.tenant, locationId: auth.locationId });
  }
}
