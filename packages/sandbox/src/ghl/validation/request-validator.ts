import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { operationKey, type OperationInput, type OperationInputSet, type ParamType } from './operation-input.js';

const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;
const MAX_MESSAGES = 10;

export interface RequestParts {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly body: JsonValue | undefined;
  readonly version: string | undefined;
}

export interface RequestValidatorOptions {
  /** Answer 422 `property x should not exist` for body members the schema does not declare (NestJS whitelist). */
  readonly rejectUnknownBodyProperties: boolean;
}

function coerce(value: string | string[], type: ParamType): JsonValue {
  if (type === 'array') return Array.isArray(value) ? value : value.split(',');
  const one = Array.isArray(value) ? (value[0] ?? '') : value;
  if ((type === 'number' || type === 'integer') && one.trim() !== '' && Number.isFinite(Number(one))) return Number(one);
  if (type === 'boolean' && (one === 'true' || one === 'false')) return one === 'true';
  return one;
}

function coerceGroup(values: Readonly<Record<string, string | string[]>>, types: Readonly<Record<string, ParamType>>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(values)) out[k] = coerce(v, types[k] ?? 'string');
  return out;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'request' : e.instancePath.slice(1);
  const allowed = e.keyword === 'enum' && Array.isArray(e.params['allowedValues']) ? `: ${(e.params['allowedValues'] as unknown[]).join(', ')}` : '';
  return `${where} ${e.message ?? 'is invalid'}${allowed}`;
}

/**
 * Checks a request against its operation's input schema and the `Version` header, answering
 * the way GoHighLevel does: 400 for a missing or unknown `Version`, 422 with a list of
 * messages (each naming the member, e.g. `body/dueDate must be string`) for schema violations.
 */
export class RequestValidator {
  private readonly ajv: Ajv;
  private readonly byKey = new Map<string, OperationInput>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(
    readonly inputs: OperationInputSet,
    private readonly options: RequestValidatorOptions,
  ) {
    this.ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateFormats: true });
    addFormats(this.ajv);
    for (const s of inputs.sharedSchemas) this.ajv.addSchema(s);
    for (const op of inputs.operations) this.byKey.set(operationKey(op.method, op.path), op);
  }

  has(method: string, path: string): boolean {
    return this.byKey.has(operationKey(method, path));
  }

  validate(method: string, path: string, parts: RequestParts): void {
    const key = operationKey(method, path);
    const op = this.byKey.get(key);
    if (op === undefined) throw new GhlHttpError(500, `The sandbox has no request schema for ${key}`);
    if (op.versions.length > 0) {
      if (parts.version === undefined) throw new GhlHttpError(400, 'Version header was not found');
      if (!op.versions.includes(parts.version)) {
        throw new GhlHttpError(400, `Version header must be one of: ${op.versions.join(', ')}`);
      }
    }
    // A group goes in when the schema declares it or the request has members for it, so a schema
    // with `additionalProperties: false` at the top still rejects query parameters it does not know.
    const declared = isJsonObject(op.schema['properties']) ? op.schema['properties'] : {};
    const input: JsonObject = {};
    if ('path' in declared || Object.keys(parts.params).length > 0) input['path'] = coerceGroup(parts.params, op.paramTypes.path);
    if ('query' in declared || Object.keys(parts.query).length > 0) input['query'] = coerceGroup(parts.query, op.paramTypes.query);
    if (parts.body !== undefined) input['body'] = parts.body;
    const validate = this.compile(key, op);
    const messages: string[] = [];
    if (!validate(input)) {
      for (const e of validate.errors ?? []) {
        const m = describe(e);
        if (!messages.includes(m)) messages.push(m);
      }
    }
    const body = parts.body;
    if (this.options.rejectUnknownBodyProperties && op.bodyProperties !== undefined && typeof body === 'object' && body !== null && !Array.isArray(body)) {
      for (const k of Object.keys(body)) if (!op.bodyProperties.includes(k)) messages.push(`property ${k} should not exist`);
    }
    if (messages.length > 0) throw new GhlHttpError(422, messages.slice(0, MAX_MESSAGES));
  }

  private compile(key: string, op: OperationInput): ValidateFunction {
    let fn = this.compiled.get(key);
    if (fn === undefined) {
      fn = this.ajv.compile(op.schema);
      this.compiled.set(key, fn);
    }
    return fn;
  }
}
