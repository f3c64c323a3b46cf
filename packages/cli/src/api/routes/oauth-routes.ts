import type { FastifyInstance, FastifyRequest } from 'fastify';
import { buildGhlAuthorizationUrl, exchangeGhlAuthorizationCode, ghlTokenKeys, type GhlOAuthCredentials, type GhlAgencyOAuthCredentials } from '@flowline/connectors';
import type { ConnectionConfig } from '@flowline/core';
import { tenantOf } from '../access.js';
import type { ApiContext } from '../api-context.js';
import { ApiError } from '../api-error.js';
import { oauthState, readOAuthState } from '../auth.js';
import { ERRORS, ref, TENANT_PARAMS } from '../schemas.js';

const TAGS = ['connections'];
const CALLBACK_PATH = '/api/oauth/callback';

type AppCredentials = GhlOAuthCredentials | GhlAgencyOAuthCredentials;

/** A tenant's GHL connection that installs an app (`oauth` or `agency-oauth`), with its credentials; 400 otherwise. */
function appConnection(context: ApiContext, tenant: string, name: string): { connection: ConnectionConfig; credentials: AppCredentials } {
  const connection = context.settingsOf(tenant)?.connections?.[name];
  if (connection === undefined) throw new ApiError(404, 'connections.not-found', `Tenant "${tenant}" has no connection "${name}"`, { pointer: '/connection', hint: 'GET /api/tenants/{tenant} lists its connections.' });
  const credentials = connection.credentials as { type?: unknown } | undefined;
  if (connection.connector !== 'ghl' || (credentials?.type !== 'oauth' && credentials?.type !== 'agency-oauth')) {
    throw new ApiError(400, 'connections.not-oauth', `Connection "${name}" does not connect through a GHL app install`, { pointer: '/connection', hint: "Its credentials must be { type: 'oauth' | 'agency-oauth', clientId, clientSecret, ... }." });
  }
  return { connection, credentials: credentials as AppCredentials };
}

/** Where GHL sends the admin back: the app's registered redirect URI, else this API's callback as the request reached it. */
function redirectUriOf(credentials: AppCredentials, request: FastifyRequest): string {
  return credentials.redirectUri ?? `${request.protocol}://${request.headers.host ?? request.hostname}${CALLBACK_PATH}`;
}

export function registerOAuthRoutes(app: FastifyInstance, context: ApiContext): void {
  const { ghlBaseUrl } = context;
  app.get(
    '/api/tenants/:tenant/connections/:connection/oauth/authorize',
    {
      schema: {
        tags: TAGS,
        summary: "The link that installs the GHL app for a tenant's oauth or agency-oauth connection: send the location (or agency) admin there; GHL sends them back to the callback with a code",
        params: { type: 'object', required: ['tenant', 'connection'], properties: { ...TENANT_PARAMS.properties, connection: { type: 'string', minLength: 1 } } },
        querystring: { type: 'object', required: ['scopes'], properties: { scopes: { type: 'string', minLength: 1, description: 'GHL scopes, separated by spaces or commas, e.g. contacts.write calendars/events.write' }, whiteLabel: { type: 'boolean', default: false } }, additionalProperties: false },
        response: { 200: { type: 'object', required: ['url', 'expiresAt'], properties: { url: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } }, additionalProperties: false }, ...ERRORS },
      },
    },
    async (request) => {
      const scope = await tenantOf(request, context);
      const { connection: name } = request.params as { connection: string };
      const { scopes, whiteLabel } = request.query as { scopes: string; whiteLabel: boolean };
      const { credentials } = appConnection(context, scope.tenantId, name);
      const redirectUri = redirectUriOf(credentials, request);
      const { state, expiresAt } = await oauthState(context.keys, { tenant: scope.tenantId, connection: name, redirectUri });
      const url = new URL(buildGhlAuthorizationUrl({ clientId: credentials.clientId, redirectUri, scopes: scopes.split(/[\s,]+/).filter(Boolean), whiteLabel }));
      url.searchParams.set('state', state);
      return { url: url.toString(), expiresAt };
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      schema: {
        tags: TAGS,
        summary: 'Where GHL sends the admin back with a code: it is exchanged for the token pair, kept (encrypted where the store can) for the connection the link was for. Its `state` authenticates it',
        security: [],
        querystring: { type: 'object', required: ['code'], properties: { code: { type: 'string', minLength: 1 }, state: { type: 'string' } }, additionalProperties: true },
        response: {
          200: { type: 'object', required: ['tenant', 'connection', 'connected'], properties: { tenant: { type: 'string' }, connection: { type: 'string' }, connected: { type: 'boolean' } }, additionalProperties: false },
          502: ref('Error'),
          ...ERRORS,
        },
      },
    },
    async (request) => {
      const { code, state } = request.query as { code: string; state?: string };
      const target = await readOAuthState(context.keys, state);
      if (target.tenant !== 'default' && !context.engine.hasTenant(target.tenant)) throw new ApiError(404, 'tenants.not-found', `Tenant "${target.tenant}" is no longer on this host`, { hint: 'Add it again, then connect.' });
      const { connection, credentials } = appConnection(context, target.tenant, target.connection);
      const given = connection.settings?.['connectionId'];
      await exchangeGhlAuthorizationCode({
        code,
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        userType: credentials.type === 'agency-oauth' ? 'Company' : 'Location',
        redirectUri: target.redirectUri,
        ...(ghlBaseUrl === undefined ? {} : { baseUrl: ghlBaseUrl }),
        tokenStore: context.ghl.tokenStore,
        connectionId: credentials.type === 'agency-oauth' ? ghlTokenKeys.agency(credentials.companyId) : typeof given === 'string' && given !== '' ? given : target.connection,
      });
      context.options.invalidate({ tenant: target.tenant, connectionName: target.connection });
      return { tenant: target.tenant, connection: target.connection, connected: true };
    },
  );
}
