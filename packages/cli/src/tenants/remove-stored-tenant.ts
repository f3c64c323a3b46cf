import { existsSync, writeFileSync } from 'node:fs';
import { createEngine, FlowlineError, type Store, type TenantExport } from '@flowline/core';
import { engineOptions, type HostConfig } from '../host-config.js';
import { createTenantTokenStore, type DurableTokens } from '../host/tenant-token-store.js';
import { readTenantRecord } from './read-tenant-record.js';
import { hostTenantOf, removedRecordOf } from './stored-tenant.js';

export interface RemoveStoredTenantOptions {
  readonly store: Store;
  readonly durable: DurableTokens | undefined;
  /** Where GHL is (`ghl.baseUrl`) for the runs finished on the way out. */
  readonly config: HostConfig;
  /**
   * What an earlier `flowline serve` left of its work (deliveries accepted, runs unfinished):
   * `finish` runs it here, on the versions it started on (its published workflow versions are in
   * its records); `dead-letter` stops it and dead-letters it (reason `tenant-removed`).
   */
  readonly inFlight: 'finish' | 'dead-letter';
  /** Write its records here (JSON, 0600) before they are deleted; the file must not exist. */
  readonly exportTo?: string;
  /** Keep its records (runs, links, dead letters…): it is only no longer served, and its secrets are dropped. */
  readonly keepRecords: boolean;
  readonly now?: () => Date;
}

export interface StoredTenantRemoval {
  readonly tenant: string;
  /** Runs finished on the way out (`finish`). */
  readonly finished: number;
  /** What was written to `exportTo`. */
  readonly exported?: { readonly file: string; readonly runs: number; readonly deadLetters: number; readonly inbox: number };
  readonly recordsKept: boolean;
}

function writeExport(file: string, records: TenantExport): void {
  // Customer data: readable by its owner only; never over an existing file.
  writeFileSync(file, `${JSON.stringify(records, null, 2)}\n`, { flag: 'wx', mode: 0o600, flush: true });
}

/**
 * `flowline tenants remove`: stops what is left of a stored tenant's work as the operator chose,
 * writes its records to a file if asked (before anything is deleted), then deletes its records
 * (its tenant record, settings and secrets, with them) or, with `keepRecords`, leaves them and
 * marks the tenant removed. The caller holds the data directory: no serve runs its work meanwhile.
 */
export async function removeStoredTenant(id: string, options: RemoveStoredTenantOptions): Promise<StoredTenantRemoval> {
  const { store } = options;
  if (options.exportTo !== undefined && existsSync(options.exportTo)) {
    throw new FlowlineError('tenants.export-exists', `${options.exportTo} exists already; the export is never written over a file`, { hint: 'Name a new file with --export.' });
  }
  const record = await readTenantRecord(store, id, 'flowline tenants remove');
  const tenant = hostTenantOf(record);
  const engine = createEngine(engineOptions(options.config, { store, ...(options.durable ? { tokenStore: createTenantTokenStore(options.durable) } : {}) }));
  const scope = engine.addTenant(tenant.settings);
  let finished = 0;
  if (options.inFlight === 'finish') {
    for (const version of await scope.versions()) {
      if (version.state === 'published') await scope.publishVersion(version.workflowId, version.version);
    }
    finished = (await scope.resume()).length;
    await engine.idle();
  }
  // Its records are deleted here, not by the engine, so that the export is on disk first.
  const removal = await engine.removeTenant(id, { inFlight: options.inFlight, export: options.exportTo !== undefined, keepRecords: true });
  let exported: StoredTenantRemoval['exported'];
  if (options.exportTo !== undefined && removal.export) {
    writeExport(options.exportTo, removal.export);
    exported = { file: options.exportTo, runs: removal.export.runs.length, deadLetters: removal.export.deadLetters.length, inbox: removal.export.inbox.length };
  }
  if (options.keepRecords) await store.putTenant(removedRecordOf(record, (options.now ?? (() => new Date()))().toISOString()));
  else await store.deleteTenant(id);
  return { tenant: id, finished, ...(exported ? { exported } : {}), recordsKept: options.keepRecords };
}
