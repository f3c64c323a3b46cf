import type { JsonSchema } from '../connectors/operation.js';
import { childPointer } from '../expressions/mapping.js';

/**
 * Checks a value against an operation's `input` schema without compiling anything: a small walker
 * over the keywords the catalog's schemas use (draft-07: `$ref` to local definitions, type, enum,
 * const, required, properties, additionalProperties, patternProperties, items, anyOf, oneOf, allOf,
 * not, min/max length, items and properties, minimum/maximum, multipleOf, pattern, uniqueItems).
 * Compiling each operation's schema with ajv would build functions at run time (`new Function`),
 * which `@flowline/core/design` must not do: it runs on pages whose Content-Security-Policy
 * forbids eval. `format` is not checked (no operation input uses it).
 *
 * The walker reports what ajv (`allErrors: true`) reports, in ajv's order, with ajv's messages
 * and params, so a dry run fails with the violations the connector's compiled validator gives live.
 *
 * At design time a mapping is only partly known: an expression's value is an `UnknownValue`
 * (of a known type when the expression says, e.g. `="a" & $x` is a string), which passes every
 * check but `type`; an object with keys from a template that could not be expanded is "open"
 * (its required keys are not checked).
 */
export class UnknownValue {
  constructor(readonly type?: 'string' | 'number' | 'boolean') {}
}

/** One way a value fails its schema, as ajv reports it. */
export interface SchemaViolation {
  /** JSON pointer into the value (ajv's `instancePath`). */
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** ajv's message, e.g. `must be string`. */
  readonly message: string;
  /** The schema the keyword belongs to (for suggestions: its `properties`). */
  readonly schema: JsonSchema;
  /** The value (or `UnknownValue`) at `instancePath`. */
  readonly data: unknown;
  /** For `anyOf` and `oneOf`: each branch's violations. */
  readonly branches?: readonly (readonly SchemaViolation[])[];
}

export interface SchemaCheckOptions {
  /** Objects that may hold more keys than they show (their required keys are not checked). */
  readonly open?: ReadonlySet<object>;
}

const GROUPS = {
  number: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf'],
  string: ['maxLength', 'minLength', 'pattern'],
  array: ['maxItems', 'minItems', 'uniqueItems', 'additionalItems', 'items', 'contains'],
  object: ['maxProperties', 'minProperties', 'required', 'propertyNames', 'additionalProperties', 'dependencies', 'properties', 'patternProperties'],
} as const;
type Group = keyof typeof GROUPS;
const UNTYPED = ['const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf', 'if'];
const RULES = new Set<string>(['type', '$ref', ...UNTYPED, ...Object.values(GROUPS).flat()]);

interface Walk {
  readonly root: JsonSchema;
  readonly open: ReadonlySet<object> | undefined;
  readonly out: SchemaViolation[];
}

/** Every violation of `schema` by `value`, in ajv's order (none when it is valid). */
export function schemaViolations(schema: JsonSchema, value: unknown, options: SchemaCheckOptions = {}): SchemaViolation[] {
  const out: SchemaViolation[] = [];
  check(schema, value, '', '#', { root: schema, open: options.open, out });
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof UnknownValue);
}

function resolveRef(root: JsonSchema, ref: string): unknown {
  if (!ref.startsWith('#')) return true;
  let node: unknown = root;
  for (const token of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~');
    node = isRecord(node) ? node[key] : undefined;
  }
  return node ?? true;
}

function isType(value: unknown, type: string): boolean {
  if (value instanceof UnknownValue) return value.type === type || (value.type === 'number' && type === 'integer');
  switch (type) {
    case 'string':
    case 'boolean':
    case 'number':
      return typeof value === type;
    case 'integer':
      return typeof value === 'number' && !(value % 1) && !Number.isNaN(value);
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
    default:
      return true;
  }
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => equal(item, b[index]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && equal(a[key], b[key]));
  }
  return false;
}

