/**
 * The gyms of the tenants benchmarks: each its own tenant file (what `flowline tenants add`
 * reads), with its own GHL location and token, its own PushPress key and its own webhook signing
 * secret, and the connections and `$config` that the example workflows need (the same names as
 * examples/flowline.config.json, so the 21 workflows `flowline serve` is given deploy for it).
 * Nothing here is a secret: loopback only. It imports no package code (the start-up probe
 * measures what it loads).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TenantFile } from '../packages/cli/src/tenants/tenant-file.js';

/** The five example flows (21 workflows), as the cold-start benchmark serves them. */
export const EXAMPLE_FLOWS: readonly string[] = ['appointment-sync', 'contact-sync', 'lead-pipeline', 'note-sync', 'task-sync'];
export const EXAMPLES_CONFIG = 'examples/flowline.config.json';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

interface ExamplesConfig {
  readonly config: Record<string, unknown>;
}

export const examplesConfig = (): Record<string, unknown> => (JSON.parse(readFileSync(join(REPO_ROOT, EXAMPLES_CONFIG), 'utf8')) as ExamplesConfig).config;

/** The `n`th gym's id: `gym-0001`, … (in the order `flowline serve` lists them). */
export const tenantId = (n: number): string => `gym-${String(n).padStart(4, '0')}`;

/** The `n`th gym's webhook signing secret. */
export const tenantSigningSecret = (n: number): string => `bench-gym-${n}-signing-secret-not-a-secret`;

/** The `n`th gym's tenant file, as `flowline tenants add` would read it (no `workflows`: it runs the ones serve is given). */
export function tenantFile(n: number, config: Record<string, unknown> = examplesConfig()): TenantFile {
  const location = `loc_${tenantId(n)}`;
  return {
    connections: {
      ghl: { connector: 'ghl', settings: { locationId: location }, credentials: { type: 'private-token', token: `bench-ghl-token-${n}` } },
      pushpress: { connector: 'pushpress', credentials: { apiKey: `bench-pushpress-key-${n}`, companyId: `client_${tenantId(n)}` } },
    },
    config: { ...config, ghlLocationId: location },
    signingSecrets: [tenantSigningSecret(n)],
  };
}
