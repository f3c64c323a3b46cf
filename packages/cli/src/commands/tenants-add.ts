import { createEngine, DEFAULT_TENANT, FlowlineError, checkTenantId, type Store, type TenantRecord } from '@flowline/core';
import { hostConnectors } from '../host-config.js';
import { loadWorkflows } from '../host/load-workflows.js';
import { MissingSecretKeyError } from '../tenants/missing-secret-key-error.js';
import { isRemoved, hostTenantOf, tenantRecordOf } from '../tenants/stored-tenant.js';
import type { TenantFile } from '../tenants/tenant-file.js';

/** Throws unless `id` may be added: a tenant id, not the default tenant's. */
export function checkNewTenantId(id: string | undefined): asserts id is string {
  checkTenantId(id, '/tenant');
  if (id === DEFAULT_TENANT) {
    throw new FlowlineError('tenants.default', 'The default tenant is the configuration file\'s (flowline.config.json) and the workflows flowline serve is given; it is not added', {
      hint: 'Give the gym an id of its own, e.g. its PushPress company id.',
    });
  }
}

/**
 * Checks a tenant before anything is stored: that the store can keep its secrets (the key is
 * set), that its connections are for connectors the host has, and that its own workflows (if it
 * names a directory) deploy against its connections and templates.
 */
export async function checkTenant(id: string, file: TenantFile, options: { readonly hasKey: boolean }): Promise<{ readonly record: TenantRecord; readonly workflows: number | undefined }> {
  const record = tenantRecordOf(id, file, new Date().toISOString());
  if (!options.hasKey) {
    const credentials = Object.values(file.connections).some((connection) => connection.credentials !== undefined);
    throw new MissingSecretKeyError('flowline tenants add', `tenant "${id}" has secrets (its signing secrets${credentials ? ' and connection credentials' : ''}), which the store keeps encrypted with it`);
  }
  const engine = createEngine({ connectors: hostConnectors({}) });
  const scope = engine.addTenant(hostTenantOf(record).settings);
  if (file.workflows === undefined) return { record, workflows: undefined };
  const workflows = await loadWorkflows([file.workflows]);
  if (workflows.length === 0) {
    throw new FlowlineError('tenants.no-workflows', `${file.workflows} holds no *.workflow.json files`, { pointer: '/workflows', hint: 'Name the directory of the tenant\'s workflows, or leave "workflows" out to run the ones flowline serve is given.' });
  }
  for (const { file: name, definition } of workflows) {
    try {
      scope.deploy(definition);
    } catch (error) {
      if (!(error instanceof FlowlineError)) throw error;
      throw new FlowlineError('tenants.bad-workflow', `Tenant "${id}" cannot run ${name}: ${error.message}`, {
        ...(error.pointer === undefined ? {} : { pointer: error.pointer }),
        hint: error.hint ?? 'Check it against the connections and templates of the tenant file.',
        cause: error,
      });
    }
  }
  return { record, workflows: workflows.length };
}

/** Stores a checked tenant; `tenants.exists` when it is there (a tenant removed with --keep-records may be added again: its records are its own). */
export async function storeTenant(store: Store, record: TenantRecord): Promise<void> {
  const existing = await store.getTenant(record.id);
  if (existing && !isRemoved(existing)) {
    throw new FlowlineError('tenants.exists', `Tenant "${record.id}" is already added`, { hint: `Remove it first (flowline tenants remove ${record.id}), or choose another id.` });
  }
  await store.putTenant(existing ? { ...record, createdAt: existing.createdAt } : record);
}
