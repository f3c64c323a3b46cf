import { FlowlineError, type Store, type TenantRecord } from '@flowline/core';
import { loadWorkflows } from '../host/load-workflows.js';
import type { HostTenant } from '../host/start-host.js';
import { MissingSecretKeyError } from './missing-secret-key-error.js';
import { hostTenantOf, isRemoved } from './stored-tenant.js';

/**
 * The tenant records of a store, decrypted. Without FLOWLINE_SECRET_KEY the store cannot read a
 * record with secrets (every tenant `flowline tenants add` stores has them: its signing secrets
 * at least): `command` is refused, in one line that names the key.
 */
export async function readTenantRecords(store: Store, command: string): Promise<TenantRecord[]> {
  try {
    return await store.listTenants();
  } catch (error) {
    if (error instanceof FlowlineError && error.code === 'store.no_encryption_key') {
      throw new MissingSecretKeyError(command, 'the store holds tenants whose connection credentials (GHL OAuth ones too) and signing secrets it keeps encrypted with it', { cause: error });
    }
    throw error;
  }
}

/**
 * Every stored tenant `flowline serve` registers (not those removed with --keep-records), each
 * with its workflows read from its own directory, or none given: the host's.
 */
export async function loadHostTenants(store: Store, command: string): Promise<HostTenant[]> {
  const tenants: HostTenant[] = [];
  for (const record of await readTenantRecords(store, command)) {
    if (isRemoved(record)) continue;
    const { settings, signingSecrets, workflows } = hostTenantOf(record);
    let files: HostTenant['workflows'];
    if (workflows !== undefined) {
      try {
        files = await loadWorkflows([workflows]);
      } catch (error) {
        throw new FlowlineError('tenants.bad-workflows', `Tenant "${record.id}": its workflows cannot be read from ${workflows}: ${error instanceof Error ? error.message : String(error)}`, {
          hint: `Put them back, or add the tenant again with another "workflows" (flowline tenants remove ${record.id} --keep-records, then flowline tenants add).`,
          cause: error,
        });
      }
    }
    tenants.push({ settings, signingSecrets, ...(files ? { workflows: files } : {}) });
  }
  return tenants;
}
