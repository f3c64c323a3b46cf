import { dirname, resolve } from 'node:path';
import { FlowlineError, parseJson, type ConnectionConfig, type Mapping } from '@flowline/core';
import { resolveEnv } from '../host-config.js';
import { MAX_FILE_BYTES, readJsonFile } from '../read-json-file.js';

/**
 * A tenant file (`flowline tenants add <id> --file tenant.json`): what the host configuration
 * holds for the default tenant, for one more gym. Strings `"$env:NAME"` are read from the
 * environment when the tenant is added, and the values stored (credentials and signing secrets
 * encrypted).
 */
export interface TenantFile {
  /** Named connections, each `{ connector, settings, credentials }`. */
  readonly connections: Readonly<Record<string, ConnectionConfig>>;
  /** `$config` in its mappings. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Mapping templates its workflows may `$use`. */
  readonly templates?: Readonly<Record<string, Mapping>>;
  /** The signing secrets of its PushPress webhook (two while rotating). */
  readonly signingSecrets: readonly string[];
  /** An absolute directory of `*.workflow.json` files; absent: the workflows `flowline serve` is given. */
  readonly workflows?: string;
}

const KEYS = ['connections', 'config', 'templates', 'pushpress', 'workflows'] as const;

function problem(source: string, pointer: string, message: string, hint?: string): FlowlineError {
  return new FlowlineError('tenants.bad-file', `${source}: ${message}`, { pointer, ...(hint ? { hint } : {}) });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function objectAt(source: string, value: unknown, pointer: string, what: string): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) throw problem(source, pointer, `${what} must be an object`);
  return value;
}

function connectionsOf(source: string, value: unknown): Record<string, ConnectionConfig> {
  const connections = objectAt(source, value, '/connections', '"connections"') ?? {};
  for (const [name, connection] of Object.entries(connections)) {
    const at = `/connections/${name}`;
    if (!isObject(connection)) throw problem(source, at, `connection "${name}" must be an object { connector, settings, credentials }`);
    if (typeof connection['connector'] !== 'string' || connection['connector'] === '') throw problem(source, `${at}/connector`, `connection "${name}" needs a "connector" (e.g. "ghl")`);
    objectAt(source, connection['settings'], `${at}/settings`, `"settings" of connection "${name}"`);
    objectAt(source, connection['credentials'], `${at}/credentials`, `"credentials" of connection "${name}"`);
    for (const key of Object.keys(connection)) {
      if (!['connector', 'settings', 'credentials'].includes(key)) throw problem(source, `${at}/${key}`, `connection "${name}" has an unknown member "${key}"`, 'A connection has connector, settings and credentials.');
    }
  }
  return connections as Record<string, ConnectionConfig>;
}

function signingSecretsOf(source: string, value: unknown): string[] {
  const pushpress = objectAt(source, value, '/pushpress', '"pushpress"');
  const secrets = pushpress?.['signingSecrets'];
  if (!Array.isArray(secrets) || secrets.length === 0 || secrets.some((secret) => typeof secret !== 'string' || secret === '')) {
    // Never echo a secret.
    throw problem(source, '/pushpress/signingSecrets', 'pushpress.signingSecrets must list the signing secrets of the tenant\'s PushPress webhook (non-empty strings)', 'e.g. "pushpress": { "signingSecrets": ["$env:GYM_SIGNING_SECRET"] }');
  }
  for (const key of Object.keys(pushpress ?? {})) {
    if (key !== 'signingSecrets') throw problem(source, `/pushpress/${key}`, `"pushpress.${key}" is the host's setting (flowline.config.json), not a tenant's`);
  }
  return secrets as string[];
}

/**
 * Checks a tenant file's content (already parsed) and reads its `"$env:NAME"` values. `baseDir`
 * is where a relative `workflows` directory is found (the file's own directory).
 */
export function parseTenantFile(raw: unknown, options: { readonly source: string; readonly baseDir: string; readonly env?: NodeJS.ProcessEnv }): TenantFile {
  const { source } = options;
  if (!isObject(raw)) throw problem(source, '', 'a tenant file must hold a JSON object { connections, config, templates, pushpress, workflows }');
  for (const key of Object.keys(raw)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      throw problem(source, `/${key}`, `unknown member "${key}"`, `A tenant file has ${KEYS.join(', ')}; the host's own settings (ghl.baseUrl, server) stay in flowline.config.json.`);
    }
  }
  const resolved = resolveEnv(raw, options.env);
  const workflows = resolved['workflows'];
  if (workflows !== undefined && (typeof workflows !== 'string' || workflows === '')) throw problem(source, '/workflows', '"workflows" must name a directory of *.workflow.json files');
  const config = objectAt(source, resolved['config'], '/config', '"config"');
  const templates = objectAt(source, resolved['templates'], '/templates', '"templates"');
  return {
    connections: connectionsOf(source, resolved['connections']),
    ...(config ? { config } : {}),
    ...(templates ? { templates: templates as Record<string, Mapping> } : {}),
    signingSecrets: signingSecretsOf(source, resolved['pushpress']),
    ...(typeof workflows === 'string' ? { workflows: resolve(options.baseDir, workflows) } : {}),
  };
}

/** Reads a tenant file: `path`, or the text given (standard input) when there is no path. */
export async function readTenantFile(from: { readonly path: string } | { readonly text: string }, env?: NodeJS.ProcessEnv): Promise<TenantFile> {
  if ('path' in from) {
    return parseTenantFile(await readJsonFile(from.path), { source: from.path, baseDir: dirname(resolve(from.path)), ...(env ? { env } : {}) });
  }
  return parseTenantFile(parseJson(from.text, { maxBytes: MAX_FILE_BYTES, source: 'standard input' }), { source: 'standard input', baseDir: process.cwd(), ...(env ? { env } : {}) });
}
