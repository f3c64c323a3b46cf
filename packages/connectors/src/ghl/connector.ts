import { ActionError, type ActionContext, type ActionRequest, type Connector, type OperationDescriptor } from '@flowline/core';
import { OAuthTokens, tokenSourceFor } from './auth/access-token-source.js';
import { parseGhlCredentials } from './auth/credentials.js';
import { InMemoryTokenStore, type TokenStore } from './auth/token-store.js';
import { GhlClient, type GhlClientOptions } from './client/ghl-client.js';
import { closestNames } from './closest-names.js';
import { ghlOperations } from '../operations/index.js';

export interface GhlConnectorOptions extends GhlClientOptions {
  /** The GHL operation descriptors this connector offers (default: the generated catalog). */
  readonly operations?: readonly OperationDescriptor[];
  /** Where OAuth token pairs live (default in memory: fine for one process, lost on restart). */
  readonly tokenStore?: TokenStore;
  /** Refresh an OAuth access token this long before it expires (default 5 minutes). */
  readonly refreshSkewMs?: number;
  /** Clock for token expiry (default Date.now). */
  readonly now?: () => number;
}

/** The `ghl` connector, plus its client and OAuth state for hosts that need them. */
export interface GhlConnector extends Connector {
  readonly client: GhlClient;
  readonly oauth: OAuthTokens;
  readonly tokenStore: TokenStore;
}

function settingString(settings: Readonly<Record<string, unknown>> | undefined, name: string): string | undefined {
  const value = settings?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Creates the GoHighLevel connector. A connection's `credentials` are
 * `{ type: 'private-token', token }` or `{ type: 'oauth', clientId, clientSecret, userType?, ... }`;
 * its `settings` may name `locationId` (or `companyId`), whose rate budget the calls spend, and
 * `connectionId`, the TokenStore key (default the connection's name).
 */
export function createGhlConnector(options: GhlConnectorOptions = {}): GhlConnector {
  if (options.refreshSkewMs !== undefined && (!Number.isFinite(options.refreshSkewMs) || options.refreshSkewMs < 0)) {
    throw new TypeError(`Expected \`refreshSkewMs\` to be a non-negative number of milliseconds, got ${options.refreshSkewMs}`);
  }
  if (options.operations !== undefined && !Array.isArray(options.operations)) {
    throw new TypeError('Expected `operations` to be a list of OperationDescriptor');
  }
  const operations = (options.operations ?? ghlOperations).filter((op) => op.connector === 'ghl' && op.kind === 'action');
  const byId = new Map(operations.map((op) => [op.id, op]));
  const client = new GhlClient(options);
  const tokenStore = options.tokenStore ?? new InMemoryTokenStore();
  const oauth = new OAuthTokens({
    baseUrl: client.baseUrl,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    store: tokenStore,
    refreshSkewMs: options.refreshSkewMs ?? 5 * 60_000,
    timeoutMs: options.timeoutMs ?? 30_000,
    now: options.now ?? Date.now,
  });

  return {
    name: 'ghl',
    operations,
    client,
    oauth,
    tokenStore,
    async invoke(request: ActionRequest, context: ActionContext): Promise<unknown> {
      const operation = byId.get(request.operationId);
      if (!operation) {
        const near = closestNames(request.operationId, [...byId.keys()]);
        throw new ActionError('validation', `Unknown GHL operation "${request.operationId}"`, {
          pointer: '/operationId',
          hint: near.length > 0 ? `Did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : 'See the ghl connector operations for valid ids.',
        });
      }
      const { settings } = context.connection;
      const connectionId = settingString(settings, 'connectionId') ?? context.connectionName;
      const credentials = parseGhlCredentials(context.connection.credentials, context.connectionName);
      const locationId = settingString(settings, 'locationId');
      const companyId = settingString(settings, 'companyId');
      const budgetKey = locationId !== undefined ? `location:${locationId}` : companyId !== undefined ? `company:${companyId}` : undefined;
      return client.execute(operation, request.input, {
        auth: tokenSourceFor(connectionId, credentials, oauth),
        signal: context.signal,
        logger: context.logger,
        fallbackBudgetKey: `connection:${connectionId}`,
        ...(budgetKey === undefined ? {} : { budgetKey }),
      });
    },
  };
}
