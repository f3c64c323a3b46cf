import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Operation inputs (`{ path?, query?, body? }`) built from GHL's own OpenAPI documents rather than
 * from our generated schemas or samples: everything the document declares (full), only what it
 * requires (minimal), and one input it forbids (invalid). The contract test sends them to Prism.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { readonly [key: string]: unknown };

export interface SpecInputs {
  readonly full: Record<string, unknown>;
  readonly minimal: Record<string, unknown>;
  /** An input the document forbids, and what makes it so; undefined when the operation has nothing required or typed to break. */
  readonly invalid: { readonly input: Record<string, unknown>; readonly breaks: string } | undefined;
}

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: Schema;
  readonly example?: unknown;
}

interface Operation {
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly required?: boolean; readonly content?: Record<string, { readonly schema?: Schema }> };
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A loaded OpenAPI document with `$ref` resolution across the files it points to (`../common/...`). */
export class OpenApiDocument {
  readonly #files = new Map<string, Record<string, unknown>>();
  readonly #path: string;

  constructor(path: string) {
    this.#path = path;
  }

  #file(path: string): Record<string, unknown> {
    let file = this.#files.get(path);
    if (!file) {
      file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      this.#files.set(path, file);
    }
    return file;
  }

  /** The operation at `method path`, or undefined when the document has none. */
  operation(method: string, path: string): { readonly operation: Operation; readonly file: string } | undefined {
    const paths = this.#file(this.#path)['paths'];
    const item = isRecord(paths) ? paths[path] : undefined;
    const operation = isRecord(item) ? item[method.toLowerCase()] : undefined;
    return isRecord(operation) ? { operation: operation as Operation, file: this.#path } : undefined;
  }

  /** `schema` with its `$ref` (if any) followed, and the file later refs inside it are relative to. */
  resolve(schema: Schema, file: string): { readonly schema: Schema; readonly file: string } {
    let current = schema;
    let at = file;
    for (let hops = 0; typeof current['$ref'] === 'string' && hops < 20; hops += 1) {
      const [target = '', pointer = ''] = (current['$ref'] as string).split('#');
      if (target !== '') at = join(dirname(at), target);
      let node: unknown = this.#file(at);
      for (const segment of pointer.split('/').filter((s) => s !== '')) {
        node = isRecord(node) ? node[segment.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
      }
      if (!isRecord(node)) throw new Error(`Cannot resolve ${String(current['$ref'])} from ${file}`);
      current = node;
    }
    return { schema: current, file: at };
  }
}

type Mode = 'full' | 'minimal';

/** A value `schema` accepts: its example, enum or default when it has one, else one made from its type. */
function valueOf(doc: OpenApiDocument, input: Schema, file: string, mode: Mode, depth: number): Json {
  const { schema, file: at } = doc.resolve(input, file);
  const all = schema['allOf'];
  if (Array.isArray(all)) {
    const parts = all.map((part) => valueOf(doc, part as Schema, at, mode, depth));
    return parts.every(isRecord) ? (Object.assign({}, ...parts) as Json) : (parts[0] ?? null);
  }
  for (const key of ['oneOf', 'anyOf']) {
    const choices = schema[key];
    if (Array.isArray(choices) && choices.length > 0) return valueOf(doc, choices[0] as Schema, at, mode, depth);
  }
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) return schema['enum'][0] as Json;
  const type = schema['type'] ?? (isRecord(schema['properties']) ? 'object' : undefined);
  if (type === 'object' || isRecord(schema['properties'])) return objectOf(doc, schema, at, mode, depth);
  if (type === 'array') {
    if (schema['example'] !== undefined && Array.isArray(schema['example'])) return schema['example'] as Json;
    const items = isRecord(schema['items']) ? (schema['items'] as Schema) : {};
    return depth > 4 ? [] : [valueOf(doc, items, at, mode, depth + 1)];
  }
  if (schema['example'] !== undefined && fitsType(schema['example'], type)) return schema['example'] as Json;
  if (Array.isArray(schema['examples']) && fitsType(schema['examples'][0], type)) return schema['examples'][0] as Json;
  if (schema['default'] !== undefined && fitsType(schema['default'], type)) return schema['default'] as Json;
  if (type === 'integer' || type === 'number') return typeof schema['minimum'] === 'number' ? schema['minimum'] : 1;
  if (type === 'boolean') return true;
  if (schema['format'] === 'date-time') return '2025-01-02T10:00:00Z';
  if (schema['format'] === 'email') return 'ann@example.com';
  return 'abc123';
}

