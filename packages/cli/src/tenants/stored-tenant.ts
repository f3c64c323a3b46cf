import { FlowlineError, type ConnectionConfig, type Mapping, type TenantRecord, type TenantSettings } from '@flowline/core';
import type { TenantFile } from './tenant-file.js';

/** A tenant record's `settings` as the CLI writes them: nothing secret. */
export interface StoredTenantSettings {
  /** Connections without their credentials. */
  readonly connections: Readonly<Record<string, Omit<ConnectionConfig, 'credentials'>>>;
  readonly config?: Readonly<Record<string, unknown>>;
  readonly templates?: Readonly<Record<string, Mapping>>;
  /** An absolute directory of workflow files; absent: the workflows `flowline serve` is given. */
  readonly workflows?: string;
  /**
   * Set by `tenants remove --keep-records`: the tenant is gone from the host (not registered, its
   * secrets dropped), its records stay. The store can only delete a tenant's record with its data.
   */
  readonly removedAt?: string;
}

/** A tenant record's `secrets` as the CLI writes them (the store encrypts them). */
export interface StoredTenantSecrets {
  /** Each connection's credentials, by connection name. */
  readonly credentials: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly signingSecrets: readonly string[];
}

/** A tenant as `flowline serve` registers it: its engine settings, its webhook's secrets, and where its workflows are. */
export interface HostTenantSettings {
  readonly settings: TenantSettings;
  readonly signingSecrets: readonly string[];
  /** A directory of workflow files; undefined: the host's workflows. */
  readonly workflows: string | undefined;
}

/** The record `tenants add` stores for a tenant file: credentials and signing secrets apart, in `secrets`. */
export function tenantRecordOf(id: string, file: TenantFile, now: string, createdAt = now): TenantRecord {
  const connections: Record<string, Omit<ConnectionConfig, 'credentials'>> = {};
  const credentials: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const [name, { credentials: given, ...connection }] of Object.entries(file.connections)) {
    connections[name] = connection;
    if (given !== undefined) credentials[name] = given;
  }
  const settings: StoredTenantSettings = {
    connections,
    ...(file.config ? { config: file.config } : {}),
    ...(file.templates ? { templates: file.templates } : {}),
    ...(file.workflows ? { workflows: file.workflows } : {}),
  };
  const secrets: StoredTenantSecrets = { credentials, signingSecrets: file.signingSecrets };
  return { id, settings, secrets, createdAt, updatedAt: now };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function damaged(id: string, what: string): FlowlineError {
  return new FlowlineError('tenants.bad-record', `The stored record of tenant "${id}" is not one flowline tenants add writes: ${what}`, {
    hint: `Remove it (flowline tenants remove ${id}) and add it again from its tenant file.`,
  });
}

/** A record's settings, checked. */
export function storedSettingsOf(record: TenantRecord): StoredTenantSettings {
  const settings = record.settings;
  if (!isObject(settings) || !isObject(settings['connections'])) throw damaged(record.id, 'its settings have no connections object');
  return settings as unknown as StoredTenantSettings;
}

/** A record's secrets, checked (undefined when it has none: a removed tenant whose records were kept). */
export function storedSecretsOf(record: TenantRecord): StoredTenantSecrets | undefined {
  if (record.secrets === undefined) return undefined;
  const secrets = record.secrets;
  if (!isObject(secrets) || !isObject(secrets['credentials']) || !Array.isArray(secrets['signingSecrets'])) throw damaged(record.id, 'its secrets are not { credentials, signingSecrets }');
  return secrets as unknown as StoredTenantSecrets;
}

/** Whether the record stands for a tenant removed with --keep-records. */
export function isRemoved(record: TenantRecord): boolean {
  return isObject(record.settings) && typeof record.settings['removedAt'] === 'string';
}

/** The record a `--keep-records` removal leaves: its settings marked removed, its secrets dropped. */
export function removedRecordOf(record: TenantRecord, now: string): TenantRecord {
  const { secrets: _dropped, ...rest } = record;
  return { ...rest, settings: { ...storedSettingsOf(record), removedAt: now }, updatedAt: now };
}

/**
 * The OAuth token key of a tenant's `oauth` connection. The GHL connector keys an OAuth pair by
 * the connection's `settings.connectionId` (default its name) in one token store for the whole
 * engine, so two gyms' connections named "ghl" would share a pair: each tenant's key is prefixed
 * with `tenant:<id>:`, which the host's token store (tenant-token-store.ts) keeps under that tenant.
 */
export function tenantConnectionId(tenant: string, connectionId: string): string {
  return `tenant:${tenant}:${connectionId}`;
}

function withTenantTokenKey(tenant: string, name: string, connection: ConnectionConfig): ConnectionConfig {
  if (connection.connector !== 'ghl' || connection.credentials?.['type'] !== 'oauth') return connection;
  const given = connection.settings?.['connectionId'];
  const connectionId = tenantConnectionId(tenant, typeof given === 'string' && given !== '' ? given : name);
  return { ...connection, settings: { ...connection.settings, connectionId } };
}

/** What `flowline serve` registers for a stored tenant (its credentials put back into its connections). */
export function hostTenantOf(record: TenantRecord): HostTenantSettings {
  const settings = storedSettingsOf(record);
  const secrets = storedSecretsOf(record);
  if (secrets === undefined || secrets.signingSecrets.length === 0) throw damaged(record.id, 'it has no signing secrets');
  const connections: Record<string, ConnectionConfig> = {};
  for (const [name, connection] of Object.entries(settings.connections)) {
    const credentials = secrets.credentials[name];
    connections[name] = withTenantTokenKey(record.id, name, { ...connection, ...(credentials ? { credentials } : {}) });
  }
  return {
    settings: {
      id: record.id,
      connections,
      ...(settings.config ? { config: settings.config } : {}),
      ...(settings.templates ? { templates: settings.templates } : {}),
    },
    signingSecrets: secrets.signingSecrets,
    workflows: settings.workflows,
  };
}

/** Which secrets a record holds, never their values: each connection's credential type and the fields set, and how many signing secrets. */
export interface SecretsSummary {
  readonly credentials: Readonly<Record<string, { readonly type: string | undefined; readonly set: readonly string[] }>>;
  readonly signingSecrets: number;
}

export function secretsSummaryOf(record: TenantRecord): SecretsSummary | undefined {
  const secrets = storedSecretsOf(record);
  if (secrets === undefined) return undefined;
  const credentials: Record<string, { type: string | undefined; set: string[] }> = {};
  for (const [name, given] of Object.entries(secrets.credentials)) {
    const type = given['type'];
    credentials[name] = { type: typeof type === 'string' ? type : undefined, set: Object.keys(given).filter((key) => key !== 'type').sort() };
  }
  return { credentials, signingSecrets: secrets.signingSecrets.length };
}
