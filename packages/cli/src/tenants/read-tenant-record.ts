import { DEFAULT_TENANT, FlowlineError, checkTenantId, type Store, type TenantRecord } from '@flowline/core';
import { MissingSecretKeyError } from './missing-secret-key-error.js';
import { isRemoved } from './stored-tenant.js';

function translated(error: unknown, command: string, id: string): unknown {
  if (error instanceof FlowlineError && error.code === 'store.no_encryption_key') {
    return new MissingSecretKeyError(command, `tenant "${id}" has secrets (connection credentials, signing secrets) the store keeps encrypted with it`, { cause: error });
  }
  return error;
}

/** A stored tenant's record, decrypted (a removed tenant's too, when `removed` allows); `tenants.not-found` when there is none. */
export async function readTenantRecord(store: Store, id: string, command: string, options: { readonly removed?: boolean } = {}): Promise<TenantRecord> {
  checkTenantId(id, '/tenant');
  if (id === DEFAULT_TENANT) {
    throw new FlowlineError('tenants.default', 'The default tenant is not a stored tenant: its connections and $config are the configuration file\'s, its workflows the ones flowline serve is given', {
      hint: 'Name a tenant added with flowline tenants add (flowline tenants list).',
    });
  }
  let record: TenantRecord | undefined;
  try {
    record = await store.getTenant(id);
  } catch (error) {
    throw translated(error, command, id);
  }
  if (!record || (isRemoved(record) && !options.removed)) {
    throw new FlowlineError('tenants.not-found', `There is no tenant "${id}"${record ? ' (it was removed; its records were kept)' : ''}`, { hint: 'List them with flowline tenants list.' });
  }
  return record;
}
