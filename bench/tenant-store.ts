/** Stores the benchmark's gyms (tenant-files.ts) in a SQLite file as `flowline tenants add` does. */
import { randomBytes } from 'node:crypto';
import { checkNewTenantId, checkTenant, storeTenant } from '../packages/cli/src/commands/tenants-add.js';
import { tenantRecordOf } from '../packages/cli/src/tenants/stored-tenant.js';
import { createSqliteStore } from '../packages/store-sqlite/src/index.js';
import { examplesConfig, tenantFile, tenantId } from './tenant-files.js';

/** A FLOWLINE_SECRET_KEY for a benchmark's store (64 hex digits). */
export const newSecretKey = (): string => randomBytes(32).toString('hex');

/**
 * Stores gyms 1…`count` in the SQLite file at `path` as `flowline tenants add` does: the record
 * of each one's tenant file (tenantRecordOf), its secrets encrypted with `secretKey`, through the
 * command's own storeTenant. The first file is checked as `tenants add` checks it (the others
 * differ only in their values); they are stored in this process rather than by a thousand CLI
 * starts.
 */
export async function storeTenants(path: string, count: number, secretKey: string): Promise<void> {
  const store = createSqliteStore({ path, encryptionKey: secretKey, durability: 'process' });
  try {
    const config = examplesConfig();
    const now = new Date().toISOString();
    for (let n = 1; n <= count; n += 1) {
      const id = tenantId(n);
      checkNewTenantId(id);
      const file = tenantFile(n, config);
      const record = n === 1 ? (await checkTenant(id, file, { hasKey: true })).record : tenantRecordOf(id, file, now);
      await storeTenant(store, record);
    }
  } finally {
    await store.close();
  }
}
