import { fieldTitle, restatesKey, titleFromDescription } from './field-titles.js';
import { isJsonObject, type Json, type JsonObject } from './json-types.js';
import { plainText } from './plain-text.js';

/**
 * What a builder needs to draw a form from the catalog, added to the generated schemas:
 * - a human `title` on every action input field and trigger payload field;
 * - descriptions as plain text, and none where it only restates the key ("Contact Id");
 * - on action input fields, an `x-flowline` object: `order` (required first, then as in the
 *   source), `widget` where the kind of value is plain, `options` naming where the values come
 *   from in the account (`{ source, dependsOn? }`), and `warning` where behaviour surprises.
 *
 * `x-flowline` is an annotation: validators that run ajv in strict mode register it as a keyword.
 */

export const HINTS = 'x-flowline';

/** Option sources a host resolves with the tenant's connection. */
export type OptionSource = 'ghl.calendars' | 'ghl.pipelines' | 'ghl.pipeline-stages' | 'ghl.users' | 'ghl.custom-fields' | 'ghl.tags';

interface Options {
  readonly source: OptionSource;
  /** A sibling field whose value the options depend on (the pipeline of a stage). */
  readonly dependsOn?: string;
}

/**
 * Warnings worded from GHL's own documents (reference/ghl/openapi/apps/contacts.json): the
 * `tags` of UpsertContactDto and UpdateContactDto "will overwrite all current tags associated
 * with the contact", and Upsert Contact matches by the location's "Allow Duplicate Contact" setting.
 */
const FIELD_WARNINGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'ghl.contacts.upsert-contact': {
    tags: 'Replaces every tag on the contact: tags not listed are removed. To add or remove some tags, use Add Tags or Remove Tags.',
  },
  'ghl.contacts.update-contact': {
    tags: 'Replaces every tag on the contact: tags not listed are removed. To add or remove some tags, use Add Tags or Remove Tags.',
  },
};

const OPERATION_WARNINGS: Readonly<Record<string, string>> = {
  'ghl.contacts.upsert-contact':
    'Finds the contact by the location\'s "Allow Duplicate Contact" setting (email and/or phone, in its order). If one contact has the email and another the phone, only the first match is updated.',
};

/** Descriptions of PushPress payload fields, from reference/pushpress/README.md (what it says, nothing more). */
const PUSHPRESS_DESCRIPTIONS: Readonly<Record<string, string>> = {
  created: 'When PushPress created the delivery, in Unix seconds.',
  customerId: 'The PushPress customer\'s ID, not a GHL contact ID: resolve the contact before GHL actions.',
  customer: 'The PushPress customer\'s ID, not a GHL contact ID: resolve the contact before GHL actions.',
};

/** Titles of an action input's top-level parts. */
const PART_TITLES: Readonly<Record<string, string>> = { path: 'Path parameters', query: 'Query parameters', body: 'Body' };

type Walker = (key: string, property: JsonObject, context: FieldContext) => JsonObject;

interface FieldContext {
  readonly root: JsonObject;
  readonly operationId: string;
  /** The object schema whose `properties` hold the field. */
  readonly parent: JsonObject;
  readonly order: number;
  readonly required: boolean;
  /** The field is a property of the items of a `customFields` array. */
  readonly inCustomFields: boolean;
  /** The field is a top-level part (path, query, body) of an action input. */
  readonly isPart: boolean;
}

