import { isJsonObject, type Json, type JsonObject } from './json-types.js';
import type { OpenApiDocuments } from './openapi-documents.js';

export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** Keywords OpenAPI 3.0 allows in a schema that JSON Schema draft-07 (ajv strict) does not know. */
const DROPPED = new Set(['discriminator', 'xml', 'externalDocs', 'writeOnly']);

/** Annotations that stay outside the `anyOf` when a nullable schema is wrapped. */
const ANNOTATIONS = ['title', 'description', 'default', 'examples', 'deprecated', 'readOnly'] as const;

/**
 * Converts OpenAPI 3.0 schema objects into self-contained JSON Schema draft-07: `$ref`s become
 * `#/definitions/<name>` with the referenced schemas copied into `definitions`, `nullable`
 * becomes `anyOf [..., {type: null}]`, `example` becomes `examples`, union `type` arrays become
 * `anyOf`, and keywords ajv's strict mode rejects are dropped. One converter per output schema.
 */
export class SchemaConverter {
  readonly #documents: OpenApiDocuments;
  readonly #definitions = new Map<string, JsonObject>();
  readonly #names = new Map<string, string>();
  readonly #open: boolean;

  /** `open: true` removes every `additionalProperties: false` (for payloads others may extend). */
  constructor(options: { documents: OpenApiDocuments; open?: boolean }) {
    this.#documents = options.documents;
    this.#open = options.open ?? false;
  }

  /** The `definitions` collected so far, in the order they were first referenced. */
  get definitions(): JsonObject | undefined {
    if (this.#definitions.size === 0) return undefined;
    return Object.fromEntries(this.#definitions);
  }

  convert(node: Json, base: URL): JsonObject {
    if (!isJsonObject(node)) throw new Error(`${base.href}: expected a schema object, got ${JSON.stringify(node)}`);
    const ref = node['$ref'];
    if (typeof ref === 'string') return { $ref: `#/definitions/${this.#define(ref, base)}` };

    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (DROPPED.has(key) || key.startsWith('x-') || key === 'nullable' || key === '$schema') continue;
      switch (key) {
        case 'example':
          if (node['examples'] === undefined) out['examples'] = [value];
          break;
        case 'properties':
          out[key] = this.#convertMap(value, base);
          break;
        case 'items':
        case 'not':
          out[key] = this.convert(value, base);
          break;
        case 'additionalProperties':
          if (typeof value === 'boolean') {
            if (!(this.#open && value === false)) out[key] = value;
          } else {
            out[key] = this.convert(value, base);
          }
          break;
        case 'allOf':
        case 'anyOf':
        case 'oneOf':
          out[key] = this.#convertList(value, base);
          break;
        case 'required':
          if (Array.isArray(value) && value.length > 0) out[key] = value;
          break;
        default:
          out[key] = value;
      }
    }
    addImpliedType(out);
    declareRequiredProperties(out);
    const unions = unionTypes(out);
    if (unions !== undefined) return unions;
    return node['nullable'] === true ? nullable(out) : out;
  }

  #convertMap(value: Json, base: URL): JsonObject {
    if (!isJsonObject(value)) throw new Error(`${base.href}: properties must be an object`);
    const out: JsonObject = {};
    for (const [name, schema] of Object.entries(value)) out[name] = this.convert(schema, base);
    return out;
  }

  #convertList(value: Json, base: URL): Json[] {
    if (!Array.isArray(value)) throw new Error(`${base.href}: expected a list of schemas`);
    return value.map((schema) => this.convert(schema, base));
  }

  #define(ref: string, base: URL): string {
    const { url, pointer, node } = this.#documents.resolve(ref, base);
    const key = `${url.href}#${pointer}`;
    const known = this.#names.get(key);
    if (known !== undefined) return known;
    const wanted = pointer.split('/').pop() ?? 'Schema';
    let name = wanted;
    for (let n = 2; [...this.#names.values()].includes(name); n += 1) name = `${wanted}${n}`;
    this.#names.set(key, name);
    this.#definitions.set(name, {});
    this.#definitions.set(name, this.convert(node, url));
    return name;
  }
}

/** ajv strict mode wants `type` beside `properties`/`items`. */
function addImpliedType(schema: JsonObject): void {
  if (schema['type'] !== undefined) return;
  if (schema['properties'] !== undefined || schema['required'] !== undefined) schema['type'] = 'object';
  else if (schema['items'] !== undefined) schema['type'] = 'array';
}

/** ajv strict mode rejects a required name that `properties` does not declare: declare it as any value. */
function declareRequiredProperties(schema: JsonObject): void {
  const required = schema['required'];
  if (!Array.isArray(required)) return;
  const properties = isJsonObject(schema['properties']) ? schema['properties'] : {};
  for (const name of required) if (typeof name === 'string' && properties[name] === undefined) properties[name] = {};
  schema['properties'] = properties;
}

function splitAnnotations(schema: JsonObject): { annotations: JsonObject; rest: JsonObject } {
  const annotations: JsonObject = {};
  const rest: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if ((ANNOTATIONS as readonly string[]).includes(key)) annotations[key] = value;
    else rest[key] = value;
  }
  return { annotations, rest };
}

/** `{type: T, nullable: true, ...}` → `{anyOf: [{type: T, ...}, {type: 'null'}]}` (no union types for strict ajv). */
export function nullable(schema: JsonObject): JsonObject {
  const { annotations, rest } = splitAnnotations(schema);
  if (Object.keys(rest).length === 0) return schema;
  if (rest['type'] === 'null') return schema;
  return { ...annotations, anyOf: [rest, { type: 'null' }] };
}

/** `{type: ['string', 'null'], ...}` → `{anyOf: [{type: 'string', ...}, {type: 'null'}]}`. */
function unionTypes(schema: JsonObject): JsonObject | undefined {
  const type = schema['type'];
  if (!Array.isArray(type)) return undefined;
  if (type.length === 1) return { ...schema, type: type[0] ?? null };
  const { annotations, rest } = splitAnnotations(schema);
  return {
    ...annotations,
    anyOf: type.map((one) => (one === 'null' ? { type: 'null' } : { ...rest, type: one })),
  };
}
