import type { FastifyInstance } from 'fastify';
import { DEFAULT_TENANT, FlowlineError, type Store, type TenantSettings } from '@flowline/core';
import { checkNewTenantId, storeTenant } from '../../commands/tenants-add.js';
import { parseTenantFile } from '../../tenants/tenant-file.js';
import { hostTenantOf, removedRecordOf, tenantRecordOf } from '../../tenants/stored-tenant.js';
import { requireOperator, tenantOf } from '../access.js';
import type { ApiContext } from '../api-context.js';
import { ApiError } from '../api-error.js';
import { DEFAULT_TOKEN_SECONDS, MAX_TOKEN_SECONDS, tenantToken } from '../auth.js';
import { ERRORS, ref, TENANT_PARAMS } from '../schemas.js';

const TAGS = ['tenants'];

/** A tenant as the API shows it: its connections without credentials. */
function tenantView(context: ApiContext, id: string) {
  const settings: TenantSettings | undefined = context.settingsOf(id);
  return {
    id,
    webhookUrl: context.webhookUrlOf(id),
    connections: Object.entries(settings?.connections ?? {}).map(([name, { connector, settings: connectionSettings }]) => ({
      name,
      connector,
      ...(connectionSettings === undefined ? {} : { settings: withoutTokenKey(connectionSettings) }),
    })),
  };
}

/** The host's own key for a tenant's OAuth tokens is not the tenant's business. */
function withoutTokenKey(settings: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { connectionId: _internal, ...rest } = settings;
  return rest;
}

const NEW_TENANT = {
  type: 'object',
  required: ['id', 'connections', 'pushpress'],
  properties: {
    id: { type: 'string', pattern: TENANT_PARAMS.properties.tenant.pattern, description: 'e.g. its PushPress company id.' },
    connections: { type: 'object', additionalProperties: { type: 'object' }, description: 'Named connections, each { connector, settings, credentials }.' },
    config: { type: 'object', additionalProperties: true, description: 'Its `$config`.' },
    templates: { type: 'object', additionalProperties: true, description: 'Mapping templates its workflows may `$use`.' },
    pushpress: {
      type: 'object',
      required: ['signingSecrets'],
      properties: { signingSecrets: { type: 'array', minItems: 1, maxItems: 2, items: { type: 'string', minLength: 1 } } },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

/** Stores a tenant's record and registers it; when the host refuses it (its workflows do not fit its connections), the record goes again. */
async function addTenant(context: ApiContext, body: Record<string, unknown>): Promise<string> {
  const { id, ...file } = body as { id: string };
  checkNewTenantId(id);
  // `$env:` names the host's environment: not a tenant's to read.
  const parsed = parseTenantFile(file, { source: 'the request body', baseDir: process.cwd(), env: {} });
  const record = tenantRecordOf(id, parsed, new Date().toISOString());
  await storeTenant(context.store, record).catch((error: unknown) => {
    if (error instanceof FlowlineError && error.code === 'store.no_encryption_key') {
      throw new ApiError(503, 'api.no-secret-key', 'The host cannot keep a tenant\'s secrets: its store has no encryption key', { hint: 'The operator sets FLOWLINE_SECRET_KEY and restarts the host.' });
    }
    throw error;
  });
  try {
    const { settings, signingSecrets } = hostTenantOf(record);
    await context.addTenant({ settings, signingSecrets });
  } catch (error) {
    await context.store.deleteTenant(id);
    throw error;
  }
  return id;
}

async function removeTenant(context: ApiContext, store: Store, id: string, keepRecords: boolean, inFlight: 'finish' | 'dead-letter') {
  if (id === DEFAULT_TENANT) throw new ApiError(400, 'tenants.default', 'The default tenant is the configuration file\'s; it is not removed', { pointer: '/tenant' });
  const record = await store.getTenant(id);
  const removal = await context.removeTenant(id, { keepRecords, inFlight });
  // Kept records stay marked removed, so a restart does not serve the tenant again.
  if (keepRecords && record) await store.putTenant(removedRecordOf(record, new Date().toISOString()));
  return { tenant: removal.tenant, keptRecords: keepRecords };
}

export function registerTenantRoutes(app: FastifyInstance, context: ApiContext): void {
  app.get('/api/tenants', { schema: { tags: TAGS, summary: 'Every tenant of the host (operator only)', response: { 200: { type: 'object', required: ['tenants'], properties: { tenants: { type: 'array', items: ref('Tenant') } }, additionalProperties: false }, ...ERRORS } } }, async (request) => {
    await requireOperator(request, context);
    return { tenants: [DEFAULT_TENANT, ...context.engine.tenants().filter((id) => id !== DEFAULT_TENANT)].map((id) => tenantView(context, id)) };
  });

  app.post('/api/tenants', { schema: { tags: TAGS, summary: 'Adds a tenant: stored (secrets encrypted), its webhooks received, the host\'s workflows deployed for it (operator only)', body: NEW_TENANT, response: { 201: ref('Tenant'), 409: ref('Error'), 422: ref('Error'), 503: ref('Error'), ...ERRORS } } }, async (request, reply) => {
    await requireOperator(request, context);
    const id = await addTenant(context, request.body as Record<string, unknown>);
    return reply.status(201).send(tenantView(context, id));
  });

  app.get('/api/tenants/:tenant', { schema: { tags: TAGS, summary: 'One tenant', params: TENANT_PARAMS, response: { 200: ref('Tenant'), ...ERRORS } } }, async (request) => {
    const scope = await tenantOf(request, context);
    return tenantView(context, scope.tenantId);
  });

  app.delete(
    '/api/tenants/:tenant',
    {
      schema: {
        tags: TAGS,
        summary: 'Removes a tenant (operator only): its webhooks answer 404 at once; its work finishes or is dead-lettered; its records are deleted unless kept',
        params: TENANT_PARAMS,
        querystring: { type: 'object', properties: { keepRecords: { type: 'boolean', default: false }, inFlight: { type: 'string', enum: ['finish', 'dead-letter'], default: 'finish' } }, additionalProperties: false },
        response: { 200: { type: 'object', required: ['tenant', 'keptRecords'], properties: { tenant: { type: 'string' }, keptRecords: { type: 'boolean' } }, additionalProperties: false }, ...ERRORS },
      },
    },
    async (request) => {
      await requireOperator(request, context);
      const scope = await tenantOf(request, context);
      const query = request.query as { keepRecords: boolean; inFlight: 'finish' | 'dead-letter' };
      return removeTenant(context, context.store, scope.tenantId, query.keepRecords, query.inFlight);
    },
  );

  app.post(
    '/api/tenants/:tenant/tokens',
    {
      // The body is optional: no body asks for a token of the default lifetime.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags: TAGS,
        summary: 'Signs a token for one tenant, for a builder\'s browser: it reaches that tenant\'s routes only (operator only)',
        params: TENANT_PARAMS,
        body: { type: 'object', properties: { expiresInSeconds: { type: 'integer', minimum: 60, maximum: MAX_TOKEN_SECONDS, default: DEFAULT_TOKEN_SECONDS } }, additionalProperties: false },
        response: { 201: { type: 'object', required: ['token', 'expiresAt'], properties: { token: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } }, additionalProperties: false }, ...ERRORS },
      },
    },
    async (request, reply) => {
      await requireOperator(request, context);
      const scope = await tenantOf(request, context);
      const { expiresInSeconds } = request.body as { expiresInSeconds: number };
      return reply.status(201).send(await tenantToken(context.keys, scope.tenantId, expiresInSeconds));
    },
  );
}
