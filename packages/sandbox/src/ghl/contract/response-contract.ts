import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';
import { operationKey } from '../validation/operation-input.js';
import { rewrite, SCHEMA_BASE } from '../validation/openapi-inputs.js';
import { SPEC_CORRECTIONS, type SpecCorrection } from './spec-corrections.js';

const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;
const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;

/** What GHL's documents say one operation answers. */
export interface DocumentedOperation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  /** Status → JSON Schema of the body (refs absolute); `null` when the status is documented without a body. */
  readonly responses: ReadonlyMap<number, JsonObject | null>;
}

/** One way an answer breaks the contract. */
export interface ContractProblem {
  /** JSON pointer into the body (`` for the body itself, `status` for the status code). */
  readonly pointer: string;
  readonly message: string;
}

/**
 * Every GHL error the sandbox sends has NestJS's shape (common-schemas.json: BadRequestDTO,
 * UnauthorizedDTO, UnprocessableDTO): `statusCode` equal to the HTTP status, `message` (a list of
 * messages for 422, a sentence otherwise) and `error`. GHL's documents leave every member optional;
 * the sandbox holds itself to all three, and uses this shape for statuses a document does not list
 * (404 on most operations, 403, 409, 413, 429, 5xx).
 */
function errorShape(status: number): JsonObject {
  return {
    type: 'object',
    required: ['statusCode', 'message', 'error'],
    properties: {
      statusCode: { const: status },
      message: status === 422 ? { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } : { type: 'string', minLength: 1 },
      error: { type: 'string', minLength: 1 },
    },
  };
}

function describe(e: ErrorObject): ContractProblem {
  const extra = e.keyword === 'additionalProperties' ? ` (${String(e.params['additionalProperty'])})` : e.keyword === 'required' ? ` (${String(e.params['missingProperty'])})` : '';
  return { pointer: e.instancePath, message: `${e.message ?? 'is invalid'}${extra} [${e.schemaPath}]` };
}

function corrected(operationId: string, status: number, problem: ErrorObject, corrections: readonly SpecCorrection[]): boolean {
  return corrections.some(
    (c) =>
      (c.operationIds === '*' || c.operationIds.includes(operationId)) &&
      (c.status === undefined || c.status === status) &&
      c.pointer.test(problem.instancePath) &&
      (c.keyword === undefined || c.keyword === problem.keyword),
  );
}

/**
 * GHL's response contract, from its OpenAPI documents: for each operation and status, the schema
 * of the body. `check` says how an answer (status and body) breaks it: a success status the
 * document does not give, a body its schema refuses, an error body that is not GHL's error shape.
 * Where a document is wrong about what GHL sends, `SPEC_CORRECTIONS` says so and why.
 */
export class ResponseContract {
  private readonly ajv: Ajv;
  private readonly operations = new Map<string, DocumentedOperation>();
  private readonly compiled = new Map<string, ValidateFunction>();

  private constructor(
    documents: readonly { uri: string; doc: JsonObject }[],
    private readonly corrections: readonly SpecCorrection[],
  ) {
    this.ajv = addFormats(new Ajv({ strict: false, allErrors: true, logger: false, validateFormats: true }));
    for (const { uri, doc } of documents) {
      const components = isJsonObject(doc['components']) ? doc['components'] : {};
      this.ajv.addSchema({ $id: uri, $defs: rewrite(components['schemas'] ?? {}, uri) ?? {} });
      const paths = isJsonObject(doc['paths']) ? doc['paths'] : {};
      for (const [path, item] of Object.entries(paths)) {
        if (!isJsonObject(item)) continue;
        for (const method of METHODS) {
          const op = item[method];
          if (!isJsonObject(op)) continue;
          const responses = new Map<number, JsonObject | null>();
          for (const [status, response] of Object.entries(isJsonObject(op['responses']) ? op['responses'] : {})) {
            const content = isJsonObject(response) && isJsonObject(response['content']) ? response['content'] : {};
            const json = content['application/json'];
            const schema = isJsonObject(json) ? rewrite(json['schema'], uri) : undefined;
            responses.set(Number(status), isJsonObject(schema) ? schema : null);
          }
          const operationId = typeof op['operationId'] === 'string' ? op['operationId'] : `${method.toUpperCase()} ${path}`;
          this.operations.set(operationKey(method, path), { operationId, method: method.toUpperCase(), path, responses });
        }
      }
    }
  }