function resolve(schema: JsonObject, root: JsonObject): JsonObject {
  let current = schema;
  for (let hops = 0; typeof current['$ref'] === 'string' && hops < 10; hops += 1) {
    const name = current['$ref'].replace(/^#\/definitions\//, '');
    const definitions = isJsonObject(root['definitions']) ? root['definitions'] : {};
    const target = definitions[name];
    if (!isJsonObject(target)) break;
    current = target;
  }
  return current;
}

/** The schema of the value once `$ref`s are followed and a nullable `anyOf [T, null]` is unwrapped. */
function core(schema: JsonObject, root: JsonObject): JsonObject {
  const resolved = resolve(schema, root);
  const alternatives = resolved['anyOf'];
  if (Array.isArray(alternatives)) {
    const others = alternatives.filter((one) => !(isJsonObject(one) && one['type'] === 'null'));
    const only = others[0];
    if (others.length === 1 && isJsonObject(only)) return core(only, root);
  }
  return resolved;
}

function firstExample(schema: JsonObject, value: JsonObject): Json | undefined {
  for (const holder of [schema, value]) {
    const examples = holder['examples'];
    if (Array.isArray(examples) && examples.length > 0) return examples[0];
  }
  return undefined;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LONG_TEXT = new Set(['body', 'message', 'description', 'notes', 'note', 'content']);

function isStringArray(value: JsonObject, root: JsonObject): boolean {
  const items = value['items'];
  return value['type'] === 'array' && isJsonObject(items) && core(items, root)['type'] === 'string';
}

function widgetOf(key: string, property: JsonObject, value: JsonObject, root: JsonObject): string | undefined {
  if (key === 'tags' && isStringArray(value, root)) return 'tags';
  if (value['type'] !== 'string' || Array.isArray(value['enum'])) return undefined;
  const format = value['format'];
  const example = firstExample(property, value);
  if (format === 'date-time' || (typeof example === 'string' && ISO_DATE_TIME.test(example))) return 'datetime';
  if (format === 'date' || (typeof example === 'string' && ISO_DATE.test(example))) return 'date';
  if (format === 'email' || /^(email|[a-z]+Email)$/.test(key)) return 'email';
  if (/^(phone|[a-z]+Phone)$/.test(key)) return 'phone';
  if (format === 'uri' || format === 'url' || /^(website|[a-zA-Z]+(Url|URL))$/.test(key)) return 'url';
  if (key === 'password') return 'password';
  if (LONG_TEXT.has(key)) return 'textarea';
  return undefined;
}

function optionsOf(key: string, value: JsonObject, context: FieldContext): Options | undefined {
  const { root, parent } = context;
  const siblings = isJsonObject(parent['properties']) ? parent['properties'] : {};
  const isString = value['type'] === 'string';
  const isList = isStringArray(value, root);
  if (context.inCustomFields && key === 'id' && isString) return { source: 'ghl.custom-fields' };
  if (/^ghl\.locations\.(get|update|delete)-custom-field$/.test(context.operationId) && key === 'id' && isString) return { source: 'ghl.custom-fields' };
  if ((key === 'calendarId' && isString) || (key === 'calendarIds' && isList)) return { source: 'ghl.calendars' };
  if ((key === 'pipelineId' || key === 'pipeline_id') && isString) return { source: 'ghl.pipelines' };
  if ((key === 'pipelineStageId' || key === 'pipeline_stage_id') && isString) {
    const pipeline = key === 'pipelineStageId' ? 'pipelineId' : 'pipeline_id';
    return { source: 'ghl.pipeline-stages', ...(siblings[pipeline] === undefined ? {} : { dependsOn: pipeline }) };
  }
  if (['assignedTo', 'assigned_to', 'assignedUserId', 'userId'].includes(key) && isString) return { source: 'ghl.users' };
  if ((key === 'userIds' || key === 'selectedUsers') && isList) return { source: 'ghl.users' };
  if (key === 'tags' && isList) return { source: 'ghl.tags' };
  return undefined;
}

/** A title the source gave that reads as words (not a type name such as `UpsertContactDto`). */
function isHumanTitle(title: Json | undefined): title is string {
  return typeof title === 'string' && /\s/.test(title.trim());
}

function cleanDescription(description: Json | undefined, key: string, title: string): string | undefined {
  if (typeof description !== 'string') return undefined;
  const plain = plainText(description);
  return restatesKey(plain, key, title) ? undefined : plain;
}

/** The property with a title first, its description cleaned, and `x-flowline` hints last. */
function annotated(key: string, property: JsonObject, context: FieldContext, withHints: boolean, described: string | undefined): JsonObject {
  const value = core(property, context.root);
  const given = isHumanTitle(property['title']) ? property['title'] : undefined;
  let title = given
    ?? (context.isPart ? PART_TITLES[key] : undefined)
    ?? (context.inCustomFields && key === 'id' ? 'Custom field' : undefined)
    ?? fieldTitle(key, { boolean: value['type'] === 'boolean' });
  let description = cleanDescription(property['description'] ?? described, key, title);
  const better = given === undefined && description !== undefined ? titleFromDescription(description, key) : undefined;
  if (better !== undefined) {
    title = better;
    description = undefined;
  }
  // The title first; every other keyword where it was (input and output then share definitions' text).
  const out: JsonObject = { title };
  for (const [keyword, part] of Object.entries(property)) {
    if (keyword === 'title' || keyword === HINTS) continue;
    if (keyword !== 'description') out[keyword] = part;
    else if (description !== undefined) out[keyword] = description;
  }
  if (property['description'] === undefined && description !== undefined) out['description'] = description;
  if (!withHints) return out;
  const hints: JsonObject = { order: context.order };
  const widget = context.isPart ? undefined : widgetOf(key, property, value, context.root);
  if (widget !== undefined) hints['widget'] = widget;
  const options = context.isPart ? undefined : optionsOf(key, value, context);
  if (options !== undefined) hints['options'] = { ...options };
  const warning = FIELD_WARNINGS[context.operationId]?.[key];
  if (warning !== undefined) hints['warning'] = warning;
  out[HINTS] = hints;
  return out;
}

/** Display order: required properties first, then the others, each as the source lists them. */
function displayOrder(names: readonly string[], required: ReadonlySet<string>): Map<string, number> {
  const ordered = [...names.filter((name) => required.has(name)), ...names.filter((name) => !required.has(name))];
  return new Map(ordered.map((name, index) => [name, index]));
}

/** The object schemas of the items of every `customFields` array (their `id` is a custom field's). */
function customFieldItems(node: Json, root: JsonObject, found: Set<JsonObject>, seen: Set<JsonObject>): Set<JsonObject> {
  if (Array.isArray(node)) {
    for (const item of node) customFieldItems(item, root, found, seen);
    return found;
  }
  if (!isJsonObject(node) || seen.has(node)) return found;
  seen.add(node);
  const properties = node['properties'];
  const list = isJsonObject(properties) && isJsonObject(properties['customFields']) ? core(properties['customFields'], root) : undefined;
  const items = list?.['items'];
  if (isJsonObject(items)) {
    const item = resolve(items, root);
    const branches = Array.isArray(item['anyOf']) ? item['anyOf'] : Array.isArray(item['oneOf']) ? item['oneOf'] : [item];
    for (const branch of branches) if (isJsonObject(branch)) found.add(resolve(branch, root));
  }
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'examples' && key !== 'default' && key !== 'enum' && key !== 'const') customFieldItems(value, root, found, seen);
  }
  return found;
}

