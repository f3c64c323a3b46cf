import type { Database } from 'better-sqlite3';
import type { TenantExport } from '@flowline/core';
import { listAllDeadLetters } from './dead-letter-ops.js';
import { listAllEffects } from './idempotency-ops.js';
import { listAllInbox } from './inbox-ops.js';
import { listAllLinks } from './link-ops.js';
import { listAllParked } from './parked-ops.js';
import { listAllRuns } from './run-ops.js';
import { listAllWorkflowVersions } from './workflow-version-ops.js';
import type { WriteQueue } from './write-queue.js';

/**
 * `exportRecords` of each tenant: everything `TenantExport` lists, read in one transaction so
 * the parts agree with each other (a run's steps, an inbox entry's runs).
 */
export function createExportRecords(db: Database, queue: WriteQueue): (tenant: string) => () => Promise<TenantExport> {
  const inbox = listAllInbox(db);
  const runs = listAllRuns(db);
  const deadLetters = listAllDeadLetters(db);
  const links = listAllLinks(db);
  const effects = listAllEffects(db);
  const parked = listAllParked(db);
  const workflowVersions = listAllWorkflowVersions(db);
  const read = db.transaction(
    (tenant: string): TenantExport => ({
      tenant,
      inbox: inbox(tenant),
      runs: runs(tenant),
      deadLetters: deadLetters(tenant),
      links: links(tenant),
      effects: effects(tenant),
      parked: parked(tenant),
      workflowVersions: workflowVersions(tenant),
    }),
  );
  return (tenant) => async () => queue.read(() => read(tenant));
}
