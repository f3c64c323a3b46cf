import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.js';
import type { OperationInput, OperationInputSet, ParamType } from './operation-input.js';


function listJsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listJsonFiles(full));
    else if (entry.endsWith('.json')) out.push(full);
  }
  return out;
}

function propertiesOf(schema: JsonValue | undefined): JsonObject {
  return isJsonObject(schema) && isJsonObject(schema['properties']) ? schema['properties'] : {};
}

function typesOf(group: JsonValue | undefined): Record<string, ParamType> {
  const out: Record<string, ParamType> = {};
  for (const [name, s] of Object.entries(propertiesOf(group))) {
    const t = isJsonObject(s) ? s['type'] : undefined;
    out[name] = t === 'number' || t === 'integer' || t === 'boolean' || t === 'array' ? t : 'string';
  }
  return out;
}

/** Follows a `#/definitions/Name` ref inside the operation's own input schema. */
function resolveLocal(schema: JsonValue | undefined, root: JsonObject): JsonValue | undefined {
  if (!isJsonObject(schema) || typeof schema['$ref'] !== 'string') return schema;
  const name = /^#\/definitions\/(.+)$/.exec(schema['$ref'])?.[1];
  const defs = root['definitions'];
  return name !== undefined && isJsonObject(defs) ? defs[decodeURIComponent(name)] : undefined;
}

/**
 * Reads the generated per-operation schemas (`schemas/operations/ghl/**.json`: `http.method`,
 * `http.path`, `http.version`, and a self-contained `input` JSON Schema of `{ path?, query?, body? }`).
 * Returns `undefined` when the folder does not exist or holds no operation files yet.
 */
export function loadOperationFileInputs(
  dir: string,
  versionsFor: (method: string, path: string) => readonly string[],
): OperationInputSet | undefined {
  if (!existsSync(dir)) return undefined;
  const operations: OperationInput[] = [];
  for (const file of listJsonFiles(dir)) {
    let doc: JsonValue;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8')) as JsonValue;
    } catch {
      continue;
    }
    if (!isJsonObject(doc) || !isJsonObject(doc['http']) || !isJsonObject(doc['input'])) continue;
    const { method, path } = doc['http'];
    if (typeof method !== 'string' || typeof path !== 'string') continue;
    const input = doc['input'];
    const inputProps = propertiesOf(input);
    const { $schema: _ignored, ...schema } = input;
    const bodyProps = Object.keys(propertiesOf(resolveLocal(inputProps['body'], input)));
    const version = doc['http']['version'];
    operations.push({
      method: method.toUpperCase(),
      path,
      operationId: typeof doc['id'] === 'string' ? doc['id'] : undefined,
      schema,
      paramTypes: { path: typesOf(inputProps['path']), query: typesOf(inputProps['query']) },
      versions: typeof version === 'string' ? [version] : versionsFor(method, path),
      bodyProperties: bodyProps.length > 0 ? bodyProps : undefined,
    });
  }
  if (operations.length === 0) return undefined;
  return { source: `operation schemas in ${dir}`, operations, sharedSchemas: [] };
}
