import { compile, type JSONSchema } from 'json-schema-to-typescript';
import type { GeneratedOperation } from './build-descriptors.js';
import { isJsonObject, type Json, type JsonObject } from './json-types.js';
import { pascalCase } from './type-names.js';

const HEADER = `/* eslint-disable */
/**
 * DO NOT EDIT: generated from schemas/operations/** by packages/connectors/scripts/generate-operations.ts.
 * Change the generator (or the reference documents), then run \`pnpm generate\`.
 */`;

interface TypeGroup {
  /** e.g. `ghl-contacts` (the file name) */
  readonly file: string;
  /** e.g. `GhlContactsOperations` */
  readonly mapName: string;
  readonly operations: GeneratedOperation[];
}

function schemaOf(operation: GeneratedOperation, key: 'input' | 'output'): JsonObject | undefined {
  const schema = operation.descriptor[key];
  if (!isJsonObject(schema)) return undefined;
  const stripped = withoutFormHints(schema);
  return isJsonObject(stripped) ? stripped : undefined;
}

function titleOf(schema: JsonObject): string {
  const title = schema['title'];
  if (typeof title !== 'string') throw new Error('every generated input/output schema has a title (its type name)');
  return title;
}

/**
 * A copy for json-schema-to-typescript only: objects that declare no properties become
 * `{ [k: string]: unknown }` instead of `{}` (the types are generated with closed objects otherwise).
 */
function forTypes(value: Json): Json {
  if (Array.isArray(value)) return value.map(forTypes);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, part] of Object.entries(value)) {
    if (key === 'examples' || key === 'default') out[key] = part;
    else if (key === 'properties' && isJsonObject(part)) out[key] = Object.fromEntries(Object.entries(part).map(([name, schema]) => [name, forTypes(schema)]));
    else out[key] = forTypes(part);
  }
  const declared = isJsonObject(out['properties']) ? Object.keys(out['properties']).length : 0;
  if (out['type'] === 'object' && declared === 0 && out['additionalProperties'] === undefined) out['additionalProperties'] = true;
  return out;
}

/**
 * A schema without what only a form uses: the fields' titles (in json-schema-to-typescript a
 * title names a type of its own: "Due date" would become `DueDate`) and `x-flowline` hints.
 * Input and output then share their definitions again (outputs carry neither).
 */
function withoutFormHints(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutFormHints);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, part] of Object.entries(value)) {
    if (key === 'x-flowline') continue;
    if (key === 'examples' || key === 'default' || key === 'enum' || key === 'const') out[key] = part;
    else if (key === 'properties' && isJsonObject(part)) {
      out[key] = Object.fromEntries(Object.entries(part).map(([name, schema]) => {
        const stripped = withoutFormHints(schema);
        if (!isJsonObject(stripped)) return [name, stripped];
        const { title: _title, ...rest } = stripped;
        return [name, rest];
      }));
    } else out[key] = withoutFormHints(part);
  }
  return out;
}

/** Hoists one operation schema into the group's shared `definitions` and returns a `$ref` to it. */
function hoist(schema: JsonObject, definitions: Map<string, JsonObject>, id: string): JsonObject {
  const { $schema: _dialect, definitions: own, ...body } = schema;
  const name = titleOf(schema);
  const entries: [string, Json][] = [[name, body], ...(isJsonObject(own) ? Object.entries(own) : [])];
  for (const [key, definition] of entries) {
    if (!isJsonObject(definition)) continue;
    const known = definitions.get(key);
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(definition)) {
      throw new Error(`${id}: definition ${key} differs from another operation's definition of the same name`);
    }
    definitions.set(key, definition);
  }
  return { $ref: `#/definitions/${name}` };
}

function groupSchema(group: TypeGroup): JsonObject {
  const definitions = new Map<string, JsonObject>();
  const properties: JsonObject = {};
  for (const operation of group.operations) {
    const id = String(operation.descriptor['id']);
    const input = schemaOf(operation, 'input');
    const output = schemaOf(operation, 'output');
    if (input === undefined) throw new Error(`${id}: no input schema`);
    if (operation.descriptor['kind'] === 'trigger') {
      properties[operation.key] = hoist(input, definitions, id);
      continue;
    }
    const entry: JsonObject = { input: hoist(input, definitions, id) };
    if (output !== undefined) entry['output'] = hoist(output, definitions, id);
    properties[operation.key] = { type: 'object', properties: entry, required: Object.keys(entry), additionalProperties: false };
  }
  return {
    title: group.mapName,
    description: group.mapName.endsWith('Triggers')
      ? 'The payload type of every PushPress trigger, keyed by event name.'
      : `Input and output types of every ${group.operations[0]?.group ?? ''} operation, keyed by operationId.`,
    type: 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
    definitions: Object.fromEntries(definitions),
  };
}

function groupsOf(operations: readonly GeneratedOperation[]): TypeGroup[] {
  const groups = new Map<string, TypeGroup>();
  for (const operation of operations) {
    let group = groups.get(operation.group);
    if (group === undefined) {
      const isTrigger = operation.descriptor['kind'] === 'trigger';
      group = {
        file: operation.group.replace(/\./g, '-'),
        mapName: `${pascalCase(operation.group)}${isTrigger ? 'Triggers' : 'Operations'}`,
        operations: [],
      };
      groups.set(operation.group, group);
    }
    group.operations.push(operation);
  }
  return [...groups.values()];
}

function renderIndex(groups: readonly TypeGroup[]): string {
  const lines = [HEADER, ''];
  const entries: string[] = [];
  for (const group of groups) {
    const names = new Set<string>([group.mapName]);
    for (const operation of group.operations) {
      const id = String(operation.descriptor['id']);
      const input = schemaOf(operation, 'input');
      const output = schemaOf(operation, 'output');
      const parts: string[] = [];
      if (input !== undefined) {
        names.add(titleOf(input));
        parts.push(`input: ${titleOf(input)}`);
      }
      if (output !== undefined) {
        names.add(titleOf(output));
        parts.push(`output: ${titleOf(output)}`);
      }
      entries.push(`  '${id}': { ${parts.join('; ')} };`);
    }
    lines.push(`import type {\n${[...names].map((name) => `  ${name},`).join('\n')}\n} from './${group.file}.js';`);
    lines.push(`export type {\n${[...names].map((name) => `  ${name},`).join('\n')}\n} from './${group.file}.js';`);
  }
  lines.push(
    '',
    '/** The input (trigger: payload) and output type of every catalog operation, keyed by operation id. */',
    'export interface OperationTypes {',
    ...entries,
    '}',
    '',
    'export type OperationId = keyof OperationTypes;',
    '',
  );
  return lines.join('\n');
}

/** Renders `types/<group>.ts` for every group (ghl-contacts, …, pushpress) and `types/index.ts`. */
export async function renderOperationTypes(operations: readonly GeneratedOperation[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const groups = groupsOf(operations);
  for (const group of groups) {
    const schema = forTypes(groupSchema(group));
    const source = await compile(schema as JSONSchema, group.mapName, {
      bannerComment: HEADER,
      additionalProperties: false,
      unreachableDefinitions: false,
      format: true,
      style: { singleQuote: true, printWidth: 120 },
    });
    files.set(`types/${group.file}.ts`, source);
  }
  files.set('types/index.ts', renderIndex(groups));
  return files;
}
