import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import workflowSchema from '../../../../schemas/workflow.schema.json' with { type: 'json' };
import type { WorkflowDefinition } from '../generated/workflow.js';

export { workflowSchema };

let compiled: ValidateFunction<WorkflowDefinition> | undefined;

/** The ajv validator of schemas/workflow.schema.json, compiled once (strict mode, every error). */
export function workflowValidator(): ValidateFunction<WorkflowDefinition> {
  compiled ??= new Ajv({ allErrors: true, verbose: true, strict: true, keywords: ['tsType'] }).compile<WorkflowDefinition>(workflowSchema);
  return compiled;
}

export type SchemaError = ErrorObject;
