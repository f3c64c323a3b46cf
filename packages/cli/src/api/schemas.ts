import { RUN_STATUSES, WORKFLOW_VERSION_STATES } from '@flowline/core';

/**
 * The JSON Schemas of the API's answers, shared by its routes. Fastify serializes answers by them
 * (so every object says `additionalProperties: true`: a record's fields are the engine's to
 * decide), and @fastify/swagger puts them in /api/openapi.json as components.
 */
export const SCHEMAS = [
  {
    $id: 'Error',
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', description: 'Stable, machine-readable, e.g. `api.forbidden`.' },
          message: { type: 'string' },
          pointer: { type: 'string', description: 'A JSON pointer to what the error is about, in the request or the definition.' },
          hint: { type: 'string', description: 'What to do about it.' },
          problems: { type: 'array', items: { $ref: 'Problem#' } },
        },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },
  {
    $id: 'Problem',
    type: 'object',
    required: ['pointer', 'message'],
    properties: { pointer: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' }, hint: { type: 'string' } },
    additionalProperties: true,
  },
  {
    $id: 'Tenant',
    type: 'object',
    required: ['id', 'webhookUrl', 'connections'],
    properties: {
      id: { type: 'string' },
      webhookUrl: { type: 'string', description: 'Where PushPress sends its webhooks.' },
      connections: { type: 'array', items: { $ref: 'Connection#' } },
    },
    additionalProperties: false,
  },
  {
    $id: 'Connection',
    type: 'object',
    required: ['name', 'connector'],
    properties: {
      name: { type: 'string' },
      connector: { type: 'string' },
      settings: { type: 'object', additionalProperties: true, description: 'Its settings; credentials are never shown.' },
    },
    additionalProperties: false,
  },
  {
    $id: 'Workflow',
    type: 'object',
    required: ['id', 'version', 'trigger', 'steps'],
    properties: { id: { type: 'string' }, version: { type: 'integer' }, name: { type: 'string' }, trigger: { type: 'object', additionalProperties: true }, steps: { type: 'array' } },
    additionalProperties: true,
    description: 'A workflow definition (schemas/workflow.schema.json).',
  },
  {
    $id: 'WorkflowVersion',
    type: 'object',
    required: ['workflowId', 'version', 'state', 'savedAt'],
    properties: {
      workflowId: { type: 'string' },
      version: { type: 'integer' },
      state: { type: 'string', enum: WORKFLOW_VERSION_STATES },
      definition: { $ref: 'Workflow#' },
      savedAt: { type: 'string', format: 'date-time' },
      publishedAt: { type: 'string', format: 'date-time' },
    },
    additionalProperties: false,
  },
  {
    $id: 'Validation',
    type: 'object',
    required: ['valid', 'problems'],
    properties: { valid: { type: 'boolean' }, problems: { type: 'array', items: { $ref: 'Problem#' } } },
    additionalProperties: false,
  },
  {
    $id: 'Run',
    type: 'object',
    required: ['id', 'workflowId', 'status', 'queuedAt'],
    properties: {
      id: { type: 'string' },
      workflowId: { type: 'string' },
      workflowVersion: { type: ['integer', 'string'] },
      status: { type: 'string', enum: RUN_STATUSES },
      dryRun: { type: 'boolean' },
      queuedAt: { type: 'string' },
      startedAt: { type: 'string' },
      finishedAt: { type: 'string' },
      failedStep: { type: 'string' },
      retryOf: { type: 'string' },
      replayOf: { type: 'string' },
      parent: {
        type: 'object',
        description: 'A sub-workflow\'s run: the run and call step that started it, and how deep it nests.',
        properties: { runId: { type: 'string' }, path: { type: 'string' }, depth: { type: 'integer' } },
        additionalProperties: true,
      },
      error: { type: 'object', additionalProperties: true },
      event: { type: 'object', additionalProperties: true },
      output: {},
      steps: { type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Its step records (a single run\'s answers only).' },
    },
    additionalProperties: true,
  },
  {
    $id: 'RunPage',
    type: 'object',
    required: ['runs'],
    properties: { runs: { type: 'array', items: { $ref: 'Run#' } }, next: { type: 'string', description: 'The cursor of the next page, when there may be one.' } },
    additionalProperties: false,
  },
  {
    $id: 'DeadLetter',
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'string' }, runId: { type: 'string' }, reason: { type: 'string' } },
    additionalProperties: true,
  },
] as const;

/** `$ref` to a shared schema. */
export const ref = (id: (typeof SCHEMAS)[number]['$id']) => ({ $ref: `${id}#` });

/** The answers every route may give besides its own. */
export const ERRORS = {
  400: ref('Error'),
  401: ref('Error'),
  403: ref('Error'),
  404: ref('Error'),
  413: ref('Error'),
} as const;

export const TENANT_PARAMS = {
  type: 'object',
  required: ['tenant'],
  properties: { tenant: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' } },
} as const;
