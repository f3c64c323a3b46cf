import { existsSync } from 'node:fs';
import { FlowlineError, type ConnectionConfig, type Connector, type EngineOptions, type Store } from '@flowline/core';
import { createGhlConnector, createHttpConnector, createPushPressConnector, type TokenStore } from '@flowline/connectors';
import type { ServerLimits } from './host/server-limits.js';
import { readJsonFile } from './read-json-file.js';

/**
 * `flowline.config.json`: where the engine finds GHL and PushPress, and the named connections
 * workflows use. Secrets are never written in it: a string `"$env:NAME"` is read from the
 * environment variable NAME.
 */
export interface HostConfig {
  readonly ghl?: { readonly baseUrl?: string };
  readonly pushpress?: {
    readonly baseUrl?: string;
    readonly signingSecrets?: readonly string[];
    /** The oldest delivery the webhook receiver accepts, in seconds before now (`created`); default 7 days. */
    readonly maxAgeSeconds?: number;
  };
  /**
   * `flowline.http.request`: by default only public addresses are reached (loopback, private and
   * link-local ones are refused after DNS resolution). `allowPrivateNetworks` lifts that; `allowHosts`
   * lets named hosts (or IP addresses) through, e.g. `localhost` for a sandbox.
   */
  readonly http?: { readonly allowPrivateNetworks?: boolean; readonly allowHosts?: readonly string[] };
  /** Timeouts (ms) and the connection cap of `flowline serve`'s HTTP server; see ServerLimits. */
  readonly server?: Partial<ServerLimits>;
  /** `flowline serve`'s HTTP API for a builder; on when a port is given (here or --api-port). */
  readonly api?: {
    readonly port?: number;
    readonly host?: string;
    /** The operator's key (default: FLOWLINE_API_KEY). */
    readonly operatorKey?: string;
    /** The secret tenant tokens are signed with (default: FLOWLINE_API_TOKEN_SECRET). */
    readonly tokenSecret?: string;
    /** Origins a builder's browser may call the API from (CORS); default none. */
    readonly corsOrigins?: readonly string[];
    /** Serve the builder at `/` of the API's origin (as --ui does): `true`, or where its files are and who may frame it. */
    readonly ui?: boolean | { readonly root?: string; readonly frameAncestors?: readonly string[] };
  };
  readonly connections?: Readonly<Record<string, ConnectionConfig>>;
  /** Non-secret values workflows read as `$config`. */
  readonly config?: Readonly<Record<string, unknown>>;
}

export const DEFAULT_CONFIG_FILE = 'flowline.config.json';

/** Replaces `"$env:NAME"` strings with the environment's values; a missing variable is an error. */
export function resolveEnv<T>(value: T, env: NodeJS.ProcessEnv = process.env, pointer = ''): T {
  if (typeof value === 'string' && value.startsWith('$env:')) {
    const name = value.slice(5);
    const resolved = env[name];
    if (resolved === undefined || resolved === '') {
      throw new FlowlineError('cli.missing-env', `The configuration asks for the environment variable ${name}, which is not set`, { pointer, hint: `export ${name}=...` });
    }
    return resolved as T;
  }
  if (Array.isArray(value)) return value.map((item, index) => resolveEnv(item, env, `${pointer}/${index}`)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveEnv(item, env, `${pointer}/${key}`)])) as T;
  }
  return value;
}

/** Reads the host configuration: the file named, else ./flowline.config.json if it exists, else none. */
export async function loadHostConfig(path: string | undefined): Promise<HostConfig> {
  const file = path ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  if (!file) return {};
  const raw = await readJsonFile(file);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new FlowlineError('cli.bad-config', `${file} must hold a JSON object`, { pointer: '' });
  }
  return resolveEnv(raw as HostConfig);
}

/** The connectors a host runs with: GoHighLevel and PushPress, pointed where the config says, and http (flowline.http.request). */
export function hostConnectors(config: HostConfig, tokenStore?: TokenStore): Connector[] {
  return [
    createGhlConnector({ ...(config.ghl?.baseUrl ? { baseUrl: config.ghl.baseUrl } : {}), ...(tokenStore ? { tokenStore } : {}) }),
    createPushPressConnector(config.pushpress?.baseUrl ? { baseUrl: config.pushpress.baseUrl } : {}),
    createHttpConnector({ allowPrivateNetworks: config.http?.allowPrivateNetworks === true, allowHosts: config.http?.allowHosts ?? [] }),
  ];
}

export function engineOptions(config: HostConfig, extra: { store?: Store; tokenStore?: TokenStore } = {}): EngineOptions {
  const { tokenStore, ...rest } = extra;
  return {
    connectors: hostConnectors(config, tokenStore),
    ...(config.connections ? { connections: config.connections } : {}),
    ...(config.config ? { config: config.config } : {}),
    ...rest,
  };
}