function fitsType(value: unknown, type: unknown): boolean {
  if (type === undefined) return value !== undefined;
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number';
  if (type === 'boolean') return typeof value === 'boolean';
  if (type === 'string') return typeof value === 'string';
  return false;
}

function requiredOf(schema: Schema): readonly string[] {
  return Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
}

function objectOf(doc: OpenApiDocument, schema: Schema, file: string, mode: Mode, depth: number): Json {
  const properties = isRecord(schema['properties']) ? (schema['properties'] as Record<string, Schema>) : {};
  const required = requiredOf(schema);
  const out: Record<string, Json> = {};
  for (const [name, property] of Object.entries(properties)) {
    const wanted = mode === 'full' ? depth <= 4 : required.includes(name);
    if (!wanted || property['readOnly'] === true) continue;
    out[name] = valueOf(doc, property, file, mode, depth + 1);
  }
  return out;
}

/** The body schema of an operation and its media type, resolved. */
function bodyOf(doc: OpenApiDocument, operation: Operation, file: string): { schema: Schema; file: string; multipart: boolean } | undefined {
  const content = operation.requestBody?.content ?? {};
  const multipart = content['application/json'] === undefined;
  const media = content['application/json'] ?? content['multipart/form-data'];
  if (!media?.schema) return undefined;
  return { ...doc.resolve(media.schema, file), multipart };
}

function parametersOf(doc: OpenApiDocument, template: string, operation: Operation, file: string, mode: Mode): { path: Record<string, Json>; query: Record<string, Json> } {
  const path: Record<string, Json> = {};
  const query: Record<string, Json> = {};
  // Some operations use a path parameter they do not declare (e.g. PUT /users/{userId}): the URL needs it all the same.
  for (const [, name = ''] of template.matchAll(/\{([^}]+)\}/g)) path[name] = 'abc123';
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in !== 'path' && parameter.in !== 'query') continue; // the Version header comes from the descriptor
    if (parameter.in === 'query' && mode === 'minimal' && parameter.required !== true) continue;
    const schema = parameter.schema ?? { type: 'string' };
    const value = parameter.example !== undefined && mode === 'full' ? (parameter.example as Json) : valueOf(doc, schema, file, mode, 1);
    (parameter.in === 'path' ? path : query)[parameter.name] = value;
  }
  return { path, query };
}

function assemble(parts: { path: Record<string, Json>; query: Record<string, Json> }, body: Json | undefined): Record<string, unknown> {
  return {
    ...(Object.keys(parts.path).length > 0 ? { path: parts.path } : {}),
    ...(Object.keys(parts.query).length > 0 ? { query: parts.query } : {}),
    ...(body === undefined ? {} : { body }),
  };
}

/** A value `schema` refuses: outside its enum, or of another JSON type. */
function wrongValueFor(doc: OpenApiDocument, schema: Schema, file: string): Json | undefined {
  const { schema: resolved } = doc.resolve(schema, file);
  if (Array.isArray(resolved['enum']) && resolved['enum'].length > 0) return 'not-one-of-the-enum';
  const type = resolved['type'];
  if (type === 'string') return 12345;
  if (type === 'number' || type === 'integer' || type === 'boolean') return 'not-a-value';
  if (type === 'array') return 'not-a-list';
  if (type === 'object') return 'not-an-object';
  return undefined;
}

