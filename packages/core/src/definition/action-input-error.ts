import type { OperationDescriptor } from '../connectors/operation.js';
import { ActionError } from '../errors/action-error.js';
import { childPointer } from '../expressions/mapping.js';
import { schemaViolations, type SchemaViolation } from './input-schema-check.js';

/** One violated rule of an action's input, as the connectors report it: where, and what is wrong. */
export interface InputViolation {
  readonly pointer: string;
  readonly message: string;
}

function violationOf(violation: SchemaViolation): InputViolation {
  const { params, keyword, instancePath } = violation;
  const child = typeof params['missingProperty'] === 'string' ? params['missingProperty'] : typeof params['additionalProperty'] === 'string' ? params['additionalProperty'] : undefined;
  const pointer = child === undefined ? instancePath : childPointer(instancePath, child);
  if (keyword === 'additionalProperties') return { pointer, message: 'is not a known field' };
  if (keyword === 'required') return { pointer, message: 'is required' };
  if (keyword === 'enum' && Array.isArray(params['allowedValues'])) {
    return { pointer, message: `must be one of ${params['allowedValues'].map((value) => JSON.stringify(value)).join(', ')}` };
  }
  return { pointer, message: violation.message };
}

/**
 * The error the live call of `operation` fails with when `input` does not fit its `input` schema
 * (undefined when it fits): ActionError('validation') naming every violation by JSON pointer, as
 * the connectors' input validator (ajv, every error) words it. Dry runs use it, so a dry run
 * fails where the live run would, before anything is sent.
 */
export function actionInputError(operation: OperationDescriptor, input: unknown): ActionError | undefined {
  if (operation.kind !== 'action' || operation.input === undefined) return undefined;
  const found = schemaViolations(operation.input, input);
  if (found.length === 0) return undefined;
  const violations = found.map(violationOf);
  const first = violations[0];
  const listed = violations
    .slice(0, 5)
    .map((violation) => `${violation.pointer === '' ? '(input)' : violation.pointer} ${violation.message}`)
    .join('; ');
  const more = violations.length > 5 ? ` (and ${violations.length - 5} more)` : '';
  const service = operation.connector === 'ghl' ? 'GHL' : operation.connector === 'pushpress' ? 'PushPress' : operation.connector;
  return new ActionError('validation', `Invalid input for ${operation.id}: ${listed}${more}`, {
    ...(first === undefined ? {} : { pointer: first.pointer }),
    details: { operationId: operation.id, violations },
    hint: `Fix the step input so it matches the operation input schema; nothing was sent to ${service}.`,
  });
}
