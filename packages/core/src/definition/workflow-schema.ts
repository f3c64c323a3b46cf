import type { ErrorObject, ValidateFunction } from 'ajv';
import type { WorkflowDefinition } from '../generated/workflow.js';
import { workflowSchema } from '../generated/workflow-schema.js';
import { validate } from '../generated/workflow-validator.js';

export { workflowSchema };

/**
 * The ajv validator of the workflow schema (strict mode, every error), precompiled by `pnpm generate`
 * into src/generated/workflow-validator.ts: nothing is compiled at run time, so validation also
 * works on a page whose Content-Security-Policy forbids eval.
 */
export function workflowValidator(): ValidateFunction<WorkflowDefinition> {
  return validate as ValidateFunction<WorkflowDefinition>;
}

export type SchemaError = ErrorObject;
