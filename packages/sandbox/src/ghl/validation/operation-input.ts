import type { JsonObject } from '../../shared/json.js';

/** JSON type names a parameter can declare; query and path values arrive as strings and are coerced to them. */
export type ParamType = 'string' | 'number' | 'integer' | 'boolean' | 'array';

/** The request-input contract of one operation, whichever source it came from. */
export interface OperationInput {
  readonly method: string;
  readonly path: string;
  readonly operationId: string | undefined;
  /** JSON Schema of `{ path, query, body }`. Refs are absolute URIs registered with the same ajv instance. */
  readonly schema: JsonObject;
  readonly paramTypes: { readonly path: Readonly<Record<string, ParamType>>; readonly query: Readonly<Record<string, ParamType>> };
  /** Allowed values of the `Version` header; empty when the operation does not take one. */
  readonly versions: readonly string[];
  /** Top-level properties the body schema declares; `undefined` when it declares none (a free-form body). */
  readonly bodyProperties: readonly string[] | undefined;
}

/** Extra schemas (shared components) that operation schemas refer to, each with an `$id`. */
export interface OperationInputSet {
  readonly source: string;
  readonly operations: readonly OperationInput[];
  readonly sharedSchemas: readonly JsonObject[];
}

export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} /${path.split('/').filter((s) => s !== '').join('/')}`;
}