/** Characters as ajv counts them (code points). */
function length(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function check(schema: unknown, value: unknown, path: string, schemaPath: string, walk: Walk): void {
  if (schema === false) {
    add(walk, {}, value, path, schemaPath, 'false schema', {}, 'boolean schema is false');
    return;
  }
  if (!isRecord(schema)) return;
  // An expression of unknown type may be anything: nothing can be said of it.
  if (value instanceof UnknownValue && value.type === undefined) return;
  const has = (keyword: string) => schema[keyword] !== undefined;
  if (typeof schema['$ref'] === 'string' && !Object.keys(schema).some((key) => key !== '$ref' && RULES.has(key))) {
    check(resolveRef(walk.root, schema['$ref']), value, path, `${schemaPath}/$ref`, walk);
    return;
  }
  const types = schema['type'] === undefined ? [] : (Array.isArray(schema['type']) ? schema['type'] : [schema['type']]).map(String);
  const single = types.length === 1 ? types[0] : undefined;
  // ajv checks a lone type with the keywords of its kind; any other type first.
  const deferred = single !== undefined && single in GROUPS && GROUPS[single as Group].some(has);
  const typeError = () => add(walk, schema, value, path, `${schemaPath}/type`, 'type', { type: types.join(',') }, `must be ${types.join(',')}`);
  if (types.length > 0 && !deferred && !types.some((type) => isType(value, type))) typeError();

  const known = !(value instanceof UnknownValue);
  if (has('$ref')) check(resolveRef(walk.root, String(schema['$ref'])), value, path, `${schemaPath}/$ref`, walk);
  if (has('const') && known && !equal(value, schema['const'])) {
    add(walk, schema, value, path, `${schemaPath}/const`, 'const', { allowedValue: schema['const'] }, 'must be equal to constant');
  }
  if (Array.isArray(schema['enum']) && known && !schema['enum'].some((allowed) => equal(value, allowed))) {
    add(walk, schema, value, path, `${schemaPath}/enum`, 'enum', { allowedValues: schema['enum'] }, 'must be equal to one of the allowed values');
  }
  if (has('not') && known && branch(schema['not'], value, path, `${schemaPath}/not`, walk).length === 0) {
    add(walk, schema, value, path, `${schemaPath}/not`, 'not', {}, 'must NOT be valid');
  }
  if (Array.isArray(schema['anyOf'])) {
    const branches = schema['anyOf'].map((item, index) => branch(item, value, path, `${schemaPath}/anyOf/${index}`, walk));
    if (!branches.some((found) => found.length === 0)) {
      walk.out.push(...branches.flat());
      add(walk, schema, value, path, `${schemaPath}/anyOf`, 'anyOf', {}, 'must match a schema in anyOf', branches);
    }
  }
  if (Array.isArray(schema['oneOf'])) {
    const branches = schema['oneOf'].map((item, index) => branch(item, value, path, `${schemaPath}/oneOf/${index}`, walk));
    const passing = branches.flatMap((found, index) => (found.length === 0 ? [index] : []));
    if (passing.length === 0) {
      walk.out.push(...branches.flat());
      add(walk, schema, value, path, `${schemaPath}/oneOf`, 'oneOf', { passingSchemas: null }, 'must match exactly one schema in oneOf', branches);
    } else if (passing.length > 1 && known) {
      add(walk, schema, value, path, `${schemaPath}/oneOf`, 'oneOf', { passingSchemas: passing }, 'must match exactly one schema in oneOf');
    }
  }
  if (Array.isArray(schema['allOf'])) schema['allOf'].forEach((item, index) => check(item, value, path, `${schemaPath}/allOf/${index}`, walk));
  if (has('if') && known) {
    const then = branch(schema['if'], value, path, `${schemaPath}/if`, walk).length === 0 ? 'then' : 'else';
    if (has(then)) {
      const before = walk.out.length;
      check(schema[then], value, path, `${schemaPath}/${then}`, walk);
      if (walk.out.length > before) add(walk, schema, value, path, `${schemaPath}/if`, 'if', { failingKeyword: then }, `must match "${then}" schema`);
    }
  }

  for (const group of Object.keys(GROUPS) as Group[]) {
    if (!GROUPS[group].some(has)) continue;
    if (!isType(value, group) || !known) {
      if (deferred && single === group && !isType(value, group)) typeError();
      continue;
    }
    if (group === 'number') checkNumber(schema, value as number, path, schemaPath, walk);
    else if (group === 'string') checkString(schema, value as string, path, schemaPath, walk);
    else if (group === 'array') checkArray(schema, value as unknown[], path, schemaPath, walk);
    else checkObject(schema, value as Record<string, unknown>, path, schemaPath, walk);
  }
}

function branch(schema: unknown, value: unknown, path: string, schemaPath: string, walk: Walk): SchemaViolation[] {
  const out: SchemaViolation[] = [];
  check(schema, value, path, schemaPath, { ...walk, out });
  return out;
}

function add(
  walk: Walk,
  schema: JsonSchema,
  data: unknown,
  instancePath: string,
  schemaPath: string,
  keyword: string,
  params: Record<string, unknown>,
  message: string,
  branches?: readonly (readonly SchemaViolation[])[],
): void {
  walk.out.push({ instancePath, schemaPath, keyword, params, message, schema, data, ...(branches ? { branches } : {}) });
}

const LIMITS = [
  ['maximum', '<=', (value: number, limit: number) => value <= limit],
  ['minimum', '>=', (value: number, limit: number) => value >= limit],
  ['exclusiveMaximum', '<', (value: number, limit: number) => value < limit],
  ['exclusiveMinimum', '>', (value: number, limit: number) => value > limit],
] as const;

function checkNumber(schema: Record<string, unknown>, value: number, path: string, schemaPath: string, walk: Walk): void {
  for (const [keyword, comparison, holds] of LIMITS) {
    const limit = schema[keyword];
    if (typeof limit === 'number' && !holds(value, limit)) add(walk, schema, value, path, `${schemaPath}/${keyword}`, keyword, { comparison, limit }, `must be ${comparison} ${limit}`);
  }
  const multipleOf = schema['multipleOf'];
  if (typeof multipleOf === 'number' && multipleOf > 0) {
    const quotient = value / multipleOf;
    if (Math.abs(Math.round(quotient) - quotient) > 1e-9) add(walk, schema, value, path, `${schemaPath}/multipleOf`, 'multipleOf', { multipleOf }, `must be multiple of ${multipleOf}`);
  }
}

function checkString(schema: Record<string, unknown>, value: string, path: string, schemaPath: string, walk: Walk): void {
  const max = schema['maxLength'];
  const min = schema['minLength'];
  if (typeof max === 'number' && length(value) > max) add(walk, schema, value, path, `${schemaPath}/maxLength`, 'maxLength', { limit: max }, `must NOT have more than ${max} characters`);
  if (typeof min === 'number' && length(value) < min) add(walk, schema, value, path, `${schemaPath}/minLength`, 'minLength', { limit: min }, `must NOT have fewer than ${min} characters`);
  const pattern = schema['pattern'];
  if (typeof pattern === 'string') {
    let matches = true;
    try {
      matches = new RegExp(pattern, 'u').test(value);
    } catch {
      // A pattern JavaScript cannot read is not checked here (ajv would refuse the schema).
    }
    if (!matches) add(walk, schema, value, path, `${schemaPath}/pattern`, 'pattern', { pattern }, `must match pattern "${pattern}"`);
  }
}

function checkArray(schema: Record<string, unknown>, value: readonly unknown[], path: string, schemaPath: string, walk: Walk): void {
  const max = schema['maxItems'];
  const min = schema['minItems'];
  if (typeof max === 'number' && value.length > max) add(walk, schema, value, path, `${schemaPath}/maxItems`, 'maxItems', { limit: max }, `must NOT have more than ${max} items`);
  if (typeof min === 'number' && value.length < min) add(walk, schema, value, path, `${schemaPath}/minItems`, 'minItems', { limit: min }, `must NOT have fewer than ${min} items`);
  if (schema['uniqueItems'] === true && !value.some((item) => item instanceof UnknownValue)) {
    for (let i = value.length - 1; i > 0; i -= 1) {
      const j = value.findIndex((item, index) => index < i && equal(item, value[i]));
      if (j >= 0) {
        add(walk, schema, value, path, `${schemaPath}/uniqueItems`, 'uniqueItems', { i, j }, `must NOT have duplicate items (items ## ${j} and ${i} are identical)`);
        break;
      }
    }
  }
  const items = schema['items'];
  if (Array.isArray(items)) {
    items.forEach((item, index) => {
      if (index < value.length) check(item, value[index], childPointer(path, index), `${schemaPath}/items/${index}`, walk);
    });
    const additional = schema['additionalItems'];
    if (additional === false && value.length > items.length) {
      add(walk, schema, value, path, `${schemaPath}/additionalItems`, 'additionalItems', { limit: items.length }, `must NOT have more than ${items.length} items`);
    } else if (isRecord(additional)) {
      for (let index = items.length; index < value.length; index += 1) check(additional, value[index], childPointer(path, index), `${schemaPath}/additionalItems`, walk);
    }
  } else if (items !== undefined) {
    value.forEach((item, index) => check(items, item, childPointer(path, index), `${schemaPath}/items`, walk));
  }
}

function checkObject(schema: Record<string, unknown>, value: Record<string, unknown>, path: string, schemaPath: string, walk: Walk): void {
  const open = walk.open?.has(value) === true;
  const count = Object.keys(value).length;
  const maxProperties = schema['maxProperties'];
  const minProperties = schema['minProperties'];
  if (typeof maxProperties === 'number' && count > maxProperties) {
    add(walk, schema, value, path, `${schemaPath}/maxProperties`, 'maxProperties', { limit: maxProperties }, `must NOT have more than ${maxProperties} properties`);
  }
  if (!open && typeof minProperties === 'number' && count < minProperties) {
    add(walk, schema, value, path, `${schemaPath}/minProperties`, 'minProperties', { limit: minProperties }, `must NOT have fewer than ${minProperties} properties`);
  }
  if (!open && Array.isArray(schema['required'])) {
    for (const key of schema['required']) {
      if (typeof key === 'string' && !Object.hasOwn(value, key)) {
        add(walk, schema, value, path, `${schemaPath}/required`, 'required', { missingProperty: key }, `must have required property '${key}'`);
      }
    }
  }
  const properties = isRecord(schema['properties']) ? schema['properties'] : {};
  const patterns = isRecord(schema['patternProperties'])
    ? Object.entries(schema['patternProperties']).flatMap(([pattern, sub]) => {
        try {
          return [{ pattern, regex: new RegExp(pattern, 'u'), sub }];
        } catch {
          return [];
        }
      })
    : [];
  const additional = schema['additionalProperties'];
  if (additional !== undefined && additional !== true) {
    for (const key of Object.keys(value)) {
      if (Object.hasOwn(properties, key) || patterns.some(({ regex }) => regex.test(key))) continue;
      if (additional === false) {
        add(walk, schema, value, path, `${schemaPath}/additionalProperties`, 'additionalProperties', { additionalProperty: key }, 'must NOT have additional properties');
      } else {
        check(additional, value[key], childPointer(path, key), `${schemaPath}/additionalProperties`, walk);
      }
    }
  }
  for (const [key, sub] of Object.entries(properties)) {
    if (Object.hasOwn(value, key)) check(sub, value[key], childPointer(path, key), `${schemaPath}/properties/${key}`, walk);
  }
  for (const { pattern, regex, sub } of patterns) {
    for (const key of Object.keys(value)) {
      if (regex.test(key)) check(sub, value[key], childPointer(path, key), `${schemaPath}/patternProperties/${pattern}`, walk);
    }
  }
}
