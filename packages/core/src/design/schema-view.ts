import type { JsonSchema } from '../connectors/operation.js';

/**
 * One schema seen through its `$ref`s, `allOf`, `anyOf` and `oneOf`: its types, properties and
 * items, as a data picker needs them. Local `$ref`s (`#/definitions/X`, `#/$defs/X`) are
 * resolved in `root`; a `$ref` already met on the way down is not followed again (`recursive`).
 */
export interface SchemaView {
  readonly types: ReadonlySet<string>;
  readonly nullable: boolean;
  readonly title?: string;
  readonly description?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly properties: ReadonlyMap<string, JsonSchema>;
  readonly required: ReadonlySet<string>;
  readonly items?: JsonSchema;
  /** A `$ref` was met again on the way down: what is below is not expanded. */
  readonly recursive: boolean;
  /** The `$ref`s followed on the way to here, for the guard further down. */
  readonly refs: ReadonlySet<string>;
}

type Draft = { -readonly [Key in keyof SchemaView]: SchemaView[Key] } & {
  types: Set<string>;
  properties: Map<string, JsonSchema>;
  required: Set<string>;
  refs: Set<string>;
};

const isSchema = (value: unknown): value is JsonSchema => value !== null && typeof value === 'object' && !Array.isArray(value);
const schemaList = (value: unknown): JsonSchema[] => (Array.isArray(value) ? value.filter(isSchema) : []);

function resolveRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let at: unknown = root;
  for (const token of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~');
    at = isSchema(at) ? at[key] : undefined;
  }
  return isSchema(at) ? at : undefined;
}

function empty(refs: ReadonlySet<string>): Draft {
  return { types: new Set(), nullable: false, properties: new Map(), required: new Set(), recursive: false, refs: new Set(refs) };
}

/** Folds `part` into `into`: every part holds (allOf), or one of them does (anyOf). */
function fold(into: Draft, part: Draft, every: boolean, first: boolean): void {
  for (const type of part.types) into.types.add(type);
  into.nullable ||= part.nullable;
  into.recursive ||= part.recursive;
  into.description ??= part.description;
  into.enum ??= part.enum;
  into.example ??= part.example;
  for (const ref of part.refs) into.refs.add(ref);
  for (const [name, schema] of part.properties) {
    const before = into.properties.get(name);
    into.properties.set(name, before === undefined ? schema : { [every ? 'allOf' : 'anyOf']: [before, schema] });
  }
  if (every) for (const name of part.required) into.required.add(name);
  else if (first) for (const name of part.required) into.required.add(name);
  else for (const name of into.required) if (!part.required.has(name)) into.required.delete(name);
  if (part.items) into.items = into.items === undefined ? part.items : { [every ? 'allOf' : 'anyOf']: [into.items, part.items] };
}

function build(schema: JsonSchema, root: JsonSchema, refs: ReadonlySet<string>, ownTitle: boolean): Draft {
  const view = empty(refs);
  if (ownTitle && typeof schema['title'] === 'string') view.title = schema['title'];
  if (typeof schema['description'] === 'string') view.description = schema['description'];
  const type = schema['type'];
  for (const name of Array.isArray(type) ? type : type === undefined ? [] : [type]) {
    if (name === 'null') view.nullable = true;
    else if (typeof name === 'string') view.types.add(name);
  }
  if (Array.isArray(schema['enum'])) view.enum = schema['enum'];
  else if ('const' in schema) view.enum = [schema['const']];
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0) view.example = schema['examples'][0];
  else if ('example' in schema) view.example = schema['example'];
  const properties = schema['properties'];
  if (isSchema(properties)) for (const [name, value] of Object.entries(properties)) if (isSchema(value)) view.properties.set(name, value);
  if (Array.isArray(schema['required'])) for (const name of schema['required']) if (typeof name === 'string') view.required.add(name);
  const items = schema['items'];
  if (isSchema(items)) view.items = items;
  else if (Array.isArray(items) && isSchema(items[0])) view.items = items[0];

  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const target = resolveRef(root, ref);
    if (view.refs.has(ref)) view.recursive = true;
    else if (target) {
      view.refs.add(ref);
      // A definition's title names a type (e.g. GetContactSchema), not the field: only its description is kept.
      fold(view, build(target, root, view.refs, false), true, false);
    }
  }
  for (const part of schemaList(schema['allOf'])) fold(view, build(part, root, view.refs, false), true, false);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const variants = schemaList(schema[key]).map((part) => build(part, root, view.refs, false));
    const values = variants.filter((variant) => !(variant.nullable && variant.types.size === 0 && variant.properties.size === 0));
    if (values.length < variants.length) view.nullable = true;
    const union = empty(view.refs);
    values.forEach((variant, index) => fold(union, variant, false, index === 0));
    if (values.length > 0) fold(view, union, true, false);
  }
  return view;
}

/** What a schema says, with its references and combinations resolved (see SchemaView). */
export function viewSchema(schema: JsonSchema, root: JsonSchema, refs: ReadonlySet<string> = new Set()): SchemaView {
  return build(schema, root, refs, true);
}
