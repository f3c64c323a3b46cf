import type { FastifyInstance } from 'fastify';
import { FlowlineError, PayloadError } from '@flowline/core';
import { tenantOf } from '../access.js';
import type { ApiContext } from '../api-context.js';
import { ERRORS, ref, TENANT_PARAMS } from '../schemas.js';

const WORKFLOW_PARAMS = { type: 'object', required: ['tenant', 'workflowId'], properties: { ...TENANT_PARAMS.properties, workflowId: { type: 'string', minLength: 1, maxLength: 200 } } } as const;
const START_BODY = {
  type: 'object',
  required: ['payload'],
  properties: { payload: { type: 'object', additionalProperties: true, description: "The run's $event: it must match the workflow's trigger.input (a JSON Schema), when it declares one." } },
  additionalProperties: false,
} as const;

/** A payload refused by the workflow's input schema, its pointers into the request body (`/payload/...`). */
function inBody(error: unknown): unknown {
  if (!(error instanceof PayloadError)) return error;
  const problems = error.problems.map((problem) => ({ ...problem, pointer: `/payload${problem.pointer}` }));
  return new PayloadError(error.code as ConstructorParameters<typeof PayloadError>[0], error.message, { pointer: `/payload${error.pointer ?? ''}`, problems, ...(error.hint === undefined ? {} : { hint: error.hint }), cause: error });
}

/** Runs started by hand: a `flowline.manual` workflow with a payload (its `trigger.input` checks it). */
export function registerManualRunRoutes(app: FastifyInstance, context: ApiContext): void {
  app.post(
    '/api/tenants/:tenant/workflows/:workflowId/runs',
    {
      schema: {
        tags: ['runs'],
        summary: "Starts a run of a published flowline.manual workflow with a payload, checked against its trigger.input (400 with each problem's pointer); answers the run as queued (GET /runs/{runId} follows it)",
        params: WORKFLOW_PARAMS,
        body: START_BODY,
        response: { 202: ref('Run'), 409: ref('Error'), ...ERRORS },
      },
    },
    async (request, reply) => {
      const scope = await tenantOf(request, context);
      const { workflowId } = request.params as { workflowId: string };
      try {
        const { run, done } = await scope.startRun(workflowId, (request.body as { payload: unknown }).payload);
        // The run goes on after the answer; its end is in its record and events.
        done.catch(() => undefined);
        return await reply.status(202).send({ ...run, steps: [] });
      } catch (error) {
        if (error instanceof FlowlineError) throw inBody(error);
        throw error;
      }
    },
  );
}