  /** The contract of GHL's documents in `openApiDir` (`apps/*.json` and `common/common-schemas.json`). */
  static load(openApiDir: string = fileURLToPath(new URL('../../../../connectors/reference/ghl/openapi', import.meta.url)), corrections: readonly SpecCorrection[] = SPEC_CORRECTIONS): ResponseContract {
    const read = (relative: string): { uri: string; doc: JsonObject } => ({
      uri: new URL(relative, SCHEMA_BASE).href,
      doc: JSON.parse(readFileSync(join(openApiDir, relative), 'utf8')) as JsonObject,
    });
    const apps = readdirSync(join(openApiDir, 'apps'))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => read(`apps/${f}`));
    return new ResponseContract([read('common/common-schemas.json'), ...apps], corrections);
  }

  /** The documented operation at `METHOD /path/template`, if GHL documents one. */
  operation(method: string, path: string): DocumentedOperation | undefined {
    return this.operations.get(operationKey(method, path));
  }

  /**
   * The documented operation a concrete request path names (`/contacts/abc/tasks`), literal
   * segments winning over parameters as GHL's router does (`/opportunities/search` before `/opportunities/{id}`).
   */
  match(method: string, concretePath: string): DocumentedOperation | undefined {
    const parts = concretePath.split('?')[0]?.split('/').filter((s) => s !== '') ?? [];
    let best: { op: DocumentedOperation; literals: number } | undefined;
    for (const op of this.operations.values()) {
      if (op.method !== method.toUpperCase()) continue;
      const segments = op.path.split('/').filter((s) => s !== '');
      if (segments.length !== parts.length) continue;
      let literals = 0;
      const fits = segments.every((seg, i) => {
        if (seg.startsWith('{') && seg.endsWith('}')) return true;
        literals++;
        return seg === parts[i];
      });
      if (fits && (best === undefined || literals > best.literals)) best = { op, literals };
    }
    return best?.op;
  }

  /**
   * `check` for a concrete request path (see `match`). A path GHL does not document can only be
   * refused, in GHL's error shape (NestJS's 404 `Cannot GET /x`).
   */
  checkAnswer(method: string, concretePath: string, status: number, body: JsonValue | undefined): ContractProblem[] {
    const op = this.match(method, concretePath);
    if (op !== undefined) return this.check(op.method, op.path, status, body);
    if (status < 400) return [{ pointer: 'status', message: `GHL documents no operation for ${method} ${concretePath}, yet it answered ${status}` }];
    return this.validate(`error:${status}`, errorShape(status), `${method} ${concretePath}`, status, body);
  }

  /** How the answer `status` + `body` to `METHOD /path/template` breaks the contract; empty when it keeps it. */
  check(method: string, path: string, status: number, body: JsonValue | undefined): ContractProblem[] {
    const op = this.operation(method, path);
    if (op === undefined) return [{ pointer: '', message: `GHL documents no operation ${method} ${path}` }];
    const problems: ContractProblem[] = [];
    if (status < 400) {
      if (!op.responses.has(status)) {
        const documented = [...op.responses.keys()].filter((s) => s < 400);
        return [{ pointer: 'status', message: `${op.operationId} answers ${documented.join(' or ')} on success, not ${status}` }];
      }
    } else {
      problems.push(...this.validate(`error:${status}`, errorShape(status), op.operationId, status, body));
    }
    const documented = op.responses.get(status);
    if (documented !== undefined && documented !== null) {
      problems.push(...this.validate(`${operationKey(method, path)} ${status}`, documented, op.operationId, status, body));
    }
    return problems;
  }

  private validate(key: string, schema: JsonObject, operationId: string, status: number, body: JsonValue | undefined): ContractProblem[] {
    let fn = this.compiled.get(key);
    if (fn === undefined) {
      fn = this.ajv.compile(schema);
      this.compiled.set(key, fn);
    }
    if (fn(body)) return [];
    return (fn.errors ?? []).filter((e) => !corrected(operationId, status, e, this.corrections)).map(describe);
  }
}
