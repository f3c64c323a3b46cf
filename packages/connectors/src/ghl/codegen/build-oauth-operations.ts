/**
 * Builds `../generated/oauth-operations.ts` from GHL's `oauth.json`: the descriptors of the two
 * agency endpoints the connector calls through its client (`POST /oauth/locationToken`,
 * `GET /oauth/installedLocations`) and the TypeScript types of their query and answers.
 *
 *   node --conditions=@flowline/source --import tsx packages/connectors/src/ghl/codegen/build-oauth-operations.ts [--check]
 *
 * `--check` exits 1 when the committed file differs from what the document says.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { runGenerator } from './write-generated.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const OAUTH_DOCUMENT = path.resolve(here, '../../../reference/ghl/openapi/apps/oauth.json');
export const OUTPUT_FILE = path.resolve(here, '../generated/oauth-operations.ts');

/** The operations, by GHL operationId, and the constant each descriptor is exported as. */
const OPERATIONS = [
  { operationId: 'get-location-access-token', constant: 'GHL_LOCATION_TOKEN_OPERATION' },
  { operationId: 'get-installed-location', constant: 'GHL_INSTALLED_LOCATIONS_OPERATION' },
] as const;

/** The document's component schemas that become exported types, and their names here. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  GetLocationAccessCodeBodyDto: 'GhlLocationTokenRequest',
  GetLocationAccessTokenSuccessfulResponseDto: 'GhlLocationAccessToken',
  InstalledLocationSchema: 'GhlInstalledLocation',
  GetInstalledLocationsSuccessfulResponseDto: 'GhlInstalledLocations',
};

/** The query parameters of `get-installed-location` become this type. */
const QUERY_TYPES: Readonly<Record<string, string>> = { 'get-installed-location': 'GhlInstalledLocationsQuery' };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Document {
  readonly paths: Record<string, Record<string, JsonObject>>;
  readonly components: { readonly schemas: Record<string, JsonObject> };
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function componentName(ref: string): string {
  const match = /^#\/components\/schemas\/(.+)$/.exec(ref);
  if (!match?.[1]) throw new Error(`oauth.json: only local component refs are expected, got ${ref}`);
  return match[1];
}

/** A JSON Schema with the document's local refs inlined and its `example`s dropped. */
function inline(value: Json, doc: Document): Json {
  if (Array.isArray(value)) return value.map((item) => inline(item, doc));
  if (!isObject(value)) return value;
  const ref = value['$ref'];
  if (typeof ref === 'string') {
    const target = doc.components.schemas[componentName(ref)];
    if (!target) throw new Error(`oauth.json: ${ref} is not defined`);
    return inline(target, doc);
  }
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) if (key !== 'example') out[key] = inline(item, doc);
  return out;
}

function findOperation(doc: Document, operationId: string): { method: string; route: string; operation: JsonObject } {
  for (const [route, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation['operationId'] === operationId) return { method: method.toUpperCase(), route, operation };
    }
  }
  throw new Error(`oauth.json has no operation ${operationId}`);
}

function parametersOf(operation: JsonObject): JsonObject[] {
  const list = operation['parameters'];
  return Array.isArray(list) ? list.filter(isObject) : [];
}

function versionOf(operation: JsonObject): string {
  const header = parametersOf(operation).find((p) => p['in'] === 'header' && p['name'] === 'Version');
  const schema = header?.['schema'];
  const version = isObject(schema) && Array.isArray(schema['enum']) ? schema['enum'][0] : undefined;
  if (typeof version !== 'string') throw new Error('oauth.json: an agency operation without a Version header enum');
  return version;
}

function scopesOf(operation: JsonObject): string[] {
  const security = operation['security'];
  const scopes = Array.isArray(security) ? security.filter(isObject).flatMap((entry) => Object.values(entry).flat()) : [];
  return scopes.filter((scope): scope is string => typeof scope === 'string');
}

