import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const LOCAL_SCHEMA = '#/components/schemas/';

/** `value` with every `$ref` to a schema of its own document renamed to `<module>__<name>`. */
function prefixLocalRefs(value: Json, module: string): Json {
  if (Array.isArray(value)) return value.map((item) => prefixLocalRefs(item, module));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === '$ref' && typeof item === 'string' && item.startsWith(LOCAL_SCHEMA) ? `${LOCAL_SCHEMA}${module}__${item.slice(LOCAL_SCHEMA.length)}` : prefixLocalRefs(item, module),
    ]),
  );
}

export interface MergedDocument {
  readonly path: string;
  remove(): void;
}

/**
 * GHL's per-module OpenAPI documents as one, so one Prism (about 3 s of CPU to start, whatever the
 * document's size) checks them all. Nothing is changed but names: each module's schemas are
 * prefixed with the module (calendars and contacts both have a `NotesDTO`, and they differ), the
 * paths (distinct across modules) and security schemes are gathered, and `../common/` refs keep
 * working because the common folder is copied beside the merged file.
 */
export function writeMergedDocument(openApiDir: string, modules: readonly string[]): MergedDocument {
  const root = mkdtempSync(join(tmpdir(), 'flowline-ghl-openapi-'));
  cpSync(join(openApiDir, 'common'), join(root, 'common'), { recursive: true });
  mkdirSync(join(root, 'apps'));
  const paths: Record<string, Json> = {};
  const schemas: Record<string, Json> = {};
  const securitySchemes: Record<string, Json> = {};
  let head: Record<string, Json> | undefined;
  for (const module of modules) {
    const document = JSON.parse(readFileSync(join(openApiDir, 'apps', `${module}.json`), 'utf8')) as Record<string, Json>;
    head ??= document;
    const components = (document['components'] ?? {}) as Record<string, Record<string, Json>>;
    for (const [name, schema] of Object.entries(components['schemas'] ?? {})) schemas[`${module}__${name}`] = prefixLocalRefs(schema, module);
    Object.assign(securitySchemes, components['securitySchemes'] ?? {});
    for (const [path, item] of Object.entries((document['paths'] ?? {}) as Record<string, Json>)) {
      if (path in paths) throw new Error(`${path} is in two GHL documents; they cannot be merged`);
      paths[path] = prefixLocalRefs(item, module);
    }
  }
  const merged = {
    openapi: head?.['openapi'] ?? '3.0.0',
    info: { title: `GHL API v2: ${modules.join(', ')}`, version: '1.0' },
    servers: head?.['servers'] ?? [],
    paths,
    components: { schemas, securitySchemes },
  };
  const path = join(root, 'apps', 'ghl.json');
  writeFileSync(path, JSON.stringify(merged));
  return { path, remove: () => rmSync(root, { recursive: true, force: true }) };
}
