import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';
import type { OperationInput, OperationInputSet, ParamType } from './operation-input.js';

export const SCHEMA_BASE = 'https://sandbox.flowline.invalid/ghl/';
const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;

/** Rewrites OpenAPI component refs to `$defs` refs under an absolute `$id`, and drops `example` keys. */
export function rewrite(value: JsonValue | undefined, docUri: string): JsonValue | undefined {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, docUri) ?? null);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'example') continue;
    if (key === '$ref' && typeof v === 'string') {
      const [file, pointer = ''] = v.split('#');
      const target = file === undefined || file === '' ? docUri : new URL(file, docUri).href;
      out[key] = `${target}#${pointer.replace('/components/schemas/', '/$defs/')}`;
    } else {
      out[key] = rewrite(v, docUri);
    }
  }
  return out;
}

function paramType(schema: JsonValue | undefined): ParamType {
  const t = isJsonObject(schema) ? schema['type'] : undefined;
  return t === 'number' || t === 'integer' || t === 'boolean' || t === 'array' ? t : 'string';
}

function resolveLocal(ref: string, defs: JsonObject): JsonObject | undefined {
  const name = ref.split('/$defs/')[1];
  const found = name === undefined ? undefined : defs[name];
  return isJsonObject(found) ? found : undefined;
}

/**
 * Reads GoHighLevel's OpenAPI documents (`apps/*.json` plus `common/common-schemas.json`)
 * and builds, for every operation, a JSON Schema of its input `{ path, query, body }`.
 * This is the fallback source; the generated `schemas/operations/ghl` files are preferred.
 */
export function loadOpenApiInputs(openApiDir: string): OperationInputSet {
  const shared: JsonObject[] = [];
  const operations: OperationInput[] = [];
  const commonUri = new URL('common/common-schemas.json', SCHEMA_BASE).href;
  const common = JSON.parse(readFileSync(join(openApiDir, 'common', 'common-schemas.json'), 'utf8')) as JsonObject;
  const commonComponents = isJsonObject(common['components']) ? common['components'] : {};
  shared.push({ $id: commonUri, $defs: rewrite(commonComponents['schemas'] ?? {}, commonUri) ?? {} });

  const appsDir = join(openApiDir, 'apps');
  for (const file of readdirSync(appsDir).filter((f) => f.endsWith('.json')).sort()) {
    const docUri = new URL(`apps/${file}`, SCHEMA_BASE).href;
    const doc = JSON.parse(readFileSync(join(appsDir, file), 'utf8')) as JsonObject;
    const components = isJsonObject(doc['components']) ? doc['components'] : {};
    const defs = rewrite(components['schemas'] ?? {}, docUri);
    const defsObject = isJsonObject(defs) ? defs : {};
    shared.push({ $id: docUri, $defs: defsObject });
    const paths = isJsonObject(doc['paths']) ? doc['paths'] : {};
    for (const [path, item] of Object.entries(paths)) {
      if (!isJsonObject(item)) continue;
      for (const method of METHODS) {
        const op = item[method];
        if (!isJsonObject(op)) continue;
        operations.push(buildOperation(method, path, op, docUri, defsObject));
      }
    }
  }
  return { source: `OpenAPI documents in ${openApiDir}`, operations, sharedSchemas: shared };
}

function buildOperation(method: string, path: string, op: JsonObject, docUri: string, defs: JsonObject): OperationInput {
  const groups = { path: { properties: {} as JsonObject, required: [] as string[], types: {} as Record<string, ParamType> }, query: { properties: {} as JsonObject, required: [] as string[], types: {} as Record<string, ParamType> } };
  let versions: string[] = [];
  for (const p of Array.isArray(op['parameters']) ? op['parameters'] : []) {
    if (!isJsonObject(p) || typeof p['name'] !== 'string') continue;
    const where = p['in'];
    if (where === 'header' && p['name'].toLowerCase() === 'version') {
      const schema = p['schema'];
      const e = isJsonObject(schema) && Array.isArray(schema['enum']) ? schema['enum'] : [];
      versions = e.filter((v): v is string => typeof v === 'string');
      continue;
    }
    if (where !== 'path' && where !== 'query') continue;
    const group = groups[where];
    group.properties[p['name']] = rewrite(p['schema'] ?? {}, docUri) ?? {};
    group.types[p['name']] = paramType(p['schema']);
    if (p['required'] === true || where === 'path') group.required.push(p['name']);
  }
  const requestBody = isJsonObject(op['requestBody']) ? op['requestBody'] : undefined;
  const content = requestBody !== undefined && isJsonObject(requestBody['content']) ? requestBody['content'] : {};
  const json = content['application/json'] ?? content['application/x-www-form-urlencoded'];
  const bodySchema = isJsonObject(json) ? rewrite(json['schema'], docUri) : undefined;
  let bodyProperties: string[] | undefined;
  if (isJsonObject(bodySchema)) {
    const target = typeof bodySchema['$ref'] === 'string' ? resolveLocal(bodySchema['$ref'], defs) : bodySchema;
    const props = target !== undefined && isJsonObject(target['properties']) ? Object.keys(target['properties']) : [];
    bodyProperties = props.length > 0 ? props : undefined;
  }
  const properties: JsonObject = {
    path: { type: 'object', properties: groups.path.properties, required: groups.path.required },
    query: { type: 'object', properties: groups.query.properties, required: groups.query.required },
  };
  const required = ['path', 'query'];
  if (bodySchema !== undefined) {
    properties['body'] = bodySchema;
    if (requestBody?.['required'] === true && method !== 'delete') required.push('body');
  }
  return {
    method: method.toUpperCase(),
    path,
    operationId: typeof op['operationId'] === 'string' ? op['operationId'] : undefined,
    schema: { type: 'object', properties, required },
    paramTypes: { path: groups.path.types, query: groups.query.types },
    versions,
    bodyProperties,
  };
}
