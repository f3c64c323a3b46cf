import { closestNames } from '../catalog/closest-names.js';
import { childPointer } from '../expressions/mapping.js';
import { workflowSchema, type SchemaError } from './workflow-schema.js';
import type { ValidationProblem } from './validation-problem.js';

/** The step kinds, as the schema lists them. */
const STEP_TYPES: readonly string[] = (workflowSchema as { definitions: { Step: { properties: { type: { enum: string[] } } } } }).definitions.Step.properties.type.enum;

/** Turns ajv's errors into problems a person reads, dropping the noise of if/then and anyOf branches. */
export function schemaProblems(errors: readonly SchemaError[]): ValidationProblem[] {
  const anyOfPaths = errors.filter((error) => error.keyword === 'anyOf').map((error) => error.schemaPath);
  // A step without a `type` matches every kind's `if`: each kind's demands would be listed. Only the missing type is.
  const untyped = errors.filter(isMissingStepType);
  const problems: ValidationProblem[] = untyped.map(missingStepType);
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (anyOfPaths.some((path) => error.schemaPath.startsWith(`${path}/`))) continue;
    if (untyped.some((step) => error.instancePath === step.instancePath || error.instancePath.startsWith(`${step.instancePath}/`))) continue;
    problems.push(toProblem(error));
  }
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isMissingStepType(error: SchemaError): boolean {
  // The Step schema is the one whose `type` is an enum of the kinds (each kind's own schema has a const).
  const type = (error.parentSchema as { properties?: { type?: { enum?: unknown } } } | undefined)?.properties?.type;
  return error.keyword === 'required' && (error.params as { missingProperty?: unknown }).missingProperty === 'type' && Array.isArray(type?.enum);
}

function missingStepType(error: SchemaError): ValidationProblem {
  const step = error.data as Record<string, unknown> | undefined;
  const kinds = STEP_TYPES.map((type) => `"${type}"`).join(', ');
  return {
    pointer: error.instancePath,
    code: 'schema.required',
    message: `Missing required property "type": the step's kind, one of ${kinds}`,
    ...(step && typeof step === 'object' && 'operation' in step ? { suggestion: 'It names an operation: did you mean "type": "action"?' } : {}),
  };
}

function toProblem(error: SchemaError): ValidationProblem {
  const pointer = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { pointer, code: 'schema.required', message: `Missing required property "${String(params['missingProperty'])}"` };
    case 'additionalProperties': {
      const property = String(params['additionalProperty']);
      return { pointer: childPointer(pointer, property), code: 'schema.unknown-property', message: `Unknown property "${property}"` };
    }
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const closest = closestNames(String(error.data), allowed, 1);
      return {
        pointer,
        code: 'schema.enum',
        message: `${JSON.stringify(error.data)} is not one of ${allowed.map((value) => JSON.stringify(value)).join(', ')}`,
        ...(closest[0] ? { suggestion: `Did you mean "${closest[0]}"?` } : {}),
      };
    }
    case 'anyOf':
      return pointer.endsWith('/onError')
        ? { pointer, code: 'schema.type', message: 'onError must be "fail", "continue" or a list of fallback steps' }
        : { pointer, code: 'schema.type', message: `Value ${error.message ?? 'is not valid'}` };
    default:
      return { pointer, code: `schema.${error.keyword}`, message: `${pointer === '' ? 'The workflow' : 'Value'} ${error.message ?? 'is not valid'}` };
  }
}
