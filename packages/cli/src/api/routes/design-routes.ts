import type { FastifyInstance } from 'fastify';
import { createExpressionWorkers, ExpressionCompiler, previewMapping, sampleScope, scopeAt, type Mapping, type TenantScope, type WorkflowDefinition } from '@flowline/core';
import { tenantOf } from '../access.js';
import type { ApiContext } from '../api-context.js';
import { ApiError } from '../api-error.js';
import { ERRORS, ref, TENANT_PARAMS } from '../schemas.js';

const TAGS = ['design'];
/** How long one preview request may evaluate (each expression also has its own limit). */
const PREVIEW_BUDGET_MS = 2000;
const OBJECT = { type: 'object', additionalProperties: true } as const;

/** The trigger operation's sample payload, for previews and test runs given no event. */
function samplePayload(context: ApiContext, trigger: string, pointer: string): unknown {
  const sample = context.engine.catalog.describe(trigger)?.sample;
  if (sample === undefined) throw new ApiError(400, 'api.no-sample', `There is no trigger "${trigger}" with a sample payload`, { pointer, hint: 'Give the event payload yourself, or name a trigger of the catalog.' });
  return sample;
}

function triggerOf(definition: unknown): string | undefined {
  const trigger = (definition as { trigger?: { operation?: unknown } } | null)?.trigger?.operation;
  return typeof trigger === 'string' ? trigger : undefined;
}

const PREVIEW_BODY = {
  type: 'object',
  required: ['mapping'],
  properties: {
    mapping: { description: 'A step input or any mapping: literal JSON, `=expressions`, `{"$use": template}`.' },
    trigger: { type: 'string', description: 'The trigger operation whose sample payload stands for `$event` when no event is given.' },
    event: { description: 'The trigger payload (`$event`).' },
    steps: { ...OBJECT, description: '`$steps`: outputs of earlier steps by id.' },
    vars: { ...OBJECT, description: '`$vars`.' },
    locals: { ...OBJECT, description: 'e.g. `item` and `index` inside a forEach body.' },
    templates: { ...OBJECT, description: 'The workflow\'s templates (the tenant\'s own are added).' },
    pointer: { type: 'string', description: 'Where the mapping is in its workflow, e.g. /steps/0/input.' },
  },
  additionalProperties: false,
} as const;

const PREVIEW_ANSWER = {
  type: 'object',
  required: ['fields'],
  properties: {
    value: { description: 'The mapping\'s value, when every part of it could be evaluated.' },
    error: OBJECT,
    fields: { type: 'array', items: OBJECT, description: 'Every expression with its value or error.' },
  },
  additionalProperties: false,
} as const;

const TEST_RUN_BODY = {
  type: 'object',
  required: ['definition'],
  properties: {
    definition: { ...OBJECT, description: 'A workflow definition; it need not be published.' },
    event: { description: 'The trigger payload; default: the trigger\'s sample.' },
    mocks: { ...OBJECT, description: 'Outputs by step id, standing in for the operations\' samples.' },
    branches: { type: 'object', additionalProperties: { anyOf: [{ type: 'string', enum: ['then', 'else', 'default'] }, { type: 'integer', minimum: 0 }] }, description: 'The branch each `if` step takes (then, else), or the case each `switch` step runs (its index, or default), by step id.' },
  },
  additionalProperties: false,
} as const;

