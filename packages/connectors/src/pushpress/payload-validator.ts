import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { JsonSchema } from '@flowline/core';
import { appendPointer } from './json-pointer.js';

/** One way a value fails its schema, located by a JSON pointer into the value. */
export interface SchemaViolation {
  readonly pointer: string;
  readonly message: string;
  readonly keyword: string;
}

export type PayloadCheck = (value: unknown) => readonly SchemaViolation[];

const MAX_VIOLATIONS = 20;

function violationOf(error: ErrorObject): SchemaViolation {
  const params = error.params as Record<string, unknown>;
  const missing = params['missingProperty'];
  const pointer =
    error.keyword === 'required' && typeof missing === 'string'
      ? appendPointer(error.instancePath, missing)
      : error.instancePath;
  return { pointer: pointer === '' ? '' : pointer, message: error.message ?? 'is not valid', keyword: error.keyword };
}

let compilers: { readonly draft07: Ajv; readonly draft2020: Ajv2020 } | undefined;
// Descriptors are shared (the catalog is frozen), so one compiled check per schema object serves every receiver.
const compiled = new WeakMap<JsonSchema, PayloadCheck>();

/**
 * Compiles JSON Schemas (draft-07, or 2020-12 when `$schema` says so) into checks that never
 * change the value (no defaults, coercion or removal) and report violations by JSON pointer.
 */
export function createPayloadChecker(): (schema: JsonSchema) => PayloadCheck {
  compilers ??= {
    // `x-flowline`: the catalog's form hints (an annotation, nothing to check).
    draft07: new Ajv({ strict: true, allowUnionTypes: true, allErrors: true, keywords: [{ keyword: 'x-flowline', schemaType: 'object' }] }),
    draft2020: new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true, keywords: [{ keyword: 'x-flowline', schemaType: 'object' }] }),
  };
  const { draft07, draft2020 } = compilers;
  return (schema) => {
    const cached = compiled.get(schema);
    if (cached !== undefined) return cached;
    const dialect = typeof schema['$schema'] === 'string' ? schema['$schema'] : '';
    const validate: ValidateFunction = (dialect.includes('2020-12') ? draft2020 : draft07).compile(schema);
    const check: PayloadCheck = (value) => {
      if (validate(value)) return [];
      const seen = new Set<string>();
      const violations: SchemaViolation[] = [];
      for (const error of validate.errors ?? []) {
        const violation = violationOf(error);
        const key = `${violation.pointer} ${violation.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        violations.push(violation);
        if (violations.length === MAX_VIOLATIONS) break;
      }
      return violations;
    };
    compiled.set(schema, check);
    return check;
  };
}
