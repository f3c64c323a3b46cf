import type { FastifyInstance } from 'fastify';
import { tenantOf } from '../access.js';
import type { ApiContext } from '../api-context.js';
import { ApiError } from '../api-error.js';
import { ERRORS, ref, TENANT_PARAMS } from '../schemas.js';

const TAGS = ['workflows'];
const DEFINITION_BODY = {
  type: 'object',
  required: ['definition'],
  properties: { definition: { type: 'object', additionalProperties: true, description: 'A workflow definition (schemas/workflow.schema.json).' } },
  additionalProperties: false,
} as const;
const WORKFLOW_PARAMS = { type: 'object', required: ['tenant', 'workflowId'], properties: { ...TENANT_PARAMS.properties, workflowId: { type: 'string', minLength: 1 } } } as const;
const VERSION_PARAMS = { type: 'object', required: ['tenant', 'workflowId', 'version'], properties: { ...WORKFLOW_PARAMS.properties, version: { type: 'integer', minimum: 1 } } } as const;
/** A definition that does not validate (with its problems), a version number already taken. */
const INVALID = { 409: ref('Error'), 422: ref('Error') } as const;

export function registerWorkflowRoutes(app: FastifyInstance, context: ApiContext): void {
  app.get('/api/tenants/:tenant/workflows', { schema: { tags: TAGS, summary: 'The published workflows', params: TENANT_PARAMS, response: { 200: { type: 'object', required: ['workflows'], properties: { workflows: { type: 'array', items: ref('Workflow') } }, additionalProperties: false }, ...ERRORS } } }, async (request) => {
    const scope = await tenantOf(request, context);
    return { workflows: scope.workflows() };
  });

  app.post(
    '/api/tenants/:tenant/workflows',
    { schema: { tags: TAGS, summary: 'Validates and publishes a workflow version: new deliveries run it; runs under way finish on theirs', params: TENANT_PARAMS, body: DEFINITION_BODY, response: { 201: ref('Workflow'), ...INVALID, ...ERRORS } } },
    async (request, reply) => {
      const scope = await tenantOf(request, context);
      return reply.status(201).send(await scope.publish((request.body as { definition: unknown }).definition));
    },
  );

  app.post(
    '/api/tenants/:tenant/workflows/drafts',
    { schema: { tags: TAGS, summary: 'Saves a version as a draft: checked and kept, given no deliveries', params: TENANT_PARAMS, body: DEFINITION_BODY, response: { 201: ref('WorkflowVersion'), ...INVALID, ...ERRORS } } },
    async (request, reply) => {
      const scope = await tenantOf(request, context);
      return reply.status(201).send(await scope.saveDraft((request.body as { definition: unknown }).definition));
    },
  );

  app.get(
    '/api/tenants/:tenant/workflows/:workflowId/versions',
    { schema: { tags: TAGS, summary: 'Saved versions of a workflow (drafts, published, retired)', params: WORKFLOW_PARAMS, response: { 200: { type: 'object', required: ['versions'], properties: { versions: { type: 'array', items: ref('WorkflowVersion') } }, additionalProperties: false }, ...ERRORS } } },
    async (request) => {
      const scope = await tenantOf(request, context);
      return { versions: await scope.versions((request.params as { workflowId: string }).workflowId) };
    },
  );

  app.post(
    '/api/tenants/:tenant/workflows/:workflowId/versions/:version/publish',
    { schema: { tags: TAGS, summary: 'Publishes a saved version (a draft, or an earlier version again)', params: VERSION_PARAMS, response: { 200: ref('Workflow'), ...INVALID, ...ERRORS } } },
    async (request) => {
      const scope = await tenantOf(request, context);
      const { workflowId, version } = request.params as { workflowId: string; version: number };
      return scope.publishVersion(workflowId, version);
    },
  );

  app.delete(
    '/api/tenants/:tenant/workflows/:workflowId',
    { schema: { tags: TAGS, summary: 'Stops new deliveries to a workflow; its runs under way finish', params: WORKFLOW_PARAMS, response: { 200: { type: 'object', required: ['workflowId', 'undeployed'], properties: { workflowId: { type: 'string' }, undeployed: { type: 'boolean' } }, additionalProperties: false }, ...ERRORS } } },
    async (request) => {
      const scope = await tenantOf(request, context);
      const { workflowId } = request.params as { workflowId: string };
      if (!scope.undeploy(workflowId)) throw new ApiError(404, 'workflows.not-found', `No workflow "${workflowId}" is published`, { pointer: '/workflowId', hint: 'GET /api/tenants/{tenant}/workflows lists them.' });
      return { workflowId, undeployed: true };
    },
  );
}