export function registerDesignRoutes(app: FastifyInstance, context: ApiContext): void {
  // Long evaluations move to worker threads, so a preview never holds the API (or the webhooks) for long.
  const expressions = new ExpressionCompiler({ offThread: createExpressionWorkers });

  app.post(
    '/api/tenants/:tenant/validate',
    { schema: { tags: TAGS, summary: 'Every problem of a definition for this tenant (its connections and templates), each at a JSON pointer', params: TENANT_PARAMS, body: { type: 'object', required: ['definition'], properties: { definition: {} }, additionalProperties: false }, response: { 200: ref('Validation'), ...ERRORS } } },
    async (request) => {
      const scope = await tenantOf(request, context);
      const { valid, problems } = scope.validate((request.body as { definition: unknown }).definition);
      return { valid, problems };
    },
  );

  app.post(
    '/api/tenants/:tenant/scope',
    {
      schema: {
        tags: TAGS,
        summary: 'What is in scope at a place in a definition (a data picker\'s tree): `$event`, `$steps.<id>`, `$vars`, `$item`…, each with its type, sample and whether it is certainly set there',
        params: TENANT_PARAMS,
        body: { type: 'object', required: ['definition', 'pointer'], properties: { definition: OBJECT, pointer: { type: 'string', description: 'e.g. /steps/2/input/body/title' } }, additionalProperties: false },
        response: { 200: { type: 'object', required: ['pointer', 'names'], properties: { pointer: { type: 'string' }, names: { type: 'array', items: OBJECT } }, additionalProperties: true }, ...ERRORS },
      },
    },
    async (request) => {
      const scope = await tenantOf(request, context);
      const body = request.body as { definition: WorkflowDefinition; pointer: string };
      const settings = context.settingsOf(scope.tenantId);
      return scopeAt(body.definition, body.pointer, { catalog: context.engine.catalog, ...(settings?.config ? { config: settings.config } : {}), ...(settings?.templates ? { templates: settings.templates } : {}) });
    },
  );

  app.post(
    '/api/tenants/:tenant/preview',
    { schema: { tags: TAGS, summary: 'Evaluates a whole mapping against sample data: its value, and each field\'s value or error', params: TENANT_PARAMS, body: PREVIEW_BODY, response: { 200: PREVIEW_ANSWER, ...ERRORS } } },
    async (request) => {
      const scope = await tenantOf(request, context);
      const body = request.body as { mapping: Mapping; trigger?: string; event?: unknown; steps?: Record<string, unknown>; vars?: Record<string, unknown>; locals?: Record<string, unknown>; templates?: Record<string, Mapping>; pointer?: string };
      const settings = context.settingsOf(scope.tenantId);
      const event = body.event ?? (body.trigger === undefined ? {} : samplePayload(context, body.trigger, '/trigger'));
      const sample = sampleScope({
        event,
        ...(body.trigger === undefined ? {} : { trigger: { operation: body.trigger } }),
        ...(body.steps ? { steps: body.steps } : {}),
        ...(body.vars ? { vars: body.vars } : {}),
        ...(body.locals ? { locals: body.locals } : {}),
        ...(settings?.config ? { config: settings.config } : {}),
      });
      return previewMapping(body.mapping, { expressions, scope: sample, budgetMs: PREVIEW_BUDGET_MS, templates: { ...settings?.templates, ...body.templates }, ...(body.pointer === undefined ? {} : { pointer: body.pointer }) });
    },
  );

  app.post(
    '/api/tenants/:tenant/test-step',
    {
      schema: {
        tags: TAGS,
        summary: 'Runs one action live, on its own, with the tenant\'s connection and a literal input (it really calls the service): its output or error. No run is recorded; an input that does not fit the operation fails before anything is sent',
        params: TENANT_PARAMS,
        body: {
          type: 'object',
          required: ['operation', 'connection', 'input'],
          properties: { operation: { type: 'string', minLength: 1 }, connection: { type: 'string', minLength: 1 }, input: { description: 'The operation\'s input as it would be sent (literal JSON).' }, timeoutMs: { type: 'integer', minimum: 100, maximum: 60_000 } },
          additionalProperties: false,
        },
        response: {
          200: { type: 'object', required: ['operation', 'status', 'durationMs'], properties: { operation: { type: 'string' }, status: { type: 'string', enum: ['succeeded', 'failed'] }, output: {}, error: OBJECT, durationMs: { type: 'number' } }, additionalProperties: false },
          ...ERRORS,
        },
      },
    },
    async (request) => {
      const scope = await tenantOf(request, context);
      return scope.testStep(request.body as Parameters<TenantScope['testStep']>[0]);
    },
  );

  app.post(
    '/api/tenants/:tenant/test-runs',
    { schema: { tags: TAGS, summary: 'Runs a definition as a dry run (nothing is sent): each action records the request it would send; step outputs may be mocked and branches chosen', params: TENANT_PARAMS, body: TEST_RUN_BODY, response: { 200: ref('Run'), ...{ 422: ref('Error') }, ...ERRORS } } },
    async (request) => {
      const scope = await tenantOf(request, context);
      const body = request.body as { definition: unknown; event?: unknown; mocks?: Record<string, unknown>; branches?: Record<string, string | number> };
      const trigger = triggerOf(body.definition);
      if (trigger === undefined) throw new ApiError(422, 'api.no-trigger', 'The definition names no trigger operation', { pointer: '/definition/trigger/operation', hint: 'Give it a trigger, e.g. pushpress.customer.created.' });
      const payload = body.event ?? samplePayload(context, trigger, '/definition/trigger/operation');
      const options = { dryRun: true, ...(body.mocks ? { mocks: body.mocks } : {}), ...(body.branches ? { branches: body.branches } : {}) } as Parameters<TenantScope['run']>[2];
      return scope.run(body.definition, { trigger, payload }, options);
    },
  );
}
