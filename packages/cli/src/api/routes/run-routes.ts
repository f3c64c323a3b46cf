import type { FastifyInstance } from 'fastify';
import { RUN_STATUSES } from '@flowline/core';
import { tenantOf } from '../access.js';
import type { ApiContext } from '../api-context.js';
import { ApiError } from '../api-error.js';
import { ERRORS, ref, TENANT_PARAMS } from '../schemas.js';

const TAGS = ['runs'];
const RUN_PARAMS = { type: 'object', required: ['tenant', 'runId'], properties: { ...TENANT_PARAMS.properties, runId: { type: 'string', minLength: 1, maxLength: 200 } } } as const;
const RUNS = { type: 'object', required: ['runs'], properties: { runs: { type: 'array', items: ref('Run') } }, additionalProperties: false } as const;
const RUN_QUERY = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: RUN_STATUSES },
    workflowId: { type: 'string' },
    version: { type: 'integer', minimum: 1 },
    since: { type: 'string', format: 'date-time', description: 'Only runs queued at or after this time.' },
    until: { type: 'string', format: 'date-time', description: 'Only runs queued before this time.' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    cursor: { type: 'string', description: '`next` of the previous page.' },
  },
  additionalProperties: false,
} as const;

const runNotFound = (runId: string) => new ApiError(404, 'runs.not-found', `There is no run "${runId}"`, { pointer: '/runId', hint: 'GET /api/tenants/{tenant}/runs lists them.' });

export function registerRunRoutes(app: FastifyInstance, context: ApiContext): void {
  app.get('/api/tenants/:tenant/runs', { schema: { tags: TAGS, summary: 'One page of runs, newest first, with the cursor of the next', params: TENANT_PARAMS, querystring: RUN_QUERY, response: { 200: ref('RunPage'), ...ERRORS } } }, async (request) => {
    const scope = await tenantOf(request, context);
    return scope.runs(request.query as Parameters<typeof scope.runs>[0]);
  });

  app.get('/api/tenants/:tenant/runs/:runId', { schema: { tags: TAGS, summary: 'A run with its step records', params: RUN_PARAMS, response: { 200: ref('Run'), ...ERRORS } } }, async (request) => {
    const scope = await tenantOf(request, context);
    const { runId } = request.params as { runId: string };
    const run = await scope.getRun(runId);
    if (!run) throw runNotFound(runId);
    return run;
  });

  app.post('/api/tenants/:tenant/runs/:runId/cancel', { schema: { tags: TAGS, summary: 'Cancels a queued or running run (before its next step); answers the run as it ended', params: RUN_PARAMS, response: { 200: ref('Run'), 409: ref('Error'), ...ERRORS } } }, async (request) => {
    const scope = await tenantOf(request, context);
    return scope.cancel((request.params as { runId: string }).runId);
  });

  app.post('/api/tenants/:tenant/runs/:runId/retry', { schema: { tags: TAGS, summary: 'Retries a failed run as a new attempt linked to it (effects done before are not done again); answers once it ended', params: RUN_PARAMS, response: { 200: RUNS, 409: ref('Error'), ...ERRORS } } }, async (request) => {
    const scope = await tenantOf(request, context);
    return { runs: await scope.retry((request.params as { runId: string }).runId) };
  });

  app.post('/api/tenants/:tenant/runs/:runId/replay', { schema: { tags: TAGS, summary: 'Runs a finished run\'s event again, as a new run linked to it; answers once it ended', params: RUN_PARAMS, response: { 200: ref('Run'), 409: ref('Error'), ...ERRORS } } }, async (request) => {
    const scope = await tenantOf(request, context);
    return scope.replay((request.params as { runId: string }).runId);
  });

  app.get(
    '/api/tenants/:tenant/dead-letters',
    { schema: { tags: TAGS, summary: 'Runs that gave up and events that could not be processed, oldest first', params: TENANT_PARAMS, response: { 200: { type: 'object', required: ['deadLetters'], properties: { deadLetters: { type: 'array', items: ref('DeadLetter') } }, additionalProperties: false }, ...ERRORS } } },
    async (request) => {
      const scope = await tenantOf(request, context);
      return { deadLetters: await scope.deadLetters() };
    },
  );

  app.delete(
    '/api/tenants/:tenant/dead-letters/:deadLetterId',
    { schema: { tags: TAGS, summary: 'Takes a dead letter off the list without replaying it', params: { type: 'object', required: ['tenant', 'deadLetterId'], properties: { ...TENANT_PARAMS.properties, deadLetterId: { type: 'string', minLength: 1 } } }, response: { 200: ref('DeadLetter'), ...ERRORS } } },
    async (request) => {
      const scope = await tenantOf(request, context);
      return scope.discardDeadLetter((request.params as { deadLetterId: string }).deadLetterId);
    },
  );
}
