import type { FastifyInstance } from 'fastify';
import type { OptionsResolver } from '@flowline/connectors';
import { tenantOf } from '../access.js';
import type { ApiContext } from '../api-context.js';
import { ERRORS, TENANT_PARAMS } from '../schemas.js';

const TAGS = ['design'];
const OPTION = { type: 'object', required: ['value', 'label'], properties: { value: { type: 'string' }, label: { type: 'string' }, description: { type: 'string' } }, additionalProperties: false } as const;
const SOURCE_PARAMS = { type: 'object', required: ['tenant', 'source'], properties: { ...TENANT_PARAMS.properties, source: { type: 'string', minLength: 1, maxLength: 100 } } } as const;

export function registerOptionRoutes(app: FastifyInstance, context: ApiContext, resolver: OptionsResolver): void {
  app.get(
    '/api/tenants/:tenant/options',
    {
      schema: {
        tags: TAGS,
        summary: 'The option sources catalog fields name (`x-flowline.options`), with the parameters each takes',
        params: TENANT_PARAMS,
        response: {
          200: {
            type: 'object',
            required: ['sources'],
            properties: { sources: { type: 'array', items: { type: 'object', required: ['id', 'connector', 'title'], properties: { id: { type: 'string' }, connector: { type: 'string' }, title: { type: 'string' }, description: { type: 'string' }, params: { type: 'array', items: { type: 'object', additionalProperties: true } } }, additionalProperties: false } } },
            additionalProperties: false,
          },
          ...ERRORS,
        },
      },
    },
    async (request) => {
      await tenantOf(request, context);
      return { sources: resolver.sources };
    },
  );

  app.get(
    '/api/tenants/:tenant/options/:source',
    {
      schema: {
        tags: TAGS,
        summary: "The choices of a dynamic field from the tenant's account (e.g. GHL calendars, a pipeline's stages), cached a few minutes; `refresh=true` asks again",
        params: SOURCE_PARAMS,
        querystring: {
          type: 'object',
          properties: {
            connection: { type: 'string', default: 'ghl', description: 'The connection to ask with, by name.' },
            refresh: { type: 'boolean', default: false },
            pipelineId: { type: 'string', description: 'For ghl.pipeline-stages: the chosen pipeline.' },
          },
          additionalProperties: false,
        },
        response: {
          200: { type: 'object', required: ['source', 'options', 'fetchedAt', 'cached'], properties: { source: { type: 'string' }, options: { type: 'array', items: OPTION }, fetchedAt: { type: 'string', format: 'date-time' }, cached: { type: 'boolean' } }, additionalProperties: false },
          502: { $ref: 'Error#' },
          ...ERRORS,
        },
      },
    },
    async (request) => {
      const scope = await tenantOf(request, context);
      const { source } = request.params as { source: string };
      const { connection, refresh, ...params } = request.query as { connection: string; refresh: boolean; pipelineId?: string };
      const answer = await resolver.resolve({ tenant: scope.tenantId, connectionName: connection, source, params, refresh });
      return { ...answer, fetchedAt: new Date(answer.fetchedAt).toISOString() };
    },
  );
}