/** Full, minimal and one invalid input for `method path` of the document. */
export function specInputs(doc: OpenApiDocument, method: string, path: string): SpecInputs {
  const found = doc.operation(method, path);
  if (!found) throw new Error(`${method} ${path} is not in the document`);
  const { operation, file } = found;
  const body = bodyOf(doc, operation, file);
  const fullBody = body === undefined ? undefined : valueOf(doc, body.schema, body.file, 'full', 0);
  const minimalBody = body === undefined ? undefined : valueOf(doc, body.schema, body.file, 'minimal', 0);
  const minimalParts = parametersOf(doc, path, operation, file, 'minimal');
  const full = assemble(parametersOf(doc, path, operation, file, 'full'), fullBody);
  const minimal = assemble(minimalParts, minimalBody);

  let invalid: SpecInputs['invalid'];
  const requiredQuery = (operation.parameters ?? []).find((p) => p.in === 'query' && p.required === true);
  const bodyRequired = body === undefined ? [] : requiredOf(body.schema);
  const bodyProperties = body !== undefined && isRecord(body.schema['properties']) ? (body.schema['properties'] as Record<string, Schema>) : {};
  if (requiredQuery) {
    const { [requiredQuery.name]: _dropped, ...query } = minimalParts.query;
    invalid = { input: assemble({ path: minimalParts.path, query }, minimalBody), breaks: `query.${requiredQuery.name} (required) left out` };
  } else if (bodyRequired.length > 0 && isRecord(minimalBody)) {
    const [name = ''] = bodyRequired;
    const { [name]: _dropped, ...rest } = minimalBody;
    invalid = { input: assemble(minimalParts, rest), breaks: `body.${name} (required) left out` };
  } else {
    // Form fields are all text: a multipart body has no member of the wrong type to send.
    invalid = isRecord(fullBody) && body?.multipart === false ? wrongBodyMember(doc, bodyProperties, body.file, minimalParts, fullBody) : undefined;
    invalid ??= wrongParameter(doc, operation, file, minimalParts, minimalBody);
  }
  return { full, minimal, invalid };
}

function wrongBodyMember(
  doc: OpenApiDocument,
  properties: Record<string, Schema>,
  file: string,
  parts: { path: Record<string, Json>; query: Record<string, Json> },
  fullBody: Record<string, Json>,
): SpecInputs['invalid'] {
  for (const [name, property] of Object.entries(properties)) {
    const wrong = wrongValueFor(doc, property, file);
    if (wrong !== undefined) return { input: assemble(parts, { ...fullBody, [name]: wrong }), breaks: `body.${name} not a value it allows` };
  }
  return undefined;
}

/** A path or optional query parameter given a value its schema refuses (a string for a number, one outside an enum). */
function wrongParameter(
  doc: OpenApiDocument,
  operation: Operation,
  file: string,
  parts: { path: Record<string, Json>; query: Record<string, Json> },
  body: Json | undefined,
): SpecInputs['invalid'] {
  for (const parameter of operation.parameters ?? []) {
    if ((parameter.in !== 'query' && parameter.in !== 'path') || !parameter.schema) continue;
    const { schema } = doc.resolve(parameter.schema, file);
    // Parameters travel as text: only a number, a boolean or an enum can be broken by one.
    if (!(Array.isArray(schema['enum']) || ['number', 'integer', 'boolean'].includes(String(schema['type'])))) continue;
    const wrong = Array.isArray(schema['enum']) ? 'not-one-of-the-enum' : 'not-a-value';
    const broken = { path: { ...parts.path }, query: { ...parts.query } };
    broken[parameter.in][parameter.name] = wrong;
    return { input: assemble(broken, body), breaks: `${parameter.in}.${parameter.name} not a value it allows` };
  }
  return undefined;
}