interface Walk {
  readonly root: JsonObject;
  readonly operationId: string;
  readonly field: Walker;
  readonly customFieldItems: ReadonlySet<JsonObject>;
  readonly seen: Set<JsonObject>;
}

/** Walks every schema below `node` (properties, items, anyOf/oneOf/allOf, definitions), replacing each property with `field(...)`. */
function walk(node: Json, state: Walk): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, state);
    return;
  }
  if (!isJsonObject(node) || state.seen.has(node)) return;
  state.seen.add(node);
  const { root, operationId } = state;
  const properties = node['properties'];
  if (isJsonObject(properties)) {
    const required = new Set(Array.isArray(node['required']) ? node['required'].filter((name): name is string => typeof name === 'string') : []);
    const order = displayOrder(Object.keys(properties), required);
    for (const [key, property] of Object.entries(properties)) {
      if (!isJsonObject(property)) continue;
      const context: FieldContext = {
        root,
        operationId,
        parent: node,
        order: order.get(key) ?? 0,
        required: required.has(key),
        inCustomFields: state.customFieldItems.has(node),
        isPart: node === root && operationId.startsWith('ghl.'),
      };
      const replaced = state.field(key, property, context);
      properties[key] = replaced;
      walk(replaced, state);
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' || key === 'examples' || key === 'default' || key === 'enum' || key === 'const' || key === HINTS) continue;
    if (isJsonObject(value) || Array.isArray(value)) walk(value, state);
  }
}

function walkSchema(root: JsonObject, operationId: string, field: Walker): void {
  walk(root, { root, operationId, field, customFieldItems: customFieldItems(root, root, new Set(), new Set()), seen: new Set() });
}

/** Every `description` below `node` as plain text (for schemas that get no titles: outputs). */
function cleanDescriptions(node: Json, key?: string): void {
  if (Array.isArray(node)) {
    for (const item of node) cleanDescriptions(item);
    return;
  }
  if (!isJsonObject(node)) return;
  if (typeof node['description'] === 'string') {
    const plain = plainText(node['description']);
    if (key !== undefined && (restatesKey(plain, key) || titleFromDescription(plain, key) !== undefined)) delete node['description'];
    else node['description'] = plain;
  }
  for (const [name, value] of Object.entries(node)) {
    if (name === 'examples' || name === 'default' || name === 'enum' || name === 'const') continue;
    if (name === 'properties' && isJsonObject(value)) {
      for (const [property, schema] of Object.entries(value)) cleanDescriptions(schema, property);
    } else if (isJsonObject(value) || Array.isArray(value)) {
      cleanDescriptions(value);
    }
  }
}

/** Adds titles, plain descriptions and `x-flowline` hints to a GHL action's input (in place). */
export function annotateActionInput(operationId: string, input: JsonObject): void {
  walkSchema(input, operationId, (key, property, context) => annotated(key, property, context, true, undefined));
  cleanDescriptions(input);
  const warning = OPERATION_WARNINGS[operationId];
  if (warning !== undefined) input[HINTS] = { warning };
}

/** Titles and plain descriptions (from the PushPress reference where it says) on a trigger payload (in place). */
export function annotateTriggerPayload(operationId: string, payload: JsonObject): void {
  walkSchema(payload, operationId, (key, property, context) => {
    const described = PUSHPRESS_DESCRIPTIONS[key] ?? (key === 'data' && context.parent === payload ? 'The record the event is about.' : undefined);
    return annotated(key, property, context, false, described);
  });
  cleanDescriptions(payload);
}

/** Plain-text descriptions, none restating its key, in an action's output (in place). */
export function cleanOutput(output: JsonObject): void {
  cleanDescriptions(output);
}

/** An operation's own description as plain text. */
export function operationDescription(description: string): string {
  return plainText(description);
}
