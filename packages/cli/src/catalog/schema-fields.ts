/** One field of an operation's input or payload, as `flowline catalog <op>` lists it. */
export interface SchemaField {
  /** Dotted path from the top (`body.title`); `[]` marks the items of an array (`tags[]`). */
  readonly path: string;
  /** `string`, `number | null`, `"open" | "won"`, `object`, `string[]`, … */
  readonly type: string;
  readonly required: boolean;
  /** The schema's `title` ("Due date"). */
  readonly title?: string;
  /** Where the values come from in the account (`x-flowline.options`), e.g. `ghl.pipeline-stages`. */
  readonly options?: { readonly source: string; readonly dependsOn?: string };
  /** What surprises authors (`x-flowline.warning`), e.g. that the list replaces every tag. */
  readonly warning?: string;
  /**
   * What the listing shows: the title, the first sentence of the description without HTML (or
   * the format), where the options come from, and the warning.
   */
  readonly description?: string;
}

type Schema = Readonly<Record<string, unknown>>;

/** How deep nested objects are listed: deeper ones are shown as `object`. */
const MAX_DEPTH = 4;
const MAX_DESCRIPTION = 100;

/**
 * The fields of a JSON Schema (the catalog's draft-07 documents: local `$ref`s to `definitions`,
 * `allOf` merged, `anyOf`/`oneOf` shown as alternatives), nested objects and arrays of objects
 * flattened into paths.
 */
export function schemaFields(schema: Schema): SchemaField[] {
  return fieldsOf(schema, schema, '', 0);
}

function fieldsOf(schema: Schema, root: Schema, prefix: string, depth: number): SchemaField[] {
  const object = merged(resolve(schema, root), root);
  const properties = (object['properties'] ?? {}) as Record<string, Schema>;
  const required = new Set((object['required'] ?? []) as string[]);
  const fields: SchemaField[] = [];
  for (const [name, property] of Object.entries(properties)) {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    const resolved = merged(resolve(property, root), root);
    const title = [property['title'], resolved['title']].find((value): value is string => typeof value === 'string' && value.trim() !== '');
    const hints = (property['x-flowline'] ?? {}) as { options?: { source?: unknown; dependsOn?: unknown }; warning?: unknown };
    const options = typeof hints.options?.source === 'string'
      ? { source: hints.options.source, ...(typeof hints.options.dependsOn === 'string' ? { dependsOn: hints.options.dependsOn } : {}) }
      : undefined;
    const warning = typeof hints.warning === 'string' ? hints.warning : undefined;
    const description = listing(title, describe(property, resolved), options, warning);
    fields.push({
      path,
      type: typeOf(resolved, root),
      required: required.has(name),
      ...(title ? { title } : {}),
      ...(options ? { options } : {}),
      ...(warning ? { warning } : {}),
      ...(description ? { description } : {}),
    });
    if (depth + 1 >= MAX_DEPTH) continue;
    if (resolved['properties']) fields.push(...fieldsOf(resolved, root, path, depth + 1));
    const items = resolved['items'] as Schema | undefined;
    if (items && !Array.isArray(items)) {
      const item = merged(resolve(items, root), root);
      if (item['properties']) fields.push(...fieldsOf(item, root, `${path}[]`, depth + 1));
    }
  }
  return fields;
}

function resolve(schema: Schema, root: Schema): Schema {
  let current = schema;
  for (let hops = 0; typeof current['$ref'] === 'string' && hops < 10; hops++) {
    const target = (current['$ref'] as string).replace(/^#\//, '').split('/').reduce<unknown>((node, part) => (node as Schema | undefined)?.[decodeURIComponent(part)], root);
    if (target === undefined || target === null || typeof target !== 'object') break;
    current = { ...(target as Schema), ...withoutRef(current) };
  }
  return current;
}

function withoutRef(schema: Schema): Schema {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

/** `allOf` parts folded into one object schema, in order, then the schema's own members (properties and required joined). */
function merged(schema: Schema, root: Schema): Schema {
  const parts = schema['allOf'] as Schema[] | undefined;
  if (!parts) return schema;
  const { allOf: _allOf, ...own } = schema;
  return [...parts.map((part) => merged(resolve(part, root), root)), own].reduce<Schema>((result, part) => ({
    ...result,
    ...part,
    properties: { ...((result['properties'] ?? {}) as Schema), ...((part['properties'] ?? {}) as Schema) },
    required: [...((result['required'] ?? []) as string[]), ...((part['required'] ?? []) as string[])],
  }), {});
}

function typeOf(schema: Schema, root: Schema): string {
  if (schema['const'] !== undefined) return JSON.stringify(schema['const']);
  if (Array.isArray(schema['enum'])) return (schema['enum'] as unknown[]).map((value) => JSON.stringify(value)).join(' | ');
  const alternatives = (schema['anyOf'] ?? schema['oneOf']) as Schema[] | undefined;
  if (alternatives) return [...new Set(alternatives.map((alternative) => typeOf(merged(resolve(alternative, root), root), root)))].join(' | ');
  const type = schema['type'];
  if (type === 'array') {
    const items = schema['items'] as Schema | undefined;
    return items && !Array.isArray(items) ? `${wrap(typeOf(merged(resolve(items, root), root), root))}[]` : 'array';
  }
  if (Array.isArray(type)) return type.join(' | ');
  if (typeof type === 'string') return type;
  return schema['properties'] ? 'object' : 'any';
}

const wrap = (type: string): string => (type.includes(' | ') ? `(${type})` : type);

/** `Due date: first sentence. Options: ghl.pipeline-stages of pipelineId. Warning: …` (what is there of it). */
function listing(title: string | undefined, sentence: string | undefined, options: SchemaField['options'], warning: string | undefined): string | undefined {
  const named = [title, sentence].filter((part) => part !== undefined).join(': ');
  const parts = [
    named !== '' && (options || warning) && !/[.!?…]$/.test(named) ? `${named}.` : named,
    options ? `Options: ${options.source}${options.dependsOn ? ` of ${options.dependsOn}` : ''}.` : '',
    warning ? `Warning: ${warning}` : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? undefined : parts.join(' ');
}

/** The description's first sentence, HTML removed; else the format. */
function describe(property: Schema, resolved: Schema): string | undefined {
  const text = [property['description'], resolved['description']].find((value): value is string => typeof value === 'string' && value.trim() !== '');
  if (text) {
    const plain = plainText(text);
    const sentence = plain.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? plain;
    return sentence.length > MAX_DESCRIPTION ? `${sentence.slice(0, MAX_DESCRIPTION - 1)}…` : sentence;
  }
  return typeof resolved['format'] === 'string' ? `format ${resolved['format']}` : undefined;
}

/** A description as plain text: GHL's documents put HTML (links, line breaks) in some. */
export function plainText(text: string): string {
  return text.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
}
