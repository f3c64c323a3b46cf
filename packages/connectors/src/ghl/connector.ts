import { ActionError, type ActionContext, type ActionRequest, type Connector, type OperationDescriptor, closestNames } from '@flowline/core';
import { OAuthTokens } from './auth/access-token-source.js';
import { parseGhlCredentials } from './auth/credentials.js';
import { tokenSourceFor } from './auth/token-source-for.js';
import { InMemoryTokenStore, type TokenStore } from './auth/token-store.js';
import { GhlClient, type GhlCall, type GhlClientOptions } from './client/ghl-client.js';
import { createFindContext } from './reconcile/find-context.js';
import type { Reconciliation } from './reconcile/effect-finder.js';
import { createReconciler } from './reconcile/reconciler.js';
import { ghlOperations, operationsById } from '../operations/index.js';

/**
 * The client's options, and the connector's own. `retry` and `reconcile` apply to `client` used on
 * its own: the connector's calls come from workflow steps, whose retry policy owns retries, so each
 * call sends one request (see `GhlCall.retriedBy`).
 */
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
 * `{ type: 'private-token', token }`, `{ type: 'oauth', clientId, clientSecret, userType?, ... }` or
 * `{ type: 'agency-oauth', clientId, clientSecret, companyId, ... }`; its `settings` may name
 * `locationId` (or `companyId`), whose rate budget the calls spend (and, for `agency-oauth`, the
 * location whose token the calls use, kept per tenant), and `connectionId`, the TokenStore key of
 * an `oauth` pair (default the connection's name).
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
  // Finds what an earlier attempt created: the engine asks through `reconcile` before it sends a
  // request again whose earlier outcome is unknown (see reconcile/registry.ts for which operations and how).
  const reconciler = createReconciler();
  const client = new GhlClient(options);
  const tokenStore = options.tokenStore ?? new InMemoryTokenStore();
  const now = options.now ?? Date.now;
  const oauth = new OAuthTokens({
    baseUrl: client.baseUrl,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    store: tokenStore,
    refreshSkewMs: options.refreshSkewMs ?? 5 * 60_000,
    timeoutMs: options.timeoutMs ?? 30_000,
    now,
  });

  function operationFor(operationId: string): OperationDescriptor {
    const operation = byId.get(operationId);
    if (operation) return operation;
    const near = closestNames(operationId, [...byId.keys()]);
    throw new ActionError('validation', `Unknown GHL operation "${operationId}"`, {
      pointer: '/operationId',
      hint: near.length > 0 ? `Did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : 'See the ghl connector operations for valid ids.',
    });
  }

  /** The client call and the find context for one action call. */
  function callFor(context: ActionContext) {
    const { settings } = context.connection;
    const connectionId = settingString(settings, 'connectionId') ?? context.connectionName;
    const credentials = parseGhlCredentials(context.connection.credentials, context.connectionName);
    const locationId = settingString(settings, 'locationId');
    const companyId = settingString(settings, 'companyId');
    const budgetKey = locationId !== undefined ? `location:${locationId}` : companyId !== undefined ? `company:${companyId}` : undefined;
    const call: GhlCall = {
      auth: tokenSourceFor({ connectionId, connectionName: context.connectionName, tenant: context.tenant, locationId, credentials }, { oauth, client, now }),
      signal: context.signal,
      logger: context.logger,
      fallbackBudgetKey: `connection:${connectionId}`,
      // The engine calls: the step's retry policy owns retries, so each attempt sends one request.
      retriedBy: 'caller',
      ...(budgetKey === undefined ? {} : { budgetKey }),
    };
    const find = createFindContext({
      client,
      // Finders' reads work even when a host offers only some operations.
      describe: (id) => byId.get(id) ?? operationsById.get(id),
      call,
      idempotencyKey: context.idempotencyKey,
      ...(locationId === undefined ? {} : { locationId }),
    });
    return { call, find };
  }

  return {
    name: 'ghl',
    operations,
    client,
    oauth,
    tokenStore,
    async invoke(request: ActionRequest, context: ActionContext): Promise<unknown> {
      const operation = operationFor(request.operationId);
      // The caller's input is checked before the marker goes in, so a missing text field is refused
      // rather than filled with the marker.
      client.validate(operation, request.input);
      const { call, find } = callFor(context);
      return client.execute(operation, reconciler.prepare(operation.id, request.input, find), call);
    },
    async reconcile(request: ActionRequest, context: ActionContext): Promise<Reconciliation> {
      const operation = operationFor(request.operationId);
      const { find } = callFor(context);
      return reconciler.reconcile(operation.id, request.input, find, context.logger);
    },
  };
}
