import type { ConnectionConfig, Logger } from '@flowline/core';
import { parseGhlCredentials } from '../ghl/auth/credentials.js';
import { tokenSourceFor } from '../ghl/auth/token-source-for.js';
import type { GhlCall } from '../ghl/client/ghl-client.js';
import type { GhlConnector } from '../ghl/connector.js';
import { OptionsError } from './options-error.js';

function settingString(settings: Readonly<Record<string, unknown>> | undefined, name: string): string | undefined {
  const value = settings?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export interface ConnectionCallOptions {
  readonly ghl: GhlConnector;
  readonly tenant: string;
  readonly connectionName: string;
  readonly connection: ConnectionConfig;
  readonly now: () => number;
  readonly logger: Logger;
  readonly retriedBy: 'client' | 'caller';
}

/** A GHL call for a tenant's connection, and the location it lists from. */
export interface ConnectionCall {
  readonly call: GhlCall;
  /** The location whose values to list: `settings.locationId`, else the one the token is for. */
  location(): Promise<string>;
}

/**
 * The call a connection's action would make, built as the ghl connector builds it (credentials,
 * token source with OAuth refresh and agency location tokens, rate budget of the location), so
 * option requests share the connector's tokens and budgets.
 */
export function connectionCall(options: ConnectionCallOptions): ConnectionCall {
  const { ghl, tenant, connectionName, connection, now } = options;
  const { settings } = connection;
  const connectionId = settingString(settings, 'connectionId') ?? connectionName;
  const credentials = parseGhlCredentials(connection.credentials, connectionName);
  const locationId = settingString(settings, 'locationId');
  const companyId = settingString(settings, 'companyId');
  const budgetKey = locationId !== undefined ? `location:${locationId}` : companyId !== undefined ? `company:${companyId}` : undefined;
  const call: GhlCall = {
    auth: tokenSourceFor({ connectionId, connectionName, tenant, locationId, credentials }, { oauth: ghl.oauth, client: ghl.client, now }),
    logger: options.logger,
    fallbackBudgetKey: `connection:${connectionId}`,
    retriedBy: options.retriedBy,
    ...(budgetKey === undefined ? {} : { budgetKey }),
  };
  return {
    call,
    async location() {
      if (locationId !== undefined) return locationId;
      const token = await call.auth.current();
      if (token.locationId !== undefined) return token.locationId;
      throw new OptionsError('options.no-location', `GHL connection "${connectionName}" names no location to list options from`, {
        pointer: '/settings/locationId',
        hint: "Set the connection's settings.locationId to the GHL location (sub-account) id.",
      });
    },
  };
}