/** `{ type: object, properties, required }` of the operation's query parameters, or undefined. */
function querySchema(operation: JsonObject, doc: Document): JsonObject | undefined {
  const query = parametersOf(operation).filter((p) => p['in'] === 'query');
  if (query.length === 0) return undefined;
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const parameter of query) {
    const name = String(parameter['name']);
    const schema = inline(parameter['schema'] ?? { type: 'string' }, doc);
    const description = parameter['description'];
    properties[name] = isObject(schema) && typeof description === 'string' ? { ...schema, description } : schema;
    if (parameter['required'] === true) required.push(name);
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

function bodyRef(operation: JsonObject): string | undefined {
  const requestBody = operation['requestBody'];
  const content = isObject(requestBody) ? requestBody['content'] : undefined;
  const form = isObject(content) ? content['application/x-www-form-urlencoded'] : undefined;
  const schema = isObject(form) ? form['schema'] : undefined;
  return isObject(schema) && typeof schema['$ref'] === 'string' ? schema['$ref'] : undefined;
}

function successRef(operation: JsonObject): string {
  const responses = operation['responses'];
  const ok = isObject(responses) ? responses['200'] : undefined;
  const content = isObject(ok) ? ok['content'] : undefined;
  const json = isObject(content) ? content['application/json'] : undefined;
  const schema = isObject(json) ? json['schema'] : undefined;
  if (!isObject(schema) || typeof schema['$ref'] !== 'string') throw new Error('oauth.json: an agency operation without a 200 schema ref');
  return schema['$ref'];
}

function descriptor(doc: Document, operationId: string): JsonObject {
  const { method, route, operation } = findOperation(doc, operationId);
  const properties: JsonObject = {};
  const required: string[] = [];
  const query = querySchema(operation, doc);
  if (query) {
    properties['query'] = query;
    if (Array.isArray(query['required'])) required.push('query');
  }
  const body = bodyRef(operation);
  if (body !== undefined) {
    properties['body'] = inline({ $ref: body }, doc);
    required.push('body');
  }
  const summary = String(operation['summary'] ?? operationId);
  return {
    id: `ghl.oauth.${operationId}`,
    kind: 'action',
    connector: 'ghl',
    title: summary,
    description: String(operation['description'] ?? summary),
    scopes: scopesOf(operation),
    http: { method, path: route, version: versionOf(operation) },
    input: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties,
      required,
      additionalProperties: false,
    },
    output: { $schema: 'http://json-schema.org/draft-07/schema#', ...(inline({ $ref: successRef(operation) }, doc) as JsonObject) },
  };
}

function docComment(text: string, indent: string): string {
  return `${indent}/** ${text.replace(/\*\//g, '*\\/')} */\n`;
}

/** The TypeScript type of one member schema: the document uses strings, numbers, booleans, arrays and refs. */
function typeOf(schema: Json | undefined): string {
  if (!isObject(schema)) throw new Error('oauth.json: a property without a schema');
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const name = TYPE_NAMES[componentName(ref)];
    if (name === undefined) throw new Error(`oauth.json: ${ref} has no type name in TYPE_NAMES`);
    return name;
  }
  if (Array.isArray(schema['enum'])) return schema['enum'].map((v) => JSON.stringify(v)).join(' | ');
  switch (schema['type']) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return `readonly ${typeOf(schema['items'])}[]`;
    default:
      throw new Error(`oauth.json: no TypeScript rendering for ${JSON.stringify(schema)}`);
  }
}

function renderInterface(name: string, schema: JsonObject, comment: string): string {
  const properties = isObject(schema['properties']) ? schema['properties'] : {};
  const required = Array.isArray(schema['required']) ? schema['required'] : [];
  let out = docComment(comment, '');
  out += `export interface ${name} {\n`;
  for (const [member, memberSchema] of Object.entries(properties)) {
    const description = isObject(memberSchema) ? memberSchema['description'] : undefined;
    if (typeof description === 'string') out += docComment(description, '  ');
    const key = /^[A-Za-z_$][\w$]*$/.test(member) ? member : JSON.stringify(member);
    out += `  readonly ${key}${required.includes(member) ? '' : '?'}: ${typeOf(memberSchema)};\n`;
  }
  return `${out}}\n`;
}

export async function buildOAuthOperations(): Promise<string> {
  const doc = JSON.parse(await readFile(OAUTH_DOCUMENT, 'utf8')) as Document;
  const parts: string[] = [];
  for (const { operationId, constant } of OPERATIONS) {
    const op = descriptor(doc, operationId);
    const http = op['http'] as JsonObject;
    parts.push(
      `${docComment(`\`${String(http['method'])} ${String(http['path'])}\` (oauth.json \`${operationId}\`): ${String(op['description'])}`, '')}` +
        `export const ${constant}: OperationDescriptor = ${JSON.stringify(op, null, 2)};\n`,
    );
    const queryType = QUERY_TYPES[operationId];
    const query = (op['input'] as JsonObject)['properties'] as JsonObject;
    if (queryType !== undefined && isObject(query['query'])) {
      parts.push(renderInterface(queryType, query['query'], `The query of \`${operationId}\`, as oauth.json declares its parameters.`));
    }
  }
  for (const [component, name] of Object.entries(TYPE_NAMES)) {
    const schema = doc.components.schemas[component];
    if (!schema) throw new Error(`oauth.json has no component ${component}`);
    parts.push(renderInterface(name, schema, `oauth.json \`${component}\`.`));
  }
  return `// DO NOT EDIT: generated by src/ghl/codegen/build-oauth-operations.ts from
// reference/ghl/openapi/apps/oauth.json. Rebuild with
//   node --conditions=@flowline/source --import tsx packages/connectors/src/ghl/codegen/build-oauth-operations.ts

import type { OperationDescriptor } from '@flowline/core';

${parts.join('\n')}`;
}

await runGenerator(import.meta.url, OUTPUT_FILE, buildOAuthOperations);
